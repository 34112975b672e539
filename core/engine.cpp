#include "engine.h"

#include "environment.h"

#include <algorithm>
#include <random>

namespace pyrometer {
namespace {
using Clock = std::chrono::steady_clock;

/// The last non-empty line of a process's stderr, for a one-line failure message.
std::string lastLine(const std::string& text)
{
    auto end = text.find_last_not_of("\r\n \t");
    if (end == std::string::npos)
        return {};
    const auto begin = text.rfind('\n', end);
    return text.substr(
        begin == std::string::npos ? 0 : begin + 1, end - (begin == std::string::npos ? 0 : begin + 1) + 1);
}

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
} // namespace

Engine::Engine(Launcher& launcher)
    : m_launcher(launcher)
{
}

void Engine::run(Results& results, std::stop_token stop, const EngineCallbacks& callbacks)
{
    const auto slots = schedule(results);
    std::mt19937 seeds(std::random_device {}());
    std::uniform_int_distribution<std::uint32_t> anySeed(1, 4294967295u);

    Progress progress;
    progress.total = slots.size();
    const auto started = Clock::now();
    bool stopped = false;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto [b, warmup] = slots[i];
        auto& benchmark = results.benchmarks[b];
        if (benchmark.failure)
            continue;
        if (stop.stop_requested()) {
            stopped = true;
            break;
        }
        progress.benchmark = b;
        progress.warmup = warmup;
        progress.run = benchmark.runs.size() + 1;
        progress.runsOfBenchmark = static_cast<std::size_t>(benchmark.settings.warmups + benchmark.settings.runs);
        progress.elapsed = Clock::now() - started;
        if (callbacks.runStarting)
            callbacks.runStarting(progress);

        LaunchRequest request;
        request.argv = benchmark.command;
        request.environment = benchmark.settings.environment;
        request.workingDirectory = benchmark.settings.workingDirectory;
        request.timeout = benchmark.settings.timeout;
        const std::uint32_t seed = benchmark.settings.fixedHashSeed.value_or(anySeed(seeds));
        request.environment["PYTHONHASHSEED"] = std::to_string(seed);

        RunRecord record = m_launcher.launch(request, stop);
        if (record.cancelled) {
            stopped = true;
            break;
        }
        record.warmup = warmup;
        record.hashSeed = seed;
        // A failed run keeps its whole tail to explain itself; thousands of successful runs must not each hold
        // 128 KiB.
        if (record.succeeded())
            record.trimOutput(successfulRunTailBytes);
        benchmark.runs.push_back(std::move(record));
        const RunRecord& last = benchmark.runs.back();

        ++progress.completed;
        progress.elapsed = Clock::now() - started;
        progress.remaining = progress.elapsed / progress.completed * (progress.total - progress.completed);
        if (callbacks.runFinished)
            callbacks.runFinished(results, b);

        const bool fatal = !last.launchError.empty() || (!last.succeeded() && !results.ignoreFailure);
        if (fatal) {
            std::string message = (warmup ? "warmup run " : "run ") + std::to_string(benchmark.runs.size())
                + " failed: " + last.outcome();
            if (const auto line = lastLine(last.stderrTail); !line.empty())
                message += ": " + line;
            benchmark.failure = message;
            // Its remaining runs leave the plan, so that progress and the estimate stay true.
            const auto remainingRuns
                = static_cast<std::size_t>(std::count_if(slots.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    slots.end(), [&](const Slot& s) { return s.benchmark == b; }));
            progress.total -= remainingRuns;
            if (callbacks.benchmarkFailed)
                callbacks.benchmarkFailed(results, b);
        }
    }
    results.environment.loadAverageEnd = loadAverage();
    results.complete = !stopped;
}

} // namespace pyrometer
