#pragma once

#include <string>

namespace pyrometer {

/// A unit for showing durations, chosen so that a typical value reads between 1 and 1000.
struct DurationUnit
{
    const char* symbol; ///< "ns", "µs", "ms", "s"
    double perSecond; ///< 1e9, 1e6, 1e3, 1
};
DurationUnit durationUnitFor(double seconds);

/// "51.23 ms": the value in `unit` with about four significant digits.
std::string formatDuration(double seconds, DurationUnit unit);
std::string formatDuration(double seconds);

/// "9.2 MiB": binary units, one decimal above bytes.
std::string formatBytes(double bytes);

/// "12.35": a number with a fixed count of decimals.
std::string formatFixed(double value, int decimals);
/// "3.1%": a fraction (0.031) in percent, with a fixed count of decimals.
std::string formatPercent(double fraction, int decimals = 1);

/// Shortest text that reads back as the same double (for CSV); "" for NaN.
std::string exactNumber(double value);

} // namespace pyrometer
