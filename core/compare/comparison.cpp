#include "core/compare/comparison.h"

#include "core/model/units.h"

#include "core/measure/executable_lookup.h"
#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <sstream>

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
    case Verdict::NotMeasured:
        return "not measured";
    case Verdict::NoRunsToTest:
        return "summary only: no runs to test";
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
    return "two-sided Mann–Whitney U test at α = " + std::string(alpha) + " and the whole "
        + percent(settings.confidence) + " bootstrap interval of the ratio of medians ("
        + std::to_string(settings.resamples) + " resamples) beyond the threshold of " + percent(settings.threshold)
        + "; for two benchmarks of one interleaved run, the Wilcoxon signed-rank test of their paired runs at α = "
        + alpha + " and the median ratio of the pairs beyond the threshold";
}

bool Comparison::anySlower() const
{
    return std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) {
        return std::any_of(settings.gate.begin(), settings.gate.end(),
            [&](Metric metric) { return p.metric(metric).verdict == Verdict::Slower; });
    });
}

const char* metricName(Metric metric)
{
    switch (metric) {
    case Metric::Wall:
        return "wall time";
    case Metric::Cpu:
        return "CPU time";
    case Metric::Memory:
        return "peak RSS";
    }
    return "";
}

const char* metricKey(Metric metric)
{
    switch (metric) {
    case Metric::Wall:
        return "wall";
    case Metric::Cpu:
        return "cpu";
    case Metric::Memory:
        return "memory";
    }
    return "";
}

const char* pairedByText(PairedBy by)
{
    switch (by) {
    case PairedBy::Hand:
        return "by hand";
    case PairedBy::Name:
        return "by name";
    case PairedBy::Command:
        return "by command (the same program and arguments)";
    }
    return "";
}

std::vector<std::string> commandIdentity(const std::vector<std::string>& command, const std::string& directory)
{
    std::vector<std::string> words;
    if (command.size() == 1) {
        // One word with spaces: a shell command line, as hyperfine keeps it. Split at white space (quoting aside).
        std::istringstream line(command.front());
        for (std::string word; line >> word;)
            words.push_back(word);
    } else {
        words = command;
    }
    if (words.empty())
        return words;
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path base = directory.empty() ? fs::current_path(error) : fs::path(directory); // empty if gone
    const auto resolved = [&](const std::string& word) -> std::string {
        const fs::path path = fs::path(word).is_absolute() ? fs::path(word) : base / word;
        if (word.empty() || !fs::exists(path, error))
            return word;
        const auto canonical = fs::canonical(path, error);
        return error ? word : canonical.string();
    };
    if (const auto program = findExecutable(words.front()))
        words.front() = resolved(*program);
    for (std::size_t i = 1; i < words.size(); ++i)
        words[i] = resolved(words[i]);
    return words;
}

std::vector<BenchmarkPair> pairBenchmarks(
    const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& manual)
{
    std::vector<BenchmarkPair> pairs;
    std::vector<bool> baselinePaired(baseline.benchmarks.size()), candidatePaired(candidate.benchmarks.size());
    for (auto pair : manual) {
        if (pair.baseline >= baseline.benchmarks.size() || pair.candidate >= candidate.benchmarks.size())
            throw InputError("a pair names a benchmark that is not in the results");
        if (baselinePaired[pair.baseline] || candidatePaired[pair.candidate])
            throw InputError("benchmark '" + baseline.benchmarks[pair.baseline].name + "' is paired twice");
        baselinePaired[pair.baseline] = candidatePaired[pair.candidate] = true;
        pair.by = PairedBy::Hand;
        pairs.push_back(pair);
    }
    for (std::size_t b = 0; b < baseline.benchmarks.size(); ++b) {
        if (baselinePaired[b])
            continue;
        for (std::size_t c = 0; c < candidate.benchmarks.size(); ++c) {
            if (!candidatePaired[c] && candidate.benchmarks[c].name == baseline.benchmarks[b].name) {
                baselinePaired[b] = candidatePaired[c] = true;
                pairs.push_back({ b, c, PairedBy::Name });
                break;
            }
        }
    }
    // Those left: the same program and arguments, when exactly one benchmark of each side runs it.
    const auto identities = [](const Results& results, const std::vector<bool>& paired) {
        std::map<std::vector<std::string>, std::vector<std::size_t>> byIdentity;
        for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
            const auto& benchmark = results.benchmarks[i];
            if (!paired[i])
                byIdentity[commandIdentity(benchmark.command, benchmark.settings.workingDirectory)].push_back(i);
        }
        byIdentity.erase(std::vector<std::string> {});
        return byIdentity;
    };
    const auto baselineIdentities = identities(baseline, baselinePaired);
    const auto candidateIdentities = identities(candidate, candidatePaired);
    for (const auto& [identity, indices] : baselineIdentities) {
        const auto other = candidateIdentities.find(identity);
        if (indices.size() == 1 && other != candidateIdentities.end() && other->second.size() == 1)
            pairs.push_back({ indices.front(), other->second.front(), PairedBy::Command });
    }
    return pairs;
}

