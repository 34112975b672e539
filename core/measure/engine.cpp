#include "core/measure/engine.h"

#include "core/measure/adaptive.h"
#include "core/measure/environment_capture.h"
#include "core/measure/machine_checks.h"
#include "core/measure/output_tail.h"
#include "core/measure/runtime_gc.h"
#include "core/measure/suite.h"
#include "core/probe/probe.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <random>

namespace pyrometer {
namespace {
using Clock = std::chrono::steady_clock;

/// How many warmups, or measured runs, a benchmark has at most: adaptive runs end at their --max-runs.
std::size_t plannedRuns(const BenchmarkSettings& settings, bool warmup)
{
    const int runs = warmup ? settings.warmups : settings.adaptive ? settings.adaptive->maxRuns : settings.runs;
    return static_cast<std::size_t>(std::max(0, runs));
}

struct Slot
{
    std::size_t benchmark;
    bool warmup;
};

/// Every run in the order it happens, one at a time, so that no schedule is ever built whole (-n 2147483647 once
/// aborted doing so). Interleaved: the warmups of all benchmarks round by round, then the measured runs likewise;
/// sequential: each benchmark's warmups and runs before the next benchmark's.
class Schedule
{
public:
    explicit Schedule(const Results& results)
        : m_benchmarks(results.benchmarks)
        , m_interleaved(results.order == RunOrder::Interleaved)
    {
    }

    std::optional<Slot> next()
    {
        const std::size_t count = m_benchmarks.size();
        while (m_outer < (m_interleaved ? 2 : count)) {
            const bool warmup = m_interleaved ? m_outer == 0 : m_middle == 0;
            if (m_interleaved) {
                if (m_middle >= rounds(warmup)) {
                    advanceOuter();
                    continue;
                }
                if (m_inner >= count) {
                    ++m_middle;
                    m_inner = 0;
                    continue;
                }
                const std::size_t b = m_inner++;
                if (m_middle < runsOf(b, warmup))
                    return Slot { b, warmup };
            } else {
                if (m_middle >= 2) {
                    advanceOuter();
                    continue;
                }
                if (m_inner >= runsOf(m_outer, warmup)) {
                    ++m_middle;
                    m_inner = 0;
                    continue;
                }
                ++m_inner;
                return Slot { m_outer, warmup };
            }
        }
        return std::nullopt;
    }

private:
    std::size_t runsOf(std::size_t b, bool warmup) const { return plannedRuns(m_benchmarks[b].settings, warmup); }
    std::size_t rounds(bool warmup) const
    {
        std::size_t most = 0;
        for (std::size_t b = 0; b < m_benchmarks.size(); ++b)
            most = std::max(most, runsOf(b, warmup));
        return most;
    }
    void advanceOuter()
    {
        ++m_outer;
        m_middle = 0;
        m_inner = 0;
    }

    const std::vector<BenchmarkResult>& m_benchmarks;
    bool m_interleaved;
    std::size_t m_outer = 0; ///< interleaved: warmups, then measured runs; sequential: the benchmark
    std::size_t m_middle = 0; ///< interleaved: the round; sequential: warmups, then measured runs
    std::size_t m_inner = 0; ///< interleaved: the benchmark; sequential: the run
};

/// How many timed runs a benchmark has in all, at most.
std::size_t plannedRuns(const BenchmarkResult& benchmark)
{
    return plannedRuns(benchmark.settings, true) + plannedRuns(benchmark.settings, false);
}

/// Keeps only the last `bytes` of a run's output tails (at a character boundary).
void trimOutput(RunRecord& record, std::size_t bytes)
{
    for (auto* tail : { &record.stdoutTail, &record.stderrTail }) {
        if (tail->size() <= bytes)
            continue;
        OutputTail kept(bytes);
        kept.append(*tail);
        *tail = kept.text();
    }
}

std::size_t probeRunCount(const BenchmarkResult& benchmark)
{
    return benchmark.script && !benchmark.function ? probeRunPlan(benchmark.settings.probe).size() : 0;
}

std::string joinedNames(const ProbeSettings& instruments)
{
    std::string text;
    for (const auto& name : instruments.names())
        text += (text.empty() ? "" : ",") + name;
    return text;
}
/// What the timed pass and the probe pass of one Engine::run() share.
struct Pass
{
    Launcher& launcher;
    Results& results;
    std::stop_token stop;
    const EngineCallbacks& callbacks;
    Progress progress {};
    Clock::time_point started = Clock::now();
    std::mt19937 seeds { std::random_device {}() };

