#!/usr/bin/env bash
# A two-node Pass on this machine, behind haproxy, on throwaway PostgreSQL 15 and Redis 7:
#   deploy/cluster/run.sh [DIR]        starts everything (Ctrl-C stops everything)
# PASS_PORT (5400) is the address to open; the nodes listen on NODE_A_PORT / NODE_B_PORT (5401 / 5402).
# Installs postgresql, redis-server and haproxy when missing. Not a deployment recipe: no TLS, fsync off.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=$(realpath -m "${1:-/tmp/pass-cluster}")
export PASS_PORT=${PASS_PORT:-5400} NODE_A_PORT=${NODE_A_PORT:-5401} NODE_B_PORT=${NODE_B_PORT:-5402}
export PG_PORT=${PG_PORT:-55432} REDIS_PORT=${REDIS_PORT:-56379}
ADMIN_PASSWORD=${PASS_ADMIN_PASSWORD:-Admin-Password-1}
mkdir -p "$DIR"

if ! command -v haproxy >/dev/null 2>&1; then
  echo "installing haproxy" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
fi

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash deploy/cluster/engines.sh stop "$DIR/engines"
}
trap stop EXIT INT TERM

bash deploy/cluster/engines.sh start "$DIR/engines" >/dev/null
echo "== building Pass (Release)"
dotnet publish Pass.Web -c Release -o "$DIR/app" -v q --nologo >/dev/null

# One shared configuration; what differs per node is its port and its data folder (logs, nothing shared).
export ASPNETCORE_ENVIRONMENT=Production
export Pass__Database__Provider=PostgreSql
export ConnectionStrings__Pass="Host=127.0.0.1;Port=$PG_PORT;Username=pass;Database=pass"
export Pass__Redis__Configuration="127.0.0.1:$REDIS_PORT"
export Pass__Issuer="http://127.0.0.1:$PASS_PORT/"
export Pass__RequireHttps=false
export Pass__Proxy__KnownProxies__0=127.0.0.1   # haproxy: its X-Forwarded-For names the client
export Pass__Bootstrap__AdminPassword="$ADMIN_PASSWORD"
# The walkthrough's two clients, with secrets made for this run (the same on both nodes, unlike Development's demo ones).
secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_'; }
TERMINAL_SECRET=$(secret) APP_SECRET=$(secret)
export Pass__Clients__0__ClientId=demo-terminal Pass__Clients__0__DisplayName="Demo terminal" Pass__Clients__0__ClientSecret="$TERMINAL_SECRET"
export Pass__Clients__0__ReaderFormat=HexUid Pass__Clients__0__Grants__0=client_credentials Pass__Clients__0__Grants__1=urn:pass:grant-type:card
export Pass__Clients__0__Grants__2=urn:pass:grant-type:qr Pass__Clients__0__Grants__3=refresh_token
export Pass__Clients__1__ClientId=demo-app Pass__Clients__1__DisplayName="Demo app" Pass__Clients__1__ClientSecret="$APP_SECRET"
export Pass__Clients__1__Grants__0=password Pass__Clients__1__Grants__1=refresh_token Pass__Clients__1__Grants__2=client_credentials
export Pass__Clients__1__Grants__3=urn:pass:grant-type:sms

node() { # name port
  # The published folder is the content root: its wwwroot (the portal's scripts and styles) and appsettings.json.
  Pass__DataDirectory="$DIR/$1" dotnet "$DIR/app/Pass.Web.dll" --contentRoot "$DIR/app" --urls "http://127.0.0.1:$2" > "$DIR/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 120); do
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && { echo "node $1 ready on 127.0.0.1:$2"; return; }
    sleep 0.5
  done
  echo "node $1 did not become ready; see $DIR/$1.log" >&2; exit 1
}
# One after the other: the first migrates the database and seeds the administrator and clients.
node a "$NODE_A_PORT"
node b "$NODE_B_PORT"

haproxy -f deploy/cluster/haproxy.cfg -db > "$DIR/haproxy.log" 2>&1 &
pids+=($!)
echo
echo "Pass, two nodes behind haproxy: http://127.0.0.1:$PASS_PORT/  (admin@pass.local / $ADMIN_PASSWORD)"
echo "For the README's walkthrough:"
echo "  BASE=http://127.0.0.1:$PASS_PORT ADMIN_PASSWORD='$ADMIN_PASSWORD' TERMINAL_SECRET='$TERMINAL_SECRET' APP_SECRET='$APP_SECRET'"
echo "Logs in $DIR; Ctrl-C stops the nodes, haproxy, PostgreSQL and Redis."
wait
