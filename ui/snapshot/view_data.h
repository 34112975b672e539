#pragma once

#include "core/stats/chart_math.h"

#include "core/model/results.h"
#include "core/stats/benchmark_summary.h"
#include "core/stats/scaling.h"

#include <memory>
#include <optional>
#include <vector>

namespace pyrometer::ui {

/// What the views show of one benchmark, ready to draw.
struct BenchmarkView
{
    BenchmarkSummary summary;
    std::vector<double> sortedWalls; ///< successful measured wall times, seconds, ascending
    std::vector<Point> runs; ///< (run number, seconds) of successful measured runs, downsampled
    std::vector<Point> rollingMedian; ///< the rolling median of the same, downsampled
    TukeyBox box; ///< seconds
    /// The first measured run with a memory timeline, which the memory chart shows unless told otherwise; found
    /// here, as looking for it took the GUI thread four scans of every run on each refresh.
    std::optional<std::size_t> firstSampledRun;
};

/// Everything the summary table and the charts draw, computed once per snapshot, off the GUI thread: the
/// GUI thread only turns it into series. O(n log n) in the runs.
struct ViewData
{
    std::vector<BenchmarkView> benchmarks;
    std::optional<std::size_t> fastest;
    std::size_t longest = 0; ///< most successful measured runs of any benchmark
    double lastRun = 0; ///< the highest run number with a time, of any benchmark
    bool any = false; ///< some benchmark has a successful measured run
    double lowest = 0; ///< shortest wall time of all, seconds
    double highest = 0; ///< longest wall time of all, seconds
    double smallestMedian = 0; ///< picks the display unit, seconds
    /// Each benchmark's name as every view shows it (shortNames()); the full name goes in tooltips.
    std::vector<std::string> names;
    /// How the benchmarks with a numeric parameter scale in time, fitted (scalingCurves()).
    std::vector<ScalingCurve> scaling;
};

/// The rolling median's window, in runs.
inline constexpr std::size_t rollingWindow = 9;

/// Series are downsampled to `columns` points per pixel column pair: more than any chart is wide, so that a
/// panel only thins them further to its own width.
ViewData computeViewData(const Results& results, int columns = 2048);

} // namespace pyrometer::ui
