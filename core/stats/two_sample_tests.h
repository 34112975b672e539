#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pyrometer {

/// A two-sided test's outcome.
struct TestResult
{
    double statistic = 0; ///< U for Mann–Whitney (of the first sample), t for Welch
    double pValue = 1;
    bool exact = false; ///< p from the exact distribution, not an approximation
    /// The smallest p-value the test as used could give for these sample sizes (and, approximated, these ties):
    /// at or above α, no data could make it significant.
    double floor = 1;
};

/// The smallest two-sided p-value the exact Mann–Whitney test of samples of sizes m and n can reach:
/// 2 / C(m+n, m), the chance of the most extreme arrangement on either side.
double smallestPossiblePValue(std::size_t m, std::size_t n);

/// Two-sided Mann–Whitney U test (Mann & Whitney 1947): exact distribution when there are no ties and
/// n1 + n2 <= 60, otherwise the normal approximation with tie and continuity correction (Lehmann 1975, ch. 1).
TestResult mannWhitney(std::span<const double> first, std::span<const double> second);

/// Welch's unequal-variances t-test (Welch 1947), two-sided; empty when a sample has fewer than two values or
/// both have no variance.
std::optional<TestResult> welch(std::span<const double> first, std::span<const double> second);

/// Hodges–Lehmann estimate of the shift second − first: the median of all pairwise differences (Hodges &
/// Lehmann 1963).
double hodgesLehmann(std::span<const double> first, std::span<const double> second);

/// A percentile bootstrap (Efron & Tibshirani 1993, ch. 13) of the ratio median(second) / median(first):
/// the point estimate, the interval, and every resampled ratio (for combining pairs).
struct BootstrapRatio
{
    double ratio = 1;
    double low = 1;
    double high = 1;
    std::vector<double> replicates;
};
BootstrapRatio bootstrapRatioOfMedians(std::span<const double> first, std::span<const double> second,
    int resamples = 10'000, double level = 0.95, std::uint64_t seed = 0x5eed);

/// Two-sided Wilcoxon signed-rank test (Wilcoxon 1945) that the differences of paired values are centred on 0.
/// Zero differences are dropped (Wilcoxon's own treatment); the statistic is W+, the rank sum of the positive
/// differences. Exact distribution when no |difference| is tied and at most 50 remain, otherwise the normal
/// approximation with tie and continuity correction (Hollander & Wolfe 1999, ch. 3).
TestResult wilcoxonSignedRank(std::span<const double> differences);

/// The percentile bootstrap over pairs of exp(median of the log-ratios log(second_i / first_i)): the ratio of a
/// paired comparison, resampling pairs so that what the pairs share (the machine's state) stays within a pair.
BootstrapRatio bootstrapPairedRatio(
    std::span<const double> logRatios, int resamples = 10'000, double level = 0.95, std::uint64_t seed = 0x5eed);

} // namespace pyrometer
