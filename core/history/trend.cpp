#include "core/history/trend.h"

#include <algorithm>
#include <map>

namespace pyrometer {

ChangePointSettings trendChangeSettings()
{
    ChangePointSettings settings;
    settings.minimumChange = 0.02;
    return settings;
}

std::vector<TrendChange> trendChanges(const std::vector<TrendPoint>& points, const ChangePointSettings& settings)
{
    std::vector<double> medians;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].median) {
            medians.push_back(*points[i].median);
            at.push_back(i);
        }
    }
    std::vector<TrendChange> changes;
    for (const auto& change : findChangePoints(medians, settings))
        changes.push_back({ at[change.index], change });
    return changes;
}

std::vector<TrendPoint> currentLevel(const std::vector<TrendPoint>& points, std::size_t most)
{
    const auto changes = trendChanges(points);
    const std::size_t begin = changes.empty() ? 0 : changes.back().index;
    std::vector<TrendPoint> level;
    for (std::size_t i = begin; i < points.size(); ++i)
        if (points[i].median)
            level.push_back(points[i]);
    if (level.size() > most)
        level.erase(level.begin(), level.end() - static_cast<std::ptrdiff_t>(most));
    return level;
}

HistoryBaseline baselineFromHistory(HistoryStore& store, const Results& candidate, const std::string& branch,
    const std::string& host, std::size_t most, std::int64_t exclude)
{
    HistoryBaseline baseline;
    std::map<std::int64_t, Results> loaded;
    std::int64_t first = 0, last = 0;
    std::string newestDate;
    for (const auto& benchmark : candidate.benchmarks) {
        auto points = store.trend(benchmark.name, { branch, host, "", 0 });
        std::erase_if(points, [&](const TrendPoint& p) { return p.runSet == exclude; });
        const auto level = currentLevel(points, most);
        if (level.empty()) {
            baseline.missing.push_back(benchmark.name);
            continue;
        }
        BenchmarkResult pooled;
        for (const auto& point : level) {
            auto it = loaded.find(point.runSet);
            if (it == loaded.end())
                it = loaded.emplace(point.runSet, store.load(point.runSet)).first;
            for (const auto& saved : it->second.benchmarks) {
                if (saved.name != benchmark.name)
                    continue;
                const auto runs = std::move(pooled.runs);
                pooled = saved; // the newest run set's description of the benchmark
                pooled.runs = runs;
                pooled.runs.insert(pooled.runs.end(), saved.runs.begin(), saved.runs.end());
                pooled.failure.reset();
            }
            if (point.measuredAt >= newestDate) {
                newestDate = point.measuredAt;
                baseline.results.environment = it->second.environment;
            }
            first = first == 0 ? point.runSet : std::min(first, point.runSet);
            last = std::max(last, point.runSet);
        }
        baseline.results.benchmarks.push_back(std::move(pooled));
        baseline.levels.push_back(level);
    }
    const std::string where = (branch.empty() ? std::string("every branch") : "branch " + branch)
        + (host.empty() ? std::string() : " on " + host);
    baseline.description = where + ": up to " + std::to_string(most) + " run set" + (most == 1 ? "" : "s")
        + " a benchmark since its last change"
        + (first == 0 ? std::string()
                      : " (run sets " + std::to_string(first)
                    + (last != first ? "–" + std::to_string(last) : std::string()) + ")");
    return baseline;
}

} // namespace pyrometer