Verdict verdictFor(const TestResult& test, const BootstrapRatio& ratio, const ComparisonSettings& settings, bool paired)
{
    if (test.floor >= settings.alpha)
        return Verdict::TooFewRuns;
    if (test.pValue >= settings.alpha)
        return Verdict::NoSignificantChange;
    // Symmetric in log space: 2% slower is as large a change as 2% faster.
    const double limit = 1.0 + settings.threshold;
    if (ratio.ratio > 1 && (paired ? ratio.ratio : ratio.low) >= limit)
        return Verdict::Slower;
    if (ratio.ratio < 1 && (paired ? ratio.ratio : ratio.high) <= 1.0 / limit)
        return Verdict::Faster;
    return Verdict::BelowThreshold;
}

namespace {
/// A metric's value in one run: seconds, or bytes.
double valueOf(const RunRecord& run, Metric metric)
{
    switch (metric) {
    case Metric::Wall:
        return toSeconds(run.wall);
    case Metric::Cpu:
        return toSeconds(run.user) + toSeconds(run.sys);
    case Metric::Memory:
        return static_cast<double>(run.maxRssBytes);
    }
    return 0;
}

bool measures(const BenchmarkResult& benchmark, Metric metric)
{
    switch (metric) {
    case Metric::Wall:
        return benchmark.measured.wall;
    case Metric::Cpu:
        return benchmark.measured.cpu;
    case Metric::Memory:
        return benchmark.measured.memory;
    }
    return false;
}

/// The values of a benchmark's successful measured runs; when they came several to a worker process (pyperf), one
/// mean per process instead, the independent unit. `processes` says how many there were.
std::vector<double> independentValues(
    const BenchmarkResult& benchmark, Metric metric, std::optional<std::size_t>& processes)
{
    std::vector<double> values;
    std::map<std::uint32_t, std::pair<double, std::size_t>> byProcess;
    for (const auto& run : benchmark.runs) {
        if (run.warmup || !run.succeeded())
            continue;
        if (run.process) {
            auto& [sum, count] = byProcess[*run.process];
            sum += valueOf(run, metric);
            ++count;
        } else {
            values.push_back(valueOf(run, metric));
        }
    }
    if (!byProcess.empty()) {
        processes = byProcess.size();
        for (const auto& [process, total] : byProcess)
            values.push_back(total.first / static_cast<double>(total.second));
    }
    return values;
}

} // namespace

std::vector<double> pairedLogRatios(const BenchmarkResult& baseline, const BenchmarkResult& candidate, Metric metric)
{
    const auto measuredRuns = [](const BenchmarkResult& benchmark) {
        std::vector<const RunRecord*> runs;
        for (const auto& run : benchmark.runs) {
            if (!run.warmup)
                runs.push_back(&run);
        }
        return runs;
    };
    const auto a = measuredRuns(baseline), b = measuredRuns(candidate);
    std::vector<double> logRatios;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (!a[i]->succeeded() || !b[i]->succeeded())
            continue;
        const double x = valueOf(*a[i], metric), y = valueOf(*b[i], metric);
        if (x > 0 && y > 0)
            logRatios.push_back(std::log(y / x));
    }
    return logRatios;
}

