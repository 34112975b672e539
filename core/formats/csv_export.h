#pragma once

#include "core/model/results.h"

#include <string>
#include <string_view>

namespace pyrometer {

/// One row per run, warmups and failed runs included, times in seconds (RFC 4180).
std::string runsCsv(const Results& results);
/// One row per benchmark with its statistics.
std::string summaryCsv(const Results& results);
/// A profile's functions, one row each, most time of their own first: function, file, line, calls, primitive calls,
/// own and cumulative seconds.
std::string hotspotsCsv(const Profile& profile);
/// "results.csv" → "results.summary.csv".
std::string summaryCsvPathFor(const std::string& runsCsvPath);

/// One CSV cell: quoted when it holds a comma, quote or line break; text starting with = + - @ (a formula to a
/// spreadsheet) is prefixed with ' so that it is shown, never evaluated.
std::string csvCell(std::string_view text);

} // namespace pyrometer
