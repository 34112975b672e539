#pragma once

#include "core/compare/profile_diff.h"
#include "core/model/results.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <cmath>
#include <cstddef>
#include <memory>
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
    NotMeasured, ///< a side's file does not hold this measurement (another tool's file)
    NoRunsToTest, ///< a side's file holds a summary alone (pytest-benchmark without its data): nothing to test
};
const char* verdictText(Verdict verdict); ///< "slower", "faster", "no significant change", …

/// What a verdict is about: every pair has one verdict per metric.
enum class Metric { Wall, Cpu, Memory };
const char* metricName(Metric metric); ///< "wall time", "CPU time", "peak RSS"
const char* metricKey(Metric metric); ///< "wall", "cpu", "memory": in JSON and on the command line

/// How sure a verdict must be, and how large a change must be to count.
struct ComparisonSettings
{
    double alpha = 0.01; ///< significance level of the two-sided Mann–Whitney U test
    double threshold = 0.02; ///< smallest relative change of the median that counts (0.02 = 2%)
    int resamples = 10'000; ///< bootstrap resamples per benchmark
    double confidence = 0.95; ///< level of the bootstrap intervals
    std::uint64_t seed = 0x5eed; ///< the bootstrap's seed: the same data always give the same intervals
    std::vector<Metric> gate { Metric::Wall }; ///< the metrics whose "slower" is a regression (fails CI, JUnit)
};
/// "two-sided Mann–Whitney U test at α = 0.01, and the 95% bootstrap interval … beyond the threshold of 2%": the
/// method, wherever a verdict is shown.
std::string describeMethod(const ComparisonSettings& settings);

/// How two benchmarks came to be compared.
enum class PairedBy {
    Hand, ///< the user paired them (--pair, Pair by Hand)
    Name, ///< the same name
    Command, ///< the same program and arguments, written differently (hyperfine's "python3 w.py", Pyrometer's argv)
};

/// One benchmark of the baseline and the one of the candidate it is compared with.
struct BenchmarkPair
{
    std::size_t baseline = 0;
    std::size_t candidate = 0;
    PairedBy by = PairedBy::Hand;
};

/// "by hand", "by name", "by command (the same program and arguments)".
const char* pairedByText(PairedBy by);

/// The program and arguments a command runs, written so that two tools' ways of writing it compare equal: a
/// command of one word with spaces (as hyperfine writes it) split at white space, the program looked up in PATH,
/// and the program and every argument that names an existing file made absolute (from `directory`, or the current
/// directory) and resolved through symbolic links. Empty for an empty command.
std::vector<std::string> commandIdentity(const std::vector<std::string>& command, const std::string& directory = {});

/// The comparison of one metric of a pair: its two summaries, the ratio of medians with its interval, the test and
/// the verdict.
struct MetricComparison
{
    Metric metric = Metric::Wall;
    Summary baseline; ///< seconds (wall, CPU = user + system) or bytes (peak RSS)
    Summary candidate;
    BootstrapRatio ratio; ///< median(candidate) / median(baseline), its interval; no replicates kept
    TestResult test; ///< Mann–Whitney U, or the Wilcoxon signed-rank test of paired runs
    Verdict verdict = Verdict::TooFewRuns;

    double relativeChange() const { return ratio.ratio - 1.0; } ///< +0.10: 10% slower (or larger)
    bool hasRatio() const { return baseline.n > 0 && candidate.n > 0 && std::isfinite(ratio.ratio); }
};

/// The comparison of one pair over the successful measured runs of each side. Times in seconds.
struct PairComparison
{
    std::string name; ///< the baseline's name, or "baseline → candidate" when the names differ
    std::string baselineName;
    std::string candidateName;
    PairedBy pairedBy = PairedBy::Name;
    Summary baseline; ///< wall time
    Summary candidate;
    std::vector<double> baselineWall; ///< the samples, for charts
    std::vector<double> candidateWall;
    BootstrapRatio ratio; ///< median(candidate) / median(baseline) of wall time, its interval; no replicates kept
    TestResult test; ///< of wall time: Mann–Whitney U, or Wilcoxon signed-rank when `pairedRuns` is set
    std::optional<TestResult> welch;
    double shiftSeconds = 0; ///< Hodges–Lehmann estimate of candidate − baseline
    Verdict verdict = Verdict::TooFewRuns; ///< of wall time
    /// Runs paired by their position in one interleaved run (run i of each side ran next to each other), when the
    /// two benchmarks come from one run: the tests then use the pairs. Empty for independent samples.
    std::optional<std::size_t> pairedRuns;
    /// Values of one worker process, as pyperf measures, are not independent: each side's worker means are
    /// tested instead; how many there were.
    std::optional<std::size_t> baselineProcesses;
    std::optional<std::size_t> candidateProcesses;
    MetricComparison cpu; ///< user + system time; NotMeasured when a side's file has none
    MetricComparison memory; ///< peak RSS; NotMeasured when a side's file has none
    /// What got slower by function, when both sides were profiled, and by allocation site, when both ran
    /// tracemalloc; shared, so that views hold them without copies.
    std::shared_ptr<const ProfileDiff> functions;
    std::shared_ptr<const std::vector<AllocationDiff>> allocations;

