#include "core/stats/benchmark_summary.h"

#include <algorithm>

namespace pyrometer {

BenchmarkSummary summarize(const BenchmarkResult& benchmark)
{
    BenchmarkSummary result;
    result.wallMeasured = benchmark.measured.wall;
    result.failed = benchmark.failure.has_value();
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
    if (!benchmark.measured.wall)
        return wall; // a benchmark of memory alone has no times, not times of 0
    for (const auto& run : benchmark.runs) {
        if (!run.warmup && run.succeeded())
            wall.push_back(toSeconds(run.wall));
    }
    return wall;
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
        if (summaries[i].wallMeasured && summaries[i].wall.n > 0 && !summaries[i].failed
            && (!best || summaries[i].wall.median < summaries[*best].wall.median))
            best = i;
    }
    return best;
}

std::string outlierAdvice(const Summary& w)
{
    const auto tukey = w.outliers.tukeyTotal();
    if (tukey == 0 && w.outliers.modifiedZ == 0)
        return {};
    return std::to_string(tukey) + " outlier" + (tukey == 1 ? "" : "s") + " by Tukey fences ("
        + std::to_string(w.outliers.tukeySevere()) + " severe), " + std::to_string(w.outliers.modifiedZ)
        + " by modified Z-score. Other programs may have disturbed the runs; a quieter machine or more runs help.";
}

} // namespace pyrometer
