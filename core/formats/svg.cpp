#include "core/formats/svg.h"

#include "core/formats/xml_escape.h"
#include "core/model/units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer::svg {

/// "#0072B2" for CSS and SVG.
std::string css(std::uint32_t rgb)
{
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(rgb));
    return text;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string text(double x, double y, const std::string& content, const char* anchor)
{
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\">" + content
        + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& style)
{
    return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\"" + number(y2)
        + "\" " + style + "/>";
}

std::string rect(double x, double y, double w, double h, const std::string& style)
{
    return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(std::max(w, 0.0)) + "\" height=\""
        + number(std::max(h, 0.0)) + "\" " + style + "/>";
}

std::string circle(double x, double y, double r, const std::string& style)
{
    return "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"" + number(r) + "\" " + style + "/>";
}

std::string polyline(const std::vector<std::pair<double, double>>& points, const std::string& style)
{
    std::string svg = "<polyline fill=\"none\" points=\"";
    for (const auto& [x, y] : points)
        svg += number(x) + "," + number(y) + " ";
    return svg + "\" " + style + "/>";
}

std::string bottomAxis(double left, double width, double y, const std::vector<std::pair<double, std::string>>& ticks,
    const std::string& title)
{
    std::string svg = line(left, y, left + width, y, "stroke=\"#888\"");
    for (const auto& [x, label] : ticks) {
        svg += line(x, y, x, y + 4, "stroke=\"#888\"");
        svg += text(x, y + 16, label);
    }
    return svg + text(left + width / 2, y + 32, title);
}

std::vector<std::string> durationTicks(const NiceAxis& axis)
{
    const auto unit = durationUnitFor(std::max(std::abs(axis.min), std::abs(axis.max)));
    const NiceAxis scaled { axis.min * unit.perSecond, axis.max * unit.perSecond, axis.step * unit.perSecond };
    const int decimals = tickDecimals(scaled);
    std::vector<std::string> labels;
    for (int t = 0; t < axis.tickCount(); ++t) {
        char label[48];
        std::snprintf(label, sizeof label, "%.*f %s", decimals, scaled.min + scaled.step * t, unit.symbol);
        labels.emplace_back(label);
    }
    return labels;
}

LogAxis logAxis(double low, double high)
{
    LogAxis axis;
    const double first = std::floor(std::log10(low));
    const double last = std::max(std::ceil(std::log10(high)), first + 1);
    axis.from = std::pow(10, first);
    axis.to = std::pow(10, last);
    const double decades = last - first;
    const double every = decades > 8 ? std::ceil(decades / 7) : 1;
    for (double exponent = first; exponent <= last; exponent += every) {
        const double decade = std::pow(10, exponent);
        for (const double m : { 1.0, 2.0, 5.0 }) {
            if (decade * m <= axis.to * 1.001 && (decades <= 2 || m == 1.0))
                axis.ticks.push_back(decade * m);
        }
    }
    return axis;
}

std::string durationTick(double seconds)
{
    const auto unit = durationUnitFor(seconds);
    char label[48];
    std::snprintf(label, sizeof label, "%g %s", seconds * unit.perSecond, unit.symbol);
    return label;
}

std::string distributionChart(std::span<const Sample> samples, const std::string& label)
{
    std::vector<std::vector<double>> sorted;
    std::vector<double> pooled;
    for (const auto& sample : samples) {
        if (sample.seconds.empty())
            return {};
        sorted.push_back(sample.seconds);
        std::sort(sorted.back().begin(), sorted.back().end());
        pooled.insert(pooled.end(), sorted.back().begin(), sorted.back().end());
    }
    if (sorted.empty())
        return {};
    std::sort(pooled.begin(), pooled.end());
    const auto bins = freedmanDiaconisBins(pooled, 60);
    std::vector<std::vector<int>> counts;
    // Densities, so that samples with different numbers of runs compare by shape.
    double peak = 0;
    for (const auto& values : sorted) {
        counts.push_back(histogram(values, bins));
        for (int i = 0; i < bins.count; ++i)
            peak = std::max(peak, counts.back()[std::size_t(i)] / double(values.size()));
    }
    const auto axis = niceAxis(bins.lower, bins.upper(), 6);
    const double left = 34, width = 390, top = 8, plot = 120, boxTop = top + plot + 8, boxHeight = 14;
    const double axisY = boxTop + static_cast<double>(sorted.size()) * (boxHeight + 6) + 6;
    const double height = axisY + 40;
    const auto x = [&](double seconds) { return left + (seconds - axis.min) / (axis.max - axis.min) * width; };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 460 " + number(height) + "\" width=\"460\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"" + xmlEscape(label) + "\">";
    for (std::size_t s = 0; s < sorted.size(); ++s) {
        const auto colour = css(samples[s].rgb);
        for (int i = 0; i < bins.count; ++i) {
            const double h = counts[s][std::size_t(i)] / double(sorted[s].size()) / peak * plot;
            const double x0 = x(bins.lower + bins.width * i);
            svg += rect(x0, top + plot - h, x(bins.lower + bins.width * (i + 1)) - x0, h,
                std::string("fill=\"") + colour + "\" fill-opacity=\"0.55\"");
        }
    }
    for (std::size_t s = 0; s < sorted.size(); ++s) {
        const auto colour = css(samples[s].rgb);
        const double y = boxTop + static_cast<double>(s) * (boxHeight + 6);
        const auto t = tukeyBox(sorted[s]);
        const std::string stroke = std::string("stroke=\"") + colour + "\" stroke-width=\"1.5\"";
        svg += line(x(t.lowerWhisker), y + boxHeight / 2, x(t.q1), y + boxHeight / 2, stroke);
        svg += line(x(t.q3), y + boxHeight / 2, x(t.upperWhisker), y + boxHeight / 2, stroke);
        svg += rect(x(t.q1), y, x(t.q3) - x(t.q1), boxHeight,
            std::string("fill=\"") + colour + "\" fill-opacity=\"0.3\" " + stroke);
        svg += line(
            x(t.median), y, x(t.median), y + boxHeight, std::string("stroke=\"") + colour + "\" stroke-width=\"3\"");
    }
    const auto labels = durationTicks(axis);
    std::vector<std::pair<double, std::string>> ticks;
    for (int i = 0; i < axis.tickCount(); ++i)
        ticks.emplace_back(x(axis.min + axis.step * i), labels[std::size_t(i)]);
    svg += bottomAxis(left, width, axisY, ticks, "wall time per run (bars: share of runs; boxes: quartiles)");
    return svg + "</svg>";
}

} // namespace pyrometer::svg