    double relativeChange() const { return ratio.ratio - 1.0; } ///< +0.10: 10% slower
    /// Both sides have runs and a ratio of medians exists (not with a median of 0 s): what charts can draw.
    bool hasRatio() const { return baseline.n > 0 && candidate.n > 0 && std::isfinite(ratio.ratio); }
    /// The wall-time comparison in the form of the others.
    MetricComparison wall() const;
    /// The comparison of `metric`.
    MetricComparison metric(Metric metric) const;
};
/// "Mann–Whitney U", "Wilcoxon signed-rank, 30 paired runs", "Mann–Whitney U on 20 + 20 worker means": the test
/// behind a pair's verdicts, shown beside them.
std::string testName(const PairComparison& pair);

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
    /// "the candidate was recorded on a noisy machine (Load: …)": a side whose run started with a check rated bad.
    std::vector<std::string> machineWarnings;
    /// "a.py: the change (+3.1%) is smaller than the runs' own spread (CV 7.2%) …": a verdict of two separate
    /// invocations within the noise their runs show, where the machine's drift between them could be the change.
    std::vector<std::string> noiseFindings;

    /// Whether any pair is slower (or larger) in one of the gating metrics (settings.gate).
    bool anySlower() const;
};

/// Pairs benchmarks of the same name, then those left whose commands run the same program with the same arguments
/// (commandIdentity), when that pairs them one to one; `manual` pairs come first and take their benchmarks out of
/// matching. Throws InputError when a manual pair names a benchmark that does not exist or is already paired.
std::vector<BenchmarkPair> pairBenchmarks(
    const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& manual = {});

/// Compares each pair in wall time, CPU time and peak RSS: bootstrap interval of the ratio of medians, Mann–Whitney U
/// (Welch's t-test as a second opinion and the Hodges–Lehmann shift, for wall time), verdict; then the geometric
/// mean of the wall-time ratios, with an interval from the product of the pairs' bootstrap replicates (the pairs are
/// resampled independently).
///
/// When `baseline` and `candidate` are the same object, a run whose benchmarks were interleaved, the runs of a pair
/// are paired by position: the Wilcoxon signed-rank test of the log-ratios of run i of each, and a bootstrap over
/// the pairs, which takes the machine's drift out of the comparison.
Comparison compare(const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& pairs,
    const ComparisonSettings& settings = {});

/// The log-ratios log(candidate_i / baseline_i) of the i-th measured runs of two benchmarks of one interleaved
/// run, for every i at which both succeeded with a value above 0.
std::vector<double> pairedLogRatios(const BenchmarkResult& baseline, const BenchmarkResult& candidate, Metric metric);

/// The verdict for one metric of one pair: "too few runs to tell" when the test as used (exact or approximated, see
/// TestResult::floor) could not reach α with these runs; "slower" or "faster" when it is significant at α and the
/// change is beyond the threshold; "below threshold" when significant but not shown that large. Beyond the
/// threshold means, for independent samples, the whole interval of the ratio (the speed of a machine drifts between
/// two invocations, and a point estimate just past the threshold is as often that drift as a change); for paired
/// runs, which share the machine's state, the point estimate (measured by bench/verdict_quality.py: the interval
/// cost 20 points of detection of a 5% change with no false alarm saved).
Verdict verdictFor(
    const TestResult& test, const BootstrapRatio& ratio, const ComparisonSettings& settings, bool paired = false);

/// A verdict as people read it: "slower", …, "significant, but not shown to exceed 2%".
std::string verdictLabel(Verdict verdict, const ComparisonSettings& settings);

/// Where the machines, Pythons and settings of the two sides differ.
std::vector<EnvironmentDifference> environmentDifferences(const Results& baseline, const Results& candidate);

/// A warning for each side whose run started on a machine that the doctor's quick checks rate bad (load, CPU or
/// memory pressure, steal time), naming what was seen.
std::vector<std::string> machineWarnings(const Results& baseline, const Results& candidate);

/// For each pair of two separate invocations called slower or faster by less than the coefficient of variation of
/// either side's runs, or by less than the change this machine's noise floor lets its runs detect (the doctor's,
/// recorded with the candidate, else with the baseline): the finding, with how far apart in time the two were
/// measured, and what to do.
std::vector<std::string> noiseFindings(
    const std::vector<PairComparison>& pairs, const Results& baseline, const Results& candidate);

/// "+3.1% (−0.4% … +6.2%) change below threshold", "not measured": one metric's change and verdict in a line.
std::string metricLine(const MetricComparison& metric, const ComparisonSettings& settings);

/// "CPython 3.11.2, PyPy 7.3.11": the Pythons a side's benchmarks ran on.
std::string pythonVersions(const Results& results);
/// "+10.2%", "−3.1%", "±0.0%": a ratio as a relative change.
std::string formatChange(double ratio);
/// "p = 0.0032", "p < 0.0001".
std::string formatPValue(double p);

} // namespace pyrometer
