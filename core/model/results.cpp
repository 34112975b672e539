#include "core/model/results.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace pyrometer {

Duration fromSeconds(double seconds)
{
    // Saturates rather than overflow: readers refuse such durations, and none computed may become undefined.
    constexpr double limit = 9.2e6; // seconds in an int64 of picoseconds, rounded down
    if (std::isnan(seconds))
        return Duration(0);
    return Duration(static_cast<std::int64_t>(std::llround(std::clamp(seconds, -limit, limit) * 1e12)));
}

std::size_t BenchmarkResult::measuredRuns() const
{
    return static_cast<std::size_t>(std::count_if(runs.begin(), runs.end(), [](const auto& r) { return !r.warmup; }));
}

std::size_t BenchmarkResult::failedRuns() const
{
    return static_cast<std::size_t>(
        std::count_if(runs.begin(), runs.end(), [](const auto& r) { return !r.warmup && !r.succeeded(); }));
}

std::optional<std::size_t> findBenchmark(const Results& results, const std::string& name)
{
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
        if (results.benchmarks[i].name == name)
            return i;
    }
    return std::nullopt;
}

void makeNamesUnique(Results& results)
{
    std::map<std::string, std::size_t> seen;
    for (const auto& benchmark : results.benchmarks)
        ++seen[benchmark.name];
    std::map<std::string, std::size_t> counted;
    for (auto& benchmark : results.benchmarks) {
        const auto total = seen[benchmark.name];
        if (total < 2)
            continue;
        const auto original = benchmark.name;
        const auto k = ++counted[original];
        if (k == 1)
            continue;
        auto name = original + " #" + std::to_string(k);
        for (int extra = 2; seen.contains(name); ++extra)
            name = original + " #" + std::to_string(k) + "." + std::to_string(extra);
        seen[name] = 1;
        benchmark.name = name;
        results.notes.push_back(std::to_string(total) + " benchmarks are named '" + original + "'; benchmark "
            + std::to_string(&benchmark - results.benchmarks.data() + 1) + " is called '" + name + "' here");
    }
}

} // namespace pyrometer
