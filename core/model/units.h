#pragma once

#include <cstdint>
#include <optional>
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

/// "2.6 M", "980 k", "1.5 k", "12": a count or rate, with a metric prefix past a thousand.
std::string formatCount(double value);

/// "40 min", "5 h", "3 days": a span of time between two measurements, rounded to its largest unit.
std::string formatInterval(double seconds);

/// Seconds since the epoch of an ISO 8601 UTC time as Pyrometer writes it ("2026-12-03T04:10:00Z"); empty when
/// the text is not one.
std::optional<std::int64_t> parseIsoUtc(const std::string& text);
/// How far apart two such times are (never negative); empty when either is not one.
std::optional<double> secondsApart(const std::string& first, const std::string& second);

/// Shortest text that reads back as the same double (for CSV); "" for NaN.
std::string exactNumber(double value);

} // namespace pyrometer
