#!/usr/bin/env python3
"""What counting a Python script's live heap over time costs, two ways, measured side by side.

The script is examples/alloc/alloc.py (10 rounds that each build 100,000 small objects, keeping a tenth). Four
ways of running it, interleaved round by round so that the drift of this shared machine hits all alike:

  plain        /usr/bin/python3 alloc.py
  tracemalloc  tracemalloc started before the script, and a thread reading get_traced_memory() every 10 ms
               (the live heap on the timeline's clock, as a probe would sample it)
  malloc       PYTHONMALLOC=malloc: the C library's allocator for every object, nothing counted
  malloc+shim  PYTHONMALLOC=malloc with Pyrometer's heap shim preloaded, counting into its page: what
               `pyrometer run --heap` does in the instrumented run

For each: the median wall time and peak RSS (the kernel's ru_maxrss) of the rounds, and both as a ratio to plain.

    cmake --workflow --preset release
    /usr/bin/python3 bench/python_heap_bench.py [--rounds 9] [--shim build/release/app/libpyrometer-heap.so]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "examples", "alloc", "alloc.py")

SAMPLING = """
import runpy, sys, threading, time, tracemalloc
tracemalloc.start()
def sample():
    while True:
        tracemalloc.get_traced_memory()
        time.sleep(0.01)
threading.Thread(target=sample, daemon=True).start()
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run(argv, environment):
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=environment, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{argv} failed with status {status}")
    return seconds, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--shim", default=os.path.join(HERE, "..", "build", "release", "app", "libpyrometer-heap.so"))
    arguments = parser.parse_args()
    if not os.path.exists(arguments.shim):
        sys.exit(f"no heap shim at {arguments.shim}: build first (cmake --workflow --preset release)")
    base = dict(os.environ)
    base.pop("PYTHONMALLOC", None)
    with tempfile.TemporaryDirectory() as folder:
        page = os.path.join(folder, "heap")
        ways = {
            "plain": ([PYTHON, SCRIPT], base),
            "tracemalloc": ([PYTHON, "-c", SAMPLING, SCRIPT], base),
            "malloc": ([PYTHON, SCRIPT], dict(base, PYTHONMALLOC="malloc")),
            "malloc+shim": ([PYTHON, SCRIPT], dict(base, PYTHONMALLOC="malloc", LD_PRELOAD=os.path.abspath(arguments.shim),
                                                    PYROMETER_HEAP_FILE=page)),
        }
        measured = {name: [] for name in ways}
        for r in range(arguments.rounds):
            # Which goes first turns with the round.
            names = list(ways)
            names = names[r % len(names):] + names[:r % len(names)]
            for name in names:
                with open(page, "wb") as blank:
                    blank.write(bytes(4096))
                measured[name].append(run(*ways[name]))
    plain_time = statistics.median(t for t, _ in measured["plain"])
    plain_rss = statistics.median(m for _, m in measured["plain"])
    print(f"examples/alloc/alloc.py, {arguments.rounds} interleaved rounds, medians")
    print(f"{'':12} {'wall':>9} {'× plain':>8} {'peak RSS':>10} {'× plain':>8}")
    for name, values in measured.items():
        wall = statistics.median(t for t, _ in values)
        rss = statistics.median(m for _, m in values)
        print(f"{name:12} {wall * 1000:7.0f} ms {wall / plain_time:8.2f} {rss / 2**20:6.1f} MiB {rss / plain_rss:8.2f}")


if __name__ == "__main__":
    main()
