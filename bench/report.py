#!/usr/bin/env python3
"""bench/report.py RESULTS.jsonl OUT.md OUT.png MACHINE SMOKE — the table, the bars and the chart of one run."""
import datetime
import json
import os
import statistics
import sys

results_path, md_path, png_path, machine, smoke = sys.argv[1:6]
smoke = smoke == "1"
lines = [json.loads(l) for l in open(results_path) if l.strip().startswith("{")]

wrk = {}
for l in lines:
    if "requests" in l:
        wrk.setdefault(l["scenario"], []).append(l)


def rate(r):
    return r["requests"] / (r["duration_us"] / 1e6)


def med(scenario, f):
    runs = wrk.get(scenario)
    return statistics.median(f(r) for r in runs) if runs else None


def spread(values):
    return (min(values), statistics.median(values), max(values)) if values else None


def rps(s):
    return med(s, rate)


def p99(s):
    return med(s, lambda r: r["p99_us"] / 1000)


def errors(s):
    return sum(r["socket_errors"] + r["non2xx"] for r in wrk.get(s, []))


def ratios(s, ceiling="ceiling"):
    """Each run of s over the ceiling run just before it (run_pair): the ratio from neighbouring runs."""
    beside = {r["run"]: rate(r) for r in wrk.get(ceiling, []) if r.get("pair") == s}
    return [rate(r) / beside[r["run"]] for r in wrk.get(s, []) if beside.get(r["run"])]


def ratio_of(s, ceiling="ceiling"):
    values = ratios(s, ceiling)
    return statistics.median(values) if values else None


def busy(s):
    runs = wrk.get(s, [])
    if not runs or "server_busy" not in runs[0]:
        return None
    return statistics.median(r["server_busy"] for r in runs), statistics.median(r["load_busy"] for r in runs)


def bound(b):
    if b is None:
        return "—"
    server, load = b
    if server >= 90 and load >= 90:
        return "both cores"
    if server >= 90:
        return "server"
    if load >= 90:
        return "**load generator**"
    return "neither (waits)"


names = {
    "ceiling": "(a) ceiling: 200, nothing done (every run beside a scenario's)",
    "check_token": "(b) check_token, 10,000 live tokens",
    "check_token_unknown": "(b) check_token, unknown tokens (random, real shape)",
    "check_token_revoked": "(b) check_token, 2,000 revoked tokens",
    "check_token_mix": "(b) check_token, 90% live / 10% garbage",
    "check_token_beside_grants": "(b) check_token while 8 connections run client_credentials",
    "grants_beside_check_token": "(b) … the client_credentials grants beside it",
    "revocation_load": "(b) check_token while 200 tokens are revoked (a run of its own)",
    "introspection": "(c) OpenIddict introspection, same tokens",
    "peer_introspection": "(d) node-oidc-provider 9 introspection",
    "client_credentials": "(e) client_credentials grant",
    "card_grant": "(e) card grant",
    "qr_create": "(e) QR session creation",
}
rows = []
for key, label in names.items():
    r = rps(key)
    rows.append((label, r, p99(key), errors(key) if r is not None else None, len(wrk.get(key, [])), key))
qr = next((l for l in lines if l.get("scenario") == "qr_redeem"), None)
revocation = next((l for l in lines if l.get("scenario") == "revocation"), None)
watchers = [l for l in lines if l.get("scenario") == "watchers"]
cluster_revocation = next((l for l in lines if l.get("scenario") == "cluster_revocation"), None)
cluster_watchers = [l for l in lines if l.get("scenario") == "cluster_watchers"]


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


a, b, c, d = rps("ceiling"), rps("check_token"), rps("introspection"), rps("peer_introspection")
bars = [
    ("check_token ≥ 0.85 × ceiling (neighbouring runs)", ratio_of("check_token"), 0.85, "×"),
    ("check_token p99 ≤ 10 ms at 64 connections", p99("check_token"), 10, "ms≤"),
    ("check_token, unknown tokens ≥ 0.7 × ceiling", ratio_of("check_token_unknown"), 0.7, "×"),
    ("check_token ≥ 10 × OpenIddict introspection", ratio(b, c), 10, "×"),
    ("check_token ≥ 5 × node-oidc-provider", ratio(b, d), 5, "×"),
    ("client_credentials ≥ 2,000 grants/s", rps("client_credentials"), 2000, "/s"),
    ("card grant ≥ 1,500 grants/s", rps("card_grant"), 1500, "/s"),
]
for w in watchers:
    if w.get("n") == 10000 or (smoke and w is watchers[-1]):
        bars.append((f"{w['n']:,} watchers ≤ 16 KB each", w.get("kb_per_watcher"), 16, "KB≤"))
        bars.append((f"{w['n']:,} watchers push p99 ≤ 250 ms", w.get("p99_ms"), 250, "ms≤"))
