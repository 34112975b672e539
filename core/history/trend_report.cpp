#include "core/history/trend_report.h"

#include "core/formats/csv_export.h"
#include "core/formats/html_report.h"
#include "core/formats/markdown_export.h"
#include "core/formats/svg.h"
#include "core/formats/xml_escape.h"
#include "core/model/units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer {
namespace {

std::string shortCommit(const TrendPoint& p)
{
    return p.commit.empty() ? std::string("-") : p.commit.substr(0, 8) + (p.dirty ? "+" : "");
}

/// The ratio of each point's median to the one before that has a median; none for the first.
std::vector<std::optional<double>> ratios(const std::vector<TrendPoint>& points)
{
    std::vector<std::optional<double>> out;
    std::optional<double> before;
    for (const auto& p : points) {
        out.push_back(before && p.median && *before > 0 ? std::optional(*p.median / *before) : std::nullopt);
        if (p.median)
            before = p.median;
    }
    return out;
}

std::string percent(double ratio)
{
    char text[32];
    std::snprintf(text, sizeof text, "%+.1f%%", (ratio - 1) * 100);
    return text;
}

std::string interval(const TrendPoint& p)
{
    return p.ciLow && p.ciHigh ? formatDuration(*p.ciLow) + " … " + formatDuration(*p.ciHigh) : "too few runs";
}

/// "2026-11-01 09:10:00": a date as every tool writes it, to the second, in one width.
std::string shortDate(const std::string& iso)
{
    auto text = iso.substr(0, 19);
    if (text.size() > 10 && text[10] == 'T')
        text[10] = ' ';
    return text;
}

bool startsLevel(const TrendReport& trend, std::size_t i)
{
    return std::any_of(trend.changes.begin(), trend.changes.end(), [&](const TrendChange& c) { return c.index == i; });
}

} // namespace

std::string describeChange(const TrendReport& trend, const TrendChange& change)
{
    const auto& after = trend.points[change.index];
    std::size_t previous = change.index;
    while (previous > 0 && !trend.points[--previous].median) { }
    const auto& before = trend.points[previous];
    char p[32];
    std::snprintf(p, sizeof p, "%.3g", change.change.pValue);
    return percent(change.change.after / change.change.before) + " (" + formatDuration(change.change.before) + " → "
        + formatDuration(change.change.after) + ") from " + shortCommit(before) + " to " + shortCommit(after)
        + " (run sets " + std::to_string(before.runSet) + " → " + std::to_string(after.runSet) + "), p = " + p;
}

std::string trendText(const TrendReport& trend)
{
    std::string out = trend.benchmark + " in " + trend.store + ": " + std::to_string(trend.points.size()) + " run set"
        + (trend.points.size() == 1 ? "" : "s") + "\n";
    out += "  run set  measured             commit     branch      median       95% interval              change\n";
    const auto changes = ratios(trend.points);
    for (std::size_t i = 0; i < trend.points.size(); ++i) {
        const auto& p = trend.points[i];
        char line[512];
        std::snprintf(line, sizeof line, "  %7lld  %-19s  %-9s  %-10s  %-11s  %-24s  %s%s",
            static_cast<long long>(p.runSet), shortDate(p.measuredAt).c_str(), shortCommit(p).c_str(), p.branch.c_str(),
            p.median ? formatDuration(*p.median).c_str() : "no runs", interval(p).c_str(),
            changes[i] ? percent(*changes[i]).c_str() : "", startsLevel(trend, i) ? "  ◀ new level" : "");
        std::string text = line;
        text.erase(text.find_last_not_of(' ') + 1); // no trailing blanks where there is no change
        out += text + "\n";
    }
    if (trend.changes.empty())
        out += "No change of level of 2% or more (E-Divisive, p ≤ 0.01, at least 5 run sets a level).\n";
    else
        for (const auto& change : trend.changes)
            out += "Change of level: " + describeChange(trend, change) + "\n";
    return out;
}

