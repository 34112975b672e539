#include "results.h"

#include <algorithm>
#include <cmath>

namespace pyrometer {

double toSeconds(std::chrono::nanoseconds duration)
{
    return static_cast<double>(duration.count()) / 1e9;
}

std::chrono::nanoseconds fromSeconds(double seconds)
{
    return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(seconds * 1e9)));
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

BenchmarkSummary summarize(const BenchmarkResult& benchmark)
{
    BenchmarkSummary result;
    std::vector<double> wall, user, sys, rss;
    for (const auto& run : benchmark.runs) {
        if (run.warmup) {
            ++result.warmupRuns;
            continue;
        }
        if (!run.succeeded()) {
            ++result.failedRuns;
            continue;
        }
        wall.push_back(toSeconds(run.wall));
        user.push_back(toSeconds(run.user));
        sys.push_back(toSeconds(run.sys));
        rss.push_back(static_cast<double>(run.maxRssBytes));
        result.maxRssMax = std::max(result.maxRssMax, run.maxRssBytes);
    }
    const auto median = [](std::vector<double>& values) {
        std::sort(values.begin(), values.end());
        return quantile(values, 0.5);
    };
    result.userMedian = median(user);
    result.sysMedian = median(sys);
    result.maxRssMedian = median(rss);
    result.wall = summarize(std::move(wall));
    return result;
}

std::vector<double> successfulWallSeconds(const BenchmarkResult& benchmark)
{
    std::vector<double> wall;
    for (const auto& run : benchmark.runs) {
        if (!run.warmup && run.succeeded())
            wall.push_back(toSeconds(run.wall));
    }
    return wall;
}

std::optional<std::size_t> findBenchmark(const Results& results, const std::string& name)
{
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
        if (results.benchmarks[i].name == name)
            return i;
    }
    return std::nullopt;
}

std::vector<BenchmarkSummary> summarizeAll(const Results& results)
{
    std::vector<BenchmarkSummary> summaries;
    summaries.reserve(results.benchmarks.size());
    for (const auto& benchmark : results.benchmarks)
        summaries.push_back(summarize(benchmark));
    return summaries;
}

std::optional<std::size_t> fastest(const std::vector<BenchmarkSummary>& summaries)
{
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        if (summaries[i].wall.n > 0 && (!best || summaries[i].wall.median < summaries[*best].wall.median))
            best = i;
    }
    return best;
}

} // namespace pyrometer
