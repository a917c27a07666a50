#!/usr/bin/env bash
# Crash safety: Pass (Release, its real SQLite file) is killed with SIGKILL at a random moment under a write load
# (tokens issued, QR codes created and redeemed, people created and cards bound, tokens revoked), N times (default
# 100). After each kill: PRAGMA integrity_check is "ok" and the in-flight QR codes the dead server had marked used
# are noted; after the restart every write the load saw acknowledged is there, and no QR code gives a second token.
# At the end every round's people, bindings, tokens and revocations are checked once more.
# Usage: tests/hardening/crash-test.sh [rounds] [--postgres]     Prints one JSON line per round and a summary.
# --postgres: Pass on a throwaway PostgreSQL 15 (deploy/cluster/engines.sh) instead of its SQLite file; only Pass is
# killed, so the integrity check is PostgreSQL's own and the rest is the same.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-100}; PORT=${PORT:-5310}; BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/pass-crash.XXXXXX); DB=$WORK/data/pass.db
SERVER_PID=""; ENGINES=""; DATABASE_ENV=()
trap '[[ -n $SERVER_PID ]] && kill -9 $SERVER_PID 2>/dev/null; [[ -n $ENGINES ]] && { bash deploy/cluster/engines.sh stop "$ENGINES" >/dev/null 2>&1; rm -rf "$ENGINES"; }' EXIT
if [[ ${2:-} == --postgres ]]; then
  ENGINES=/tmp/pass-crash-engines.$$
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
  PG=$(free_port)
  PG_PORT=$PG REDIS_PORT=$(free_port) bash deploy/cluster/engines.sh start "$ENGINES" >/dev/null || exit 1
  DB="Host=127.0.0.1;Port=$PG;Username=pass;Database=pass_crash"
  DATABASE_ENV=(Pass__Database__Provider=PostgreSql "ConnectionStrings__Pass=$DB")
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building (Release)"
dotnet build Pass.Web -c Release -v q -nologo >/dev/null || exit 1
dotnet build bench/Pass.Bench -c Release -v q -nologo >/dev/null || exit 1
BENCH="dotnet bench/Pass.Bench/bin/Release/net10.0/Pass.Bench.dll"

source bench/pass-env.sh "$WORK/data"
start_server() {
  env "${PASS_ENV[@]}" "${DATABASE_ENV[@]}" Pass__Tokens__AccessTokenLifetime=1.00:00:00 \
    dotnet Pass.Web/bin/Release/net10.0/Pass.Web.dll --urls "$BASE" >> "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do curl -sf "$BASE/health" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "Pass did not come back up:"; tail -30 "$WORK/server.log"; exit 1
}

failures=0; started=$(date +%s)
start_server
for round in $(seq 1 "$ROUNDS"); do
  journal=$WORK/journal-$round.tsv; : > "$journal"
  $BENCH crash-load --base "$BASE" --journal "$journal" --round "$round" > "$WORK/load-$round.json" 2>&1 &
  load=$!
  # A random moment 0.5 to 4 s into the load (the load signs in first, ~0.3 s).
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.5 + 3.5 * r / 32767 }')"
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
  wait "$load"
  inspect=$($BENCH crash-inspect --db "$DB" --journal "$journal" --out "$WORK/inspected-$round.txt") || failures=$((failures + 1))
  start_server
  verify=$($BENCH crash-verify --base "$BASE" --journal "$journal" --inspected "$WORK/inspected-$round.txt" --db "$DB") || failures=$((failures + 1))
  echo "{\"round\":$round,\"acknowledged\":$(grep -o '"acknowledged":[0-9]*' "$WORK/load-$round.json" | cut -d: -f2 || echo 0),\"inspect\":$inspect,\"verify\":$verify}"
done

echo "== every round once more"
cat "$WORK"/journal-*.tsv | grep -v -P "^qr" > "$WORK/all.tsv"; : > "$WORK/none.txt"
final=$($BENCH crash-verify --base "$BASE" --journal "$WORK/all.tsv" --inspected "$WORK/none.txt" --db "$DB") || failures=$((failures + 1))
echo "$final"
acknowledged=$(cat "$WORK"/journal-*.tsv | grep -c -v -P '^(qr-try|revoke-try)' || true)
kill -9 "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
if [[ $failures == 0 ]]; then rm -rf "$WORK"; where=""; else where=" (journals, database and server log kept in $WORK)"; fi
echo "crash test${ENGINES:+ (PostgreSQL)}: $ROUNDS kills in $(( $(date +%s) - started )) s, $acknowledged acknowledged writes, $failures failed checks$where"
[[ $failures == 0 ]]
