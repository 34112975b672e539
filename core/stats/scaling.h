#pragma once

#include "core/model/results.h"
#include "core/stats/complexity.h"

#include <string>
#include <vector>

namespace pyrometer {

/// What a scaling curve follows: the time of a call (or run), or the peak resident memory of the run's process.
enum class ScalingMetric { Time, PeakMemory };

/// How one benchmark function, script or command scales: its benchmarks at each value of its one numeric parameter
/// (a size, a params list of numbers, a parameter scan), their times, and the complexity fit.
struct ScalingCurve
{
    std::string name; ///< "bench_sorting.py::bench_sort"
    std::string parameter; ///< "n"
    bool perCall = true; ///< a benchmark function's, timed per call; else whole runs of a script or command
    ScalingMetric metric = ScalingMetric::Time; ///< seconds (per call or run) or bytes
    std::vector<std::size_t> benchmarks; ///< indices into the results, by ascending parameter
    std::vector<ScalingPoint> points; ///< one per benchmark with successful runs, by ascending parameter
    std::vector<std::size_t> pointBenchmarks; ///< the benchmark of each point
    std::vector<ScalingSample> samples; ///< the same, with every run's time per call, for predictions
    ScalingAnalysis analysis;
};

/// The scaling curves of `results`: every benchmark function, script or command (named "NAME[CASE]") timed at two
/// or more values of a single numeric parameter, in the order they first appear. Of PeakMemory, each run's peak
/// RSS (a benchmark function's is its worker's, setup's data included), where it was measured.
std::vector<ScalingCurve> scalingCurves(const Results& results, ScalingMetric metric = ScalingMetric::Time);

/// "O(n log n), ≈ 41.2 ns · n log n + 1.2 µs": the class and the fitted curve, in readable units (of memory, bytes:
/// "O(n), ≈ 36 B · n + 9.8 MiB", the slope being the bytes per element).
std::string describeFit(const ComplexityFit& fit, ScalingMetric metric = ScalingMetric::Time);

/// How well the class of a decided analysis fits and how far ahead it is: "within 3.3% of the medians; AICc 21.2
/// ahead of O(n log n)", with a word when the fit is loose (see looseFit); empty when undecided.
std::string describeQuality(const ScalingAnalysis& analysis);

} // namespace pyrometer
