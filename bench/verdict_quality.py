#!/usr/bin/env python3
"""How often Pyrometer's verdicts are right, next to pyperf's method and a plain Welch test on the same data.

Each repetition measures three scripts, 30 runs and 1 warmup each:
  A   a ~50 ms script,
  A'  a copy of the same script,
  B   a copy doing 10% more work (the loop runs 10% longer; interpreter start-up is unchanged),
then asks `pyrometer compare` for the verdicts of A vs A' (must be "no significant change" or "change below
threshold") and A vs B (must be "slower"). On the same wall times it applies pyperf's test (a two-sample
t-test with pooled variance at 95%, pyperf's `is_significant`) and Welch's t-test at 95%.

--order interleaved (the default, and how Pyrometer runs several benchmarks): one `pyrometer run` of all three,
    runs interleaved A A' B A A' B ..., so that the machine's drift falls on every side alike; the results are
    split into one file per side for `pyrometer compare`.
--order separate: three invocations one after the other, as a baseline measured first and a candidate later.

    /usr/bin/python3 bench/verdict_quality.py [--pyrometer build/release/app/pyrometer] [--repetitions 20]
        [--order interleaved|separate]
Prints the rates; exits 1 when Pyrometer's rates are below 95%.
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
WORK = """import sys
total = 0
for i in range({n}):
    total += i * i
"""


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


def measure(pyrometer, scripts, outs):
    """Runs the scripts in one invocation, interleaved; writes each benchmark to its own results file, named
    "work" so that the files pair up; returns the wall times of each."""
    combined = outs[0] + ".all.json"
    subprocess.run([pyrometer, "run", "--no-progress", "--python", PYTHON, "-n", "30", "-w", "1", *scripts,
                    "--export-json", combined], check=True, stdout=subprocess.DEVNULL)
    with open(combined) as f:
        results = json.load(f)
    walls = []
    for benchmark, out in zip(results["benchmarks"], outs):
        benchmark["name"] = "work"
        with open(out, "w") as f:
            json.dump({**results, "benchmarks": [benchmark]}, f)
        walls.append([r["wall_s"] for r in benchmark["runs"] if not r["warmup"] and r["exit_code"] == 0])
    return walls


def verdict(pyrometer, baseline, candidate, out):
    """Pyrometer's verdict, and what a looser rule would say on the same comparison: significant and the point
    estimate of the ratio (rather than its whole interval) beyond the threshold."""
    subprocess.run([pyrometer, "compare", baseline, candidate, "--export-json", out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out) as f:
        pair = json.load(f)["pairs"][0]
    significant = pair["mann_whitney"]["p_value"] < 0.01
    point = "slower" if significant and pair["ratio"] >= 1.02 else "faster" if significant and pair["ratio"] <= 1 / 1.02 \
        else "other"
    return pair["verdict"], point


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyrometer", default="build/release/app/pyrometer")
    parser.add_argument("--repetitions", type=int, default=20)
    parser.add_argument("--order", choices=("interleaved", "separate"), default="interleaved")
    args = parser.parse_args()
    pyrometer = os.path.abspath(args.pyrometer)
    counts = {side + "_" + method: 0 for side in ("aa", "ab") for method in ("pyrometer", "point", "pooled", "welch")}
    medians, changes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        a, a2, b = (os.path.join(tmp, name) for name in ("a.py", "a2.py", "b.py"))
        for path, n in ((a, 600_000), (a2, 600_000), (b, 660_000)):
            with open(path, "w") as f:
                f.write(WORK.format(n=n))
        for rep in range(args.repetitions):
            files = [os.path.join(tmp, name) for name in ("a1.json", "a2.json", "b.json", "c.json")]
            if args.order == "interleaved":
                first, again, slower = measure(pyrometer, [a, a2, b], files[:3])
            else:
                [first], [again], [slower] = (measure(pyrometer, [script], [out])
                                              for script, out in zip((a, a2, b), files))
            aa, aa_point = verdict(pyrometer, files[0], files[1], files[3])
            ab, ab_point = verdict(pyrometer, files[0], files[2], files[3])
            counts["aa_pyrometer"] += aa in ("no significant change", "change below threshold")
            counts["ab_pyrometer"] += ab == "slower"
            counts["aa_point"] += aa_point == "other"
            counts["ab_point"] += ab_point == "slower"
            for name, test in (("pooled", pooled_t), ("welch", welch_t)):
                t, p = test(first, again)
                counts["aa_" + name] += p >= 0.05
                t, p = test(first, slower)
                counts["ab_" + name] += p < 0.05 and t > 0
            medians.append(statistics.median(first))
            changes.append(statistics.median(slower) / statistics.median(first) - 1)
            print(f"  repetition {rep + 1:2}: A/A {aa:24} A/B {ab:24} (B {changes[-1]:+.1%})", flush=True)
    n = args.repetitions
    print(f"\n{n} repetitions, {args.order}, 30 runs per side; script median {statistics.median(medians) * 1000:.1f} ms, "
          f"B slower by {statistics.median(changes):+.1%} (median)")
    print(f"{'method':52} {'A/A: no change':>15} {'A/B: slower':>12}")
    for key, label in (("pyrometer", "Pyrometer (Mann–Whitney α=0.01, interval beyond 2%)"),
                       ("point", "Mann–Whitney α=0.01, point estimate beyond 2%"),
                       ("pooled", "pyperf's method (pooled t-test, 95%)"), ("welch", "Welch's t-test, 95%")):
        print(f"{label:52} {counts['aa_' + key] / n:>15.0%} {counts['ab_' + key] / n:>12.0%}")
    ok = counts["aa_pyrometer"] / n >= 0.95 and counts["ab_pyrometer"] / n >= 0.95
    print("targets (both >= 95%):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
