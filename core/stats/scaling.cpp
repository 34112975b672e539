#include "core/stats/scaling.h"

#include "core/model/units.h"

#include <algorithm>
#include <charconv>
#include <cmath>
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

std::vector<ScalingCurve> scalingCurves(const Results& results)
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
            curves.push_back(
                { name, benchmark.parameters.begin()->first, benchmark.function.has_value(), {}, {}, {}, {} });
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
                if (!run.warmup && run.succeeded())
                    sample.values.push_back(toSeconds(run.wall));
            }
            if (sample.values.empty())
                continue;
            curve.points.push_back(scalingPoint(n, sample.values));
            curve.samples.push_back(std::move(sample));
        }
        if (curve.benchmarks.size() < 2)
            continue;
        curve.analysis = fitComplexity(curve.points);
        kept.push_back(std::move(curve));
    }
    return kept;
}

std::string describeFit(const ComplexityFit& fit)
{
    std::string text = complexityName(fit.complexity) + ", ≈ ";
    if (fit.complexity == Complexity::Constant)
        return text + formatDuration(fit.constant);
    text += formatDuration(fit.coefficient) + " · " + complexityTerm(fit.complexity);
    if (fit.constant > 0)
        text += " + " + formatDuration(fit.constant);
    return text;
}

} // namespace pyrometer
