#!/usr/bin/env bash
# The long run of the generated bad-input tests: N cases per endpoint (default 10,000; CI runs 500), then a
# Markdown table of what came back, for SECURITY.md. Usage: tests/hardening/fuzz-long.sh [cases-per-endpoint] [--postgres]
# --postgres: each test host on a database of its own on a throwaway PostgreSQL 15 (deploy/cluster/engines.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-10000}
report=$(mktemp)
engines=""
trap 'rm -f "$report"; [[ -n $engines ]] && { bash deploy/cluster/engines.sh stop "$engines" >/dev/null 2>&1; rm -rf "$engines"; }' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
database=SQLite
if [[ ${2:-} == --postgres ]]; then
  engines=$(mktemp -d /tmp/pass-fuzz-engines.XXXXXX)
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
  pg=$(free_port)
  PG_PORT=$pg REDIS_PORT=$(free_port) bash deploy/cluster/engines.sh start "$engines" >/dev/null
  export PASS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg;Username=pass;Maximum Pool Size=20"
  database=PostgreSQL
fi
start=$(date +%s)
PASS_FUZZ_CASES=$cases PASS_FUZZ_REPORT=$report dotnet test tests/Pass.Web.Tests -c Release -- \
  --filter-class "*GeneratedBadInputTests" | grep -E "^(failed|  (total|failed|succeeded|skipped):)" || true
seconds=$(( $(date +%s) - start ))
echo
echo "Generated bad input on $database, $cases cases per endpoint, $(date -u +%Y-%m-%d) ($seconds s):"
echo
echo "| endpoint | requests | 2xx | 3xx | 4xx | 5xx | refused by Kestrel | refusals that changed state | statuses |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
sort -t'|' -k1,1 "$report" | sed 's/^/| /; s/$/ |/'
awk -F' \\| ' '{ n += $2; ok += $3; re += $4; bad += $5; err += $6; k += $7; ch += $8 }
  END { printf "| **all %d endpoints** | **%d** | %d | %d | %d | **%d** | %d | **%d** | |\n", NR, n, ok, re, bad, err, k, ch }' "$report"
