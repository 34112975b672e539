#include "core/measure/engine.h"

#include "core/measure/environment_capture.h"
#include "core/measure/output_tail.h"
#include "core/probe/probe.h"

#include <algorithm>
#include <random>

namespace pyrometer {
namespace {
using Clock = std::chrono::steady_clock;

struct Slot
{
    std::size_t benchmark;
    bool warmup;
};

/// Every run in the order it happens: warmups of all benchmarks first, then the measured runs.
std::vector<Slot> schedule(const Results& results)
{
    std::vector<Slot> slots;
    const auto& benchmarks = results.benchmarks;
    if (results.order == RunOrder::Sequential) {
        for (std::size_t b = 0; b < benchmarks.size(); ++b) {
            for (int w = 0; w < benchmarks[b].settings.warmups; ++w)
                slots.push_back({ b, true });
            for (int r = 0; r < benchmarks[b].settings.runs; ++r)
                slots.push_back({ b, false });
        }
        return slots;
    }
    for (bool warmup : { true, false }) {
        int rounds = 0;
        for (const auto& benchmark : benchmarks)
            rounds = std::max(rounds, warmup ? benchmark.settings.warmups : benchmark.settings.runs);
        for (int round = 0; round < rounds; ++round) {
            for (std::size_t b = 0; b < benchmarks.size(); ++b) {
                if (round < (warmup ? benchmarks[b].settings.warmups : benchmarks[b].settings.runs))
                    slots.push_back({ b, warmup });
            }
        }
    }
    return slots;
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
    return benchmark.script ? probeRunPlan(benchmark.settings.probe).size() : 0;
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
    request.environment["PYTHONHASHSEED"] = std::to_string(seed);
    return request;
}

/// The timed runs; false when stopped.
bool timedPass(Pass& pass, const std::vector<Slot>& slots)
{
    auto& results = pass.results;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto [b, warmup] = slots[i];
        auto& benchmark = results.benchmarks[b];
        if (benchmark.failure)
            continue;
        if (pass.stop.stop_requested())
            return false;
        pass.progress.run = benchmark.runs.size() + 1;
        pass.progress.runsOfBenchmark = static_cast<std::size_t>(benchmark.settings.warmups + benchmark.settings.runs);
        pass.starting(b, warmup);

        const std::uint32_t seed = pass.seedFor(benchmark);
        RunRecord record = pass.launcher.launch(requestFor(benchmark, seed), pass.stop);
        if (record.cancelled)
            return false;
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
            if (const auto line = last.lastErrorLine(); !line.empty())
                message += ": " + line;
            benchmark.failure = message;
            // Its remaining runs leave the plan, so that progress and the estimate stay true.
            const auto remainingRuns
                = static_cast<std::size_t>(std::count_if(slots.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    slots.end(), [&](const Slot& s) { return s.benchmark == b; }));
            pass.progress.total -= remainingRuns + probeRunCount(benchmark);
            if (pass.callbacks.benchmarkFailed)
                pass.callbacks.benchmarkFailed(results, b);
        }
    }
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
            benchmark.probe->missing = "only Python scripts can be probed, and this benchmark is a command";
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
            ProbeRun probeRun;
            probeRun.instruments = instruments;
            probeRun.run = pass.launcher.launch(request, pass.stop);
            if (probeRun.run.cancelled)
                return false;
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
} // namespace

Engine::Engine(Launcher& launcher)
    : m_launcher(launcher)
{
}

void Engine::run(Results& results, std::stop_token stop, const EngineCallbacks& callbacks)
{
    const auto slots = schedule(results);
    Pass pass { m_launcher, results, stop, callbacks };
    pass.progress.total = slots.size();
    for (const auto& benchmark : results.benchmarks)
        pass.progress.total += probeRunCount(benchmark);
    const bool stopped = !timedPass(pass, slots) || !probePass(pass);
    results.environment.loadAverageEnd = loadAverage();
    results.complete = !stopped;
}

} // namespace pyrometer
