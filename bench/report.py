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


def med(scenario, f):
    runs = wrk.get(scenario)
    return statistics.median(f(r) for r in runs) if runs else None


def rps(s):
    return med(s, lambda r: r["requests"] / (r["duration_us"] / 1e6))


def p99(s):
    return med(s, lambda r: r["p99_us"] / 1000)


def errors(s):
    return sum(r["socket_errors"] + r["non2xx"] for r in wrk.get(s, []))


names = {
    "ceiling": "(a) ceiling: 200, nothing done",
    "check_token": "(b) check_token, 10,000 live tokens",
    "introspection": "(c) OpenIddict introspection, same tokens",
    "peer_introspection": "(d) node-oidc-provider 9 introspection",
    "client_credentials": "(e) client_credentials grant",
    "card_grant": "(e) card grant",
    "qr_create": "(e) QR session creation",
}
rows = []
for key, label in names.items():
    r = rps(key)
    rows.append((label, r, p99(key), errors(key) if r is not None else None, len(wrk.get(key, []))))
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
    ("check_token ≥ 0.7 × ceiling", ratio(b, a), 0.7, "×"),
    ("check_token ≥ 10 × OpenIddict introspection", ratio(b, c), 10, "×"),
    ("check_token ≥ 5 × node-oidc-provider", ratio(b, d), 5, "×"),
    ("check_token p99 ≤ 10 ms at 64 connections", p99("check_token"), 10, "ms≤"),
    ("client_credentials ≥ 1,000 grants/s", rps("client_credentials"), 1000, "/s"),
]
for w in watchers:
    if w.get("n") == 10000 or (smoke and w is watchers[-1]):
        bars.append((f"{w['n']:,} watchers ≤ 16 KB each", w.get("kb_per_watcher"), 16, "KB≤"))
        bars.append((f"{w['n']:,} watchers push p99 ≤ 250 ms", w.get("p99_ms"), 250, "ms≤"))
if revocation:
    bars.append(("revoked tokens accepted under load = 0", revocation["accepted_after_revoke"], 0, "=0"))
ca = rps("cluster_ceiling")
if rps("cluster_check_token") is not None:
    bars.append(("cluster: check_token on a node ≥ 0.7 × ceiling", ratio(rps("cluster_check_token"), ca), 0.7, "×"))
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
           f"warm-up, then {max((r[4] for r in rows), default=0)} runs, median. All rows from this one run.\n")
out.append("| scenario | requests/s | p99 ms | errors or non-2xx | vs ceiling |")
out.append("|---|---:|---:|---:|---:|")
for label, r, p, e, _ in rows:
    out.append(f"| {label} | {fmt(r)} | {fmt(p, 2)} | {fmt(e)} | {fmt(ratio(r, a), 2)} |")
if qr:
    out.append(f"| (e) QR redemption (64 at a time, one-time codes) | {fmt(qr['rps'])} | {fmt(qr['p99_ms'], 2)} | {qr['errors']} | {fmt(ratio(qr['rps'], a), 2)} |")
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
               "(The check_token runs' non-2xx count includes those revoked tokens being refused.)\n")
if any(k.startswith("cluster_") for k in wrk) or cluster_revocation or cluster_watchers:
    out.append("## Two nodes on PostgreSQL 15 and Redis 7\n")
    out.append("Node A on the server's core, node B beside the load generator (it only revokes and redeems), one PostgreSQL "
               "and one Redis on the same box (deploy/cluster/engines.sh). The cluster's own ceiling run comes first, "
               "so the ratio is taken in the same phase.\n")
    out.append("| scenario | requests/s | p99 ms | errors or non-2xx | vs cluster ceiling | single node (SQLite) |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for key, label, single in [("cluster_ceiling", "ceiling on node A", "ceiling"),
                               ("cluster_check_token", "check_token on node A (cache hits; B revokes meanwhile)", "check_token"),
                               ("cluster_client_credentials", "client_credentials grant on PostgreSQL", "client_credentials")]:
        r = rps(key)
        out.append(f"| {label} | {fmt(r)} | {fmt(p99(key), 2)} | {fmt(errors(key) if r is not None else None)} | {fmt(ratio(r, ca), 2)} | {fmt(rps(single))} |")
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

chart = [(label.split(") ", 1)[-1], r, p) for label, r, p, _, _ in rows if r is not None]
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
