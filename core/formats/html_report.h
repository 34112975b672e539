#pragma once

#include "core/model/results.h"

#include <string>

namespace pyrometer {

/// The start of every HTML report Pyrometer writes, up to and including <body>: the shared style sheet and
/// `title`, escaped here.
std::string htmlPageStart(const std::string& title);

/// One self-contained HTML page of a set of results: what needs the reader's attention first (failures,
/// outliers, an incomplete run), the summary table, the medians side by side, and for each benchmark the
/// distribution of its wall times, the wall time of each run, memory over time with garbage collections, the
/// functions with the most time of their own and the largest allocation sites; then the environment. Every chart
/// is inline SVG and every text from the results is escaped. `source` says where the results came from (a file
/// name, "this run").
std::string resultsHtml(const Results& results, const std::string& source);

} // namespace pyrometer
