#pragma once

#include "core/model/results.h"
#include "core/stats/complexity.h"

#include <string>
#include <vector>

namespace pyrometer {

/// How one benchmark function, script or command scales: its benchmarks at each value of its one numeric parameter
/// (a size, a params list of numbers, a parameter scan), their times, and the complexity fit.
struct ScalingCurve
{
    std::string name; ///< "bench_sorting.py::bench_sort"
    std::string parameter; ///< "n"
    bool perCall = true; ///< a benchmark function's, timed per call; else whole runs of a script or command
    std::vector<std::size_t> benchmarks; ///< indices into the results, by ascending parameter
    std::vector<ScalingPoint> points; ///< one per benchmark with successful runs, by ascending parameter
    std::vector<ScalingSample> samples; ///< the same, with every run's time per call, for predictions
    ScalingAnalysis analysis;
};

/// The scaling curves of `results`: every benchmark function, script or command (named "NAME[CASE]") timed at two
/// or more values of a single numeric parameter, in the order they first appear.
std::vector<ScalingCurve> scalingCurves(const Results& results);

/// "O(n log n), ≈ 41.2 ns · n log n + 1.2 µs": the class and the fitted curve, times in `unit`-free readable text.
std::string describeFit(const ComplexityFit& fit);

} // namespace pyrometer
