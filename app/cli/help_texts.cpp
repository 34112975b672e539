#include "help_texts.h"

#include "compare_arguments.h"
#include "run_arguments.h"

namespace pyrometer::cli {

std::string mainHelp()
{
    std::string text = R"(Usage: pyrometer [SCRIPT...]
       pyrometer RESULTS.json [RESULTS.json]
       pyrometer COMMAND [options]

Pyrometer measures how fast Python scripts (or any command) run, how much memory they take, and how
sure you can be of it. With no command it opens the workbench window, running the scripts given; with
no display it measures them on the terminal instead (as 'pyrometer run'). Given results files, the
window shows them: one as it is, two compared (the older run is the baseline), as 'pyrometer open'.

Commands:
)";
    for (const auto& command : commandHelps())
        text += "  " + command.name + std::string(10 - command.name.size(), ' ') + command.summary + "\n";
    return text + R"(
Each command answers --help with its options (pyrometer run --help).

Options:
  -V, --version   print the version
  -h, --help      this help
)";
}

std::string openHelp()
{
    return R"(Usage: pyrometer open FILE.json [FILE.json | --baseline FILE.json] [--tab TAB]
                      [--screenshot OUT.png] [--size WxH]

Shows a results file in the window: any file 'pyrometer run' wrote, or one of hyperfine, pyperf,
pytest-benchmark, asv or Google Benchmark. Given two, the Compare tab compares them: the one measured
earlier (by the date each file records) is the baseline, whatever their order, as a file manager
passes the files of a selection in no set order. --baseline names the baseline instead. A workbench
file (as the window saves it) opens as its benchmarks and settings, ready to run.

Options:
      --baseline FILE     compare FILE.json (the baseline) with the results opened
      --tab TAB           the tab in front: charts, memory (the charts with the Memory table),
                          scaling, hotspots, compare or history
      --screenshot OUT    render the window to OUT (PNG, or by its suffix) and quit; needs no display
      --size WxH          the window's size (default 1400x900)
  -h, --help              this help
      --version           the version
)";
}

std::string recoverHelp()
{
    return R"(Usage: pyrometer recover JOURNAL [--export-json FILE] [--export-csv FILE] [--export-markdown FILE]
                         [--export-html FILE]

Turns the journal of a run that did not finish (Pyrometer was killed, the machine went down) into results:
prints the report and writes the exports. With no export option, writes JOURNAL without its .journal
suffix as JSON (results.json.journal -> results.json).

Options:
      --export-json FILE      results with every run (schema pyrometer.run/1)
      --export-csv FILE       one row per run; the summary goes to FILE with .summary.csv
      --export-markdown FILE  a summary table
      --export-html FILE      a self-contained page with the charts
  -h, --help                  this help

An export FILE of - is standard output (one export at most); the report then goes to standard error.
)";
}

std::string historyHelp()
{
    return R"(Usage: pyrometer history [--store PATH]
       pyrometer history show BENCHMARK [--branch B] [--machine HOST | --all-machines] [--since DATE] [--last N]
                              [--export-csv F] [--export-json F] [--export-markdown F] [--export-html F]
       pyrometer history check [BENCHMARK…] [--branch B] [--machine HOST] [--level N]
       pyrometer history import [--tag TEXT] FILE|DIR…

Lists what the history store holds: how many run sets, and each project, benchmark, branch and machine with the
number of run sets that have it. Results go into the store with 'pyrometer run --save'.

show    one benchmark's trend, oldest first: each run set's date, commit, branch, median with its 95% interval,
        the change from the one before, and the changes of level found in it (E-Divisive with means,
        Matteson & James 2014: a permutation test at p <= 0.01, at least 5 run sets a level, steps
        below 2% merged away). The exports write
        the same as CSV, JSON, Markdown, or an HTML page with the trend drawn.
check   the newest run set (of --branch and --machine, if given) against the level before it, for each of its
        benchmarks (or those named): the run sets since the last change of level, the last N of them (--level,
        30 by default), pooled. A benchmark regressed when it is slower by the verdict of 'pyrometer compare'
        (Mann-Whitney U at alpha = 0.01, the whole 95% interval of the ratio beyond 2%) and its median is above
        the median of every run set of that level. Exit status 1 when one regressed: a nightly job's gate.
import  brings results files into the store, each as one run set: Pyrometer's own JSON (the window's saved
        runs too), pytest-benchmark's JSON (a .benchmarks folder: commit and branch come with each file), asv's
        results folder (one file per commit and machine), hyperfine's and pyperf's JSON. Folders are searched
        for *.json files; what is not results there is passed over and counted. A file already imported is
        not added again.

