#include "core/stats/scaling.h"

#include "core/model/units.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

namespace pyrometer {
namespace {
std::optional<double> numberOf(const std::string& text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || !(value > 0))
        return std::nullopt;
    return value;
}
} // namespace

std::vector<ScalingCurve> scalingCurves(const Results& results, ScalingMetric metric)
{
    std::vector<ScalingCurve> curves;
    std::map<std::string, std::size_t> index;
    std::vector<std::vector<std::pair<double, std::size_t>>> members;
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto& benchmark = results.benchmarks[b];
        if (benchmark.parameters.size() != 1)
            continue;
        const auto n = numberOf(benchmark.parameters.begin()->second);
        if (!n)
            continue;
        const auto name = benchmark.name.substr(0, benchmark.name.rfind('['));
        const auto [it, added] = index.emplace(name + '\n' + benchmark.parameters.begin()->first, curves.size());
        if (added) {
            curves.push_back({ name, benchmark.parameters.begin()->first, benchmark.function.has_value(), metric, {},
                {}, {}, {}, {} });
            members.emplace_back();
        }
        members[it->second].emplace_back(*n, b);
    }
    std::vector<ScalingCurve> kept;
    for (std::size_t c = 0; c < curves.size(); ++c) {
        auto& curve = curves[c];
        auto& of = members[c];
        std::stable_sort(of.begin(), of.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [n, b] : of) {
            curve.benchmarks.push_back(b);
            ScalingSample sample { n, {} };
            for (const auto& run : results.benchmarks[b].runs) {
                if (run.warmup || !run.succeeded())
                    continue;
                if (metric == ScalingMetric::Time)
                    sample.values.push_back(toSeconds(run.wall));
                else if (run.maxRssBytes > 0)
                    sample.values.push_back(static_cast<double>(run.maxRssBytes));
            }
            if (sample.values.empty())
                continue;
            curve.points.push_back(scalingPoint(n, sample.values));
            curve.pointBenchmarks.push_back(b);
            curve.samples.push_back(std::move(sample));
        }
        if (curve.benchmarks.size() < 2)
            continue;
        curve.analysis = fitComplexity(curve.points);
        kept.push_back(std::move(curve));
    }
    return kept;
}

std::string describeFit(const ComplexityFit& fit, ScalingMetric metric)
{
    const auto format = [metric](double value) {
        if (metric == ScalingMetric::Time)
            return formatDuration(value);
        if (std::abs(value) >= 100)
            return formatBytes(value);
        char bytes[32]; // a slope of a few bytes per element: "2.5 B", not "2 B"
        std::snprintf(bytes, sizeof bytes, "%.3g B", value);
        return std::string(bytes);
    };
    std::string text = complexityName(fit.complexity) + ", ≈ ";
    if (fit.complexity == Complexity::Constant)
        return text + format(fit.constant);
    text += format(fit.coefficient) + " · " + complexityTerm(fit.complexity);
    if (fit.constant > 0)
        text += " + " + format(fit.constant);
    return text;
}

std::string describeQuality(const ScalingAnalysis& analysis)
{
    const auto* best = analysis.best();
    if (!best || !analysis.decided())
        return {};
    char within[48];
    std::snprintf(within, sizeof within, "within %.1f%% of the medians; ", best->relativeRms * 100);
    std::string text = within;
    if (analysis.noMaterialGrowth) {
        char growth[16];
        std::snprintf(growth, sizeof growth, "%.0f%%", smallestGrowth * 100);
        text += "no class rises by " + std::string(growth) + " across the sizes";
    } else {
        char lead[32];
        std::snprintf(lead, sizeof lead, "AICc %.1f ahead of ", analysis.lead);
        text += lead + complexityName(analysis.fits[1].complexity);
    }
    if (best->relativeRms > looseFit && best->complexity != Complexity::Constant)
        text += "; loosely: the time per " + complexityTerm(best->complexity)
            + " changes with the size (caches, CPython's small integers)";
    return text;
}

} // namespace pyrometer
