#include "core/model/units.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace pyrometer {

DurationUnit durationUnitFor(double seconds)
{
    const double magnitude = std::abs(seconds);
    if (!std::isfinite(magnitude) || magnitude >= 1.0)
        return { "s", 1.0 };
    if (magnitude >= 1e-3)
        return { "ms", 1e3 };
    if (magnitude >= 1e-6)
        return { "µs", 1e6 };
    return { "ns", 1e9 };
}

std::string formatDuration(double seconds, DurationUnit unit)
{
    if (!std::isfinite(seconds))
        return "–";
    const double value = seconds * unit.perSecond;
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f %s", decimals, value, unit.symbol);
    return buffer;
}

std::string formatDuration(double seconds)
{
    return formatDuration(seconds, durationUnitFor(seconds));
}

std::string formatBytes(double bytes)
{
    if (!std::isfinite(bytes))
        return "–";
    static constexpr std::array<const char*, 5> units { "B", "KiB", "MiB", "GiB", "TiB" };
    std::size_t unit = 0;
    while (std::abs(bytes) >= 1024.0 && unit + 1 < units.size()) {
        bytes /= 1024.0;
        ++unit;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    return buffer;
}

std::string formatFixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string formatPercent(double fraction, int decimals)
{
    return formatFixed(fraction * 100.0, decimals) + "%";
}

std::string formatCount(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return formatFixed(value / 1e9, 1) + " G";
    if (magnitude >= 1e6)
        return formatFixed(value / 1e6, 1) + " M";
    if (magnitude >= 1e4)
        return formatFixed(value / 1e3, 0) + " k";
    if (magnitude >= 1e3)
        return formatFixed(value / 1e3, 1) + " k";
    return formatFixed(value, magnitude >= 10 || value == std::floor(value) ? 0 : 1);
}

std::string exactNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string formatInterval(double seconds)
{
    const auto rounded = [](double value, const char* one, const char* many) {
        const auto n = static_cast<long long>(std::llround(value));
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    if (seconds < 90)
        return rounded(seconds, "s", "s");
    if (seconds < 90 * 60)
        return rounded(seconds / 60, "min", "min");
    if (seconds < 36 * 3600)
        return rounded(seconds / 3600, "h", "h");
    return rounded(seconds / 86400, "day", "days");
}

std::optional<std::int64_t> parseIsoUtc(const std::string& text)
{
    std::tm tm {};
    std::istringstream in(text);
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    if (in.fail())
        return std::nullopt;
    return static_cast<std::int64_t>(::timegm(&tm));
}

std::optional<double> secondsApart(const std::string& first, const std::string& second)
{
    const auto a = parseIsoUtc(first), b = parseIsoUtc(second);
    if (!a || !b)
        return std::nullopt;
    return std::abs(static_cast<double>(*b - *a));
}

} // namespace pyrometer
