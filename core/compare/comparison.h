#pragma once

#include "core/model/results.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// What a comparison concludes about one benchmark, in the words shown to the user.
enum class Verdict {
    Slower, ///< significant, and slower by at least the threshold (the whole interval of the ratio)
    Faster, ///< significant, and faster by at least the threshold
    NoSignificantChange, ///< the test finds no difference at the chosen α
    BelowThreshold, ///< significant, but not shown to be as large as the threshold
    TooFewRuns, ///< so few runs that no difference could ever be significant
    TooFastToMeasure, ///< a median of 0 s: the tool that measured it recorded nothing (hyperfine's shell correction)
};
const char* verdictText(Verdict verdict); ///< "slower", "faster", "no significant change", …

/// How sure a verdict must be, and how large a change must be to count.
struct ComparisonSettings
{
    double alpha = 0.01; ///< significance level of the two-sided Mann–Whitney U test
    double threshold = 0.02; ///< smallest relative change of the median that counts (0.02 = 2%)
    int resamples = 10'000; ///< bootstrap resamples per benchmark
    double confidence = 0.95; ///< level of the bootstrap intervals
    std::uint64_t seed = 0x5eed; ///< the bootstrap's seed: the same data always give the same intervals
};
/// "two-sided Mann–Whitney U test at α = 0.01, and the 95% bootstrap interval … beyond the threshold of 2%": the
/// method, wherever a verdict is shown.
std::string describeMethod(const ComparisonSettings& settings);

/// One benchmark of the baseline and the one of the candidate it is compared with.
struct BenchmarkPair
{
    std::size_t baseline = 0;
    std::size_t candidate = 0;
};

/// The comparison of one pair over the successful measured runs of each side. Times in seconds.
struct PairComparison
{
    std::string name; ///< the baseline's name, or "baseline → candidate" when the names differ
    std::string baselineName;
    std::string candidateName;
    Summary baseline;
    Summary candidate;
    std::vector<double> baselineWall; ///< the samples, for charts
    std::vector<double> candidateWall;
    BootstrapRatio ratio; ///< median(candidate) / median(baseline), its interval; no replicates kept
    TestResult mannWhitney;
    std::optional<TestResult> welch;
    double shiftSeconds = 0; ///< Hodges–Lehmann estimate of candidate − baseline
    Verdict verdict = Verdict::TooFewRuns;

    double relativeChange() const { return ratio.ratio - 1.0; } ///< +0.10: 10% slower
    /// Both sides have runs and a ratio of medians exists (not with a median of 0 s): what charts can draw.
    bool hasRatio() const { return baseline.n > 0 && candidate.n > 0 && std::isfinite(ratio.ratio); }
};

/// The ratio of medians over every pair that has a verdict, combined.
struct GeometricMean
{
    double ratio = 1;
    double low = 1;
    double high = 1;
    std::size_t pairs = 0;
};

/// Where the two sides were measured differently: "CPU", "Python", "CPU governor", …
struct EnvironmentDifference
{
    std::string what;
    std::string baseline;
    std::string candidate;
};

struct Comparison
{
    ComparisonSettings settings;
    std::vector<PairComparison> pairs;
    std::vector<std::string> onlyInBaseline;
    std::vector<std::string> onlyInCandidate;
    std::optional<GeometricMean> geometricMean; ///< empty when no pair has enough runs
    std::vector<EnvironmentDifference> environmentDifferences;

    bool anySlower() const;
};

/// Pairs benchmarks of the same name; `manual` pairs come first and take their benchmarks out of matching by
/// name. Throws InputError when a manual pair names a benchmark that does not exist or is already paired.
std::vector<BenchmarkPair> pairBenchmarks(
    const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& manual = {});

/// Compares each pair: bootstrap interval of the ratio of medians, Mann–Whitney U with Welch's t-test as a
/// second opinion, Hodges–Lehmann shift, verdict; then the geometric mean of the ratios, with an interval from
/// the product of the pairs' bootstrap replicates (the pairs are resampled independently).
Comparison compare(const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& pairs,
    const ComparisonSettings& settings = {});

/// The verdict for one pair: "too few runs to tell" when the test as used (exact or approximated, see
/// TestResult::floor) could not reach α with these runs; "slower" or "faster" when it is significant at α and the
/// whole interval of the ratio lies beyond the threshold; "below threshold" when significant but not shown that
/// large.
Verdict verdictFor(const TestResult& test, const BootstrapRatio& ratio, const ComparisonSettings& settings);

/// A verdict as people read it: "slower", …, "significant, but not shown to exceed 2%".
std::string verdictLabel(Verdict verdict, const ComparisonSettings& settings);

/// Where the machines, Pythons and settings of the two sides differ.
std::vector<EnvironmentDifference> environmentDifferences(const Results& baseline, const Results& candidate);

/// "CPython 3.11.2, PyPy 7.3.11": the Pythons a side's benchmarks ran on.
std::string pythonVersions(const Results& results);
/// "+10.2%", "−3.1%", "±0.0%": a ratio as a relative change.
std::string formatChange(double ratio);
/// "p = 0.0032", "p < 0.0001".
std::string formatPValue(double p);

} // namespace pyrometer
