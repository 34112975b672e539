#include "core/formats/html_scaling.h"

#include "core/formats/svg.h"
#include "core/formats/xml_escape.h"
#include "core/model/units.h"
#include "core/stats/scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer {

using namespace svg;

std::string scalingSection(const Results& results)
{
    auto curves = scalingCurves(results);
    std::erase_if(curves, [](const ScalingCurve& c) {
        return std::none_of(c.points.begin(), c.points.end(), [](const ScalingPoint& p) { return p.median > 0; });
    });
    if (curves.empty())
        return {};
    std::string html = "<h2>Scaling</h2>\n";
    double lowN = INFINITY, highN = 0, lowT = INFINITY, highT = 0;
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const auto& curve = curves[c];
        const auto& a = curve.analysis;
        html += "<p><span style=\"color:" + css(palette[c % palette.size()]) + "\">■</span> " + xmlEscape(curve.name)
            + " (time per " + (curve.perCall ? "call" : "run") + " against " + xmlEscape(curve.parameter) + "): "
            + xmlEscape(
                a.decided() ? describeFit(*a.best()) + " (" + describeQuality(a) + ")" : "cannot tell: " + a.undecided)
            + "</p>\n";
        for (const auto& p : curve.points) {
            if (!(p.median > 0) || !std::isfinite(p.median))
                continue;
            const auto [low, high] = medianInterval(p);
            lowN = std::min(lowN, p.n);
            highN = std::max(highN, p.n);
            lowT = std::min(lowT, low);
            highT = std::max(highT, std::isfinite(high) ? high : p.median);
        }
    }
    const auto xAxis = logAxis(lowN, highN), yAxis = logAxis(lowT, highT);
    const double left = 80, width = 560, top = 10, height = 240;
    const auto x = [&](double n) {
        return left
            + width * std::log(std::clamp(n, xAxis.from, xAxis.to) / xAxis.from) / std::log(xAxis.to / xAxis.from);
    };
    const auto y = [&](double t) {
        return top + height
            - height * std::log(std::clamp(t, yAxis.from, yAxis.to) / yAxis.from) / std::log(yAxis.to / yAxis.from);
    };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 660 300\" width=\"660\" height=\"300\" role=\"img\" "
                      "aria-label=\"Median against size, log–log\">";
    for (const double t : yAxis.ticks) {
        svg += line(left, y(t), left + width, y(t), "stroke=\"#e4e4e4\"");
        svg += text(left - 6, y(t) + 4, xmlEscape(durationTick(t)), "end");
    }
    std::vector<std::pair<double, std::string>> ticks;
    for (const double n : xAxis.ticks) {
        svg += line(x(n), top, x(n), top + height, "stroke=\"#e4e4e4\"");
        char label[32];
        std::snprintf(label, sizeof label, n >= 1 ? "%.0f" : "%g", n);
        ticks.emplace_back(x(n), label);
    }
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const auto& curve = curves[c];
        const auto colour = css(palette[c % palette.size()]);
        if (curve.analysis.decided()) {
            const auto& fit = *curve.analysis.best();
            std::vector<std::pair<double, double>> points;
            const double from = curve.points.front().n, to = curve.points.back().n;
            for (int s = 0; s <= 24; ++s) {
                const double n = from * std::pow(to / from, s / 24.0);
                if (const double t = fit.predict(n); t > 0 && std::isfinite(t))
                    points.emplace_back(x(n), y(t));
            }
            svg += polyline(points, "stroke=\"" + colour + "\" stroke-width=\"2\"");
        }
        for (std::size_t i = 0; i < curve.points.size(); ++i) {
            const auto& p = curve.points[i];
            if (!(p.median > 0) || !std::isfinite(p.median))
                continue;
            const auto [low, high] = medianInterval(p);
            svg += "<g><title>" + xmlEscape(results.benchmarks[curve.pointBenchmarks[i]].name) + ": median "
                + xmlEscape(formatDuration(p.median)) + " (95% interval " + xmlEscape(formatDuration(low)) + " … "
                + xmlEscape(formatDuration(high)) + ")</title>";
            svg += line(x(p.n), y(low), x(p.n), y(high), "stroke=\"" + colour + "\" stroke-width=\"1.5\"");
            svg += circle(x(p.n), y(p.median), 4, "fill=\"" + colour + "\"");
            svg += "</g>";
        }
    }
    svg += bottomAxis(left, width, top + height, ticks, "size and time, both on logarithmic scales");
    return html + svg + "</svg>\n";
}

} // namespace pyrometer
