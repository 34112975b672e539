#include "run_arguments.h"

#include "core/formats/workbench_json.h"

#include "core/measure/engine.h"
#include "core/measure/machine_checks.h"
#include "core/measure/prepare.h"
#include "core/measure/resource_sampler.h"
#include "core/measure/runtime_gc.h"
#include "core/model/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

namespace pyrometer::cli {
namespace {
int positiveCount(const std::string& option, const std::string& text, bool allowZero)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < (allowZero ? 0 : 1)) {
        throw InputError(
            option + " must be a " + (allowZero ? "non-negative" : "positive") + " whole number, not '" + text + "'");
    }
    return value;
}

double positiveSeconds(const std::string& option, const std::string& text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !(value > 0) || !std::isfinite(value))
        throw InputError(option + " must be a positive number of seconds, not '" + text + "'");
    return value;
}

std::uint32_t hashSeed(const std::string& text)
{
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw InputError("--hash-seed must be 'random' or a number from 0 to 4294967295, not '" + text + "'");
    return value;
}
/// "2%", "2" or "0.5%": a precision in percent, above 0 and below 100.
double precisionValue(const std::string& text)
{
    const std::string number = text.ends_with("%") ? text.substr(0, text.size() - 1) : text;
    double value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size() || !(value > 0 && value < 100))
        throw InputError("--precision must be a percentage above 0 and below 100, as in 2%, not '" + text + "'");
    return value / 100;
}

int niceValue(const std::string& text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < -20 || value > 19)
        throw InputError("--nice must be a whole number from -20 to 19, not '" + text + "'");
    return value;
}

int sampleRate(const std::string& text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > maxSampleHz)
        throw InputError(
            "--sample-hz must be a whole number from 1 to " + std::to_string(maxSampleHz) + ", not '" + text + "'");
    return value;
}
/// The values of --parameter-scan MIN MAX with --parameter-step-size STEP (whole numbers unless the step has a
/// fraction), as hyperfine has them; at most maxScanValues.
constexpr std::size_t maxScanValues = 10'000;

double scanNumber(const std::string& option, const std::string& text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw InputError(option + " needs numbers, not '" + text + "'");
    return value;
}

std::string scanText(double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

std::vector<std::string> scanValues(double low, double high, double step)
{
    if (!(step > 0))
        throw InputError("--parameter-step-size must be positive");
    if (low > high)
        throw InputError("--parameter-scan: MIN " + scanText(low) + " is above MAX " + scanText(high));
    const double count = std::floor((high - low) / step + 1e-9) + 1;
    if (count > static_cast<double>(maxScanValues))
        throw InputError("--parameter-scan makes " + scanText(count) + " values; at most "
            + std::to_string(maxScanValues) + " (choose a larger step)");
    std::vector<std::string> values;
    for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i)
        values.push_back(scanText(low + step * static_cast<double>(i)));
    return values;
}

/// `text` with every {name} replaced by `value`.
std::string substituted(std::string text, const std::string& name, const std::string& value)
{
    const auto placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
        text.replace(at, placeholder.size(), value);
    return text;
}

/// Every benchmark once per value of the scanned parameter, {NAME} substituted in its arguments, command and
/// environment, named "NAME[PARAMETER=VALUE]"; one of them must use {NAME}.
std::vector<BenchmarkRequest> scanned(
    const std::vector<BenchmarkRequest>& requests, const std::string& name, const std::vector<std::string>& values)
{
    const auto placeholder = "{" + name + "}";
    bool used = false;
    std::vector<BenchmarkRequest> out;
    for (const auto& request : requests) {
        for (const auto& value : values) {
            auto copy = request;
            for (auto* words : { &copy.arguments, &copy.command }) {
                for (auto& word : *words) {
                    used = used || word.find(placeholder) != std::string::npos;
                    word = substituted(word, name, value);
                }
            }
            for (auto& [variable, text] : copy.settings.environment) {
                used = used || text.find(placeholder) != std::string::npos;
                text = substituted(text, name, value);
            }
            copy.name = benchmarkName(request) + "[" + name + "=" + value + "]";
            copy.parameters[name] = value;
            out.push_back(std::move(copy));
        }
    }
    if (!used)
        throw InputError("the scanned parameter " + placeholder + " appears in no argument, command or --env");
    return out;
}
} // namespace