namespace {
/// One metric of one pair, independent or paired; keeps the bootstrap replicates in `ratio` for the caller.
MetricComparison compareMetric(const BenchmarkResult& b, const BenchmarkResult& c, Metric metric, bool paired,
    const ComparisonSettings& settings, std::uint64_t seed, std::vector<double>& baselineValues,
    std::vector<double>& candidateValues, PairComparison& pair)
{
    MetricComparison m;
    m.metric = metric;
    if (!measures(b, metric) || !measures(c, metric)) {
        m.verdict = Verdict::NotMeasured;
        return m;
    }
    baselineValues = independentValues(b, metric, pair.baselineProcesses);
    candidateValues = independentValues(c, metric, pair.candidateProcesses);
    m.baseline = summarize(baselineValues);
    m.candidate = summarize(candidateValues);
    if (baselineValues.empty() || candidateValues.empty()) {
        const bool summaryOnly = (baselineValues.empty() && b.stated) || (candidateValues.empty() && c.stated);
        m.verdict = summaryOnly ? Verdict::NoRunsToTest : Verdict::TooFewRuns;
        return m;
    }
    if (m.baseline.median <= 0 || m.candidate.median <= 0) {
        // hyperfine subtracts its shell's start-up and writes 0 s for runs shorter than that: there is no ratio
        // to a value of 0, only the honest statement that it was below what was measured.
        const double none = std::numeric_limits<double>::quiet_NaN();
        m.ratio = BootstrapRatio { none, none, none, {} };
        m.verdict = Verdict::TooFastToMeasure;
        return m;
    }
    if (paired) {
        const auto logRatios = pairedLogRatios(b, c, metric);
        pair.pairedRuns = logRatios.size();
        m.ratio = bootstrapPairedRatio(logRatios, settings.resamples, settings.confidence, seed);
        m.test = wilcoxonSignedRank(logRatios);
    } else {
        m.ratio
            = bootstrapRatioOfMedians(baselineValues, candidateValues, settings.resamples, settings.confidence, seed);
        m.test = mannWhitney(baselineValues, candidateValues);
    }
    m.verdict = verdictFor(m.test, m.ratio, settings, paired);
    return m;
}

/// The function and allocation-site diffs of a pair whose sides both carry them.
void diffProbes(const BenchmarkResult& before, const BenchmarkResult& after, PairComparison& pair)
{
    if (!before.probe || !after.probe)
        return;
    // Two scripts compared with each other (old.py, new.py): their own files stand for each other.
    SameFile sameFile;
    if (before.script && after.script && *before.script != *after.script)
        sameFile = { *before.script, *after.script };
    if (before.probe->profile && after.probe->profile) {
        pair.functions = std::make_shared<const ProfileDiff>(
            diffProfiles(*before.probe->profile, *after.probe->profile, sameFile));
    }
    if (before.probe->tracemalloc && after.probe->tracemalloc) {
        pair.allocations = std::make_shared<const std::vector<AllocationDiff>>(
            diffAllocations(*before.probe->tracemalloc, *after.probe->tracemalloc, sameFile));
    }
}
} // namespace

MetricComparison PairComparison::wall() const
{
    return MetricComparison { Metric::Wall, baseline, candidate, ratio, test, verdict };
}

MetricComparison PairComparison::metric(Metric which) const
{
    return which == Metric::Cpu ? cpu : which == Metric::Memory ? memory : wall();
}

std::string testName(const PairComparison& pair)
{
    if (!pair.hasRatio())
        return "—"; // no test was made
    if (pair.pairedRuns)
        return "Wilcoxon signed-rank, " + std::to_string(*pair.pairedRuns) + " paired runs";
    if (pair.baselineProcesses || pair.candidateProcesses) {
        const auto count = [](const std::optional<std::size_t>& processes, const Summary& summary) {
            return processes ? std::to_string(*processes) : std::to_string(summary.n);
        };
        return "Mann–Whitney U on " + count(pair.baselineProcesses, pair.baseline) + " + "
            + count(pair.candidateProcesses, pair.candidate) + " worker means";
    }
    return "Mann–Whitney U";
}

