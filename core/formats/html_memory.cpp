#include "core/formats/html_memory.h"

#include "core/formats/svg.h"
#include "core/formats/xml_escape.h"
#include "core/model/units.h"
#include "core/probe/memory_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer {

using namespace svg;

namespace {
constexpr double mib = 1024.0 * 1024.0;

struct Shown
{
    std::size_t index = 0; ///< the benchmark's, for its colour
    std::string name;
    MemoryProfile profile;
};

/// The points of `curve` that a file's word can be trusted with (finite times), in MiB.
std::vector<Point> pointsOf(const std::vector<MemoryPoint>& curve, double scale)
{
    std::vector<Point> points;
    points.reserve(curve.size());
    for (const auto& p : curve) {
        if (std::isfinite(p.tSeconds))
            points.push_back({ p.tSeconds, static_cast<double>(p.bytes) / scale });
    }
    return points;
}

std::vector<std::pair<double, std::string>> timeTicks(const NiceAxis& axis, const auto& x)
{
    const auto labels = durationTicks(axis);
    std::vector<std::pair<double, std::string>> ticks;
    for (int t = 0; t < axis.tickCount(); ++t)
        ticks.emplace_back(x(axis.min + axis.step * t), labels[std::size_t(t)]);
    return ticks;
}

/// One benchmark's RSS and heap in use on the axes all share, its collections as ticks below.
std::string multiple(const Shown& shown, const NiceAxis& xAxis, const NiceAxis& yAxis)
{
    const auto& m = shown.profile;
    const auto rgb = palette[shown.index % palette.size()];
    const double left = 56, width = 290, top = 24, plot = 110, gcTop = top + plot + 5, gcHeight = 10;
    const double axisY = gcTop + gcHeight, height = axisY + 40;
    const auto x
        = [&](double t) { return left + std::clamp((t - xAxis.min) / (xAxis.max - xAxis.min), 0.0, 1.0) * width; };
    const auto y = [&](double v) { return top + plot - std::clamp(v / yAxis.max, 0.0, 1.0) * plot; };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 360 " + number(height) + "\" width=\"360\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"Memory of " + xmlEscape(shown.name) + "\">";
    const auto runtime = runtimeLabel(m.runtime, m.collector);
    svg += text(left, 14,
        "<tspan font-weight=\"bold\">" + xmlEscape(shown.name) + "</tspan>"
            + (runtime.empty() ? "" : " · " + xmlEscape(runtime)),
        "start");
    for (int t = 0; t < yAxis.tickCount(); ++t) {
        const double v = yAxis.min + yAxis.step * t;
        char label[32];
        std::snprintf(label, sizeof label, "%.*f MiB", tickDecimals(yAxis), v);
        svg += line(left, y(v), left + width, y(v), "stroke=\"#e4e4e4\"");
        svg += text(left - 6, y(v) + 4, label, "end");
    }
    const auto curve = [&](const std::vector<MemoryPoint>& points, const std::string& style) {
        std::vector<std::pair<double, double>> drawn;
        for (const auto& p : downsampleMinMax(pointsOf(points, mib), static_cast<int>(width)))
            drawn.emplace_back(x(p.x), y(p.y));
        return drawn.empty() ? std::string() : polyline(drawn, style);
    };
    svg += curve(m.heap, "stroke=\"" + css(rgb) + "\" stroke-width=\"1.3\" stroke-dasharray=\"4 3\"");
    svg += curve(m.rss, "stroke=\"" + css(rgb) + "\" stroke-width=\"1.8\"");
    // One tick per pixel column, darker for a longer pause (1 ms and more: black).
    std::vector<double> column(static_cast<std::size_t>(width) + 1, -1);
    for (const auto& p : m.pauses) {
        if (!std::isfinite(p.tSeconds) || !std::isfinite(p.pauseSeconds))
            continue;
        const auto c = static_cast<std::size_t>(x(p.tSeconds) - left);
        column[c] = std::max(column[c], p.pauseSeconds);
    }
    for (std::size_t c = 0; c < column.size(); ++c) {
        if (column[c] < 0)
            continue;
        const int shade = static_cast<int>(std::lround(187 * (1 - std::clamp(column[c] / 1e-3, 0.0, 1.0))));
        char colour[16];
        std::snprintf(colour, sizeof colour, "#%02x%02x%02x", shade, shade, shade);
        svg += line(left + static_cast<double>(c), gcTop, left + static_cast<double>(c), gcTop + gcHeight,
            std::string("stroke=\"") + colour + "\"");
    }
    svg += bottomAxis(left, width, axisY, timeTicks(xAxis, x),
        m.pauses.empty() ? "time since start" : "time since start; collections below");
    return svg + "</svg>";
}

/// RSS − heap in use as a share of RSS over time, every benchmark whose heap is known on one chart.
std::string overheadChart(const std::vector<Shown>& shown, const NiceAxis& xAxis)
{
    double low = 0;
    std::vector<std::pair<const Shown*, std::vector<Point>>> curves;
    for (const auto& s : shown) {
        std::vector<Point> points;
        for (const auto& o : s.profile.overhead) {
            const double rss = valueAt(s.profile.rss, o.tSeconds).value_or(0);
            if (rss > 0 && std::isfinite(o.tSeconds)) {
                points.push_back({ o.tSeconds, 100.0 * static_cast<double>(o.bytes) / rss });
                low = std::min(low, points.back().y);
            }
        }
        if (!points.empty())
            curves.emplace_back(&s, std::move(points));
    }
    if (curves.empty())
        return {};
    const auto yAxis = niceAxis(std::max(low, -100.0), 100, 5);
    const double left = 56, width = 560, top = 10, plot = 180, axisY = top + plot, height = axisY + 40;
    const auto x
        = [&](double t) { return left + std::clamp((t - xAxis.min) / (xAxis.max - xAxis.min), 0.0, 1.0) * width; };
    const auto y
        = [&](double v) { return top + plot - std::clamp((v - yAxis.min) / (yAxis.max - yAxis.min), 0.0, 1.0) * plot; };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 660 " + number(height) + "\" width=\"660\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"RSS minus live heap, share of RSS\">";
    for (int t = 0; t < yAxis.tickCount(); ++t) {
        const double v = yAxis.min + yAxis.step * t;
        svg += line(left, y(v), left + width, y(v), "stroke=\"#e4e4e4\"");
        svg += text(left - 6, y(v) + 4, formatFixed(v, tickDecimals(yAxis)) + "%", "end");
    }
    for (const auto& [s, points] : curves) {
        std::vector<std::pair<double, double>> drawn;
        for (const auto& p : downsampleMinMax(points, static_cast<int>(width)))
            drawn.emplace_back(x(p.x), y(p.y));
        svg += polyline(drawn, "stroke=\"" + css(palette[s->index % palette.size()]) + "\" stroke-width=\"1.6\"");
    }
    svg += bottomAxis(left, width, axisY, timeTicks(xAxis, x), "time since start; (RSS − heap in use) / RSS");
    std::string legend = "<p class=\"legend\">";
    for (const auto& [s, points] : curves)
        legend += "<span class=\"swatch\" style=\"background:" + css(palette[s->index % palette.size()]) + "\"></span>"
            + xmlEscape(s->name);
    return svg + "</svg>\n" + legend + "</p>\n";
}
} // namespace

