#include "core/formats/text_report.h"

#include "core/model/units.h"
#include "core/stats/benchmark_summary.h"
#include "core/stats/findings.h"
#include "core/stats/scaling.h"

#include <algorithm>
#include <cstdio>

namespace pyrometer {
namespace {
std::string ratio(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string outlierWarning(const Summary& w)
{
    auto advice = outlierAdvice(w);
    if (advice.empty())
        return {};
    const auto split = advice.find(" Other programs");
    return "  Warning:       " + advice.substr(0, split) + "\n                " + advice.substr(split) + "\n";
}

/// The summary another tool wrote for a benchmark whose per-run times its file did not keep.
std::string statedBlock(const StatedSummary& stated)
{
    const auto unit = durationUnitFor(stated.median.value_or(stated.mean.value_or(0)));
    std::string text;
    if (stated.median)
        text += "  Median:        " + formatDuration(*stated.median, unit) + "\n";
    if (stated.mean) {
        text += "  Mean ± σ:      " + formatDuration(*stated.mean, unit);
        if (stated.stddev)
            text += " ± " + formatDuration(*stated.stddev, unit);
        text += "\n";
    }
    if (stated.min && stated.max)
        text += "  Range:         " + formatDuration(*stated.min, unit) + " … " + formatDuration(*stated.max, unit)
            + "\n";
    text += "  Runs:          " + (stated.runs ? std::to_string(*stated.runs) : std::string("not stated"))
        + "   (the file holds this summary alone, no per-run times: nothing to test)\n";
    return text;
}

std::string timeLines(const BenchmarkSummary& s)
{
    const auto& w = s.wall;
    const auto unit = durationUnitFor(w.median);
    std::string text = "  Median:        " + formatDuration(w.median, unit);
    if (w.medianCiLow)
        text += "   95% CI [" + formatDuration(*w.medianCiLow, unit) + ", " + formatDuration(*w.medianCiHigh, unit)
            + "]";
    else
        text += "   (too few runs for a 95% CI)";
    text += "\n";
    text += "  Mean ± σ:      " + formatDuration(w.mean, unit);
    if (w.n > 1)
        text += " ± " + formatDuration(w.stddev, unit) + "   (CV " + formatPercent(w.cv) + ")";
    text += "\n";
    text += "  Range:         " + formatDuration(w.min, unit) + " … " + formatDuration(w.max, unit) + "   ("
        + std::to_string(w.n) + " runs, " + std::to_string(s.warmupRuns) + " warmup)\n";
    return text;
}

std::string benchmarkBlock(
    const BenchmarkResult& benchmark, const BenchmarkSummary& s, std::size_t index, std::size_t count)
{
    const auto& w = s.wall;
    const auto& measured = benchmark.measured;
    std::string text
        = "Benchmark " + std::to_string(index + 1) + "/" + std::to_string(count) + ": " + benchmark.name + "\n";
    if (w.n == 0 && benchmark.stated && benchmark.stated->hasWall()) {
        text += statedBlock(*benchmark.stated);
    } else if (w.n == 0) {
        text += "  No successful run.\n";
    } else {
        if (measured.wall)
            text += timeLines(s);
        else
            text += "  Time:          not available (a benchmark of memory alone; " + std::to_string(w.n) + " runs)\n";
        const auto unit = durationUnitFor(w.median);
        if (measured.cpu && !measured.cpuSplit)
            text += "  CPU time:      " + formatDuration(s.userMedian, unit)
                + "   (median; user + system, which the file does not split)\n";
        else if (measured.cpu)
            text += "  User / System: " + formatDuration(s.userMedian, unit) + " / " + formatDuration(s.sysMedian, unit)
                + "   (medians)\n";
        else if (benchmark.stated && benchmark.stated->userMean && benchmark.stated->systemMean)
            text += "  User / System: " + formatDuration(*benchmark.stated->userMean, unit) + " / "
                + formatDuration(*benchmark.stated->systemMean, unit)
                + "   (means as the file states them; not per run)\n";
        else if (benchmark.function)
            text += "  User / System: not per call (a worker's CPU time covers its import and setup too)\n";
        else
            text += "  User / System: not available (not in the file)\n";
        if (const auto& f = benchmark.function) {
            text += "  Calls:         " + std::to_string(f->loops) + " a value, in a fresh worker each run (GC "
                + (f->gcOff ? "off" : "on") + " while timing)";
            if (f->harnessSeconds)
                text += "; the loop itself costs " + formatDuration(*f->harnessSeconds, unit) + " a call";
            text += "\n";
        }
        if (measured.memory)
            text += "  Peak RSS:      " + formatBytes(s.maxRssMedian) + "   (median"
                + (benchmark.function ? " of the workers" : "") + "; max "
                + formatBytes(static_cast<double>(s.maxRssMax)) + ")\n";
        else
            text += "  Peak RSS:      not available (not in the file)\n";
        if (measured.wall)
            text += outlierWarning(w);
    }
    if (s.failedRuns > 0)
        text += "  Failed runs:   " + std::to_string(s.failedRuns) + " (left out of the statistics)\n";
    if (!benchmark.stopReason.empty())
        text += "  Runs chosen:   " + benchmark.stopReason + "\n";
    if (benchmark.failure)
        text += "  Stopped:       " + *benchmark.failure + "\n";
    return text;
}
} // namespace

std::string textReport(const Results& results, std::optional<double> predictAt)
{
    const auto summaries = summarizeAll(results);
    std::string text;
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i)
        text += benchmarkBlock(results.benchmarks[i], summaries[i], i, results.benchmarks.size()) + "\n";
    // Benchmarks are compared with their like only: scripts and commands together, and benchmark functions at the
    // same parameter values (a function at n = 100 beside another at 100,000 says nothing; a scaling says more).
    std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
        const auto& b = results.benchmarks[i];
        std::string key;
        for (const auto& [name, value] : b.parameters)
            key += (key.empty() ? "" : ", ") + name + "=" + value;
        if (b.function)
            key = key.empty() ? "of functions" : "of functions at " + key;
        else if (!key.empty())
            key = "at " + key;
        const auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
        (it == groups.end() ? groups.emplace_back(key, std::vector<std::size_t> {}) : *it).second.push_back(i);
    }
    for (const auto& [key, members] : groups) {
        std::vector<BenchmarkSummary> of;
        for (const auto i : members)
            of.push_back(summaries[i]);
        const auto best = fastest(of);
        if (members.size() < 2 || !best || of[*best].wall.median <= 0)
            continue;
        text += "Summary" + (key.empty() ? std::string() : " " + key) + " (by median "
            + (results.benchmarks[members[*best]].function ? "time per call" : "wall time") + ")\n  "
            + results.benchmarks[members[*best]].name + " ran\n";
        for (std::size_t k = 0; k < of.size(); ++k) {
            if (k == *best || of[k].wall.n == 0)
                continue;
            text += "    " + ratio(of[k].wall.median / of[*best].wall.median) + " times faster than "
                + results.benchmarks[members[k]].name + "\n";
        }
    }
    text += scalingReport(results, predictAt);
    text += findingsReport(results);
    if (!results.complete)
        text += "Incomplete: the run was stopped before all runs were done.\n";
    return text;
}

