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
};
BenchmarkSummary summarize(const BenchmarkResult& benchmark);
/// The wall times of a benchmark's successful measured runs, in seconds, in the order they ran; none for a
/// benchmark of memory alone.
std::vector<double> successfulWallSeconds(const BenchmarkResult& benchmark);

/// The summaries of all benchmarks, in order.
std::vector<BenchmarkSummary> summarizeAll(const Results& results);
/// The benchmark with the lowest median wall time among those with successful runs.
std::optional<std::size_t> fastest(const std::vector<BenchmarkSummary>& summaries);

} // namespace pyrometer
