#include "core/measure/adaptive.h"

#include "core/model/units.h"
#include "core/stats/statistics.h"

#include <algorithm>
#include <cstdio>

namespace pyrometer {
namespace {
std::string plusMinus(double fraction)
{
    return "±" + formatPercent(fraction);
}

std::string secondsText(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g s", seconds);
    return text;
}
} // namespace

std::optional<double> medianPrecision(const BenchmarkResult& benchmark)
{
    std::vector<double> walls;
    for (const auto& run : benchmark.runs) {
        if (!run.warmup && run.succeeded())
            walls.push_back(toSeconds(run.wall));
    }
    const auto ranks = medianConfidenceRanks(walls.size(), 0.95);
    if (!ranks)
        return std::nullopt;
    std::sort(walls.begin(), walls.end());
    const double median = quantile(walls, 0.5);
    if (!(median > 0))
        return std::nullopt;
    return std::max(median - walls[ranks->lower - 1], walls[ranks->upper - 1] - median) / median;
}

std::optional<std::string> adaptiveStop(const BenchmarkResult& benchmark)
{
    if (!benchmark.settings.adaptive)
        return std::nullopt;
    const auto& rule = *benchmark.settings.adaptive;
    int runs = 0;
    double seconds = 0;
    for (const auto& run : benchmark.runs) {
        if (!run.warmup) {
            ++runs;
            seconds += toSeconds(run.wall);
        }
    }
    const std::optional<double> precision = medianPrecision(benchmark);
    const std::string count = std::to_string(runs) + " run" + (runs == 1 ? "" : "s");
    const std::string reached = !rule.precision ? ""
        : precision                             ? " at " + plusMinus(*precision)
                                                : " with too few successful runs for an interval";
    const std::string asked = rule.precision ? " (asked " + plusMinus(*rule.precision) + ")" : "";
    if (runs >= rule.minRuns && seconds >= rule.minTimeSeconds && !rule.untilDecided) {
        if (!rule.precision)
            return count + ": --min-runs " + std::to_string(rule.minRuns) + " and --min-total-time "
                + secondsText(rule.minTimeSeconds) + " reached";
        if (precision && *precision <= *rule.precision)
            return plusMinus(*precision) + " reached after " + count + asked;
    }
    if (runs >= rule.maxRuns)
        return "--max-runs " + std::to_string(rule.maxRuns) + " reached" + reached + asked;
    if (rule.maxTimeSeconds && seconds >= *rule.maxTimeSeconds)
        return "--max-total-time " + secondsText(*rule.maxTimeSeconds) + " reached after " + count + reached + asked;
    return std::nullopt;
}

} // namespace pyrometer