    std::uint32_t seedFor(const BenchmarkResult& benchmark)
    {
        std::uniform_int_distribution<std::uint32_t> anySeed(1, 4294967295u);
        return benchmark.settings.fixedHashSeed.value_or(anySeed(seeds));
    }
    void starting(std::size_t b, bool warmup)
    {
        progress.benchmark = b;
        progress.warmup = warmup;
        progress.elapsed = Clock::now() - started;
        if (callbacks.runStarting)
            callbacks.runStarting(progress);
    }
    void finished()
    {
        ++progress.completed;
        progress.elapsed = Clock::now() - started;
        progress.remaining = progress.elapsed / progress.completed * (progress.total - progress.completed);
    }
};

LaunchRequest requestFor(const BenchmarkResult& benchmark, std::uint32_t seed)
{
    LaunchRequest request;
    request.argv = benchmark.command;
    request.environment = benchmark.settings.environment;
    request.workingDirectory = benchmark.settings.workingDirectory;
    request.timeout = benchmark.settings.timeout;
    request.sampleHz = benchmark.settings.sampleHz;
    request.placement = { benchmark.settings.cpus, benchmark.settings.nice };
    request.environment["PYTHONHASHSEED"] = std::to_string(seed);
    return request;
}

/// Runs one of a benchmark's hooks; its failure in a sentence, or nothing. `cancelled` is set when a stop ended it.
std::optional<std::string> runHook(Pass& pass, const BenchmarkResult& benchmark, const char* name,
    const std::string& command, std::stop_token stop, bool& cancelled)
{
    if (command.empty())
        return std::nullopt;
    LaunchRequest request;
    request.argv = { "/bin/sh", "-c", command };
    request.environment = benchmark.settings.environment;
    request.workingDirectory = benchmark.settings.workingDirectory;
    request.timeout = benchmark.settings.timeout;
    request.placement = { benchmark.settings.cpus, benchmark.settings.nice };
    const RunRecord hook = pass.launcher.launch(request, stop);
    if (hook.cancelled) {
        cancelled = true;
        return std::nullopt;
    }
    if (hook.succeeded())
        return std::nullopt;
    // The last lines of its stderr (else stdout) say why.
    std::string tail = hook.stderrTail.empty() ? hook.stdoutTail : hook.stderrTail;
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' '))
        tail.pop_back();
    std::size_t from = tail.size();
    for (int lines = 0; lines < 3 && from != std::string::npos && from > 0; ++lines)
        from = tail.rfind('\n', from - 1);
    tail = from == std::string::npos ? tail : tail.substr(from + 1);
    if (tail.size() > 400)
        tail = "…" + tail.substr(tail.size() - 400);
    return std::string("the ") + name + " hook failed (" + hook.outcome() + ")" + (tail.empty() ? "" : ": " + tail);
}

/// What the timed pass knows of each benchmark besides its results.
struct Stage
{
    bool started = false; ///< its setup ran (or there was none) and it had a run
    bool finished = false; ///< no more runs: all planned ran, adaptive runs were enough, or it failed
    bool cleanedUp = false;
};