Options:
      --store PATH     the history store (default: $PYROMETER_STORE, else
                       ~/.local/share/Pyrometer/Pyrometer/history.sqlite)
      --branch B       only run sets of this branch
      --machine HOST   only run sets measured on this host (show: by default the newest run set's, as changes
                       are looked for on one machine)
      --all-machines   show: the run sets of every machine together
      --since DATE     only run sets measured since then (2026-12-01, or a time in ISO 8601)
      --last N         the last N run sets
      --level N        check: at most N run sets make the level the newest is compared with (default 30)
      --tag TEXT       import: a tag for every run set imported (repeatable)
  -h, --help           this help

show: an export F of - is standard output (one export at most); the trend then goes to standard error.
)";
}

std::string bisectHelp()
{
    return R"(Usage: pyrometer bisect --good REV --bad REV [--build CMD] [run options] TARGET…

Finds the first commit between REV --good and REV --bad at which TARGET (scripts or benchmark files of the git
repository in the current folder) got slower. Each commit is checked out into a temporary git worktree (your
working tree is never touched), built with --build CMD (run by sh in the worktree) when given, and measured. At
every step the midpoint is measured in one interleaved run with the good and the bad commit, so that the
machine's drift cannot fake a verdict, and judged as 'pyrometer compare' judges (paired runs): slower than the
good commit makes it bad, slower than it the bad one makes it good, and when neither verdict is decided, the
nearer level does. A commit whose build or benchmark fails is skipped, as with 'git bisect skip'. Each
commit's measurements go into the history store (--store, else the default one).

Options:
      --good REV       a commit where the targets are fast
      --bad REV        a later commit where they are slower (a descendant of --good)
      --build CMD      run in each worktree before measuring; a failure skips the commit
      --store PATH     the history store the measurements go into
  -h, --help           this help
Every option of 'pyrometer run' that chooses how to measure (-n, -w, --python, -k, --scales, …) is taken.

Exit status: 0 the first bad commit was found, 1 it could not be (the bad commit is not slower, or every commit
in between was skipped), 2 bad usage or bad input, 130 interrupted.
)";
}

std::string doctorHelp()
{
    return R"(Usage: pyrometer doctor [--json] [--python PY] [--checks-only] [--root DIR]

Checks this machine for what makes measurements noisy, measures how noisy it is, and checks the
instrument against what is known, in about 5 s. Never changes the system: where something can be
fixed, it prints the command that would.

  The machine: CPU frequency governor, turbo boost, SMT siblings, isolated CPUs, ASLR, load and
    runnable tasks, CPU and memory pressure, swap, virtual machine and steal time, timer resolution.
  Floors: the median wall time of /bin/true, of PY -c pass and of PY -S -c pass, each through
    Pyrometer's launcher.
  Noise floor: the spread (CV) of 30 runs of a fixed 20 ms loop, and the smallest slowdown that
    30 runs a side would call "slower" in 80% of comparisons at that spread, from the verdicts
    'pyrometer compare' gives.
  The instrument: wall time of 10 ms and 100 ms sleeps, CPU time of 200 ms of CPU work, peak RSS
    of 100 MiB written, each against what it must read.
  Verdict: quiet (30 runs a side detect 3% or less), noisy (up to 10%) or unusable for small
    changes, with the fixes that matter most.

Options:
      --json          the report as JSON (schema pyrometer.doctor/1) instead of text
      --python PY     the Python to measure the floors and the noise with (default python3)
      --checks-only   read the machine only; run nothing (well under a second)
      --root DIR      read proc/ and sys/ under DIR instead of / (a saved tree of another machine)
  -h, --help          this help
)";
}

const std::vector<CommandHelp>& commandHelps()
{
    static const std::vector<CommandHelp> commands {
        { "run", "run and measure scripts or commands on the terminal", runHelp() },
        { "compare", "compare a baseline with a candidate: verdicts, reports, exit codes for CI", compareHelp() },
        { "open", "show a results file in the window, or render it to a picture", openHelp() },
        { "recover", "turn the journal of an interrupted run into results", recoverHelp() },
        { "history", "the history store: what it holds, trends and changes of level, import, check", historyHelp() },
        { "bisect", "the first commit at which scripts got slower, each step measured against good and bad",
            bisectHelp() },
        { "doctor", "check and calibrate this machine: can it detect the change you care about?", doctorHelp() },
    };
    return commands;
}

} // namespace pyrometer::cli
