#include "core/compare/sequential.h"

#include "core/model/units.h"
#include "core/stats/two_sample_tests.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer {

SequentialPlan sequentialPlan(std::size_t minRuns, std::size_t maxRuns, const ComparisonSettings& settings)
{
    SequentialPlan plan;
    minRuns = std::max<std::size_t>(2, minRuns);
    maxRuns = std::max(minRuns, maxRuns);
    for (std::size_t n = minRuns; n < maxRuns; n = std::max(n + 1, n * 3 / 2))
        plan.looks.push_back(n);
    plan.looks.push_back(maxRuns);
    plan.settings = settings;
    plan.settings.alpha = settings.alpha / static_cast<double>(plan.looks.size());
    // The interval that must clear the threshold is taken at the same corrected level: at 95% while the test runs
    // at α / K, a drift between the two invocations a little beyond the threshold is "decided" more often the
    // longer the candidate runs (measured by bench/sequential_bench).
    plan.settings.confidence = std::max(settings.confidence, 1 - 2 * plan.settings.alpha);
    return plan;
}

namespace {
std::optional<SequentialDecision> decide(
    const TestResult& test, const BootstrapRatio& ratio, bool paired, std::size_t runs, const SequentialPlan& plan)
{
    const auto& settings = plan.settings;
    char alpha[64];
    std::snprintf(alpha, sizeof alpha, "α = %.2g a look, %zu looks", settings.alpha, plan.looks.size());
    const std::string at
        = " at the look at " + std::to_string(runs) + (paired ? " paired runs (" : " runs (") + alpha + ")";
    const auto verdict = verdictFor(test, ratio, settings, paired);
    if (verdict == Verdict::Slower || verdict == Verdict::Faster)
        return SequentialDecision { verdict, false, std::string(verdictText(verdict)) + at };
    // No change beyond the threshold: the whole interval at 1 − 2α inside ±threshold (two one-sided tests).
    const double high = 1 + settings.threshold, low = 1 / high;
    if (ratio.low > low && ratio.high < high)
        return SequentialDecision { verdict, true,
            "no change beyond ±" + formatPercent(settings.threshold, 0) + at + ": the ratio lies in "
                + formatFixed(ratio.low, 3) + " … " + formatFixed(ratio.high, 3) };
    return std::nullopt;
}
} // namespace

std::optional<SequentialDecision> sequentialDecision(
    std::span<const double> baseline, std::span<const double> candidate, const SequentialPlan& plan)
{
    if (baseline.size() < 2 || candidate.size() < 2)
        return std::nullopt;
    const auto& settings = plan.settings;
    const auto ratio
        = bootstrapRatioOfMedians(baseline, candidate, settings.resamples, settings.confidence, settings.seed);
    return decide(mannWhitney(baseline, candidate), ratio, false, candidate.size(), plan);
}

std::optional<SequentialDecision> sequentialPairedDecision(
    std::span<const double> logRatios, const SequentialPlan& plan)
{
    if (logRatios.size() < 2)
        return std::nullopt;
    const auto& settings = plan.settings;
    const auto ratio = bootstrapPairedRatio(logRatios, settings.resamples, settings.confidence, settings.seed);
    return decide(wilcoxonSignedRank(logRatios), ratio, true, logRatios.size(), plan);
}

} // namespace pyrometer