/// The timed runs; false when stopped.
bool timedPass(Pass& pass)
{
    auto& results = pass.results;
    std::vector<Stage> stages(results.benchmarks.size());
    bool cancelled = false;
    // A benchmark ends: its remaining runs leave the plan (so that progress and the estimate stay true), and its
    // cleanup hook runs.
    const auto finish = [&](std::size_t b, std::stop_token stop) {
        auto& benchmark = results.benchmarks[b];
        auto& stage = stages[b];
        if (!stage.finished) {
            stage.finished = true;
            const auto planned = plannedRuns(benchmark);
            pass.progress.total -= planned - std::min(planned, benchmark.runs.size());
        }
        if (stage.started && !stage.cleanedUp) {
            stage.cleanedUp = true;
            bool ignored = false;
            if (auto failure = runHook(pass, benchmark, "--cleanup", benchmark.settings.hooks.cleanup, stop, ignored);
                failure && !benchmark.failure) {
                benchmark.failure = std::move(failure);
                if (pass.callbacks.benchmarkFailed)
                    pass.callbacks.benchmarkFailed(results, b);
            }
        }
    };
    const auto fail = [&](std::size_t b, std::string message) {
        auto& benchmark = results.benchmarks[b];
        benchmark.failure = std::move(message);
        pass.progress.total -= probeRunCount(benchmark);
        finish(b, pass.stop);
        if (pass.callbacks.benchmarkFailed)
            pass.callbacks.benchmarkFailed(results, b);
    };
    const auto allFinished
        = [&] { return std::all_of(stages.begin(), stages.end(), [](const Stage& stage) { return stage.finished; }); };

    Schedule schedule(results);
    while (const auto slot = schedule.next()) {
        const auto [b, warmup] = *slot;
        auto& benchmark = results.benchmarks[b];
        const auto& hooks = benchmark.settings.hooks;
        if (benchmark.failure || stages[b].finished)
            continue;
        if (pass.stop.stop_requested())
            break;
        if (!stages[b].started) {
            stages[b].started = true;
            if (auto failure = runHook(pass, benchmark, "--setup", hooks.setup, pass.stop, cancelled)) {
                fail(b, *failure);
                continue;
            }
            if (cancelled)
                break;
        }
        if (auto failure = runHook(pass, benchmark, "--prepare", hooks.prepare, pass.stop, cancelled)) {
            fail(b, *failure);
            continue;
        }
        if (cancelled)
            break;
        pass.progress.run = benchmark.runs.size() + 1;
        pass.progress.runsOfBenchmark = plannedRuns(benchmark);
        pass.starting(b, warmup);

        const std::uint32_t seed = pass.seedFor(benchmark);
        auto request = requestFor(benchmark, seed);
        if (benchmark.function) {
            request.argv = workerTimeCommand(benchmark.command.front(), *benchmark.script, *benchmark.function);
            request.probeChannel = true;
        }
        RunRecord record = pass.launcher.launch(request, pass.stop);
        if (record.cancelled) {
            cancelled = true;
            break;
        }
        if (benchmark.function)
            takeWorkerReport(record, *benchmark.function);
        record.warmup = warmup;
        record.hashSeed = seed;
        // A failed run keeps its whole tail to explain itself; thousands of successful runs must not each hold
        // 128 KiB.
        if (record.succeeded())
            trimOutput(record, successfulRunTailBytes);
        benchmark.runs.push_back(std::move(record));
        const RunRecord& last = benchmark.runs.back();

        pass.finished();
        if (pass.callbacks.runFinished)
            pass.callbacks.runFinished(results, b);

        const bool fatal = !last.launchError.empty() || (!last.succeeded() && !results.ignoreFailure);
        if (fatal) {
            std::string message = (warmup ? "warmup run " : "run ") + std::to_string(benchmark.runs.size())
                + " failed: " + last.outcome();
            if (const auto line = last.lastErrorLine(); !line.empty() && message.find(line) == std::string::npos)
                message += ": " + line;
            fail(b, message);
            continue;
        }
        if (auto failure = runHook(pass, benchmark, "--conclude", hooks.conclude, pass.stop, cancelled)) {
            fail(b, *failure);
            continue;
        }
        if (cancelled)
            break;
        if (!warmup) {
            const auto decided = [&](std::size_t o) -> std::optional<std::string> {
                const auto& adaptive = results.benchmarks[o].settings.adaptive;
                if (adaptive && adaptive->untilDecided && pass.callbacks.decide)
                    return pass.callbacks.decide(results, o);
                return std::nullopt;
            };
            auto reason = adaptiveStop(benchmark);
            bool byDecision = false;
            if (!reason)
                byDecision = bool(reason = decided(b));
            if (reason) {
                benchmark.stopReason = std::move(*reason);
                finish(b, pass.stop);
            } else if (benchmark.runs.size() >= plannedRuns(benchmark)) {
                finish(b, pass.stop);
            }
            // A decision can end another benchmark too: the other of a pair within this run stops with it, at the
            // same number of runs.
            for (std::size_t o = 0; byDecision && o < stages.size(); ++o) {
                if (o == b || stages[o].finished || results.benchmarks[o].failure)
                    continue;
                if (auto other = decided(o)) {
                    results.benchmarks[o].stopReason = std::move(*other);
                    finish(o, pass.stop);
                }
            }
        }
        if (allFinished())
            break;
    }
    // Cleanups run whatever happened, a stop too: they put back what the setups changed.
    for (std::size_t b = 0; b < stages.size(); ++b) {
        if (stages[b].started && !stages[b].cleanedUp)
            finish(b, std::stop_token {});
    }
    return !cancelled && !pass.stop.stop_requested();
}

