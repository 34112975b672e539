#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace pyrometer {

/// Equal-width bins over [lower, lower + count * width).
struct Bins
{
    double lower = 0;
    double width = 1;
    int count = 1;

    double upper() const { return lower + width * count; }
    /// The bin a value falls in, clamped to the first and last bin.
    int indexOf(double value) const;
};

/// Bins for a histogram of `sorted` by the Freedman–Diaconis rule (Freedman & Diaconis 1981): width
/// 2 IQR n^(-1/3). Falls back to Sturges' rule (1926) when the IQR is 0; `maxBins` bounds the count.
Bins freedmanDiaconisBins(std::span<const double> sorted, int maxBins = 200);

/// `count` bins over the range of `sorted` (for a bin count chosen by hand).
Bins fixedBins(std::span<const double> sorted, int count);

/// How many values fall in each bin.
std::vector<int> histogram(std::span<const double> values, const Bins& bins);

struct Point
{
    double x = 0;
    double y = 0;
};

/// Reduces points sorted by x to at most two per pixel column (the lowest and the highest, in x order), so that
/// a line drawn through them looks the same as through all of them at that width.
std::vector<Point> downsampleMinMax(std::span<const Point> sorted, int columns);

/// The outline of a band over points sorted by x, one point per pixel column: the highest (`highest`) or the lowest
/// of each column, so that a band drawn between two outlines covers every point's interval without the zigzag of
/// a min/max pair per column, whose self-crossing outline is slow to fill.
std::vector<Point> columnExtremes(std::span<const Point> sorted, int columns, bool highest);

/// The median of each window of `window` values ending at each index (shorter at the start).
std::vector<double> rollingMedian(std::span<const double> values, std::size_t window);

/// A readable axis: bounds on multiples of a 1, 2 or 5 step that enclose [min, max] (Heckbert 1990).
struct NiceAxis
{
    double min = 0;
    double max = 1;
    double step = 0.2;
    int tickCount() const;
};
NiceAxis niceAxis(double min, double max, int maxTicks = 6);
/// A nice axis for counts (runs, run numbers): its step is a whole number, so that no two ticks read alike.
NiceAxis countAxis(double min, double max, int maxTicks = 6);
/// The decimals that tell every tick of `axis` apart, and no more (step 0.25 → 2, step 5 → 0).
int tickDecimals(const NiceAxis& axis);

/// The five numbers of a Tukey (1977) box plot — quartiles, median, whiskers at the most extreme values within
/// 1.5 IQR of the box — and the values beyond the whiskers.
struct TukeyBox
{
    double lowerWhisker = 0;
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double upperWhisker = 0;
    std::vector<double> outliers;
};
/// From an ascending sample.
TukeyBox tukeyBox(std::span<const double> sorted);

} // namespace pyrometer