if revocation:
    bars.append(("revoked tokens accepted under load = 0", revocation["accepted_after_revoke"], 0, "=0"))
ca = rps("cluster_ceiling")
if rps("cluster_check_token") is not None:
    bars.append(("cluster: check_token on a node ≥ 0.85 × ceiling", ratio_of("cluster_check_token", "cluster_ceiling"), 0.85, "×"))
if rps("cluster_check_token_unknown") is not None:
    bars.append(("cluster: unknown tokens on a node ≥ 0.7 × ceiling", ratio_of("cluster_check_token_unknown", "cluster_ceiling"), 0.7, "×"))
if cluster_revocation:
    bars.append(("cluster: revoked on B, accepted on A afterwards = 0", cluster_revocation["accepted_after_revoke"], 0, "=0"))
for w in cluster_watchers:
    if w.get("n") == 1000 or (smoke and w is cluster_watchers[-1]):
        bars.append((f"cluster: {w['n']:,} watchers on A, code used on B, push p99 ≤ 250 ms", w.get("p99_ms"), 250, "ms≤"))


def met(value, bar, kind):
    if value is None:
        return "not measured"
    ok = value <= bar if kind in ("ms≤", "KB≤", "=0") else value >= bar
    return "met" if ok else "**missed**"


out = []
out.append("# Pass — benchmark results\n")
if smoke:
    out.append("> **Smoke run** (CI): seconds-long, to prove the bench runs. These figures mean nothing.\n")
taken = datetime.datetime.fromtimestamp(os.path.getmtime(results_path), datetime.timezone.utc)  # the run's end, if re-reported later
out.append(f"Machine: {machine}. Date: {taken:%Y-%m-%d %H:%M} UTC. "
           "Server on one core, load generator on the other (`taskset`); wrk, 64 connections, 2 threads; "
           f"warm-up, then {max((r[4] for r in rows if r[5] != 'ceiling'), default=0)} runs of each. All rows from this one run.\n")
out.append("Each scenario's run follows a ceiling run of its own, so its ratio comes from neighbouring runs; rates are "
           "median (min–max) of the runs, the ratio likewise. Core busy: `mpstat` over each run, median, for the server's "
           "core and the load generator's; a row bound by the load generator measures wrk, not Pass.\n")
out.append("| scenario | requests/s median (min–max) | p99 ms | errors or non-2xx | ÷ ceiling median (min–max) | server core | load core | bound by |")
out.append("|---|---:|---:|---:|---:|---:|---:|---|")


def spread_text(values, digits):
    sp = spread(values)
    return "—" if sp is None else f"{fmt(sp[1], digits)} ({fmt(sp[0], digits)}–{fmt(sp[2], digits)})"


def table_row(label, key, ceiling="ceiling"):
    r = rps(key)
    if r is None:
        return f"| {label} | — | — | — | — | — | — | — |"
    b = busy(key)
    ratio_text = "—" if key == ceiling or not ratios(key, ceiling) else spread_text(ratios(key, ceiling), 2)
    cores = ("—", "—") if b is None else (f"{b[0]:.0f}%", f"{b[1]:.0f}%")
    return (f"| {label} | {spread_text([rate(x) for x in wrk[key]], 0)} | {fmt(p99(key), 2)} | {fmt(errors(key))} | "
            f"{ratio_text} | {cores[0]} | {cores[1]} | {bound(b)} |")


for label, r, p, e, _, key in rows:
    out.append(table_row(label, key))
if qr:
    out.append(f"| (e) QR redemption (64 at a time, one-time codes) | {fmt(qr['rps'])} | {fmt(qr['p99_ms'], 2)} | {qr['errors']} | {fmt(ratio(qr['rps'], a), 2)} (÷ median ceiling) | | | |")
out.append("")
if watchers:
    out.append("| live watchers (SSE) | server memory per watcher | push p50 ms | push p99 ms | missed |")
    out.append("|---:|---:|---:|---:|---:|")
    for w in watchers:
        if "error" in w:
            out.append(f"| {w['n']:,} | {w['error']} | | | |")
        else:
            out.append(f"| {w['n']:,} | {fmt(w['kb_per_watcher'], 1)} KB | {fmt(w['p50_ms'], 1)} | {fmt(w['p99_ms'], 1)} | {w['missed']} |")
    out.append("")
