#include "core/compare/comparison.h"

#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace pyrometer {
namespace {
/// FNV-1a (Fowler, Noll & Vo): a stable hash, so that each pair draws its own deterministic resamples.
std::uint64_t stableHash(const std::string& text)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    return hash;
}

std::string percent(double fraction)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", fraction * 100.0);
    return text;
}

GeometricMean combine(const std::vector<std::vector<double>>& replicates, const std::vector<double>& ratios,
    const ComparisonSettings& settings)
{
    GeometricMean mean;
    mean.pairs = ratios.size();
    double logSum = 0;
    for (double r : ratios)
        logSum += std::log(r);
    mean.ratio = std::exp(logSum / static_cast<double>(ratios.size()));
    std::vector<double> combined(static_cast<std::size_t>(settings.resamples), 0.0);
    for (const auto& pair : replicates) {
        for (std::size_t r = 0; r < combined.size(); ++r)
            combined[r] += std::log(pair[r]);
    }
    for (auto& c : combined)
        c = std::exp(c / static_cast<double>(ratios.size()));
    std::sort(combined.begin(), combined.end());
    mean.low = quantile(combined, (1.0 - settings.confidence) / 2.0);
    mean.high = quantile(combined, 1.0 - (1.0 - settings.confidence) / 2.0);
    return mean;
}
} // namespace

const char* verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Slower:
        return "slower";
    case Verdict::Faster:
        return "faster";
    case Verdict::NoSignificantChange:
        return "no significant change";
    case Verdict::BelowThreshold:
        return "change below threshold";
    case Verdict::TooFewRuns:
        return "too few runs to tell";
    case Verdict::TooFastToMeasure:
        return "too fast to measure";
    }
    return "";
}

std::string verdictLabel(Verdict verdict, const ComparisonSettings& settings)
{
    if (verdict != Verdict::BelowThreshold)
        return verdictText(verdict);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g%%", settings.threshold * 100);
    return std::string("significant, but not shown to exceed ") + threshold;
}

std::string describeMethod(const ComparisonSettings& settings)
{
    char alpha[32];
    std::snprintf(alpha, sizeof alpha, "%g", settings.alpha);
    return "two-sided Mann–Whitney U test at α = " + std::string(alpha) + ", and the " + percent(settings.confidence)
        + " bootstrap interval of the ratio of medians (" + std::to_string(settings.resamples)
        + " resamples) beyond the threshold of " + percent(settings.threshold);
}

bool Comparison::anySlower() const
{
    return std::any_of(pairs.begin(), pairs.end(), [](const auto& p) { return p.verdict == Verdict::Slower; });
}

std::vector<BenchmarkPair> pairBenchmarks(
    const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& manual)
{
    std::vector<BenchmarkPair> pairs;
    std::vector<bool> baselinePaired(baseline.benchmarks.size()), candidatePaired(candidate.benchmarks.size());
    for (const auto& pair : manual) {
        if (pair.baseline >= baseline.benchmarks.size() || pair.candidate >= candidate.benchmarks.size())
            throw InputError("a pair names a benchmark that is not in the results");
        if (baselinePaired[pair.baseline] || candidatePaired[pair.candidate])
            throw InputError("benchmark '" + baseline.benchmarks[pair.baseline].name + "' is paired twice");
        baselinePaired[pair.baseline] = candidatePaired[pair.candidate] = true;
        pairs.push_back(pair);
    }
    for (std::size_t b = 0; b < baseline.benchmarks.size(); ++b) {
        if (baselinePaired[b])
            continue;
        for (std::size_t c = 0; c < candidate.benchmarks.size(); ++c) {
            if (!candidatePaired[c] && candidate.benchmarks[c].name == baseline.benchmarks[b].name) {
                baselinePaired[b] = candidatePaired[c] = true;
                pairs.push_back({ b, c });
                break;
            }
        }
    }
    return pairs;
}

Verdict verdictFor(const TestResult& test, const BootstrapRatio& ratio, const ComparisonSettings& settings)
{
    if (test.floor >= settings.alpha)
        return Verdict::TooFewRuns;
    if (test.pValue >= settings.alpha)
        return Verdict::NoSignificantChange;
    // The whole interval must lie beyond the threshold: a point estimate just past it is as often noise (the
    // machine drifting between two invocations) as a change. Symmetric in log space: 2% slower is as large a
    // change as 2% faster.
    const double limit = 1.0 + settings.threshold;
    if (ratio.ratio > 1 && ratio.low >= limit)
        return Verdict::Slower;
    if (ratio.ratio < 1 && ratio.high <= 1.0 / limit)
        return Verdict::Faster;
    return Verdict::BelowThreshold;
}

