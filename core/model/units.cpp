#include "core/model/units.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

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

std::string exactNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace pyrometer
