#pragma once

#include "core/model/results.h"

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace pyrometer {

/// One thing the data of a run shows that changes how its figures should be read, with the evidence and, where
/// the data points to one, what to do.
struct Finding
{
    static constexpr std::size_t wholeRun = std::numeric_limits<std::size_t>::max();
    std::string
        key; ///< "noise", "pause", "busy", "warm-up", "drift", "bimodal", "start-up", "gc", "memory-growth", "hotspot"
    std::size_t benchmark = wholeRun; ///< the benchmark it is about, or wholeRun
    std::string what; ///< "the first 3 runs were 12% slower than the other 27"
    std::string evidence; ///< "Mann–Whitney U, one-sided p = 0.0021"
    std::string advice; ///< "use more warmups: -w 4"; "" when the data points to nothing to do
};

/// A monotonic trend in a series taken in order: Mann–Kendall's test (Kendall 1975; S with the normal approximation,
/// no tie correction, and a continuity correction) and the Theil–Sen slope (Sen 1968; the median of the pairwise
/// slopes), per step.
struct Trend
{
    double z = 0;
    double pValue = 1; ///< two-sided
    double slope = 0; ///< per step of the series
};
Trend mannKendall(std::span<const double> series);

/// The findings of every benchmark of `results` and of the run as a whole, in the order of the benchmarks. Each
/// is raised only by a stated test on the data:
/// - noise: the coefficient of variation of the wall times is above 5%, or, when the doctor's noise floor of the
///   machine is known, above 2% and three times the floor's (then the spread is the benchmark's own);
/// - pause: the longest gap between the end of one run and the start of the next (any benchmark's) is over 10 s
///   and 10 times the median gap (10 runs or more);
/// - busy: a check at the run's start was rated bad (load, pressure, steal), the 1-minute load at its end was
///   at least 0.75 per CPU, or steal time took 2% or more of the CPU time during the run;
/// - warm-up: the first fifth of the runs (at least 2) is slower than the rest by more than 5%, one-sided
///   Mann–Whitney p < 0.01 (10 runs or more);
/// - drift: a Mann–Kendall trend at p < 0.01 whose Theil–Sen line moves the median by more than 5% over the runs
///   (after the warm-up, 10 runs or more);
/// - bimodal: the sorted wall times have a gap, with at least 10% of the runs (and 3) on each side, wider than 2%
///   of the median and than 5 times the spread within either side (1.4826 · MAD), after the warm-up;
/// - start-up: the interpreter's own start-up (`python -c pass`, measured before the runs, or the probe's time
///   before the script began) is more than half the median wall time of a script;
/// - gc: garbage collection took more than 10% of the instrumented run's script time;
///   (series longer than 1,000 runs are tested as the medians of 1,000 consecutive blocks)
/// - memory-growth: peak RSS has a Mann–Kendall trend at p < 0.01 rising more than 10% over the runs, or a run's
///   sampled RSS still rose by more than 20% over its second half (a possible leak);
/// - hotspot: one function holds more than half of the profile's own time.
std::vector<Finding> findings(const Results& results);

} // namespace pyrometer