Comparison compare(const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& pairs,
    const ComparisonSettings& settings)
{
    Comparison comparison;
    comparison.settings = settings;
    std::vector<bool> baselinePaired(baseline.benchmarks.size()), candidatePaired(candidate.benchmarks.size());
    std::vector<std::vector<double>> replicates;
    std::vector<double> ratios;
    for (const auto& pair : pairs) {
        const auto& b = baseline.benchmarks.at(pair.baseline);
        const auto& c = candidate.benchmarks.at(pair.candidate);
        baselinePaired[pair.baseline] = candidatePaired[pair.candidate] = true;
        PairComparison p;
        p.baselineName = b.name;
        p.candidateName = c.name;
        p.name = b.name == c.name ? b.name : b.name + " → " + c.name;
        p.baselineWall = successfulWallSeconds(b);
        p.candidateWall = successfulWallSeconds(c);
        p.baseline = summarize(p.baselineWall);
        p.candidate = summarize(p.candidateWall);
        if (!p.baselineWall.empty() && !p.candidateWall.empty()
            && (p.baseline.median <= 0 || p.candidate.median <= 0)) {
            // hyperfine subtracts its shell's start-up and writes 0 s for runs shorter than that: there is no ratio
            // to a time of 0, only the honest statement that it was below what was measured.
            const double none = std::numeric_limits<double>::quiet_NaN();
            p.ratio = BootstrapRatio { none, none, none, {} };
            p.verdict = Verdict::TooFastToMeasure;
            comparison.pairs.push_back(std::move(p));
            continue;
        }
        if (!p.baselineWall.empty() && !p.candidateWall.empty()) {
            p.ratio = bootstrapRatioOfMedians(p.baselineWall, p.candidateWall, settings.resamples, settings.confidence,
                settings.seed ^ stableHash(p.name));
            p.mannWhitney = mannWhitney(p.baselineWall, p.candidateWall);
            p.welch = welch(p.baselineWall, p.candidateWall);
            p.shiftSeconds = hodgesLehmann(p.baselineWall, p.candidateWall);
        }
        p.verdict = verdictFor(p.mannWhitney, p.ratio, settings);
        if (p.verdict != Verdict::TooFewRuns && p.ratio.ratio > 0) {
            replicates.push_back(std::move(p.ratio.replicates));
            ratios.push_back(p.ratio.ratio);
        }
        p.ratio.replicates = {};
        comparison.pairs.push_back(std::move(p));
    }
    if (!ratios.empty())
        comparison.geometricMean = combine(replicates, ratios, settings);
    for (std::size_t b = 0; b < baseline.benchmarks.size(); ++b) {
        if (!baselinePaired[b])
            comparison.onlyInBaseline.push_back(baseline.benchmarks[b].name);
    }
    for (std::size_t c = 0; c < candidate.benchmarks.size(); ++c) {
        if (!candidatePaired[c])
            comparison.onlyInCandidate.push_back(candidate.benchmarks[c].name);
    }
    comparison.environmentDifferences = environmentDifferences(baseline, candidate);
    return comparison;
}

std::string pythonVersions(const Results& results)
{
    std::set<std::string> names;
    for (const auto& benchmark : results.benchmarks) {
        if (benchmark.interpreter && !benchmark.interpreter->version.empty())
            names.insert(benchmark.interpreter->implementation + " " + benchmark.interpreter->version);
    }
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

std::string formatChange(double ratio)
{
    if (!std::isfinite(ratio))
        return "—"; // no ratio (a time of 0): never "nan%"
    const double change = (ratio - 1.0) * 100.0;
    char text[32];
    if (std::abs(change) < 0.05)
        return "±0.0%";
    std::snprintf(text, sizeof text, "%s%.1f%%", change > 0 ? "+" : "−", std::abs(change));
    return text;
}

std::string formatPValue(double p)
{
    if (p < 1e-4)
        return "p < 0.0001";
    char text[32];
    std::snprintf(text, sizeof text, "p = %.2g", p);
    return text;
}

std::vector<EnvironmentDifference> environmentDifferences(const Results& baseline, const Results& candidate)
{
    std::vector<EnvironmentDifference> differences;
    // A side that does not know a fact (an imported file, an older machine) is no evidence of a difference.
    const auto check = [&](const char* what, const std::string& a, const std::string& b) {
        if (!a.empty() && !b.empty() && a != b)
            differences.push_back({ what, a, b });
    };
    const auto& a = baseline.environment;
    const auto& b = candidate.environment;
    check("CPU", a.cpuModel, b.cpuModel);
    check("logical cores", a.logicalCores ? std::to_string(a.logicalCores) : "",
        b.logicalCores ? std::to_string(b.logicalCores) : "");
    check("CPU governor", a.cpuGovernor.value_or(""), b.cpuGovernor.value_or(""));
    check("Python", pythonVersions(baseline), pythonVersions(candidate));
    check("operating system", a.os, b.os);
    check("kernel", a.kernel, b.kernel);
    check("host", a.hostname, b.hostname);
    return differences;
}

} // namespace pyrometer
