#pragma once

#include "core/model/results.h"
#include "core/stats/statistics.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace pyrometer {

/// The statistics of one benchmark, over its successful measured runs.
struct BenchmarkSummary
{
    Summary wall; ///< seconds
    bool wallMeasured = true; ///< false for a benchmark of memory alone: `wall` then holds nothing to show
    double userMedian = 0; ///< seconds
    double sysMedian = 0; ///< seconds
    double maxRssMedian = 0; ///< bytes
    std::int64_t maxRssMax = 0; ///< bytes
    std::size_t failedRuns = 0;
    std::size_t warmupRuns = 0;
    bool failed = false; ///< the benchmark stopped early (BenchmarkResult::failure)
};
BenchmarkSummary summarize(const BenchmarkResult& benchmark);
/// The wall times of a benchmark's successful measured runs, in seconds, in the order they ran; none for a
/// benchmark of memory alone.
std::vector<double> successfulWallSeconds(const BenchmarkResult& benchmark);

/// The summaries of all benchmarks, in order.
std::vector<BenchmarkSummary> summarizeAll(const Results& results);
/// The benchmark with the lowest median wall time among those with successful runs that did not fail: a
/// benchmark that stopped early is never the reference others are measured against.
std::optional<std::size_t> fastest(const std::vector<BenchmarkSummary>& summaries);
/// What the outliers of `wall` mean for the user, in one sentence with its advice; empty when there are none.
std::string outlierAdvice(const Summary& wall);

} // namespace pyrometer
