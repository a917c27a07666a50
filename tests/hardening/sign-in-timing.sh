#!/usr/bin/env bash
# Sign-in timing: does a refused sign-in take as long for an account that does not exist as for a wrong password
# (and for a locked account)? Pass (Release, production settings) on its own SQLite file; N rounds (default 400) of
# each kind, interleaved, on the portal's sign-in API and the password grant. Prints the medians and the 90th
# percentiles in ms, and fails when a median differs from the wrong password's by more than 15 %. The work itself
# (one hash, one commit) is asserted by tests/Pass.Web.Tests/SignInWorkTests.cs; this run measures what it costs.
# Usage: tests/hardening/sign-in-timing.sh [rounds]
set -uo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-400}; PORT=${PORT:-5320}; BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/pass-timing.XXXXXX); SERVER_PID=""
trap '[[ -n $SERVER_PID ]] && kill -9 $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Pass.Web -c Release -v q -nologo >/dev/null || exit 1
source bench/pass-env.sh "$WORK/data"
env "${PASS_ENV[@]}" Pass__RateLimits__Enabled=false dotnet Pass.Web/bin/Release/net10.0/Pass.Web.dll --urls "$BASE" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.25; done

python3 - "$BASE" "$ROUNDS" <<'PY'
import http.cookiejar, json, statistics, sys, time, urllib.error, urllib.parse, urllib.request
base, rounds = sys.argv[1], int(sys.argv[2])
jar = http.cookiejar.CookieJar()
admin = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def call(opener, path, body=None, form=None, headers=None):
    data = json.dumps(body).encode() if body is not None else urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with opener.open(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()

call(admin, "/api/account/login", {"email": "admin@bench.local", "password": "Bench-Admin-Password-1"})
anti = json.loads(call(admin, "/api/antiforgery")[1])
# Four wrong passwords per person stay below the lockout (five); one person is locked on purpose.
people = {path: [f"timing-{path}-{i}@bench.local" for i in range(rounds // 4 + 1)] for path in ("portal", "grant")}
for email in people["portal"] + people["grant"] + ["locked@bench.local"]:
    status, _ = call(admin, "/api/users", {"email": email, "displayName": "Timing", "password": "Timing-Password-1"}, headers={anti["headerName"]: anti["token"]})
    assert status in (200, 201), status

plain = urllib.request.build_opener()
def portal(email):
    return call(plain, "/api/account/login", {"email": email, "password": "Not-The-Password-1"})
def grant(email):
    return call(plain, "/oauth/v2/token", form={"grant_type": "password", "username": email, "password": "Not-The-Password-1",
                                                "client_id": "bench-app", "client_secret": "bench-app-secret-0123456789abcdef"})
for _ in range(5):
    portal("locked@bench.local")

failed = False
for name, path in (("portal", portal), ("grant", grant)):
    kinds = {"unknown": lambda i: f"nobody-{i}@bench.local", "wrong": lambda i: people[name][i // 4], "locked": lambda i: "locked@bench.local"}
    samples = {kind: [] for kind in kinds}
    for i in range(rounds):
        for kind, account in kinds.items():
            started = time.perf_counter()
            status, _ = path(account(i))
            samples[kind].append((time.perf_counter() - started) * 1000)
            assert status in (400, 401), (name, kind, status)
    wrong = statistics.median(samples["wrong"])
    for kind, values in samples.items():
        median, p90 = statistics.median(values), statistics.quantiles(values, n=10)[-1]
        off = abs(median - wrong) / wrong
        failed |= off > 0.15
        print(json.dumps({"path": name, "kind": kind, "rounds": len(values), "median_ms": round(median, 2), "p90_ms": round(p90, 2), "off_from_wrong_password": round(off, 3)}))
print("sign-in timing: " + ("a refusal's time tells the kind of account" if failed else "within 15 % of a wrong password"))
sys.exit(1 if failed else 0)
PY
