#!/usr/bin/env bash
# Pass's speed, side by side in one run: bench/run.sh [--smoke]
# Release build; the server on core 0, the load on core 1; wrk with Lua; warm-up, 3 runs, median.
# Writes bench/results.md and bench/results.png. --smoke: seconds-long, for CI (figures meaningless; written to a
# temporary folder so the committed results stay).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SMOKE=0; [[ "${1:-}" == "--smoke" ]] && SMOKE=1

if [[ $SMOKE == 1 ]]; then DURATION=1; RUNS=1; WARMUP=1; TOKENS=300; WATCHERS="50,100"; QR_CODES=100
else DURATION=${DURATION:-10}; RUNS=3; WARMUP=5; TOKENS=10000; WATCHERS=${WATCHERS:-1000,5000,10000}; QR_CODES=3000; fi
CONNECTIONS=64; PORT=${PORT:-5300}; BASE=http://127.0.0.1:$PORT
# ONLY="check_token watchers" runs just those scenarios (for profiling a fix); the report then has only them.
ONLY=${ONLY:-}
want() { [[ -z $ONLY || " $ONLY " == *" $1 "* || ( $1 == cluster_* && " $ONLY " == *" cluster "* ) ]]; }
WORK=$(mktemp -d /tmp/pass-bench.XXXXXX); RESULTS=$WORK/results.jsonl; : > "$RESULTS"
ENGINES=/tmp/pass-bench-engines.$$  # beside WORK, not in it: PostgreSQL runs as its own user and must reach its folder
OUT=bench; [[ $SMOKE == 1 || -n ${ONLY:-} ]] && OUT=$WORK
SERVER_PID=""; PEER_PID=""; NODE_B_PID=""
cleanup() {
  for pid in "$SERVER_PID" "$PEER_PID" "$NODE_B_PID"; do [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; done
  [[ -d $ENGINES ]] && { bash deploy/cluster/engines.sh stop "$ENGINES" >/dev/null 2>&1; rm -rf "$ENGINES"; } || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need taskset util-linux
need mpstat sysstat
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
CORES=$(nproc); SERVER_CPU=0; LOAD_CPU=$(( CORES > 1 ? 1 : 0 ))

echo "== building (Release)"
dotnet build Pass.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Pass.Bench -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Pass.Bench/bin/Release/net10.0/Pass.Bench.dll"

echo "== starting Pass on core $SERVER_CPU"
# Pinned to one core, the runtime waits ten times longer (1 s instead of 100 ms) for a pause in new tier-0 code
# before it starts promoting hot methods to optimized code; under unbroken load that pause never comes and the server
# runs unoptimized code for good (grants were measured at a third of their speed). A server on two or more cores
# uses 100 ms, so the multiplier is set to 1 to measure what such a deployment runs.
source bench/pass-env.sh "$WORK/data"
env "${PASS_ENV[@]}" DOTNET_gcServer=1 DOTNET_TC_DelaySingleProcMultiplier=1 Pass__Bench__Enabled=true \
  taskset -c $SERVER_CPU dotnet Pass.Web/bin/Release/net10.0/Pass.Web.dll --urls "$BASE" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "Pass did not start"; cat "$WORK/server.log"; exit 1; }

echo "== seeding $TOKENS tokens"
taskset -c $LOAD_CPU $BENCH seed --base "$BASE" --out "$WORK" --tokens "$TOKENS" --revoked $(( TOKENS / 5 ))
export BENCH_TOKENS=$WORK/tokens.txt BENCH_CARD=04A23B1C BENCH_PERSON_TOKEN=$(cat "$WORK/person-token.txt")
export BENCH_BASIC=$(printf 'bench-terminal:bench-terminal-secret-0123456789abcdef' | base64 -w0)

# scenario name, script parts -> the Lua script for wrk
wrk_script() {
  local script=$WORK/$1.lua
  : > "$script"; for part in $2; do cat "bench/wrk/$part.lua" >> "$script"; echo >> "$script"; done
  cat bench/wrk/report.lua >> "$script"
  echo "$script"
}

# One timed wrk run into results.jsonl, with how busy each core was meanwhile (mpstat): the server's core and the load
# generator's. A row whose load core is saturated measures wrk, not Pass. name script url run [pair]
timed_wrk() {
  local name=$1 script=$2 url=$3 run=$4 pair=${5:-} line busy
  LC_ALL=C mpstat -P "$SERVER_CPU,$LOAD_CPU" "$DURATION" 1 > "$WORK/mpstat.txt" 2>/dev/null &
  local mpstat=$!
  line=$(taskset -c $LOAD_CPU wrk -t2 -c$CONNECTIONS -d${DURATION}s -s "$script" "$url" | tail -n 1)
  wait $mpstat 2>/dev/null || true
  busy=$(awk -v s=$SERVER_CPU -v l=$LOAD_CPU '/^Average:/ && $2 ~ /^[0-9]+$/ { b[$2] = 100 - $NF }
    END { printf "\"server_busy\":%.1f,\"load_busy\":%.1f", b[s], b[l] }' "$WORK/mpstat.txt")
  echo "{\"scenario\":\"$name\",\"run\":$run,${pair:+\"pair\":\"$pair\",}$busy,${line:1}" >> "$RESULTS"
  echo "   $name run $run: $line ($busy)"
}

# scenario name, script parts, url [ceiling name, ceiling url]: warm-up, then RUNS times the ceiling and the scenario
# in turn, so each ratio is taken from neighbouring runs (a shared box drifts by more than the differences measured).
run_pair() {
  want "$1" || return 0
  local name=$1 script ceiling_name=${4:-ceiling} ceiling_url=${5:-$BASE/bench/ceiling}
  script=$(wrk_script "$name" "$2")
  taskset -c $LOAD_CPU wrk -t2 -c$CONNECTIONS -d${WARMUP}s -s "$script" "$3" >/dev/null
  for run in $(seq 1 $RUNS); do
    timed_wrk "$ceiling_name" "$(wrk_script ceiling ceiling)" "$ceiling_url" "$run" "$name"
    timed_wrk "$name" "$script" "$3" "$run"
  done
}

# check_token while a grant load runs beside it (8 connections of client_credentials): the hot path must not queue
# behind writes. The grants' own line is kept as grants_beside_check_token. name base
run_beside_grants() {
  want "$1" || return 0
  local name=$1 base=$2 script grants
  script=$(wrk_script "$name" "tokens check_token"); grants=$(wrk_script grants_beside client_credentials)
  for run in $(seq 1 $RUNS); do
    timed_wrk ceiling "$(wrk_script ceiling ceiling)" "$base/bench/ceiling" "$run" "$name"
    taskset -c $LOAD_CPU wrk -t1 -c8 -d${DURATION}s -s "$grants" "$base/oauth/v2/token" | tail -n 1 > "$WORK/grants-beside.txt" &
    local beside=$!
    timed_wrk "$name" "$script" "$base/oauth/v2/check_token" "$run"
    wait $beside
    local line; line=$(cat "$WORK/grants-beside.txt")
    echo "{\"scenario\":\"grants_beside_check_token\",\"run\":$run,${line:1}" >> "$RESULTS"
  done
}

# A row with no ceiling beside it (another server's). name parts url
run_wrk() {
  want "$1" || return 0
  local script; script=$(wrk_script "$1" "$2")
  taskset -c $LOAD_CPU wrk -t2 -c$CONNECTIONS -d${WARMUP}s -s "$script" "$3" >/dev/null
  for run in $(seq 1 $RUNS); do timed_wrk "$1" "$script" "$3" "$run"; done
}

# Revocation under load, in a run of its own (not among check_token's timed runs, whose load core it would share
# unaccounted): tokens revoked while check_token is hammered must be refused at once. name revoke-base check-base
run_revocation() {
  local name=$1 script; script=$(wrk_script "$name" "tokens check_token")
  ( sleep $(( DURATION / 2 )); taskset -c $LOAD_CPU $BENCH revoke-under-load --base "$2" --check-base "$3" --scenario "$name" \
      --tokens "$BENCH_TOKENS" --count $(( TOKENS < 200 ? TOKENS / 2 : 200 )) >> "$RESULTS" ) &
  local revoker=$!
  timed_wrk "${name}_load" "$script" "$3/oauth/v2/check_token" 1
  wait $revoker
}

SCENARIOS=(
  "check_token|tokens check_token|/oauth/v2/check_token"
  "check_token_unknown|tokens garbage check_unknown|/oauth/v2/check_token"
  "check_token_revoked|tokens check_token|/oauth/v2/check_token"
  "check_token_mix|tokens garbage check_mix|/oauth/v2/check_token"
  "introspection|tokens introspect|/oauth/v2/introspect"
  "client_credentials|client_credentials|/oauth/v2/token"
  "card_grant|card|/oauth/v2/token"
  "qr_create|qr_create|/oauth/v2/qrcode"
)

# Every path the runs take is exercised first, so the runs measure optimized code, not the JIT's first pass.
if [[ $SMOKE == 0 ]]; then
  echo "== warm-up: every scenario, ${JIT_WARMUP:=6}s each"
  for entry in "ceiling|ceiling|/bench/ceiling" "${SCENARIOS[@]}"; do
    IFS='|' read -r name parts path <<< "$entry"
    want "$name" || continue
    BENCH_TOKENS=$( [[ $name == check_token_revoked ]] && echo "$WORK/revoked.txt" || echo "$BENCH_TOKENS" ) \
      taskset -c $LOAD_CPU wrk -t2 -c$CONNECTIONS -d${JIT_WARMUP}s -s "$(wrk_script "$name" "$parts")" "$BASE$path" >/dev/null
  done
fi

echo "== wrk, $CONNECTIONS connections, ${DURATION}s x $RUNS, each run beside a ceiling run"
for entry in "${SCENARIOS[@]}"; do
  IFS='|' read -r name parts path <<< "$entry"
  if [[ $name == check_token_revoked ]]; then
    BENCH_TOKENS=$WORK/revoked.txt run_pair "$name" "$parts" "$BASE$path"
  else
    run_pair "$name" "$parts" "$BASE$path"
  fi
  [[ $name == check_token_mix ]] && run_beside_grants check_token_beside_grants "$BASE"
done
want check_token && run_revocation revocation "$BASE" "$BASE"
want qr_redeem && taskset -c $LOAD_CPU $BENCH qr-redeem --base "$BASE" --codes $QR_CODES >> "$RESULTS"

echo "== peer: node-oidc-provider introspection"
if ! want peer_introspection; then :
elif bash bench/peers/run-peer.sh "$WORK" $SERVER_CPU "$TOKENS" >> "$WORK/peer.log" 2>&1; then
  # The peer's client and paths for its row only: the cluster phase after it runs as bench-terminal again (every
  # cluster client_credentials request was a 401 while the peer's credentials stayed exported).
  PASS_BASIC=$BENCH_BASIC PASS_INTROSPECT_PATH=${BENCH_INTROSPECT_PATH:-}
  export BENCH_TOKENS=$WORK/peer-tokens.txt BENCH_BASIC=$(printf 'bench:bench-secret-0123456789abcdef' | base64 -w0) BENCH_INTROSPECT_PATH=/token/introspection
  PEER_PID=$(cat "$WORK/peer.pid")
  run_wrk peer_introspection "tokens introspect" "http://127.0.0.1:5400/token/introspection"
  kill "$PEER_PID" 2>/dev/null || true; PEER_PID=""
  export BENCH_BASIC=$PASS_BASIC
  if [[ -n $PASS_INTROSPECT_PATH ]]; then export BENCH_INTROSPECT_PATH=$PASS_INTROSPECT_PATH; else unset BENCH_INTROSPECT_PATH; fi
else
  echo "   the peer could not be set up (see $WORK/peer.log); its row stays empty"; tail -5 "$WORK/peer.log"
fi

echo "== live watchers: $WATCHERS"
want watchers && taskset -c $LOAD_CPU $BENCH watchers --base "$BASE" --pid $SERVER_PID --counts "$WATCHERS" >> "$RESULTS"

# Two nodes on PostgreSQL and Redis: node A where the single server ran (same core, same port), node B beside the load
# generator (it only revokes and redeems). The cluster's own ceiling first, for the ratio.
if want cluster; then
  echo "== cluster: two nodes on PostgreSQL 15 and Redis 7"
  kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
  PG_PORT=$(free_port) REDIS_PORT=$(free_port) bash deploy/cluster/engines.sh start "$ENGINES" > "$ENGINES.env"
  source <(sed 's/^/export /; s/=\(.*\)$/="\1"/' "$ENGINES.env")
  BASE_B=http://127.0.0.1:$(( PORT + 1 ))
  CLUSTER_ENV=(Pass__Database__Provider=PostgreSql "ConnectionStrings__Pass=${ConnectionStrings__Pass/Database=postgres/Database=pass_bench}"
    "Pass__Redis__Configuration=$Pass__Redis__Configuration" "Pass__Issuer=$BASE/" Pass__Bench__Enabled=true)
  start_node() { # cpu url data
    source bench/pass-env.sh "$3"
    env "${PASS_ENV[@]}" "${CLUSTER_ENV[@]}" DOTNET_gcServer=1 DOTNET_TC_DelaySingleProcMultiplier=1 \
      taskset -c "$1" dotnet Pass.Web/bin/Release/net10.0/Pass.Web.dll --urls "$2" >> "$WORK/cluster.log" 2>&1 &
    NODE_PID=$!
    for _ in $(seq 1 120); do curl -sf "$2/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
    echo "a cluster node did not start"; tail -30 "$WORK/cluster.log"; exit 1
  }
  start_node $SERVER_CPU "$BASE" "$WORK/node-a"; SERVER_PID=$NODE_PID
  start_node $LOAD_CPU "$BASE_B" "$WORK/node-b"; NODE_B_PID=$NODE_PID
  mkdir -p "$WORK/cluster"
  taskset -c $LOAD_CPU $BENCH seed --base "$BASE" --out "$WORK/cluster" --tokens "$TOKENS" --revoked 0
  export BENCH_TOKENS=$WORK/cluster/tokens.txt BENCH_PERSON_TOKEN=$(cat "$WORK/cluster/person-token.txt")
  if [[ $SMOKE == 0 ]]; then
    for entry in "cluster_check_token|tokens check_token|/oauth/v2/check_token" "cluster_client_credentials|client_credentials|/oauth/v2/token"; do
      IFS='|' read -r name parts path <<< "$entry"
      taskset -c $LOAD_CPU wrk -t2 -c$CONNECTIONS -d${JIT_WARMUP:-6}s -s "$(wrk_script "$name" "$parts")" "$BASE$path" >/dev/null
    done
  fi
  for entry in "cluster_check_token|tokens check_token|/oauth/v2/check_token" \
      "cluster_check_token_unknown|tokens garbage check_unknown|/oauth/v2/check_token" \
      "cluster_client_credentials|client_credentials|/oauth/v2/token"; do
    IFS='|' read -r name parts path <<< "$entry"
    run_pair "$name" "$parts" "$BASE$path" cluster_ceiling "$BASE/bench/ceiling"
  done
  run_revocation cluster_revocation "$BASE_B" "$BASE"
  taskset -c $LOAD_CPU $BENCH watchers --base "$BASE" --redeem-base "$BASE_B" --scenario cluster_watchers --pid $SERVER_PID \
    --counts "$( [[ $SMOKE == 1 ]] && echo 50 || echo 1000 )" >> "$RESULTS"
  kill "$SERVER_PID" "$NODE_B_PID" 2>/dev/null; wait "$SERVER_PID" "$NODE_B_PID" 2>/dev/null || true; SERVER_PID=""; NODE_B_PID=""
  bash deploy/cluster/engines.sh stop "$ENGINES" >/dev/null
fi

echo "== report"
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matplotlib >/dev/null; }
/usr/bin/python3 bench/report.py "$RESULTS" "$OUT/results.md" "$OUT/results.png" "$(lscpu | sed -n 's/^Model name: *//p' | head -1), $CORES cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)" $SMOKE
cp "$RESULTS" "$OUT/results.jsonl" 2>/dev/null || true
echo "wrote $OUT/results.md and $OUT/results.png"
