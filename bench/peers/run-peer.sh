#!/usr/bin/env bash
# bench/peers/run-peer.sh WORK CPU [TOKENS]: starts node-oidc-provider on CPU (pid in WORK/peer.pid) and writes
# WORK/peer-tokens.txt. Installs its npm dependencies the first time.
set -euo pipefail
WORK=$1; CPU=$2; TOKENS=${3:-10000}
cd "$(dirname "$0")"
command -v node >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
[[ -d node_modules/oidc-provider ]] || npm install --no-audit --no-fund --silent
NODE_ENV=production taskset -c "$CPU" node provider.js > "$WORK/peer-server.log" 2>&1 &
echo $! > "$WORK/peer.pid"
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:5400/.well-known/openid-configuration && break; sleep 0.5; done
node issue.js "$TOKENS" > "$WORK/peer-tokens.txt"
