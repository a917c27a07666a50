#!/usr/bin/env bash
# Runs every test of Pass on a fresh machine: restores, builds, finds or installs what the
# browser tests need, runs all test projects, and ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (dotnet on PATH)." >&2
  exit 1
fi

# Browser tests drive Debian's Chromium (with CJK fonts for the Chinese pages); install them when missing.
if [ -d tests/Pass.E2E ] && { [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ]; }; then
  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests..."
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
    || { echo "Could not install chromium (apt-get install chromium fonts-noto-cjk)." >&2; exit 1; }
fi

# The accessibility tests inject axe-core (an npm package, pinned by tests/Pass.E2E/package-lock.json) into the pages.
if [ -f tests/Pass.E2E/package-lock.json ] && [ ! -d tests/Pass.E2E/node_modules ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm is required for the accessibility tests (Node.js 20)." >&2; exit 1; }
  echo "Installing axe-core for the browser tests (npm ci)..."
  (cd tests/Pass.E2E && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tests/Pass.E2E." >&2; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
engines=$(mktemp -d /tmp/pass-engines.XXXXXX)
trap 'bash deploy/cluster/engines.sh stop "$engines" >/dev/null 2>&1; rm -rf "$log" "$log.pg" "$engines"' EXIT

# Throwaway PostgreSQL 15 and Redis 7 on free loopback ports, for the PostgreSQL leg and the cluster tests; engines.sh
# installs the Debian packages when missing (apt never starts their services here).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
export PG_PORT=$(free_port) REDIS_PORT=$(free_port)
if ! bash deploy/cluster/engines.sh start "$engines" >/dev/null; then
  echo "Could not start PostgreSQL and Redis (deploy/cluster/engines.sh)." >&2
  exit 1
fi
export PASS_CLUSTER_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=pass;Maximum Pool Size=40"

# One test project at a time: the browser tests boot WebAssembly in Chromium and need the CPU for it.
dotnet test --solution Pass.sln --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The matrix's PostgreSQL leg: the API suite again, each test host on a database of its own; the tests of the SQLite
# file itself (trait Database=Sqlite) stay on the first leg. The generated bad input runs 60 cases per endpoint here
# (500 on SQLite): without a cheap "did anything commit", each case is followed by a whole fingerprint of the database.
if [ "${PASS_SKIP_POSTGRES:-0}" != 1 ]; then
  echo "== API tests on PostgreSQL"
  PASS_FUZZ_CASES=${PASS_FUZZ_CASES_POSTGRES:-60} PASS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=pass;Maximum Pool Size=20" \
    dotnet test --project tests/Pass.Web.Tests --no-build -- --filter-not-trait "Database=Sqlite" 2>&1 | tee "$log.pg"
  pg_status=${PIPESTATUS[0]}
  [ "$pg_status" = 0 ] || status=$pg_status
fi

# A seconds-long smoke of the benchmark (bench/run.sh --smoke): it builds, runs every scenario once and writes the
# table; its figures mean nothing and no timing bar is asserted. Revoked tokens accepted under load do fail it.
if [ "${PASS_SKIP_BENCH:-0}" != 1 ] && [ -x bench/run.sh ]; then
  echo "== benchmark smoke"
  if bash bench/run.sh --smoke > "$log.bench" 2>&1; then
    grep -E '^(==|wrote)' "$log.bench"
  else
    cat "$log.bench"; echo "The benchmark smoke failed." >&2; status=1
  fi
  rm -f "$log.bench"
fi

# Three rounds of the crash test, on SQLite and on PostgreSQL (tests/hardening/crash-test.sh; the full run is 100): Pass killed with SIGKILL under
# write load, then the file's integrity, every acknowledged write, and no QR code redeemed twice.
if [ "${PASS_SKIP_CRASH:-0}" != 1 ]; then
  echo "== crash test, 3 rounds"
  for database in "" --postgres; do
    if bash tests/hardening/crash-test.sh 3 $database > "$log.crash" 2>&1; then
      tail -1 "$log.crash"
    else
      cat "$log.crash"; echo "The crash test failed ($database)." >&2; status=1
    fi
  done
  rm -f "$log.crash"
fi

# The last summary of each run (the solution, then the PostgreSQL leg), added up.
count() { for f in "$log" "$log.pg"; do [ -f "$f" ] && grep -E "^\s+$1: [0-9]+" "$f" | tail -1 | grep -oE '[0-9]+'; done | awk '{ s += $1 } END { if (NR) print s }'; }
total=$(count total)
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
echo
if [ -z "$total" ]; then
  echo "No test summary: the build or the test run failed before any test ran." >&2
  exit $(( status == 0 ? 1 : status ))
fi
# Each failed test's name and message again, last, where a reader of a long log looks first (each test's captured
# output is left out here: it is in the log above).
if [ "${failed:-0}" != 0 ]; then
  echo "== failed tests"
  for f in "$log" "$log.pg"; do
    [ -f "$f" ] && awk '/^[[:space:]]*failed [^ ]/ { n = 30 } /^[[:space:]]*(Standard output|Standard error|Output)/ { n = 0 } n > 0 { print; n-- }' "$f"
  done
  echo
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