std::string memorySection(const Results& results)
{
    std::vector<Shown> shown;
    bool traced = false;
    double end = 0, peak = 0;
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
        auto profile = memoryProfile(results.benchmarks[i]);
        if (profile.empty())
            continue;
        // CPython's collections alone are drawn in the benchmark's own chart, as before.
        traced = traced || !profile.heapMethod.empty() || (!profile.gcMethod.empty() && profile.runtime != "python");
        for (const auto* curve : { &profile.rss, &profile.heap }) {
            for (const auto& p : *curve) {
                if (std::isfinite(p.tSeconds))
                    end = std::max(end, p.tSeconds);
                peak = std::max(peak, static_cast<double>(p.bytes) / mib);
            }
        }
        shown.push_back({ i, results.benchmarks[i].name, std::move(profile) });
    }
    if (!traced)
        return {};
    const auto xAxis = niceAxis(0, std::max(end, 1e-3), 5);
    const auto yAxis = niceAxis(0, std::max(peak, 1.0), 4);
    std::string html = "<h2>Memory</h2>\n<p class=\"caption\">Each benchmark's instrumented run (else its first "
                       "sampled run), on the same axes: RSS solid, the heap in use dashed, a tick below for each "
                       "garbage collection (darker for a longer pause, black from 1 ms).</p>\n<div class=\"pairs\">";
    for (const auto& s : shown)
        html += "<div class=\"multiple\">" + multiple(s, xAxis, yAxis) + "</div>";
    html += "</div>\n" + overheadChart(shown, xAxis);
    html += "<div class=\"scroll\"><table><tr><th>Benchmark</th>";
    for (const auto* column : memoryColumns)
        html += "<th>" + xmlEscape(column) + "</th>";
    html += "</tr>";
    for (const auto& s : shown) {
        html += "<tr><td>" + xmlEscape(s.name) + "</td>";
        const auto figures = memoryFigures(s.profile);
        for (std::size_t c = 0; c < figures.size(); ++c)
            html += std::string(c > 0 && c + 1 < figures.size() ? "<td class=\"num\">" : "<td>") + xmlEscape(figures[c])
                + "</td>";
        html += "</tr>";
    }
    return html
        + "</table></div>\n<p class=\"method\">The heap in use is counted by the heap shim (a native program; a "
          "Python script with Live heap, which then runs on the C library's malloc), where it is the live "
          "heap, or known at each collection's start and end from the runtime's own trace (Go, Java, "
          "Node.js) and drawn straight between them; there, the peak live heap is the most a collection "
          "found live. RSS − heap is the allocator's free memory and fragmentation, the runtime's own "
          "structures, code and stacks.</p>\n";
}

} // namespace pyrometer
