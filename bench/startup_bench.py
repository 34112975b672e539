#!/usr/bin/env python3
"""How fast Pyrometer's headless commands start, side by side with hyperfine and a bare process.

Each round starts, in turn, each of these programs once (stdout and stderr to /dev/null), and times it from
posix_spawn to waitpid on the monotonic clock:
  true          /bin/true itself: the floor of starting any process from this script
  version       pyrometer --version
  hyperfine     hyperfine -N -r 1 /bin/true  (one run of /bin/true, measured by hyperfine)
  run           pyrometer run --command -n 1 -w 0 --no-progress -- /bin/true  (the same, measured by Pyrometer)
The rounds interleave the programs, so that a busy moment of the machine falls on all of them alike. It runs
in a temporary folder outside any git work tree, as hyperfine's runs do (inside one, 'pyrometer run' also
records the commit, asking git).

    /usr/bin/python3 bench/startup_bench.py [--pyrometer build/release/app/pyrometer] [--rounds 200]

Prints the median of each, and the two ratios the targets are about; exits 1 when 'pyrometer --version' takes
more than 3 ms or the one-run command more than twice hyperfine's.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time


def timed(argv):
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        start = time.perf_counter_ns()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status = os.waitpid(pid, 0)
        elapsed = time.perf_counter_ns() - start
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"startup_bench: {' '.join(argv)} failed")
    return elapsed / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyrometer", default="build/release/app/pyrometer")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    pyrometer = os.path.abspath(args.pyrometer)
    hyperfine = shutil.which("hyperfine")
    if not hyperfine:
        sys.exit("startup_bench: hyperfine is not installed (apt-get install hyperfine)")
    programs = {
        "true": ["/bin/true"],
        "version": [pyrometer, "--version"],
        "hyperfine": [hyperfine, "-N", "-r", "1", "/bin/true"],
        "run": [pyrometer, "run", "--command", "-n", "1", "-w", "0", "--no-progress", "--", "/bin/true"],
    }
    times = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        for argv in programs.values():  # caches warm, libraries in memory
            timed(argv)
        for _ in range(args.rounds):
            for name, argv in programs.items():
                times[name].append(timed(argv))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, argv in programs.items():
        print(f"{name:10} {median[name]:7.2f} ms  (median of {args.rounds})  {' '.join(argv[1:]) or argv[0]}")
    ratio = median["run"] / median["hyperfine"]
    print(f"pyrometer --version: {median['version']:.2f} ms (target <= 3 ms)")
    print(f"one run of /bin/true: pyrometer / hyperfine = {ratio:.2f} (target <= 2)")
    return 0 if median["version"] <= 3.0 and ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
