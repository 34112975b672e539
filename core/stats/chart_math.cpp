#include "core/stats/chart_math.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

namespace pyrometer {
namespace {
/// Type-7 quantile of a sorted sample, as in core's statistics.
double quantile(std::span<const double> sorted, double p)
{
    const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    const auto below = static_cast<std::size_t>(std::floor(h));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}
} // namespace

int Bins::indexOf(double value) const
{
    // Clamped while still a double: a value far outside the bins must not overflow the conversion to int.
    const double index = std::floor((value - lower) / width);
    if (!(index >= 0))
        return 0;
    return index >= count - 1 ? count - 1 : static_cast<int>(index);
}

Bins fixedBins(std::span<const double> sorted, int count)
{
    Bins bins;
    if (sorted.empty())
        return bins;
    count = std::max(1, count);
    const double range = sorted.back() - sorted.front();
    bins.lower = sorted.front();
    bins.count = count;
    // A sample of identical values still gets one visible bin around it.
    bins.width = range > 0 ? range / count : std::max(std::abs(sorted.front()) * 1e-3, 1e-12);
    if (range <= 0)
        bins.lower -= bins.width * count / 2.0;
    return bins;
}

Bins freedmanDiaconisBins(std::span<const double> sorted, int maxBins)
{
    if (sorted.size() < 2)
        return fixedBins(sorted, 1);
    const double n = static_cast<double>(sorted.size());
    const double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    const double range = sorted.back() - sorted.front();
    // Clamped while still a double: a few extreme values over a tiny IQR ask for more bins than an int holds.
    const double wanted
        = iqr > 0 && range > 0 ? std::ceil(range / (2.0 * iqr * std::cbrt(1.0 / n))) : std::ceil(std::log2(n)) + 1;
    const int count = !(wanted >= 1) ? 1 : wanted >= maxBins ? maxBins : static_cast<int>(wanted);
    return fixedBins(sorted, std::max(count, 1));
}

std::vector<int> histogram(std::span<const double> values, const Bins& bins)
{
    std::vector<int> counts(static_cast<std::size_t>(bins.count));
    for (double value : values)
        ++counts[static_cast<std::size_t>(bins.indexOf(value))];
    return counts;
}

std::vector<Point> downsampleMinMax(std::span<const Point> sorted, int columns)
{
    if (columns <= 0 || sorted.size() <= static_cast<std::size_t>(2 * columns))
        return { sorted.begin(), sorted.end() };
    const double x0 = sorted.front().x;
    const double span = sorted.back().x - x0;
    std::vector<Point> out;
    out.reserve(static_cast<std::size_t>(2 * columns));
    std::size_t i = 0;
    while (i < sorted.size()) {
        const int column = span > 0 ? std::min(columns - 1, static_cast<int>((sorted[i].x - x0) / span * columns)) : 0;
        std::size_t low = i, high = i, j = i;
        for (; j < sorted.size(); ++j) {
            const int c = span > 0 ? std::min(columns - 1, static_cast<int>((sorted[j].x - x0) / span * columns)) : 0;
            if (c != column)
                break;
            if (sorted[j].y < sorted[low].y)
                low = j;
            if (sorted[j].y > sorted[high].y)
                high = j;
        }
        out.push_back(sorted[std::min(low, high)]);
        if (low != high)
            out.push_back(sorted[std::max(low, high)]);
        i = j;
    }
    return out;
}

std::vector<Point> columnExtremes(std::span<const Point> sorted, int columns, bool highest)
{
    if (columns <= 0 || sorted.size() <= static_cast<std::size_t>(columns))
        return { sorted.begin(), sorted.end() };
    const double x0 = sorted.front().x;
    const double span = sorted.back().x - x0;
    const auto columnOf
        = [&](double x) { return span > 0 ? std::min(columns - 1, static_cast<int>((x - x0) / span * columns)) : 0; };
    std::vector<Point> out;
    out.reserve(static_cast<std::size_t>(columns));
    for (std::size_t i = 0; i < sorted.size();) {
        const int column = columnOf(sorted[i].x);
        std::size_t best = i, j = i;
        for (; j < sorted.size() && columnOf(sorted[j].x) == column; ++j)
            if (highest ? sorted[j].y > sorted[best].y : sorted[j].y < sorted[best].y)
                best = j;
        out.push_back(sorted[best]);
        i = j;
    }
    return out;
}

std::vector<double> rollingMedian(std::span<const double> values, std::size_t window)
{
    std::vector<double> medians;
    medians.reserve(values.size());
    window = std::max<std::size_t>(1, window);
    // Two ordered halves would be O(log w) per step; a multiset keeps it simple at the same complexity.
    std::multiset<double> current;
    for (std::size_t i = 0; i < values.size(); ++i) {
        current.insert(values[i]);
        if (current.size() > window)
            current.erase(current.find(values[i - window]));
        const auto size = current.size();
        auto middle = std::next(current.begin(), static_cast<std::ptrdiff_t>(size / 2));
        medians.push_back(size % 2 ? *middle : (*middle + *std::prev(middle)) / 2.0);
    }
    return medians;
}

int NiceAxis::tickCount() const
{
    return static_cast<int>(std::lround((max - min) / step)) + 1;
}

NiceAxis niceAxis(double min, double max, int maxTicks)
{
    if (!(max > min)) {
        const double pad = min != 0 ? std::abs(min) * 0.05 : 1.0;
        min -= pad;
        max += pad;
    }
    const auto nice = [](double value, bool round) {
        const double exponent = std::floor(std::log10(value));
        const double fraction = value / std::pow(10.0, exponent);
        double niceFraction;
        if (round)
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        else
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return niceFraction * std::pow(10.0, exponent);
    };
    NiceAxis axis;
    const double range = nice(max - min, false);
    axis.step = nice(range / std::max(1, maxTicks - 1), true);
    axis.min = std::floor(min / axis.step) * axis.step;
    axis.max = std::ceil(max / axis.step) * axis.step;
    return axis;
}

NiceAxis countAxis(double min, double max, int maxTicks)
{
    auto axis = niceAxis(min, max, maxTicks);
    if (axis.step < 1) {
        axis.step = 1;
        axis.min = std::floor(axis.min);
        axis.max = std::max(axis.min + 1, std::ceil(axis.max));
    }
    return axis;
}

int tickDecimals(const NiceAxis& axis)
{
    // Steps are 1, 2 or 5 times a power of ten (2.5 never occurs), so the step's own decimals suffice.
    if (!(axis.step > 0) || !std::isfinite(axis.step))
        return 0;
    return std::clamp(static_cast<int>(-std::floor(std::log10(axis.step) + 1e-9)), 0, 12);
}

TukeyBox tukeyBox(std::span<const double> sorted)
{
    TukeyBox box;
    if (sorted.empty())
        return box;
    box.q1 = quantile(sorted, 0.25);
    box.median = quantile(sorted, 0.5);
    box.q3 = quantile(sorted, 0.75);
    const double iqr = box.q3 - box.q1;
    const double low = box.q1 - 1.5 * iqr, high = box.q3 + 1.5 * iqr;
    box.lowerWhisker = box.q1;
    box.upperWhisker = box.q3;
    for (double x : sorted) {
        if (x < low || x > high) {
            box.outliers.push_back(x);
        } else {
            box.lowerWhisker = std::min(box.lowerWhisker, x);
            box.upperWhisker = std::max(box.upperWhisker, x);
        }
    }
    return box;
}

} // namespace pyrometer