std::string trendCsv(const TrendReport& trend)
{
    std::string csv = "run_set,measured_at,commit,dirty,branch,commit_date,host,runs,median_s,ci_low_s,ci_high_s,"
                      "change,level_change\n";
    const auto changes = ratios(trend.points);
    const auto value = [](std::optional<double> v) {
        if (!v)
            return std::string();
        char text[32];
        std::snprintf(text, sizeof text, "%.9g", *v);
        return std::string(text);
    };
    for (std::size_t i = 0; i < trend.points.size(); ++i) {
        const auto& p = trend.points[i];
        csv += std::to_string(p.runSet) + "," + csvCell(p.measuredAt) + "," + csvCell(p.commit) + ","
            + (p.dirty ? "1" : "0") + "," + csvCell(p.branch) + "," + csvCell(p.commitDate) + "," + csvCell(p.host)
            + "," + std::to_string(p.runs) + "," + value(p.median) + "," + value(p.ciLow) + "," + value(p.ciHigh) + ","
            + value(changes[i]) + "," + (startsLevel(trend, i) ? "1" : "0") + "\n";
    }
    return csv;
}

std::string trendJson(const TrendReport& trend)
{
    using Json = nlohmann::ordered_json;
    const auto optional = [](std::optional<double> v) { return v ? Json(*v) : Json(nullptr); };
    Json points = Json::array();
    for (const auto& p : trend.points)
        points.push_back({ { "run_set", p.runSet }, { "measured_at", p.measuredAt }, { "commit", p.commit },
            { "dirty", p.dirty }, { "branch", p.branch }, { "commit_date", p.commitDate }, { "subject", p.subject },
            { "host", p.host }, { "runs", p.runs }, { "median_s", optional(p.median) },
            { "ci_low_s", optional(p.ciLow) }, { "ci_high_s", optional(p.ciHigh) } });
    Json changes = Json::array();
    for (const auto& c : trend.changes)
        changes.push_back({ { "run_set", trend.points[c.index].runSet }, { "commit", trend.points[c.index].commit },
            { "before_s", c.change.before }, { "after_s", c.change.after },
            { "relative_change", c.change.relativeChange() }, { "p_value", c.change.pValue },
            { "statistic", c.change.statistic } });
    const Json document { { "schema", "pyrometer.trend/1" }, { "benchmark", trend.benchmark }, { "store", trend.store },
        { "method",
            "E-Divisive with means (Matteson & James 2014) over the medians; permutation test, p <= 0.01; "
            "at least 5 run sets a level" },
        { "points", points }, { "changes", changes } };
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string trendMarkdown(const TrendReport& trend)
{
    std::string md = "## " + markdownEscape(trend.benchmark) + "\n\n"
        + "| Run set | Measured | Commit | Branch | Median | 95% interval | Change |\n"
        + "| ---: | --- | --- | --- | ---: | --- | ---: |\n";
    const auto changes = ratios(trend.points);
    for (std::size_t i = 0; i < trend.points.size(); ++i) {
        const auto& p = trend.points[i];
        md += "| " + std::to_string(p.runSet) + " | " + markdownEscape(p.measuredAt) + " | "
            + markdownEscape(shortCommit(p)) + " | " + markdownEscape(p.branch) + " | "
            + (p.median ? formatDuration(*p.median) : "no runs") + " | " + interval(p) + " | "
            + (changes[i] ? percent(*changes[i]) : "") + (startsLevel(trend, i) ? " **new level**" : "") + " |\n";
    }
    md += "\n";
    for (const auto& change : trend.changes)
        md += "- Change of level: " + markdownEscape(describeChange(trend, change)) + "\n";
    if (trend.changes.empty())
        md += "No change of level of 2% or more (E-Divisive, p ≤ 0.01, at least 5 run sets a level).\n";
    return md;
}

std::string trendHtml(const TrendReport& trend)
{
    using namespace svg;
    std::string html = htmlPageStart("Pyrometer trend: " + trend.benchmark) + "<h1>" + xmlEscape(trend.benchmark)
        + "</h1>\n<p>" + std::to_string(trend.points.size()) + " run set" + (trend.points.size() == 1 ? "" : "s")
        + " in " + xmlEscape(trend.store) + "</p>\n";
    double low = INFINITY, high = 0;
    for (const auto& p : trend.points) {
        if (!p.median)
            continue;
        low = std::min({ low, *p.median, p.ciLow.value_or(*p.median) });
        high = std::max({ high, *p.median, p.ciHigh.value_or(*p.median) });
    }
    if (high > 0) {
        const auto axis = niceAxis(low, high);
        const auto labels = durationTicks(axis);
        const double left = 80, width = 560, top = 10, height = 220;
        const double count = double(std::max<std::size_t>(trend.points.size(), 2) - 1);
        const auto x = [&](std::size_t i) { return left + width * double(i) / count; };
        const auto y = [&](double t) { return top + height - height * (t - axis.min) / (axis.max - axis.min); };
        std::string chart = "<svg class=\"chart\" viewBox=\"0 0 660 280\" width=\"660\" height=\"280\" role=\"img\" "
                            "aria-label=\"Median of each run set, oldest first\">";
        for (int t = 0; t < axis.tickCount(); ++t) {
            const double v = axis.min + axis.step * t;
            chart += line(left, y(v), left + width, y(v), "stroke=\"#e4e4e4\"");
            chart += text(left - 6, y(v) + 4, xmlEscape(labels[std::size_t(t)]), "end");
        }
        std::vector<std::pair<double, double>> upper, lower, medians;
        for (std::size_t i = 0; i < trend.points.size(); ++i) {
            const auto& p = trend.points[i];
            if (!p.median)
                continue;
            medians.emplace_back(x(i), y(*p.median));
            upper.emplace_back(x(i), y(p.ciHigh.value_or(*p.median)));
            lower.emplace_back(x(i), y(p.ciLow.value_or(*p.median)));
        }
        std::string band = "<polygon fill=\"" + css(palette[0]) + "\" fill-opacity=\"0.15\" points=\"";
        for (const auto& [px, py] : upper)
            band += number(px) + "," + number(py) + " ";
        for (auto it = lower.rbegin(); it != lower.rend(); ++it)
            band += number(it->first) + "," + number(it->second) + " ";
        chart += band + "\"/>";
        chart += polyline(medians, "fill=\"none\" stroke=\"" + css(palette[0]) + "\" stroke-width=\"1.5\"");
        if (medians.size() <= 400)
            for (const auto& [px, py] : medians)
                chart += circle(px, py, 2.5, "fill=\"" + css(palette[0]) + "\"");
        // Each level between changes, as a step at its median.
        std::size_t begin = 0;
        for (std::size_t k = 0; k <= trend.changes.size(); ++k) {
            const std::size_t end = k < trend.changes.size() ? trend.changes[k].index : trend.points.size();
            if (!trend.changes.empty() && end > begin) {
                const double level
                    = k < trend.changes.size() ? trend.changes[k].change.before : trend.changes.back().change.after;
                chart += line(x(begin), y(level), x(end - 1), y(level),
                    "stroke=\"" + css(palette[5]) + "\" stroke-width=\"2\" stroke-dasharray=\"6 3\"");
            }
            if (k < trend.changes.size())
                chart += line(x(end), top, x(end), top + height, "stroke=\"" + css(palette[5]) + "\"");
            begin = end;
        }
        std::vector<std::pair<double, std::string>> ticks;
        const std::size_t every = std::max<std::size_t>(1, trend.points.size() / 6);
        for (std::size_t i = 0; i < trend.points.size(); i += every)
            ticks.emplace_back(x(i), std::to_string(trend.points[i].runSet));
        chart += bottomAxis(left, width, top + height, ticks, "run set, oldest first");
        html += chart + "</svg>\n";
    }
    html += "<h2>Changes of level</h2>\n";
    if (trend.changes.empty())
        html += "<p>None found (E-Divisive with means, permutation test at p ≤ 0.01, at least 5 run sets a "
                "level).</p>\n";
    else {
        html += "<ul>\n";
        for (const auto& change : trend.changes)
            html += "<li>" + xmlEscape(describeChange(trend, change)) + "</li>\n";
        html += "</ul>\n";
    }
    html += "<h2>Run sets</h2>\n<table><tr><th>Run set</th><th>Measured</th><th>Commit</th><th>Branch</th>"
            "<th>Median</th><th>95% interval</th><th>Change</th></tr>\n";
    const auto changes = ratios(trend.points);
    for (std::size_t i = 0; i < trend.points.size(); ++i) {
        const auto& p = trend.points[i];
        html += "<tr><td>" + std::to_string(p.runSet) + "</td><td>" + xmlEscape(p.measuredAt) + "</td><td title=\""
            + xmlEscape(p.subject) + "\">" + xmlEscape(shortCommit(p)) + "</td><td>" + xmlEscape(p.branch) + "</td><td>"
            + (p.median ? formatDuration(*p.median) : "no runs") + "</td><td>" + interval(p) + "</td><td>"
            + (changes[i] ? percent(*changes[i]) : "") + (startsLevel(trend, i) ? " (new level)" : "") + "</td></tr>\n";
    }
    return html + "</table>\n<p class=\"method\">Written by Pyrometer.</p>\n</body></html>\n";
}

} // namespace pyrometer
