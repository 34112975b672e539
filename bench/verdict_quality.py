#!/usr/bin/env python3
"""How often Pyrometer's verdicts are right, next to other rules and pyperf's method on the same data.

Each repetition measures three scripts of one workload in one `pyrometer run`, 30 runs and 1 warmup each,
interleaved (A A' B A A' B ...):
  A   a ~50 ms script,
  A'  a copy of the same script,
  B   a copy doing more work, calibrated so that the whole run (interpreter start-up included) takes 5%
      longer: the work grows by 5% / (the share of A's time that is work, not start-up).
Workloads: "cpu" (an arithmetic loop), "alloc" (building lists and dicts: allocation and the garbage
collector), "bimodal" (three runs in ten do 60% more work, chosen at random in each run).

A/A must not be called a change ("no significant change" or "change below threshold"); A/B must be "slower".
On the same results, side by side:
  paired       Pyrometer on the one file: `compare r.json --pair a.py=b.py`, the Wilcoxon signed-rank test of
               run i of each (the default for benchmarks of one interleaved run);
  independent  Pyrometer on one file per side: Mann–Whitney U, as for a baseline and a candidate run apart;
and, from the p-values and intervals those write, looser or stricter rules, with pyperf's test (Student's t
with pooled variance, 95%) and Welch's t-test (95%) on the same wall times.

    /usr/bin/python3 bench/verdict_quality.py [--pyrometer build/release/app/pyrometer] [--repetitions 20]
        [--workloads cpu,alloc,bimodal] [--change 0.05] [--save-walls FILE]
Prints the rates per workload and over all; exits 1 when Pyrometer's default misses its targets (A/A false
alarms at most 1%, B detected at least 90%).
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

PYTHON = "/usr/bin/python3"
WORKLOADS = {
    "cpu": """total = 0
for i in range(int(600_000 * {scale})):
    total += i * i
""",
    "alloc": """rows = [[i, str(i), (i, i)] for i in range(int(30_000 * {scale}))]
index = {{row[1]: row for row in rows}}
del rows, index
""",
    "bimodal": """import os
scale = {scale} * (1.6 if os.urandom(1)[0] < 77 else 1.0)
total = 0
for i in range(int(450_000 * scale)):
    total += i * i
""",
}


def betainc(a, b, x):
    """Regularised incomplete beta I_x(a, b) by its continued fraction (Lentz's method)."""
    if x <= 0 or x >= 1:
        return max(0.0, min(1.0, x))
    if x > (a + 1) / (a + b + 2):
        return 1 - betainc(b, a, 1 - x)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x)) / a
    f, c, d = 1.0, 1.0, 0.0
    for i in range(400):
        m = i // 2
        if i == 0:
            numerator = 1.0
        elif i % 2 == 0:
            numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        else:
            numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1 + numerator * d
        d = 1 / (d if abs(d) > 1e-30 else 1e-30)
        c = 1 + numerator / (c if abs(c) > 1e-30 else 1e-30)
        f *= c * d
        if abs(1 - c * d) < 1e-12:
            break
    return front * (f - 1)


def t_two_sided(t, df):
    return betainc(df / 2, 0.5, df / (df + t * t))


def pooled_t(a, b):
    """pyperf's is_significant: Student's two-sample t-test with pooled variance, two-sided 95%."""
    na, nb = len(a), len(b)
    pooled = ((na - 1) * statistics.variance(a) + (nb - 1) * statistics.variance(b)) / (na + nb - 2)
    t = (statistics.mean(b) - statistics.mean(a)) / math.sqrt(pooled * (1 / na + 1 / nb))
    return t, t_two_sided(t, na + nb - 2)


def welch_t(a, b):
    va, vb = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
    t = (statistics.mean(b) - statistics.mean(a)) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va * va / (len(a) - 1) + vb * vb / (len(b) - 1))
    return t, t_two_sided(t, df)


def compare(pyrometer, files, pair, out):
    """The compare JSON's pair: of one file with --pair, or of two files."""
    args = [pyrometer, "compare", *files, "--export-json", out]
    if pair:
        args += ["--pair", pair]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)["pairs"][0]


