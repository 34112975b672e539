#pragma once

#include "core/stats/chart_math.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

// The pieces of the inline SVG charts in Pyrometer's HTML reports (a run's and a comparison's): elements with
// coordinates written to a tenth of a pixel, and the distribution chart both reports draw.
namespace pyrometer::svg {

/// "#0072B2" for CSS and SVG.
std::string css(std::uint32_t rgb);
std::string number(double value);
/// `content` must be escaped already.
std::string text(double x, double y, const std::string& content, const char* anchor = "middle");
std::string line(double x1, double y1, double x2, double y2, const std::string& style);
std::string rect(double x, double y, double w, double h, const std::string& style);
/// A circle of radius `r`.
std::string circle(double x, double y, double r, const std::string& style);
/// A polyline through `points` (x, y pairs), for curves of many points.
std::string polyline(const std::vector<std::pair<double, double>>& points, const std::string& style);

/// A horizontal axis at height `y` from `left` over `width`: a tick and its label at each (x, label) of `ticks`
/// (labels escaped already), and `title` below them.
std::string bottomAxis(double left, double width, double y, const std::vector<std::pair<double, std::string>>& ticks,
    const std::string& title);

/// The labels of a duration axis's ticks, all in one unit with as many decimals as tell them apart ("80 ms",
/// "100 ms", …).
std::vector<std::string> durationTicks(const NiceAxis& axis);
/// A tick label of a logarithmic axis, in the tick's own unit and without trailing zeros ("20 ms", "1 s").
std::string durationTick(double seconds);

/// A logarithmic axis over `low` … `high` (both > 0): its ends at whole decades, a tick at 1, 2 and 5 of each decade
/// over two decades at most; past eight, every few decades, so that no two labels overlap however far apart the
/// values are.
struct LogAxis
{
    double from = 1, to = 10;
    std::vector<double> ticks;
};
LogAxis logAxis(double low, double high);

/// The colours of series, in order: Okabe & Ito (2008), told apart with every common colour-vision deficiency.
inline constexpr std::array<std::uint32_t, 7> palette { 0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00,
    0xF0E442 };

/// One sample of wall times (seconds) drawn in `rgb`.
struct Sample
{
    std::vector<double> seconds;
    std::uint32_t rgb = 0;
};
/// Histograms of the samples over shared bins, overlaid as shares of each sample's runs, and a box plot of each
/// below them; empty when a sample is empty.
std::string distributionChart(std::span<const Sample> samples, const std::string& label);

} // namespace pyrometer::svg