if revocation:
    out.append(f"Revocation under load: {revocation['revoked']} tokens revoked (RFC 7009) while check_token ran; "
               f"accepted on their next check: **{revocation['accepted_after_revoke']}**. "
               "(That run's non-2xx count is those revoked tokens being refused.)\n")
if any(k.startswith("cluster_") for k in wrk) or cluster_revocation or cluster_watchers:
    out.append("## Two nodes on PostgreSQL 15 and Redis 7\n")
    out.append("Node A on the server's core, node B beside the load generator (it only revokes and redeems), one PostgreSQL "
               "and one Redis on the same box (deploy/cluster/engines.sh). Every run on node A follows a ceiling run on node A, "
               "so each ratio is taken from neighbouring runs.\n")
    out.append("| scenario | requests/s median (min–max) | p99 ms | errors or non-2xx | ÷ cluster ceiling median (min–max) | server core | load core | bound by |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for key, label in [("cluster_ceiling", "ceiling on node A (every run beside a scenario's)"),
                       ("cluster_check_token", "check_token on node A (cache hits)"),
                       ("cluster_check_token_unknown", "check_token on node A, unknown tokens"),
                       ("cluster_client_credentials", "client_credentials grant on PostgreSQL"),
                       ("cluster_revocation_load", "check_token on A while B revokes 200 (a run of its own)")]:
        out.append(table_row(label, key, "cluster_ceiling"))
    out.append("")
    if cluster_revocation:
        out.append(f"Revocation reach: {cluster_revocation['revoked']} tokens revoked on node B (RFC 7009) while check_token "
                   f"ran on node A; time from sending the revocation to A's first refusal: p50 **{fmt(cluster_revocation.get('reach_p50_ms'), 2)} ms**, "
                   f"p99 **{fmt(cluster_revocation.get('reach_p99_ms'), 2)} ms**; accepted by A after B answered: "
                   f"**{cluster_revocation['accepted_after_revoke']}**.\n")
    for w in cluster_watchers:
        if "error" in w:
            out.append(f"Cross-node push, {w['n']:,} watchers: {w['error']}\n")
        else:
            out.append(f"Cross-node push: {w['n']:,} pages watching on node A, the code redeemed on node B: p50 "
                       f"{fmt(w['p50_ms'], 1)} ms, p99 **{fmt(w['p99_ms'], 1)} ms**, missed {w['missed']}"
                       + (f" (timed from sending the redemption, whose answer took {fmt(w['redeem_ms'], 1)} ms; "
                          f"a warm-up redemption through the same connection ran first)" if 'redeem_ms' in w else "")
                       + ".\n")
    cost = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster-cost.md")
    if not smoke and os.path.exists(cost):
        out.append(open(cost).read())
out.append("## Bars\n")
out.append("| bar | measured | |")
out.append("|---|---:|---|")
for label, value, bar, kind in bars:
    unit = {"×": "×", "ms≤": " ms", "KB≤": " KB", "/s": "/s", "=0": ""}[kind]
    out.append(f"| {label} | {fmt(value, 2 if kind != '/s' else 0)}{unit if value is not None else ''} | {met(value, bar, kind)} |")
out.append("")
out.append("![throughput and p99 per scenario](results.png)\n")
# What was profiled and changed, with before and after, and why a bar is missed: written by hand, kept beside the script.
findings = os.path.join(os.path.dirname(os.path.abspath(__file__)), "findings.md")
if not smoke and os.path.exists(findings):
    out.append(open(findings).read())
open(md_path, "w").write("\n".join(out))

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is missing: no chart")
    sys.exit(0)

chart = [(label.split(") ", 1)[-1], r, p) for label, r, p, _, _, _ in rows if r is not None]
if qr:
    chart.append(("QR redemption", qr["rps"], qr["p99_ms"]))
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
labels = [c[0] for c in chart]
left.barh(labels, [c[1] for c in chart], color="#1565c0")
left.set_xlabel("requests per second (median)")
left.invert_yaxis()
right.barh(labels, [c[2] for c in chart], color="#ef6c00")
right.set_xlabel("p99 latency, ms (median)")
right.invert_yaxis()
right.set_yticklabels([])
fig.suptitle("Pass — one run, server on one core" + (" (smoke run: meaningless)" if smoke else ""))
fig.tight_layout()
fig.savefig(png_path, dpi=110)