RunArguments parseRunArguments(const std::vector<std::string>& words)
{
    RunArguments arguments;
    BenchmarkSettings settings;
    settings.warmups = 1;
    const BenchmarkSettings defaults = settings;
    std::string interpreter = "python3";
    std::vector<std::string> scripts;
    std::vector<std::string> names;
    std::vector<std::string> afterDashes;
    bool isCommand = false;
    std::vector<std::string> workbenches;
    std::string scanName;
    std::vector<std::string> scanList;
    std::optional<std::pair<double, double>> scanRange;
    std::optional<double> scanStep;
    bool runsGiven = false;
    bool maxRunsGiven = false;
    std::optional<int> minRuns;

    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (word == "--") {
            afterDashes.assign(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
            break;
        }
        std::optional<std::string> attached;
        if (word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
            attached = word.substr(word.find('=') + 1);
            word = word.substr(0, word.find('='));
        } else if (word.size() > 2 && word[0] == '-' && word[1] != '-' && (word[1] == 'n' || word[1] == 'w')) {
            attached = word.substr(2);
            word = word.substr(0, 2);
        }
        const auto value = [&]() -> std::string {
            if (attached)
                return *attached;
            if (i + 1 >= words.size())
                throw InputError(word + " needs a value");
            return words[++i];
        };
        const auto flag = [&] {
            if (attached)
                throw InputError(word + " takes no value");
        };

        if (word == "-h" || word == "--help") {
            flag();
            arguments.help = true;
        } else if (word == "-n" || word == "--runs") {
            settings.runs = positiveCount("--runs", value(), false);
            runsGiven = true;
        } else if (word == "-w" || word == "--warmup") {
            settings.warmups = positiveCount("--warmup", value(), true);
        } else if (word == "--timeout") {
            settings.timeout = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::duration<double>(positiveSeconds("--timeout", value())));
        } else if (word == "--python") {
            interpreter = value();
            if (interpreter.empty())
                throw InputError("--python needs an interpreter name or path");
        } else if (word == "--env") {
            const auto assignment = value();
            const auto equals = assignment.find('=');
            if (equals == std::string::npos || equals == 0)
                throw InputError("malformed --env '" + assignment + "': expected NAME=VALUE");
            settings.environment[assignment.substr(0, equals)] = assignment.substr(equals + 1);
        } else if (word == "--cwd") {
            settings.workingDirectory = value();
        } else if (word == "--hash-seed") {
            const auto seed = value();
            if (seed == "random")
                settings.fixedHashSeed.reset();
            else
                settings.fixedHashSeed = hashSeed(seed);
        } else if (word == "--memory") {
            flag();
            settings.sampleHz = settings.sampleHz > 0 ? settings.sampleHz : defaultSampleHz;
        } else if (word == "--sample-hz") {
            settings.sampleHz = sampleRate(value());
        } else if (word == "--gc") {
            flag();
            settings.probe.gc = true;
        } else if (word == "--heap") {
            flag();
            settings.probe.gc = true;
            settings.probe.heap = true;
        } else if (word == "--profile") {
            flag();
            settings.probe.profile = true;
        } else if (word == "--tracemalloc") {
            flag();
            settings.probe.tracemalloc = true;
        } else if (word == "-k") {
            arguments.suite.keyword = value();
        } else if (word == "--scales") {
            arguments.suite.sizes = parseScales(value());
        } else if (word == "--min-time") {
            arguments.suite.minTimeNs
                = std::max<std::int64_t>(1, std::llround(positiveSeconds("--min-time", value()) * 1e9));
        } else if (word == "--min-runs") {
            minRuns = positiveCount(word, value(), false);
        } else if (word == "--max-runs") {
            auto& adaptive = settings.adaptive ? *settings.adaptive : settings.adaptive.emplace();
            adaptive.maxRuns = positiveCount(word, value(), false);
            maxRunsGiven = true;
        } else if (word == "--until-decided") {
            flag();
            auto& adaptive = settings.adaptive ? *settings.adaptive : settings.adaptive.emplace();
            adaptive.untilDecided = true;
            arguments.untilDecided = true;
        } else if (word == "--min-total-time") {
            auto& adaptive = settings.adaptive ? *settings.adaptive : settings.adaptive.emplace();
            adaptive.minTimeSeconds = positiveSeconds(word, value());
        } else if (word == "--max-total-time") {
            auto& adaptive = settings.adaptive ? *settings.adaptive : settings.adaptive.emplace();
            adaptive.maxTimeSeconds = positiveSeconds(word, value());
        } else if (word == "--precision") {
            auto& adaptive = settings.adaptive ? *settings.adaptive : settings.adaptive.emplace();
            adaptive.precision = precisionValue(value());
        } else if (word == "--cpu") {
            const auto text = value();
            settings.cpus = parseCpuList(text);
            if (settings.cpus.empty())
                throw InputError("--cpu must list CPUs as in 0-3,8, not '" + text + "'");
        } else if (word == "--nice") {
            settings.nice = niceValue(value());
        } else if (word == "--runtime") {
            settings.runtime = value();
            if (!declaredRuntime(settings.runtime) || settings.runtime == "python")
                throw InputError("--runtime takes go, java, node or native, not '" + settings.runtime + "'");
        } else if (word == "--setup" || word == "--prepare" || word == "--conclude" || word == "--cleanup") {
            auto& hooks = settings.hooks;
            auto& command = word == "--setup" ? hooks.setup
                : word == "--prepare"         ? hooks.prepare
                : word == "--conclude"        ? hooks.conclude
                                              : hooks.cleanup;
            command = value();
            if (command.find_first_not_of(" \t\n") == std::string::npos)
                throw InputError(word + " needs a command");
        } else if (word == "--predict") {
            const auto text = value();
            double n = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (error != std::errc() || end != text.data() + text.size() || !(n > 0) || !std::isfinite(n))
                throw InputError("--predict must be a positive size, not '" + text + "'");
            arguments.predict = n;
        } else if (word == "--parameter-scan" || word == "--parameter-list") {
            if (!scanName.empty())
                throw InputError("one --parameter-scan or --parameter-list at a time");
            scanName = value();
            if (scanName.empty() || scanName.find_first_of("{} ") != std::string::npos)
                throw InputError(word + ": '" + scanName + "' cannot be a parameter name");
            if (word == "--parameter-list") {
                // Values as hyperfine takes them, comma-separated; the scale names stand for their sizes.
                std::istringstream items(value());
                for (std::string item; std::getline(items, item, ',');) {
                    try {
                        item = std::to_string(parseScales(item).front());
                    } catch (const InputError&) {
                    }
                    scanList.push_back(item);
                }
                if (scanList.empty())
                    throw InputError("--parameter-list needs values");
            } else {
                const double low = scanNumber(word, value());
                scanRange = { low, scanNumber(word, value()) };
            }
        } else if (word == "--parameter-step-size") {
            scanStep = scanNumber(word, value());
        } else if (word == "--list") {
            flag();
            arguments.list = true;
        } else if (word == "--gc-off") {
            flag();
            arguments.suite.gcOff = true;
        } else if (word == "--name") {
            names.push_back(value());
        } else if (word == "--command") {
            flag();
            isCommand = true;
        } else if (word == "-i" || word == "--ignore-failure") {
            flag();
            arguments.plan.ignoreFailure = true;
        } else if (word == "--sequential") {
            flag();
            arguments.plan.order = RunOrder::Sequential;
        } else if (word == "--workbench") {
            workbenches.push_back(value());
        } else if (word == "--save") {
            arguments.save = true;
        } else if (word == "--store") {
            arguments.store = value();
            arguments.save = true;
        } else if (word == "--tag") {
            arguments.tags.push_back(value());
        } else if (word == "--no-progress") {
            flag();
            arguments.progress = false;
        } else if (word == "--export-json") {
            arguments.exportJson = value();
        } else if (word == "--export-csv") {
            arguments.exportCsv = value();
        } else if (word == "--export-markdown") {
            arguments.exportMarkdown = value();
        } else if (word == "--baseline") {
            arguments.baseline = value();
        } else if (word == "--baseline-from-history") {
            arguments.historyBaseline = attached.value_or("");
        } else if (parseCompareOption(word, attached, value, arguments.compare, true)) {
        } else if (word.size() > 1 && word[0] == '-') {
            throw InputError("unknown option " + word);
        } else {
            scripts.push_back(word);
        }
    }
    if (arguments.help)
        return arguments;
    if (minRuns)
        (settings.adaptive ? *settings.adaptive : settings.adaptive.emplace()).minRuns = *minRuns;
    if (arguments.untilDecided) {
        if (!arguments.compares())
            throw InputError("--until-decided needs a comparison to decide: --baseline FILE, "
                             "--baseline-from-history, or --pair BASE=NAME of two benchmarks of this run");
        if (arguments.comparesWithinRun() && arguments.plan.order == RunOrder::Sequential)
            throw InputError("--until-decided with --pair compares the runs of one interleaved run, and "
                             "--sequential runs one benchmark after the other: leave out --sequential");
        if (settings.adaptive->precision)
            throw InputError("give --until-decided or --precision, not both");
        // A cap of 100 runs unless given: the looks are planned up to it.
        if (!maxRunsGiven)
            settings.adaptive->maxRuns = 100;
    }
    if (auto& adaptive = settings.adaptive) {
        if (runsGiven)
            throw InputError("--runs fixes the number of runs, and --min-runs, --max-runs, --min-total-time, "
                             "--max-total-time and --precision choose it as the runs go: give one or the other");
        // Without --min-runs, the least is 10 runs, or --max-runs when that is fewer.
        if (!minRuns)
            adaptive->minRuns = std::min(adaptive->minRuns, adaptive->maxRuns);
        if (adaptive->maxRuns < adaptive->minRuns)
            throw InputError("--max-runs " + std::to_string(adaptive->maxRuns) + " is below --min-runs "
                + std::to_string(adaptive->minRuns));
        if (adaptive->maxTimeSeconds && *adaptive->maxTimeSeconds < adaptive->minTimeSeconds)
            throw InputError("--max-total-time is below --min-total-time");
    }
    if (!arguments.baseline.empty() && arguments.historyBaseline)
        throw InputError("give --baseline FILE or --baseline-from-history, not both");
    if (!arguments.compares()) {
        const auto& c = arguments.compare;
        if (c.failOnRegression || !c.exportJunit.empty())
            throw InputError("--fail-on-regression and --export-junit need a comparison: --baseline FILE, "
                             "--baseline-from-history, or --pair BASE=NAME within this run");
    }
    arguments.compare.pairsOnly = arguments.comparesWithinRun();

    for (const auto& script : scripts) {
        BenchmarkRequest request;
        request.script = script;
        request.interpreter = interpreter;
        request.settings = settings;
        if (!isCommand)
            request.arguments = afterDashes;
        arguments.plan.benchmarks.push_back(std::move(request));
    }
    if (!workbenches.empty() && (!(settings == defaults) || interpreter != "python3"))
        throw InputError("--workbench runs its benchmarks with the settings saved in it: leave out the options that "
                         "set runs, memory, probes, interpreter or environment (or change them in the window and "
                         "save the workbench again)");
    for (const auto& file : workbenches) {
        auto loaded = readWorkbenchFile(file);
        if (loaded.benchmarks.empty())
            throw InputError(file + ": the workbench has no benchmarks");
        for (auto& request : loaded.benchmarks)
            arguments.plan.benchmarks.push_back(std::move(request));
        if (workbenches.size() == 1 && scripts.empty() && !isCommand) {
            if (arguments.plan.order == RunOrder::Interleaved) // --sequential given beside it holds
                arguments.plan.order = loaded.order;
            arguments.plan.ignoreFailure = arguments.plan.ignoreFailure || loaded.ignoreFailure;
        }
    }
    if (isCommand) {
        if (afterDashes.empty())
            throw InputError("--command needs the command after --, as in: pyrometer run --command -- ./program arg");
        BenchmarkRequest request;
        request.command = afterDashes;
        request.settings = settings;
        arguments.plan.benchmarks.push_back(std::move(request));
    }
    if (arguments.plan.benchmarks.empty())
        throw InputError("nothing to run: give one or more scripts, or --command -- PROGRAM ARGS");
    if (names.size() > arguments.plan.benchmarks.size())
        throw InputError("more --name options than benchmarks");
    for (std::size_t i = 0; i < names.size(); ++i)
        arguments.plan.benchmarks[i].name = names[i];
    if (scanStep && !scanRange)
        throw InputError("--parameter-step-size goes with --parameter-scan");
    if (scanRange)
        scanList = scanValues(scanRange->first, scanRange->second, scanStep.value_or(1));
    if (!scanName.empty())
        arguments.plan.benchmarks = scanned(arguments.plan.benchmarks, scanName, scanList);
    return arguments;
}