def sign_test(walls_a, walls_b):
    """Two-sided exact sign test of the log-ratios of run i of each (ties dropped), and their median."""
    d = [math.log(b / a) for a, b in zip(walls_a, walls_b) if a > 0 and b > 0 and a != b]
    n, k = len(d), sum(x > 0 for x in d)
    tail = sum(math.comb(n, i) for i in range(0, min(k, n - k) + 1)) / 2 ** n
    return min(1.0, 2 * tail), math.exp(statistics.median(d))


def rules(pair):
    """What each rule says ("slower", "faster" or "other") from one compare pair."""
    p, ratio = pair["test"]["p_value"], pair["ratio"]
    low, high = pair["ratio_ci"]

    def decide(alpha, interval):
        if p >= alpha:
            return "other"
        if (low if interval else ratio) >= 1.02:
            return "slower"
        if (high if interval else ratio) <= 1 / 1.02:
            return "faster"
        return "other"

    return {"interval α=0.01": decide(0.01, True), "point α=0.01": decide(0.01, False),
            "point α=0.05": decide(0.05, False), "point α=0.001": decide(0.001, False), "verdict": pair["verdict"]}


def work_share(pyrometer, tmp, workload):
    """The share of a run of the workload that is its work, not the interpreter's start-up: medians of 15
    interleaved runs of the workload and of an empty script."""
    script, empty, out = (os.path.join(tmp, name) for name in ("share.py", "empty.py", "share.json"))
    with open(script, "w") as f:
        f.write(WORKLOADS[workload].format(scale=1.0))
    open(empty, "w").close()
    subprocess.run([pyrometer, "run", "--no-progress", "--python", PYTHON, "-n", "15", "-w", "1", script, empty,
                    "--export-json", out], check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        whole, startup = (b["summary"]["median_s"] for b in json.load(f)["benchmarks"])
    return (whole - startup) / whole


def repetition(pyrometer, tmp, scripts):
    combined = os.path.join(tmp, "all.json")
    subprocess.run([pyrometer, "run", "--no-progress", "--python", PYTHON, "-n", "30", "-w", "1", *scripts,
                    "--export-json", combined], check=True, stdout=subprocess.DEVNULL)
    with open(combined) as f:
        results = json.load(f)
    walls, sides = [], []
    for benchmark, name in zip(results["benchmarks"], ("a1", "a2", "b")):
        walls.append([r["wall_s"] for r in benchmark["runs"] if not r["warmup"] and r["exit_code"] == 0])
        side = os.path.join(tmp, name + ".json")
        with open(side, "w") as f:
            json.dump({**results, "benchmarks": [{**benchmark, "name": "work"}]}, f)
        sides.append(side)
    out = os.path.join(tmp, "c.json")
    a, a2, b = (benchmark["name"] for benchmark in results["benchmarks"])
    found = {}
    for kind, other, index in (("aa", a2, 1), ("ab", b, 2)):
        found[kind + " paired"] = rules(compare(pyrometer, [combined], f"{a}={other}", out))
        found[kind + " independent"] = rules(compare(pyrometer, [sides[0], sides[index]], None, out))
        p, ratio = sign_test(walls[0], walls[index])
        found[kind + " sign"] = {"verdict": "other" if p >= 0.01 else "slower" if ratio >= 1.02
                                 else "faster" if ratio <= 1 / 1.02 else "other"}
        for name, test in (("pyperf", pooled_t), ("welch", welch_t)):
            t, p = test(walls[0], walls[index])
            found[kind + " " + name] = {"verdict": "slower" if p < 0.05 and t > 0 else "faster" if p < 0.05 else "other"}
    change = statistics.median(walls[2]) / statistics.median(walls[0]) - 1
    cv = statistics.stdev(walls[0]) / statistics.mean(walls[0])
    return found, change, cv, statistics.median(walls[0]), walls


ROWS = [("paired", "verdict", "Pyrometer, paired (signed-rank α=0.01, median ratio beyond 2%)"),
        ("paired", "interval α=0.01", "paired, whole interval beyond 2%, α=0.01"),
        ("paired", "point α=0.001", "paired, median ratio beyond 2%, α=0.001"),
        ("paired", "point α=0.05", "paired, median ratio beyond 2%, α=0.05"),
        ("sign", "verdict", "paired sign test α=0.01, median ratio beyond 2%"),
        ("independent", "verdict", "Pyrometer, independent (Mann–Whitney α=0.01, interval beyond 2%)"),
        ("independent", "point α=0.01", "independent, point estimate beyond 2%, α=0.01"),
        ("pyperf", "verdict", "pyperf's method (pooled t-test, 95%)"),
        ("welch", "verdict", "Welch's t-test, 95%")]


def is_alarm(verdict):
    return verdict in ("slower", "faster")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyrometer", default="build/release/app/pyrometer")
    parser.add_argument("--repetitions", type=int, default=20)
    parser.add_argument("--workloads", default="cpu,alloc,bimodal")
    parser.add_argument("--change", type=float, default=0.05)
    parser.add_argument("--save-walls", help="write every repetition's wall times (A, A', B) to this JSON file")
    args = parser.parse_args()
    pyrometer = os.path.abspath(args.pyrometer)
    load = os.getloadavg()[0]
    tally = {}  # (workload, method, rule) -> [A/A false alarms, A/B detected]
    raw = {}  # workload -> [[A walls, A' walls, B walls] per repetition], in run order
    info = {}
    for workload in args.workloads.split(","):
        changes, cvs, medians = [], [], []
        with tempfile.TemporaryDirectory() as tmp:
            scripts = [os.path.join(tmp, name) for name in ("a.py", "a2.py", "b.py")]
            share = work_share(pyrometer, tmp, workload)
            for path, scale in zip(scripts, (1.0, 1.0, 1.0 + args.change / share)):
                with open(path, "w") as f:
                    f.write(WORKLOADS[workload].format(scale=scale))
            for rep in range(args.repetitions):
                found, change, cv, median, walls = repetition(pyrometer, tmp, scripts)
                raw.setdefault(workload, []).append(walls)
                changes.append(change)
                cvs.append(cv)
                medians.append(median)
                for method, rule, _ in ROWS:
                    counts = tally.setdefault((workload, method, rule), [0, 0])
                    counts[0] += is_alarm(found["aa " + method][rule])
                    counts[1] += found["ab " + method][rule] == "slower"
                print(f"  {workload} {rep + 1:2}: paired A/A {found['aa paired']['verdict']:24} "
                      f"A/B {found['ab paired']['verdict']:24} (B {change:+.1%}, CV {cv:.1%})", flush=True)
        info[workload] = (statistics.median(medians), statistics.median(changes), statistics.median(cvs))
    if args.save_walls:
        with open(args.save_walls, "w") as f:
            json.dump({"load_average": load, "change": args.change, "walls": raw}, f)
    n = args.repetitions
    workloads = args.workloads.split(",")
    print(f"\n{n} repetitions per workload, interleaved, 30 runs a side; load average at the start {load:.1f}")
    for w in workloads:
        median, change, cv = info[w]
        print(f"  {w}: script median {median * 1000:.1f} ms, B {change:+.1%} (median), CV {cv:.1%} (median)")
    header = "".join(f" {w + ' A/A':>12} {w + ' A/B':>12}" for w in workloads)
    print(f"\n{'rule (false alarms on A/A; B detected as slower)':66}{header} {'all A/A':>8} {'all A/B':>8}")
    ok = True
    for method, rule, label in ROWS:
        line, total = f"{label:66}", [0, 0]
        for w in workloads:
            aa, ab = tally[(w, method, rule)]
            total[0] += aa
            total[1] += ab
            line += f" {aa / n:>12.0%} {ab / n:>12.0%}"
        runs = n * len(workloads)
        line += f" {total[0] / runs:>8.1%} {total[1] / runs:>8.0%}"
        print(line)
        if (method, rule) == ("paired", "verdict"):
            ok = total[0] / runs <= 0.01 and total[1] / runs >= 0.90
    print("targets (A/A false alarms <= 1%, B detected >= 90%, Pyrometer paired):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
