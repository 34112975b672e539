#!/usr/bin/env python3
"""Benchmark functions: Pyrometer's time per call against timeit's, side by side, and how fast discovery is.

1. Agreement with timeit: for a function that does nothing (`pass`) and for `sorted()` of 10,000 shuffled ints,
   Pyrometer's median per call (10 runs, each a fresh worker, 0.1 s a value) against timeit's in the same
   interpreter with the best-of replaced by the median (Timer.autorange() for the loop count, then 10 repeats),
   in 10 fresh processes (the median of their medians), as `python3 -m timeit` run 10 times.
   Eleven rounds that alternate which goes first; the median of the per-round ratios. Target: within 5%.
   Also printed: the harness's own cost per call (the same loop around a function that does nothing), as
   Pyrometer measures it, and each run's worker start-up (the process's wall time less the timed loops).
2. Discovery: a folder of 10 files × 5 functions × 4 sizes (200 benchmarks) listed with `pyrometer run --list`,
   which imports each file once in a child process; median of 5. Target: under 1 s.

Standard library only; needs a built pyrometer:
    cmake --workflow --preset release
    /usr/bin/python3 bench/function_timing.py [--pyrometer build/release/app/pyrometer]
Prints the ratios and whether each meets its target; exits 1 when one does not.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3"
ROUNDS = 11
RUNS = 10

BENCH_FILE = '''
import random

def make_data():
    global data
    data = list(range(10_000))
    random.shuffle(data)

def bench_pass():
    pass

def bench_sorted():
    sorted(data)

bench_sorted.setup = make_data
'''


def timeit_in_child(kind):
    """timeit in a fresh /usr/bin/python3, as `python3 -m timeit` would be run."""
    setup = "import random; data = list(range(10_000)); random.shuffle(data)" if kind == "sorted" else "pass"
    stmt = "sorted(data)" if kind == "sorted" else "f()"
    code = ("import statistics, timeit\n"
            "def f():\n    pass\n"
            f"timer = timeit.Timer({stmt!r}, {setup!r}, globals={{'f': f}})\n"
            "loops, _ = timer.autorange()\n"
            f"print(statistics.median(t / loops for t in timer.repeat({RUNS}, loops)))\n")
    return float(subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout)


def pyrometer_run(pyrometer, folder, out):
    subprocess.run([pyrometer, "run", os.path.join(folder, "bench_agreement.py"), "--python", PYTHON, "-n",
                    str(RUNS), "-w", "0", "--no-progress", "--export-json", out],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(out) as f:
        results = json.load(f)
    found = {}
    for b in results["benchmarks"]:
        runs = [r for r in b["runs"] if not r["warmup"] and r.get("exit_code") == 0]
        found[b["function"]["name"]] = {
            "per_call": statistics.median(r["per_call_s"] for r in runs),
            "harness": b["function"]["harness_s"],
            "loops": b["function"]["loops"],
        }
    return found


def discovery(pyrometer, folder):
    for f in range(10):
        with open(os.path.join(folder, f"bench_file{f}.py"), "w") as out:
            for k in range(5):
                out.write(f"def bench_f{k}(n):\n    sum(range(n))\nbench_f{k}.params = [10, 100, 1000, 10000]\n\n")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        listed = subprocess.run([pyrometer, "run", folder, "--python", PYTHON, "--list"], check=True,
                                capture_output=True, text=True).stdout.splitlines()
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(listed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyrometer", default="build/release/app/pyrometer")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    met = True
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "bench_agreement.py"), "w") as f:
            f.write(BENCH_FILE)
        ratios = {"pass": [], "sorted": []}
        seen = {"pass": [], "sorted": []}
        for round_ in range(args.rounds):
            order = [0, 1] if round_ % 2 == 0 else [1, 0]
            ours = theirs = None
            for which in order:
                if which == 0:
                    ours = pyrometer_run(args.pyrometer, folder, os.path.join(folder, "r.json"))
                else:
                    # As many timeit processes as Pyrometer has workers: a call of 20 ns differs by up to a
                    # fifth from one process to the next (where the interpreter's memory happens to lie), which
                    # one process alone cannot show.
                    theirs = {kind: statistics.median(timeit_in_child(kind) for _ in range(RUNS))
                              for kind in ("pass", "sorted")}
            for kind in ("pass", "sorted"):
                mine = ours["bench_" + kind]
                ratios[kind].append(mine["per_call"] / theirs[kind])
                seen[kind].append((mine["per_call"], theirs[kind], mine["harness"], mine["loops"]))
        print(f"Time per call, Pyrometer (median of {RUNS} fresh workers) against timeit (median of {RUNS} repeats), "
              f"{args.rounds} alternating rounds, {PYTHON}")
        for kind in ("pass", "sorted"):
            ratio = statistics.median(ratios[kind])
            ok = abs(ratio - 1) <= 0.05
            met = met and ok
            ours_median = statistics.median(s[0] for s in seen[kind])
            theirs_median = statistics.median(s[1] for s in seen[kind])
            harness = statistics.median(s[2] for s in seen[kind])
            print(f"  {'pass' if kind == 'pass' else 'sorted() of 10,000 ints':24} Pyrometer {ours_median * 1e9:10.1f} ns"
                  f"   timeit {theirs_median * 1e9:10.1f} ns   ratio {ratio:.3f} (rounds "
                  + ", ".join(f"{r:.3f}" for r in ratios[kind])
                  + f")   {'meets' if ok else 'MISSES'} 'within 5%'")
            print(f"  {'':24} the harness's own loop: {harness * 1e9:.1f} ns a call; "
                  f"{statistics.median(s[3] for s in seen[kind])} calls a value")
        with tempfile.TemporaryDirectory() as many:
            seconds, count = discovery(args.pyrometer, many)
        ok = seconds < 1.0 and count == 200
        met = met and ok
        print(f"Discovery: {count} benchmarks (10 files x 5 functions x 4 sizes) listed in {seconds * 1000:.0f} ms "
              f"(median of 5)   {'meets' if ok else 'MISSES'} 'under 1 s'")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