std::string runHelp()
{
    return R"(Usage: pyrometer run [options] SCRIPT|BENCHMARK-FILE|FOLDER... [-- SCRIPT-ARGS...]
       pyrometer run [options] [SCRIPT...] --command -- PROGRAM [ARGS...]

Runs each script many times, each run in a fresh process, and reports wall time, CPU time and peak memory
with robust statistics. Several benchmarks run interleaved (A B C A B C ...).

Benchmark files (bench_*.py or *_bench.py, given or found in a folder) are timed by function: each bench_*
function, at each of its params (bench_f.params = [...], as asv has them) or sizes, is a benchmark named
FILE::FUNCTION[CASE]. Each run is a fresh worker process that imports the file, runs setup, and times the
function in a loop of as many calls as make one value last --min-time (calibrated by the first run, then the
same in every run); the figure is the time per call. A script without bench_ functions is timed as a whole.

Runs:
  -n, --runs N            measured runs per benchmark (default 10)
  -w, --warmup N          warmup runs per benchmark, not measured (default 1)
      --timeout SECONDS   end a run after this long; it counts as failed (default: none)
  -i, --ignore-failure    go on after a failed run (failed runs are kept but left out of the statistics)
      --sequential        run benchmarks one after another instead of interleaved
Adaptive runs (instead of -n; the runs stop once all of these that are given hold):
      --min-runs N            at least N measured runs (default 10)
      --min-total-time SECONDS  and at least this much measured time (hyperfine's rule)
      --precision P%          then on until the 95% interval of each median is within ±P% of it
      --max-runs N            but never more than N runs (default 1000)
      --max-total-time SECONDS  nor more than this much measured time
      --until-decided         with a baseline (--baseline, --baseline-from-history, or --pair within
                              this run): on until every benchmark's verdict is decided (slower,
                              faster, or no change beyond the threshold), taken at looks planned before
                              the runs (at --min-runs, then each half as many runs again, and at
                              --max-runs, default 100) with α split evenly over them (Bonferroni), so
                              that looking again and again raises no false alarm beyond α
                              Interleaved benchmarks drop out of the rounds as each is done; the results
                              say which limit stopped each.
Control:
      --cpu LIST              pin every run (and hook) to these CPUs, as 0-3,8 (sched_setaffinity)
      --nice N                start every run at niceness N, -20 to 19 (below 0 needs root)
      --setup CMD             run CMD (with /bin/sh) once before a benchmark's first run, untimed
      --prepare CMD           ... before every run, warmups too, untimed
      --conclude CMD          ... after every run, untimed
      --cleanup CMD           ... once after a benchmark's last run, also when it stopped early
                              A hook that fails stops its benchmark, with the end of the hook's stderr.
Target:
      --python PATH       interpreter for scripts (default python3 from PATH, resolved to the real executable)
      --command           the words after -- are a command to measure (any program, not only Python)
      --workbench FILE    the benchmarks of a workbench file the window saved, with their own settings;
                          paths in it are relative to the file's folder
      --name NAME         name the benchmarks in order (default: the script path or the command)
      --env NAME=VALUE    set an environment variable for every run (repeatable)
      --cwd DIR           working directory of every run
      --hash-seed N       fixed PYTHONHASHSEED for all runs (default: random, a fresh seed per run, recorded)
Benchmark functions:
  -k EXPRESSION           only benchmarks whose names match, as pytest's -k: words, and, or, not, ( )
      --scales LIST       sizes for functions that take one: small (100), medium (10,000), large (1,000,000),
                          xlarge (10,000,000) or numbers, comma-separated (default 100,1000,10000,100000)
      --min-time SECONDS  the least time one value lasts (default 0.1)
      --gc-off            the garbage collector off while timing, as timeit has it (default: on)
      --predict N         with the scaling of each function, what its class predicts at size N, with a
                          95% interval from a bootstrap over the runs
      --list              print the benchmarks that would run, one a line, and run nothing
Parameter scans (scripts and commands, as hyperfine has them):
      --parameter-scan NAME MIN MAX   one benchmark per value from MIN to MAX, {NAME} replaced in the script's
                          arguments, the command and --env values; named SCRIPT[NAME=VALUE]
      --parameter-step-size STEP      the scan's step (default 1)
      --parameter-list NAME V1,V2,...  the same over a list; small, medium, large, xlarge stand for their sizes
Inside the process:
      --memory            sample each run's RSS, CPU use and threads over time (default 100 per second)
      --sample-hz N       samples per second, 1 to 1000 (implies --memory)
      --gc                after the timed runs, one instrumented run records every garbage collection
      --heap              ... and counts the live heap over time (a preloaded allocator shim; the script
                          then runs on the C library's malloc, PYTHONMALLOC=malloc, which slows it
                          and its collections)
      --profile           ... and profiles every function (cProfile)
      --tracemalloc       ... and traces allocations (slows the script; a run of its own with --profile)
                          Instrumented runs never enter the timing statistics; Python scripts only,
                          but --gc of a command traces the collector of Go (GODEBUG=gctrace=1), Java
                          (-Xlog:gc*) and Node.js (--trace-gc), and counts the live heap of a native
                          program (a preloaded allocator shim), in one run of its own
      --runtime NAME      the command's runtime for --gc: go, java, node or native, when a wrapper
                          starts the program (default: recognised from the command)
Output:
      --export-json FILE      results with every run (schema pyrometer.run/1)
      --export-csv FILE       one row per run; the summary goes to FILE with .summary.csv
      --export-markdown FILE  a summary table
      --export-html FILE      a self-contained page: findings, summary, every chart, the environment
                              (with a baseline or --pair: the comparison instead)
      --no-progress           no progress bar on stderr
History:
      --save                  keep the results in the history store after the run, in one transaction
                              (default store: $PYROMETER_STORE, else ~/.local/share/Pyrometer/Pyrometer/history.sqlite)
      --store PATH            the history store (a SQLite file, created on first use); implies --save
      --tag TEXT              a tag kept with the run set (repeatable)
Comparison (see pyrometer compare --help):
      --baseline FILE         compare with these results as soon as the run ends
      --baseline-from-history[=BRANCH]
                              compare with the history of BRANCH (default: the run's own) on this machine,
                              from the store (--store): for each benchmark, the runs of its last 5 run sets
                              since its last change of level, pooled
      --threshold PERCENT     smallest change of the median that counts (default 2%)
      --alpha LEVEL           significance level of the Mann–Whitney U test (default 0.01)
      --pair BASE=NAME        compare these two benchmarks although their names differ (repeatable);
                              without a baseline, two benchmarks of this run, their runs paired as they
                              were interleaved (Wilcoxon signed-rank), as 'compare FILE --pair' does
      --fail-on-regression[=METRICS]
                              exit with 1 when any benchmark is slower than the baseline (or larger) in
                              one of METRICS: wall, cpu, memory, comma-separated (default wall)
      --export-junit FILE     the comparison as JUnit XML, a failed test case per slower benchmark
  -h, --help              this help

An export FILE of - is standard output (one export at most); the report then goes to standard error.

While it runs, every finished run is appended to FILE.journal beside the first export; if Pyrometer is
killed, 'pyrometer recover FILE.journal' turns what was measured into results.

Exit status: 0 all runs succeeded, 1 a benchmark failed (or is slower than the baseline, with
--fail-on-regression), 2 bad usage or bad input, 130 interrupted.
)";
}

} // namespace pyrometer::cli
