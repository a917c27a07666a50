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
trap 'rm -f "$log"' EXIT

# One test project at a time: the browser tests boot WebAssembly in Chromium and need the CPU for it.
dotnet test --solution Pass.sln --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

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

# Three rounds of the crash test (tests/hardening/crash-test.sh; the full run is 100): Pass killed with SIGKILL under
# write load, then the file's integrity, every acknowledged write, and no QR code redeemed twice.
if [ "${PASS_SKIP_CRASH:-0}" != 1 ]; then
  echo "== crash test, 3 rounds"
  if bash tests/hardening/crash-test.sh 3 > "$log.crash" 2>&1; then
    tail -1 "$log.crash"
  else
    cat "$log.crash"; echo "The crash test failed." >&2; status=1
  fi
  rm -f "$log.crash"
fi

total=$(grep -E '^\s+total: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
echo
if [ -z "$total" ]; then
  echo "No test summary: the build or the test run failed before any test ran." >&2
  exit $(( status == 0 ? 1 : status ))
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
