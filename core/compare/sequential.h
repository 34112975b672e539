#pragma once

#include "core/compare/comparison.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pyrometer {

/// A comparison whose candidate runs go on until the verdict is decided (`--until-decided`). The verdict is taken
/// only at fixed looks, planned before any run: at `minRuns` candidate runs, then each look half as many runs
/// again as the one before, and at `maxRuns`. Looking after every run and stopping at the first "slower" would
/// make a false alarm ever more likely the longer it goes (each look is another chance); so α is split evenly over
/// the looks (Bonferroni): each look tests at α / K with K looks, and the chance of any false alarm over all the
/// looks stays at most α, whatever the distribution of the times and however the looks' tests depend on each
/// other. Pocock's or O'Brien–Fleming's boundaries spend α less conservatively, but they are derived for normal
/// statistics with known correlation between looks, which rank tests on skewed run times do not have.
struct SequentialPlan
{
    std::vector<std::size_t> looks; ///< candidate run counts, ascending; the last is the cap
    /// With α already divided by the number of looks, and the interval's level raised to 1 − 2α to match.
    ComparisonSettings settings;
};
SequentialPlan sequentialPlan(std::size_t minRuns, std::size_t maxRuns, const ComparisonSettings& settings = {});

/// At a look: "slower" or "faster" decide (the verdict compare() gives, at the plan's α and interval level); "no
/// change beyond the threshold" decides when that interval (1 − 2α: two one-sided tests) lies within ±threshold;
/// anything else waits for the next look. Empty when undecided.
struct SequentialDecision
{
    Verdict verdict = Verdict::NoSignificantChange;
    bool equivalent = false; ///< decided as no change beyond the threshold
    std::string reason; ///< "slower at the look at 20 runs (α = 0.0017 a look)"
};
std::optional<SequentialDecision> sequentialDecision(
    std::span<const double> baseline, std::span<const double> candidate, const SequentialPlan& plan);

/// The same for two benchmarks of one interleaved run, from the log-ratios of their paired runs
/// (pairedLogRatios): the Wilcoxon signed-rank test and the bootstrap over pairs, as compare() takes them, with
/// the look counted in pairs.
std::optional<SequentialDecision> sequentialPairedDecision(
    std::span<const double> logRatios, const SequentialPlan& plan);

} // namespace pyrometer
