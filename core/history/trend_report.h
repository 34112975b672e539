#pragma once

#include "core/history/trend.h"

#include <string>
#include <vector>

namespace pyrometer {

/// One benchmark's trend as it is shown and exported: its points, oldest first, and the changes of level in them.
struct TrendReport
{
    std::string benchmark;
    std::string store; ///< where it came from
    std::vector<TrendPoint> points;
    std::vector<TrendChange> changes;
};

/// "+10.2% (11.1 ms → 12.3 ms) from 0123abcd to 4567cdef (run sets 12 → 13), p = 0.005": a change in a line.
std::string describeChange(const TrendReport& trend, const TrendChange& change);

/// The trend as a table for a terminal: run set, date, commit, branch, median with its 95% interval, the change
/// from the run set before; then the changes of level.
std::string trendText(const TrendReport& trend);
/// One row per run set: run_set, measured_at, commit, dirty, branch, commit_date, host, runs, median_s,
/// ci_low_s, ci_high_s, change (a ratio to the run set before), level_change (1 where a new level starts).
std::string trendCsv(const TrendReport& trend);
/// {"schema": "pyrometer.trend/1", "benchmark", "store", "points": [...], "changes": [...]}.
std::string trendJson(const TrendReport& trend);
std::string trendMarkdown(const TrendReport& trend);
/// A page with the trend drawn as inline SVG (the medians with their intervals as a band, the levels between
/// changes as steps), the changes and the table. Every text from the store is escaped.
std::string trendHtml(const TrendReport& trend);

} // namespace pyrometer
