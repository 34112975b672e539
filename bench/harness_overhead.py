#!/usr/bin/env python3
"""How much Pyrometer adds to what it measures, compared side by side with hyperfine and /usr/bin/time.

1. Timing: an empty script run with /usr/bin/python3. The medians of 200 runs per tool, taken in blocks of 10
   that alternate between the tools (and which goes first), so that drift of this shared machine hits both
   alike; then the tools' own total wall time for a whole invocation of 200 runs, start-up and writing the
   results included, over 5 alternating rounds (median of the per-round ratios).
2. Memory: peak RSS of a script holding 200 MiB, and of /bin/true (where Pyrometer's own size would show if it
   leaked into the runs), from Pyrometer and from `/usr/bin/time -v`, medians of 5 runs each.

Needs hyperfine and time (Debian packages) and a built pyrometer:
    apt-get install -y hyperfine time && cmake --workflow --preset release
    /usr/bin/python3 bench/harness_overhead.py [--pyrometer build/release/app/pyrometer]
Prints the ratios and whether each meets its target; exits 1 when one does not.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3"


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def hyperfine(script, runs, out):
    total = timed(["hyperfine", "-N", "--runs", str(runs), "--warmup", "0", "--style", "none",
                   "--export-json", out, f"{PYTHON} {script}"])
    with open(out) as f:
        return json.load(f)["results"][0]["times"], total


def pyrometer(binary, script, runs, out):
    total = timed([binary, "run", script, "--python", PYTHON, "-n", str(runs), "-w", "0", "--no-progress",
                   "--export-json", out])
    with open(out) as f:
        runs = json.load(f)["benchmarks"][0]["runs"]
    return [r["wall_s"] for r in runs if not r["warmup"]], [r["max_rss_bytes"] for r in runs], total


def pyrometer_command(binary, command, runs, out):
    subprocess.run([binary, "run", "-n", str(runs), "-w", "0", "--no-progress", "--export-json", out, "--command",
                    "--"] + command, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return [r["max_rss_bytes"] for r in json.load(f)["benchmarks"][0]["runs"]]


def time_v_rss(script):
    return time_v_rss_command([PYTHON, script])


def time_v_rss_command(command):
    result = subprocess.run(["/usr/bin/time", "-v"] + command, check=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    kib = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(kib.group(1)) * 1024


def verdict(ratio, tolerance):
    return "meets" if abs(ratio - 1.0) <= tolerance else "MISSES"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pyrometer", default="build/release/app/pyrometer")
    parser.add_argument("--runs", type=int, default=200, help="runs per tool (default 200)")
    parser.add_argument("--block", type=int, default=10, help="runs per block for the medians (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="whole invocations per tool for the totals")
    args = parser.parse_args()
    binary = os.path.abspath(args.pyrometer)

    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.py")
        open(empty, "w").close()
        allocate = os.path.join(tmp, "allocate.py")
        with open(allocate, "w") as f:
            f.write("block = b'\\x01' * (200 * 1024 * 1024)\n")
        out = os.path.join(tmp, "out.json")

        # Medians: many short alternating blocks, so that drift of this shared machine cancels out.
        walls = {"pyrometer": [], "hyperfine": []}
        blocks = args.runs // args.block
        for block in range(blocks):
            for tool in (["hyperfine", "pyrometer"] if block % 2 == 0 else ["pyrometer", "hyperfine"]):
                if tool == "hyperfine":
                    walls[tool] += hyperfine(empty, args.block, out)[0]
                else:
                    walls[tool] += pyrometer(binary, empty, args.block, out)[0]
        pm, hm = statistics.median(walls["pyrometer"]), statistics.median(walls["hyperfine"])
        median_ratio = pm / hm

        # Totals: whole invocations of `runs` runs each, start-up and writing the results included.
        totals = {"pyrometer": [], "hyperfine": []}
        for round_ in range(args.rounds):
            for tool in (["hyperfine", "pyrometer"] if round_ % 2 == 0 else ["pyrometer", "hyperfine"]):
                if tool == "hyperfine":
                    totals[tool].append(hyperfine(empty, args.runs, out)[1])
                else:
                    totals[tool].append(pyrometer(binary, empty, args.runs, out)[2])
        total_ratios = [p / h for p, h in zip(totals["pyrometer"], totals["hyperfine"])]
        total_ratio = statistics.median(total_ratios)

        rss_p = statistics.median(pyrometer(binary, allocate, 5, out)[1])
        rss_t = statistics.median(time_v_rss(allocate) for _ in range(5))
        rss_ratio = rss_p / rss_t
        # A tiny program shows whether Pyrometer's own size leaks into what it reports.
        tiny_p = statistics.median(pyrometer_command(binary, ["/bin/true"], 5, out))
        tiny_t = statistics.median(time_v_rss_command(["/bin/true"]) for _ in range(5))
        tiny_ratio = tiny_p / tiny_t

    print(f"empty script, {PYTHON}: {args.runs} runs per tool in {blocks} alternating blocks of {args.block}")
    print(f"  median wall: pyrometer {pm * 1e3:.3f} ms, hyperfine -N {hm * 1e3:.3f} ms, "
          f"ratio {median_ratio:.4f} ({verdict(median_ratio, 0.02)} 'within 2%')")
    print(f"total wall of one invocation of {args.runs} runs, {args.rounds} alternating rounds")
    print("  pyrometer " + ", ".join(f"{t:.2f}" for t in totals["pyrometer"]) + " s; hyperfine -N "
          + ", ".join(f"{t:.2f}" for t in totals["hyperfine"]) + " s")
    print(f"  median ratio {total_ratio:.4f} ({verdict(total_ratio, 0.05)} 'within 5%')")
    print(f"peak RSS of a script holding 200 MiB, median of 5 runs each")
    print(f"  pyrometer {rss_p / 2**20:.2f} MiB, /usr/bin/time -v {rss_t / 2**20:.2f} MiB, "
          f"ratio {rss_ratio:.4f} ({verdict(rss_ratio, 0.01)} 'within 1%')")
    print(f"peak RSS of /bin/true (does Pyrometer's own size leak in?), median of 5 runs each")
    print(f"  pyrometer {tiny_p / 1024:.0f} KiB, /usr/bin/time -v {tiny_t / 1024:.0f} KiB, "
          f"ratio {tiny_ratio:.4f} ({verdict(tiny_ratio, 0.10)} 'within 10%')")
    ok = (abs(median_ratio - 1) <= 0.02 and abs(total_ratio - 1) <= 0.05 and abs(rss_ratio - 1) <= 0.01
          and abs(tiny_ratio - 1) <= 0.10)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