std::string findingsReport(const Results& results)
{
    const auto found = findings(results);
    if (found.empty())
        return {};
    std::string text = "\nFindings\n";
    for (const auto& finding : found) {
        text += "  "
            + (finding.benchmark == Finding::wholeRun ? std::string()
                                                      : results.benchmarks[finding.benchmark].name + ": ")
            + finding.what + "\n      (" + finding.evidence + ")\n";
        if (!finding.advice.empty())
            text += "      → " + finding.advice + "\n";
    }
    return text;
}

std::string scalingReport(const Results& results, std::optional<double> predictAt)
{
    std::string text;
    const auto memory = scalingCurves(results, ScalingMetric::PeakMemory);
    for (const auto& curve : scalingCurves(results)) {
        text += "\nScaling of " + curve.name + " (time per " + (curve.perCall ? "call" : "run") + " against "
            + curve.parameter + ")\n";
        for (std::size_t i = 0; i < curve.points.size(); ++i) {
            const auto& p = curve.points[i];
            char n[32];
            std::snprintf(n, sizeof n, "%14.0f", p.n);
            text += "  " + std::string(n) + "   " + formatDuration(p.median) + "   (± " + formatDuration(p.error)
                + " standard error)\n";
        }
        const auto& a = curve.analysis;
        if (const auto* best = a.best(); best && a.decided()) {
            text += "  Fits:          " + describeFit(*best) + "\n                 (" + describeQuality(a) + ")\n";
            if (predictAt) {
                const auto p = predictScaling(curve.samples, best->complexity, *predictAt);
                char at[64];
                std::snprintf(at, sizeof at, "%.0f", *predictAt);
                text += "  At " + curve.parameter + " = " + at + ": " + formatDuration(p.value)
                    + (curve.perCall ? " a call" : " a run") + " (95% interval " + formatDuration(p.low) + " … "
                    + formatDuration(p.high) + ", a bootstrap over the runs)\n";
                if (p.farOutside) {
                    char range[96];
                    std::snprintf(range, sizeof range, "%.0f to %.0f", curve.points.front().n, curve.points.back().n);
                    text += "                 far outside the sizes measured (" + std::string(range) + "): it assumes "
                        + complexityName(best->complexity) + " holds there\n";
                }
            }
        } else {
            text += "  Fits:          cannot tell: " + a.undecided;
            if (best && curve.points.size() >= minimumScalingSizes)
                text += " (closest " + describeFit(*best) + ")";
            text += "\n";
            if (predictAt)
                text += "  No prediction: it needs a class that fits.\n";
        }
        const auto peak = std::find_if(memory.begin(), memory.end(),
            [&](const ScalingCurve& m) { return m.name == curve.name && m.parameter == curve.parameter; });
        if (peak != memory.end() && !peak->points.empty()) {
            const auto& m = peak->analysis;
            if (m.decided())
                text += "  Peak memory:   " + describeFit(*m.best(), ScalingMetric::PeakMemory) + "\n                 ("
                    + describeQuality(m) + ")\n";
            else
                text += "  Peak memory:   cannot tell: " + m.undecided + "\n";
        }
    }
    return text;
}

} // namespace pyrometer
