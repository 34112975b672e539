#pragma once

#include "core/history/store.h"
#include "core/stats/change_points.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pyrometer {

/// A change of level in a benchmark's trend: where it is among the trend's points, and what E-Divisive said.
struct TrendChange
{
    std::size_t index = 0; ///< the first point of the new level, in the trend given
    ChangePoint change; ///< its index counts only the points with a median
};

/// How trends are searched for changes of level: E-Divisive's defaults (p ≤ 0.01, 5 run sets a level at least), and
/// steps of the median below 2%, the threshold of a comparison's verdict, merged away as immaterial.
ChangePointSettings trendChangeSettings();

/// The changes of level in the medians of `points` (those without one are passed over), oldest first.
std::vector<TrendChange> trendChanges(
    const std::vector<TrendPoint>& points, const ChangePointSettings& settings = trendChangeSettings());

/// The recent level of a trend: the points with a median since its last change of level, the newest `most` of them.
std::vector<TrendPoint> currentLevel(const std::vector<TrendPoint>& points, std::size_t most);

/// Where a baseline taken from history came from.
struct HistoryBaseline
{
    Results results; ///< each benchmark's runs from the run sets of its current level, pooled
    std::string description; ///< "branch main on vm: up to 5 run sets a benchmark since its last change (run sets 3–9)"
    std::vector<std::string> missing; ///< benchmarks of the candidate with no run set in that history
    std::vector<std::vector<TrendPoint>> levels; ///< for each benchmark of `results`, the run sets pooled in it
};

/// A baseline for `candidate` from the store: for each of its benchmarks, the runs of the run sets of the benchmark's
/// current level on `branch` and `host` (at most `most`; any branch or host when empty), pooled into one benchmark.
/// Run set `exclude` (the candidate itself, when saved) is left out.
HistoryBaseline baselineFromHistory(HistoryStore& store, const Results& candidate, const std::string& branch,
    const std::string& host, std::size_t most, std::int64_t exclude = 0);

} // namespace pyrometer