/// A folder of its own in /tmp for an instrumented run's logs and counters, removed with everything in it.
class ScratchFolder
{
public:
    ScratchFolder()
    {
        char name[] = "/tmp/pyrometer-gc-XXXXXX";
        if (::mkdtemp(name))
            m_path = name;
        else
            m_error = std::string("cannot make a folder for the instrumented run: ") + std::strerror(errno);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    ~ScratchFolder()
    {
        std::error_code ignored;
        if (!m_path.empty())
            std::filesystem::remove_all(m_path, ignored);
    }
    const std::filesystem::path& path() const { return m_path; }
    const std::string& error() const { return m_error; } ///< why there is no folder; "" when there is

private:
    std::filesystem::path m_path;
    std::string m_error;
};

/// The instrumented run of a command whose runtime traces its own collector (Go, Java, Node.js), or of a native
/// program with the heap shim counting its live heap: one run with the trace switched on and its memory sampled,
/// read into the probe data; false when stopped.
bool traceCommandGc(Pass& pass, std::size_t b)
{
    auto& benchmark = pass.results.benchmarks[b];
    auto& probe = *benchmark.probe;
    const auto& declared = benchmark.settings.runtime;
    const auto runtime
        = declared.empty() ? runtimeOf(benchmark.command) : declaredRuntime(declared).value_or(Runtime::Unknown);
    const ScratchFolder scratch;
    if (!scratch.error().empty()) {
        probe.missing = scratch.error();
        return true;
    }
    const std::uint32_t seed = pass.seedFor(benchmark);
    auto request = requestFor(benchmark, seed);
    if (auto why = traceGc(runtime, request, scratch.path()); !why.empty()) {
        probe.missing = std::move(why);
        return true;
    }
    request.sampleHz = benchmark.settings.sampleHz > 0 ? benchmark.settings.sampleHz : defaultSampleHz;
    request.tailBytes = gcTraceTailBytes; // the trace is in the output: all of it, up to a bound
    pass.starting(b, false);
    ProbeRun probeRun;
    probeRun.instruments.gc = true;
    probeRun.run = pass.launcher.launch(request, pass.stop);
    if (probeRun.run.cancelled)
        return false;
    probeRun.run.hashSeed = seed;
    probe.runtimeGc = readGcTrace(runtime, probeRun.run, scratch.path());
    if (!probeRun.run.succeeded())
        probeRun.missing = "the traced run failed: " + probeRun.run.outcome();
    trimOutput(probeRun.run, probeRun.run.succeeded() ? successfulRunTailBytes : request.tailBytes);
    probe.runs.push_back(std::move(probeRun));
    pass.finished();
    if (pass.callbacks.probeFinished)
        pass.callbacks.probeFinished(pass.results, b);
    return true;
}

/// The instrumented runs, after all timed ones so that they cannot disturb them; false when stopped.
bool probePass(Pass& pass)
{
    for (std::size_t b = 0; b < pass.results.benchmarks.size(); ++b) {
        auto& benchmark = pass.results.benchmarks[b];
        if (benchmark.failure || !benchmark.settings.probe.any())
            continue;
        benchmark.probe.emplace();
        if (!benchmark.script) {
            if (!benchmark.settings.probe.gc && !benchmark.settings.probe.heap) {
                benchmark.probe->missing = "only Python scripts can be profiled and their allocations traced; of a "
                                           "command, --gc traces the collector of Go, Java and Node.js, and "
                                           "counts a native program's live heap";
                continue;
            }
            if (!traceCommandGc(pass, b))
                return false;
            continue;
        }
        if (benchmark.function) {
            benchmark.probe->missing = "benchmark functions are not probed yet; whole scripts are";
            continue;
        }
        for (const auto& instruments : probeRunPlan(benchmark.settings.probe)) {
            if (pass.stop.stop_requested())
                return false;
            pass.starting(b, false);
            const std::uint32_t seed = pass.seedFor(benchmark);
            auto request = requestFor(benchmark, seed);
            request.argv = probeCommand(benchmark.command);
            request.environment[probeInstrumentsVariable] = joinedNames(instruments);
            request.probeChannel = true;
            request.sampleHz = benchmark.settings.sampleHz > 0 ? benchmark.settings.sampleHz : defaultSampleHz;
            // The heap shim counts the live heap in the run with gc: CPython's own allocator (pymalloc) takes its
            // arenas with mmap, out of the shim's sight, so the run uses the C library's malloc for every object.
            std::optional<ScratchFolder> scratch;
            if (instruments.heap) {
                scratch.emplace();
                auto why = scratch->error();
                if (why.empty())
                    why = countHeap(request, scratch->path());
                if (why.empty())
                    request.environment["PYTHONMALLOC"] = "malloc";
                benchmark.probe->heapMissing = why;
            }
            ProbeRun probeRun;
            probeRun.instruments = instruments;
            probeRun.run = pass.launcher.launch(request, pass.stop);
            if (probeRun.run.cancelled)
                return false;
            if (instruments.heap && benchmark.probe->heapMissing.empty()
                && (!probeRun.run.timeline || !probeRun.run.timeline->heap))
                benchmark.probe->heapMissing = "the heap shim did not load (the interpreter is statically linked, "
                                               "or the script cleared LD_PRELOAD)";
            probeRun.run.hashSeed = seed;
            trimOutput(probeRun.run, successfulRunTailBytes);
            takeProbeReport(probeRun, *benchmark.probe);
            benchmark.probe->runs.push_back(std::move(probeRun));
            pass.finished();
            if (pass.callbacks.probeFinished)
                pass.callbacks.probeFinished(pass.results, b);
        }
    }
    return true;
}
/// The start-up every run of a script pays: the median of five runs of `python -c pass`, once per interpreter, for
/// the findings ("start-up dominates"). Not for benchmark functions, whose figures leave start-up out.
void measureStartUp(Launcher& launcher, Results& results, std::stop_token stop)
{
    std::map<std::string, double> measured;
    for (auto& benchmark : results.benchmarks) {
        auto& interpreter = benchmark.interpreter;
        if (!benchmark.script || benchmark.function || !interpreter || interpreter->startupSeconds)
            continue;
        if (const auto known = measured.find(interpreter->path); known != measured.end()) {
            interpreter->startupSeconds = known->second;
            continue;
        }
        std::vector<double> walls;
        for (int i = 0; i < 5 && !stop.stop_requested(); ++i) {
            LaunchRequest request;
            request.argv = { interpreter->path, "-c", "pass" };
            request.environment = benchmark.settings.environment;
            request.placement = { benchmark.settings.cpus, benchmark.settings.nice };
            request.timeout = std::chrono::seconds(10);
            if (const auto run = launcher.launch(request, stop); run.succeeded())
                walls.push_back(toSeconds(run.wall));
        }
        if (walls.size() >= 3) {
            std::sort(walls.begin(), walls.end());
            interpreter->startupSeconds = measured[interpreter->path] = walls[walls.size() / 2];
        }
    }
}
} // namespace

Engine::Engine(Launcher& launcher)
    : m_launcher(launcher)
{
}

void Engine::run(Results& results, std::stop_token stop, const EngineCallbacks& callbacks)
{
    const auto ticks = readCpuTicks();
    measureStartUp(m_launcher, results, stop);
    Pass pass { m_launcher, results, stop, callbacks };
    for (const auto& benchmark : results.benchmarks)
        pass.progress.total += plannedRuns(benchmark) + probeRunCount(benchmark);
    const bool stopped = !timedPass(pass) || !probePass(pass);
    results.environment.loadAverageEnd = loadAverage();
    if (const auto now = readCpuTicks(); ticks.valid && now.valid && now.total > ticks.total)
        results.environment.stealDuringRun = static_cast<double>(now.steal - std::min(now.steal, ticks.steal))
            / static_cast<double>(now.total - ticks.total);
    results.complete = !stopped;
}

} // namespace pyrometer