Comparison compare(const Results& baseline, const Results& candidate, const std::vector<BenchmarkPair>& pairs,
    const ComparisonSettings& settings)
{
    Comparison comparison;
    comparison.settings = settings;
    // Run i of every benchmark of one interleaved run ran next to the others' run i, under the same machine state.
    const bool oneInterleavedRun = &baseline == &candidate && baseline.order == RunOrder::Interleaved;
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
        p.pairedBy = pair.by;
        const bool paired = oneInterleavedRun && pair.baseline != pair.candidate;
        const auto seed = settings.seed ^ stableHash(p.name);
        std::vector<double> ignored[4];
        p.cpu = compareMetric(b, c, Metric::Cpu, paired, settings, seed, ignored[0], ignored[1], p);
        p.memory = compareMetric(b, c, Metric::Memory, paired, settings, seed, ignored[2], ignored[3], p);
        p.cpu.ratio.replicates = {};
        p.memory.ratio.replicates = {};
        auto wall = compareMetric(b, c, Metric::Wall, paired, settings, seed, p.baselineWall, p.candidateWall, p);
        p.baseline = wall.baseline;
        p.candidate = wall.candidate;
        p.ratio = std::move(wall.ratio);
        p.test = wall.test;
        p.verdict = wall.verdict;
        if (!p.baselineWall.empty() && !p.candidateWall.empty() && std::isfinite(p.ratio.ratio)) {
            p.welch = welch(p.baselineWall, p.candidateWall);
            p.shiftSeconds = hodgesLehmann(p.baselineWall, p.candidateWall);
        }
        const bool tested = p.verdict != Verdict::TooFewRuns && p.verdict != Verdict::TooFastToMeasure
            && p.verdict != Verdict::NotMeasured && p.verdict != Verdict::NoRunsToTest;
        if (tested && p.ratio.ratio > 0) {
            replicates.push_back(std::move(p.ratio.replicates));
            ratios.push_back(p.ratio.ratio);
        }
        p.ratio.replicates = {};
        diffProbes(b, c, p);
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
    comparison.machineWarnings = machineWarnings(baseline, candidate);
    comparison.noiseFindings = noiseFindings(comparison.pairs, baseline, candidate);
    return comparison;
}

std::string metricLine(const MetricComparison& metric, const ComparisonSettings& settings)
{
    if (!metric.hasRatio())
        return verdictLabel(metric.verdict, settings);
    return formatChange(metric.ratio.ratio) + " (" + formatChange(metric.ratio.low) + " … "
        + formatChange(metric.ratio.high) + ") " + verdictLabel(metric.verdict, settings);
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

std::vector<std::string> machineWarnings(const Results& baseline, const Results& candidate)
{
    std::vector<std::string> warnings;
    for (const auto& [side, results] : { std::pair { "baseline", &baseline }, std::pair { "candidate", &candidate } }) {
        if (&baseline == &candidate && std::string(side) == "candidate")
            break;
        std::string seen;
        for (const auto& check : results->environment.machine) {
            if (check.rating == Rating::Bad)
                seen += (seen.empty() ? "" : "; ") + check.title + ": " + check.observed;
        }
        if (!seen.empty())
            warnings.push_back(std::string(&baseline == &candidate ? "this run" : "the " + std::string(side))
                + " was recorded on a noisy machine (" + seen
                + "): its times may be slower and vary more than this machine's own; run `pyrometer doctor`");
    }
    return warnings;
}

std::vector<std::string> noiseFindings(
    const std::vector<PairComparison>& pairs, const Results& baseline, const Results& candidate)
{
    const auto& floor = candidate.environment.floor ? candidate.environment.floor : baseline.environment.floor;
    const auto apart = secondsApart(baseline.environment.date, candidate.environment.date);
    std::vector<std::string> found;
    for (const auto& pair : pairs) {
        if (pair.pairedRuns || (pair.verdict != Verdict::Slower && pair.verdict != Verdict::Faster))
            continue;
        const double change = std::abs(pair.relativeChange());
        const double spread = std::max(pair.baseline.cv, pair.candidate.cv);
        std::vector<std::string> within;
        if (change < spread)
            within.push_back("smaller than the runs' own spread (CV " + formatPercent(spread) + ")");
        if (floor && floor->detectableChange && change < *floor->detectableChange)
            within.push_back("below the " + formatPercent(*floor->detectableChange)
                + " this machine's noise floor lets " + std::to_string(floor->runsPerSide) + " runs a side detect (CV "
                + formatPercent(floor->cv) + ", measured by `pyrometer doctor` at " + floor->measuredAt + ")");
        if (within.empty())
            continue;
        std::string text = pair.name + ": the change (" + formatChange(pair.ratio.ratio) + ") is " + within[0];
        for (std::size_t i = 1; i < within.size(); ++i)
            text += ", and " + within[i];
        if (apart && *apart >= 3600)
            text += "; the two were measured " + formatInterval(*apart) + " apart";
        found.push_back(text
            + ": between two invocations the machine can drift this much; measure both in one interleaved run and "
              "compare them with --pair, or pin the runs with --cpu");
    }
    return found;
}

} // namespace pyrometer
