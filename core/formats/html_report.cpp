#include "core/formats/html_report.h"
#include "core/formats/html_memory.h"
#include "core/formats/html_scaling.h"

#include "core/formats/svg.h"
#include "core/formats/xml_escape.h"
#include "core/model/short_names.h"
#include "core/model/units.h"
#include "core/probe/probe_summary.h"
#include "core/stats/benchmark_summary.h"
#include "core/stats/chart_math.h"
#include "core/stats/findings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pyrometer {
namespace {
using namespace svg;

constexpr const char* style = R"(
body { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 1180px; padding: 0 1em;
       color: #1d1d1d; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; margin: 1.5em 0 .3em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { padding: .25em .5em; border-bottom: 1px solid #ddd; }
.scroll { overflow-x: auto; } .scroll table { font-size: 13px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { text-align: left; } .env tr.differs td { background: #fde3d2; }
.verdict { display: inline-block; padding: 0 .5em; border-radius: .8em; color: #fff; }
.warning { border-left: 4px solid #D55E00; background: #fff4ec; padding: .5em 1em; margin: 1em 0; }
.method, .legend, .caption { color: #555; } .chart { max-width: 100%; height: auto; font-size: 11px; fill: #333; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .3em 0 1em; }
.pairs { display: flex; flex-wrap: wrap; gap: 1.5em; } .pair { flex: 0 1 460px; } .multiple { flex: 0 1 360px; }
.failed td { color: #a33; } code { font-size: 12px; overflow-wrap: anywhere; }
)";

constexpr std::uint32_t failureRgb = 0xD55E00;

std::string cell(const std::string& text, bool number = true)
{
    return std::string(number ? "<td class=\"num\">" : "<td>") + text + "</td>";
}

std::string capitalised(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

/// What needs the reader's attention before any figure.
std::string findings(const Results& results, const std::vector<BenchmarkSummary>& summaries)
{
    std::vector<std::string> items;
    if (!results.complete)
        items.push_back("<b>Incomplete</b>: the run was stopped before all runs were done.");
    for (const auto& note : results.notes)
        items.push_back(xmlEscape(note));
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto& benchmark = results.benchmarks[i];
        const auto& s = summaries[i];
        const auto name = "<b>" + xmlEscape(benchmark.name) + "</b>";
        if (benchmark.failure)
            items.push_back(name + " stopped: " + xmlEscape(*benchmark.failure));
        if (s.failedRuns > 0)
            items.push_back(name + ": " + std::to_string(s.failedRuns) + " of "
                + std::to_string(benchmark.measuredRuns()) + " runs failed and are left out of the statistics.");
        if (s.wall.n > 0 && benchmark.measured.wall) {
            if (const auto advice = outlierAdvice(s.wall); !advice.empty())
                items.push_back(name + ": " + xmlEscape(advice));
        }
        if (benchmark.probe && !benchmark.probe->missing.empty())
            items.push_back(name + " was not probed: " + xmlEscape(benchmark.probe->missing));
    }
    for (const auto& finding : pyrometer::findings(results)) {
        std::string item = finding.benchmark == Finding::wholeRun
            ? xmlEscape(capitalised(finding.what))
            : "<b>" + xmlEscape(results.benchmarks[finding.benchmark].name) + "</b>: " + xmlEscape(finding.what);
        item += " <span class=\"evidence\">(" + xmlEscape(finding.evidence) + ")</span>";
        if (!finding.advice.empty())
            item += "<br>→ " + xmlEscape(finding.advice);
        items.push_back(item);
    }
    if (items.empty())
        return {};
    std::string html = "<div class=\"warning\"><b>Findings</b><ul>";
    for (const auto& item : items)
        html += "<li>" + item + "</li>";
    return html + "</ul></div>\n";
}

std::string summaryTable(const Results& results, const std::vector<BenchmarkSummary>& summaries)
{
    const auto best = fastest(summaries);
    std::vector<std::string> names;
    for (const auto& benchmark : results.benchmarks)
        names.push_back(benchmark.name);
    const auto labels = shortNames(names, 40);
    std::string html = "<div class=\"scroll\"><table><tr><th>Benchmark</th><th>Median</th><th>95% CI of "
                       "median</th><th>Mean ± σ</th><th>CV</th><th>Min … Max</th><th>User</th><th>System</th>"
                       "<th>Peak RSS</th><th>Runs</th><th>Relative</th></tr>\n";
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto& benchmark = results.benchmarks[i];
        const auto& s = summaries[i];
        const auto& w = s.wall;
        const auto& measured = benchmark.measured;
        const bool failed = s.failed || w.n == 0;
        html += std::string(failed ? "<tr class=\"failed\">" : "<tr>") + "<td title=\"" + xmlEscape(benchmark.name)
            + "\">" + xmlEscape(labels[i]) + "</td>";
        if (w.n == 0 && benchmark.stated && benchmark.stated->hasWall()) {
            const auto& stated = *benchmark.stated;
            const auto unit = durationUnitFor(stated.median.value_or(stated.mean.value_or(0)));
            const auto shown = [&](const std::optional<double>& v) { return v ? formatDuration(*v, unit) : "—"; };
            html += cell(shown(stated.median) + " (stated)") + cell("—")
                + cell(shown(stated.mean) + (stated.stddev ? " ± " + formatDuration(*stated.stddev, unit) : ""))
                + cell("—") + cell(stated.min && stated.max ? shown(stated.min) + " … " + shown(stated.max) : "—")
                + cell("—") + cell("—") + cell("—")
                + cell(stated.runs ? std::to_string(*stated.runs) + " (summary only)" : "—") + cell("") + "</tr>\n";
            continue;
        }
        if (w.n == 0) {
            html += "<td colspan=\"8\">no successful run</td>" + cell(std::to_string(s.failedRuns) + " failed")
                + cell("") + "</tr>\n";
            continue;
        }
        const auto unit = durationUnitFor(w.median);
        if (measured.wall) {
            html += cell(formatDuration(w.median, unit))
                + cell(w.medianCiLow
                        ? formatDuration(*w.medianCiLow, unit) + " … " + formatDuration(*w.medianCiHigh, unit)
                        : "too few runs")
                + cell(formatDuration(w.mean, unit) + (w.n > 1 ? " ± " + formatDuration(w.stddev, unit) : ""))
                + cell(w.n > 1 ? formatPercent(w.cv) : "—")
                + cell(formatDuration(w.min, unit) + " … " + formatDuration(w.max, unit));
        } else {
            html += "<td colspan=\"5\">no wall time (memory alone)</td>";
        }
        if (measured.cpu && !measured.cpuSplit)
            html += "<td class=\"num\" colspan=\"2\">" + formatDuration(s.userMedian, unit) + " (user + system)</td>";
        else if (measured.cpu)
            html += cell(formatDuration(s.userMedian, unit)) + cell(formatDuration(s.sysMedian, unit));
        else
            html += cell("—") + cell("—");
        html += cell(measured.memory ? formatBytes(s.maxRssMedian) : "—");
        html += cell(std::to_string(w.n) + (s.failedRuns ? " (+" + std::to_string(s.failedRuns) + " failed)" : ""));
        std::string relative = "—";
        if (measured.wall && best && summaries[*best].wall.median > 0) {
            char text[32];
            std::snprintf(text, sizeof text, "%.2f", w.median / summaries[*best].wall.median);
            relative = text;
        }
        html += cell(relative) + "</tr>\n";
    }
    return html
        + "</table></div>\n<p class=\"method\">Median, quartiles and interval of successful measured runs "
          "(warmups left out); the interval is distribution-free, from order statistics. CV: standard "
          "deviation / mean. Relative: median / the fastest median.</p>\n";
}

/// Every benchmark's median with its 95% interval on one axis, logarithmic when the medians differ by more than
/// ten times, so that a 10 ms script and a 1 s one both show.
std::string mediansChart(const Results& results, const std::vector<BenchmarkSummary>& summaries)
{
    std::vector<std::size_t> shown;
    std::vector<std::string> names;
    double low = INFINITY, high = 0;
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto& w = summaries[i].wall;
        if (w.n == 0 || !results.benchmarks[i].measured.wall || !(w.median > 0) || !std::isfinite(w.median))
            continue;
        shown.push_back(i);
        names.push_back(results.benchmarks[i].name);
        // The axis spans the medians and their intervals, but only where a logarithmic axis can go: an interval
        // reaching down to zero, or up to infinity, is drawn clipped at the axis end.
        const double ciLow = w.medianCiLow.value_or(w.median), ciHigh = w.medianCiHigh.value_or(w.median);
        low = std::min(low, ciLow > 0 ? ciLow : w.median);
        high = std::max(high, std::isfinite(ciHigh) ? ciHigh : w.median);
    }
    if (shown.size() < 2)
        return {};
    const auto labels = shortNames(names, 30);
    const bool logarithmic = high / low > 10;
    const double left = 210, width = 420, rowHeight = 22, top = 6;
    const double height = top + rowHeight * static_cast<double>(shown.size()) + 44;
    std::vector<double> ticks;
    double from = low, to = high;
    if (logarithmic) {
        const auto axis = logAxis(low, high);
        from = axis.from;
        to = axis.to;
        ticks = axis.ticks;
    } else {
        const auto axis = niceAxis(0, high, 6);
        from = 0;
        to = axis.max;
        for (int t = 0; t < axis.tickCount(); ++t)
            ticks.push_back(axis.min + axis.step * t);
    }
    const auto x = [&](double seconds) {
        seconds = std::clamp(seconds, from, to);
        const double f = logarithmic ? std::log(seconds / from) / std::log(to / from) : (seconds - from) / (to - from);
        return left + f * width;
    };
    NiceAxis linear {};
    if (!logarithmic)
        linear = niceAxis(0, high, 6);
    const auto linearLabels = durationTicks(linear);
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 660 " + number(height) + "\" width=\"660\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"Median wall time of each benchmark\">";
    const double axisY = top + rowHeight * static_cast<double>(shown.size()) + 4;
    for (const double t : ticks)
        svg += line(x(t), top, x(t), axisY, "stroke=\"#e4e4e4\"");
    for (std::size_t row = 0; row < shown.size(); ++row) {
        const auto& w = summaries[shown[row]].wall;
        const double y = top + rowHeight * (static_cast<double>(row) + 0.5);
        const auto colour = css(palette[shown[row] % palette.size()]);
        svg += "<g><title>" + xmlEscape(names[row]) + ": median " + xmlEscape(formatDuration(w.median))
            + (w.medianCiLow ? " (95% CI " + xmlEscape(formatDuration(*w.medianCiLow)) + " … "
                        + xmlEscape(formatDuration(*w.medianCiHigh)) + ")"
                             : std::string())
            + "</title>";
        svg += text(left - 8, y + 4, xmlEscape(labels[row]), "end");
        if (w.medianCiLow)
            svg += line(x(*w.medianCiLow), y, x(*w.medianCiHigh), y, "stroke=\"" + colour + "\" stroke-width=\"2\"");
        svg += circle(x(w.median), y, 4.5, "fill=\"" + colour + "\"");
        svg += "</g>";
    }
    std::vector<std::pair<double, std::string>> axisTicks;
    for (std::size_t t = 0; t < ticks.size(); ++t)
        axisTicks.emplace_back(x(ticks[t]), logarithmic ? durationTick(ticks[t]) : linearLabels[t]);
    svg += bottomAxis(left, width, axisY, axisTicks,
        std::string("median wall time, 95% interval") + (logarithmic ? " (logarithmic scale)" : ""));
    return svg + "</svg>";
}

/// The wall time of each measured run in the order they ran, failed runs as crosses along the bottom, and the
/// median as a line. Past 1,000 runs each pixel column keeps its lowest and highest run.
std::string runsChart(const BenchmarkResult& benchmark, std::uint32_t rgb)
{
    std::vector<Point> done;
    std::vector<double> failed;
    std::size_t number = 0;
    for (const auto& run : benchmark.runs) {
        if (run.warmup)
            continue;
        ++number;
        if (run.succeeded())
            done.push_back({ static_cast<double>(number), toSeconds(run.wall) });
        else
            failed.push_back(static_cast<double>(number));
    }
    if (done.empty())
        return {};
    std::vector<double> sorted;
    for (const auto& p : done)
        sorted.push_back(p.y);
    std::sort(sorted.begin(), sorted.end());
    const double median = quantile(sorted, 0.5);
    const auto yAxis = niceAxis(sorted.front(), sorted.back(), 5);
    const auto xAxis = countAxis(1, std::max<double>(static_cast<double>(number), 2), 6);
    const double left = 64, width = 370, top = 8, plot = 150;
    const auto x = [&](double n) { return left + (n - xAxis.min) / (xAxis.max - xAxis.min) * width; };
    const auto y = [&](double s) {
        return yAxis.max > yAxis.min ? top + plot - (s - yAxis.min) / (yAxis.max - yAxis.min) * plot : top + plot / 2;
    };
    const auto yLabels = durationTicks(yAxis);
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 460 214\" width=\"460\" height=\"214\" role=\"img\" "
                      "aria-label=\"Wall time per run\">";
    for (int t = 0; t < yAxis.tickCount(); ++t) {
        const double v = yAxis.min + yAxis.step * t;
        svg += line(left, y(v), left + width, y(v), "stroke=\"#e4e4e4\"");
        svg += text(left - 6, y(v) + 4, yLabels[std::size_t(t)], "end");
    }
    const auto colour = css(rgb);
    const bool many = done.size() > 1000;
    const auto points = many ? downsampleMinMax(done, static_cast<int>(width)) : done;
    const std::string dot = "fill=\"" + colour + (many || done.size() > 300 ? "\" fill-opacity=\"0.45\"" : "\"");
    for (const auto& p : points)
        svg += circle(x(p.x), y(p.y), many || done.size() > 300 ? 1.3 : 2.5, dot);
    for (const double n : failed) {
        const double cx = x(n), cy = top + plot - 4;
        const std::string stroke = "stroke=\"" + css(failureRgb) + "\" stroke-width=\"1.5\"";
        svg += "<g><title>run " + std::to_string(static_cast<long long>(n)) + " failed</title>"
            + line(cx - 3, cy - 3, cx + 3, cy + 3, stroke) + line(cx - 3, cy + 3, cx + 3, cy - 3, stroke) + "</g>";
    }
    svg += line(left, y(median), left + width, y(median), "stroke=\"#333\" stroke-dasharray=\"5 3\"");
    svg += text(left + width, y(median) - 4, "median " + xmlEscape(formatDuration(median)), "end");
    const double axisY = top + plot;
    std::vector<std::pair<double, std::string>> ticks;
    for (int t = 0; t < xAxis.tickCount(); ++t) {
        const double v = xAxis.min + xAxis.step * t;
        ticks.emplace_back(x(v), std::to_string(std::llround(v)));
    }
    svg += bottomAxis(left, width, axisY, ticks,
        std::string("run (warmups left out)") + (failed.empty() ? "" : "; × failed run")
            + (many ? "; lowest and highest per pixel" : ""));
    return svg + "</svg>";
}

/// Resident memory over the time of one run, with each garbage collection as a tick below the curve (darker for
/// older generations).
std::string memoryChart(const BenchmarkResult& benchmark, std::uint32_t rgb)
{
    const RunRecord* run = nullptr;
    const std::vector<GcEvent>* gc = nullptr;
    if (benchmark.probe) {
        if (const auto* probed = benchmark.probe->runWith("gc");
            probed && probed->run.timeline && !probed->run.timeline->samples.empty()) {
            run = &probed->run;
            gc = benchmark.probe->gcEvents ? &*benchmark.probe->gcEvents : nullptr;
        }
    }
    for (const auto& r : benchmark.runs) {
        if (!run && !r.warmup && r.timeline && !r.timeline->samples.empty())
            run = &r;
    }
    if (!run)
        return {};
    const auto& samples = run->timeline->samples;
    std::vector<Point> points;
    double peak = 0, end = 0;
    for (const auto& s : samples) {
        if (!std::isfinite(s.tSeconds))
            continue; // a file's word is not trusted
        points.push_back({ s.tSeconds, static_cast<double>(s.rssBytes) });
        peak = std::max(peak, static_cast<double>(s.rssBytes));
        end = std::max(end, static_cast<double>(s.tSeconds));
    }
    end = std::max(end, toSeconds(run->wall));
    const double mib = 1024.0 * 1024.0;
    const auto yAxis = niceAxis(0, std::max(peak / mib, 1.0), 5);
    const auto xAxis = niceAxis(0, std::max(end, 1e-3), 6);
    const double left = 64, width = 370, top = 8, plot = 130, gcTop = top + plot + 6,
                 gcHeight = gc && !gc->empty() ? 14 : 0;
    const auto x = [&](double t) { return left + (t - xAxis.min) / (xAxis.max - xAxis.min) * width; };
    const auto y = [&](double bytes) { return top + plot - bytes / mib / yAxis.max * plot; };
    const double axisY = gcTop + gcHeight;
    const double height = axisY + 40;
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 460 " + number(height) + "\" width=\"460\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"Memory over time\">";
    for (int t = 0; t < yAxis.tickCount(); ++t) {
        const double v = yAxis.min + yAxis.step * t;
        char label[32];
        std::snprintf(label, sizeof label, "%.*f MiB", tickDecimals(yAxis), v);
        svg += line(left, y(v * mib), left + width, y(v * mib), "stroke=\"#e4e4e4\"");
        svg += text(left - 6, y(v * mib) + 4, label, "end");
    }
    std::vector<std::pair<double, double>> curve;
    for (const auto& p : downsampleMinMax(points, static_cast<int>(width)))
        curve.emplace_back(x(p.x), y(p.y));
    svg += polyline(curve, "stroke=\"" + css(rgb) + "\" stroke-width=\"1.8\"");
    if (gc) {
        // One tick per pixel column and generation, the oldest generation on top.
        std::vector<int> column(static_cast<std::size_t>(width) + 1, -1);
        for (const auto& event : *gc) {
            if (!std::isfinite(event.tSeconds))
                continue;
            const auto c = static_cast<std::size_t>(std::clamp((x(event.tSeconds) - left), 0.0, width));
            column[c] = std::max(column[c], event.generation);
        }
        static constexpr const char* shades[] = { "#bbb", "#777", "#222" };
        for (std::size_t c = 0; c < column.size(); ++c) {
            if (column[c] >= 0)
                svg += line(left + static_cast<double>(c), gcTop, left + static_cast<double>(c), gcTop + gcHeight,
                    std::string("stroke=\"") + shades[std::clamp(column[c], 0, 2)] + "\"");
        }
    }
    const auto xLabels = durationTicks(xAxis);
    std::vector<std::pair<double, std::string>> ticks;
    for (int t = 0; t < xAxis.tickCount(); ++t)
        ticks.emplace_back(x(xAxis.min + xAxis.step * t), xLabels[std::size_t(t)]);
    svg += bottomAxis(left, width, axisY, ticks,
        std::string("time since start; RSS")
            + (!gc                ? ""
                    : gc->empty() ? "; no garbage collection"
                                  : ", garbage collections below (darker: older generation)"));
    return svg + "</svg>";
}

std::string location(const ProfileFunction& f)
{
    return f.file == "~" ? std::string("built-in") : f.file + ":" + std::to_string(f.line);
}

/// Garbage collections per generation, the functions with the most time of their own, the largest allocation
/// sites: what the instrumented runs saw.
std::string insideTables(const ProbeData& probe)
{
    std::string html;
    if (probe.gcEvents && !probe.gcEvents->empty()) {
        html += "<table><tr><th>Garbage collections</th><th>Collections</th><th>Paused</th><th>Collected</th>"
                "<th>Uncollectable</th></tr>";
        const auto generations = summarizeGc(*probe.gcEvents);
        for (std::size_t g = 0; g < generations.size(); ++g) {
            const auto& s = generations[g];
            html += "<tr><td>generation " + std::to_string(g) + "</td>" + cell(std::to_string(s.collections))
                + cell(formatDuration(s.pauseSeconds)) + cell(std::to_string(s.collected))
                + cell(std::to_string(s.uncollectable)) + "</tr>";
        }
        html += "</table>";
        if (probe.gcEventsDropped > 0)
            html += "<p class=\"caption\">" + std::to_string(probe.gcEventsDropped)
                + " more collections were not recorded.</p>";
    }
    if (probe.profile && !probe.profile->functions.empty()) {
        html += "<div class=\"scroll\"><table><tr><th>Function</th><th>Where</th><th>Own time</th><th>With "
                "callees</th><th>Calls</th></tr>";
        for (const auto i : topFunctions(*probe.profile, 10)) {
            const auto& f = probe.profile->functions[i];
            html += "<tr>" + cell(xmlEscape(f.name), false) + cell("<code>" + xmlEscape(location(f)) + "</code>", false)
                + cell(formatDuration(f.totalSeconds)) + cell(formatDuration(f.cumulativeSeconds))
                + cell(std::to_string(f.calls)) + "</tr>";
        }
        html += "</table></div><p class=\"caption\">The functions with the most time of their own (up to ten), "
                "from one profiled run (cProfile).</p>";
    }
    if (probe.tracemalloc) {
        const auto& a = *probe.tracemalloc;
        html += "<p>Traced memory: peak " + formatBytes(static_cast<double>(a.peakBytes)) + ", "
            + formatBytes(static_cast<double>(a.currentBytes)) + " in " + std::to_string(a.blocks)
            + " blocks still live at the end.</p>";
        if (!a.top.empty()) {
            html += "<table><tr><th>Allocated at</th><th>Live</th><th>Blocks</th></tr>";
            for (std::size_t i = 0; i < std::min<std::size_t>(10, a.top.size()); ++i) {
                const auto& site = a.top[i];
                html += "<tr>"
                    + cell("<code>" + xmlEscape(site.file + ":" + std::to_string(site.line)) + "</code>", false)
                    + cell(formatBytes(static_cast<double>(site.sizeBytes))) + cell(std::to_string(site.count))
                    + "</tr>";
            }
            html += "</table>";
        }
    }
    return html;
}

/// How a benchmark was run: its command, interpreter and where its source stands in git.
std::string howRun(const BenchmarkResult& benchmark)
{
    std::string text;
    if (!benchmark.command.empty()) {
        std::string command;
        for (const auto& word : benchmark.command)
            command += (command.empty() ? "" : " ") + word;
        text += "<code>" + xmlEscape(command) + "</code>";
    }
    if (benchmark.interpreter && !benchmark.interpreter->version.empty())
        text += (text.empty() ? "" : "<br>")
            + xmlEscape(benchmark.interpreter->implementation + " " + benchmark.interpreter->version + " ("
                + benchmark.interpreter->path + ")");
    if (benchmark.git)
        text += (text.empty() ? "" : "<br>") + std::string("git ")
            + xmlEscape(benchmark.git->commit.substr(0, 12) + " on " + benchmark.git->branch)
            + (benchmark.git->dirty ? " with uncommitted changes" : "");
    for (const auto& [key, value] : benchmark.parameters)
        text += (text.empty() ? "" : "<br>") + xmlEscape(key + " = " + value);
    return text.empty() ? text : "<p class=\"caption\">" + text + "</p>";
}

std::string benchmarkSection(const BenchmarkResult& benchmark, std::size_t index)
{
    const auto rgb = palette[index % palette.size()];
    std::string html = "<h3><span class=\"swatch\" style=\"margin-left:0;background:" + css(rgb) + "\"></span>"
        + xmlEscape(benchmark.name) + "</h3>\n" + howRun(benchmark);
    std::string charts;
    if (benchmark.measured.wall) {
        const std::array<Sample, 1> sample { Sample { successfulWallSeconds(benchmark), rgb } };
        const auto distribution = distributionChart(sample, "Distribution of the wall times");
        if (!distribution.empty())
            charts += "<div class=\"pair\">" + distribution + "</div>";
        if (const auto runs = runsChart(benchmark, rgb); !runs.empty())
            charts += "<div class=\"pair\">" + runs + "</div>";
    }
    if (const auto memory = memoryChart(benchmark, rgb); !memory.empty())
        charts += "<div class=\"pair\">" + memory + "</div>";
    if (!charts.empty())
        html += "<div class=\"pairs\">" + charts + "</div>\n";
    if (benchmark.probe)
        html += insideTables(*benchmark.probe) + "\n";
    if (charts.empty() && !benchmark.probe)
        html += "<p>Nothing to chart: no successful run.</p>\n";
    return html;
}

std::string environmentTable(const Results& results)
{
    const auto& e = results.environment;
    std::string html = "<table class=\"env\">";
    const auto row = [&](const std::string& label, const std::string& value) {
        if (!value.empty())
            html += "<tr><th>" + xmlEscape(label) + "</th><td>" + xmlEscape(value) + "</td></tr>";
    };
    row("Measured with", results.importedFrom.empty() ? "Pyrometer " + e.pyrometerVersion : results.importedFrom);
    row("Date", e.date);
    row("Host", e.hostname);
    row("Operating system", e.os);
    row("Kernel", e.kernel);
    row("CPU", e.cpuModel);
    row("Logical cores", e.logicalCores ? std::to_string(e.logicalCores) : "");
    row("CPU governor", e.cpuGovernor.value_or(""));
    const auto load = [](const std::array<double, 3>& l) {
        char text[64];
        std::snprintf(text, sizeof text, "%.2f %.2f %.2f", l[0], l[1], l[2]);
        return std::string(text);
    };
    if (results.importedFrom.empty()) {
        row("Load average at start", load(e.loadAverageStart));
        if (e.loadAverageEnd)
            row("Load average at end", load(*e.loadAverageEnd));
        if (e.stealDuringRun)
            row("Steal time during the run", formatPercent(*e.stealDuringRun, 2));
        for (const auto& check : e.machine)
            row(check.title + " at start", std::string(ratingKey(check.rating)) + ": " + check.observed);
        row("Run order", results.order == RunOrder::Interleaved ? "interleaved" : "one benchmark after another");
    }
    return html + "</table>\n";
}

} // namespace

std::string htmlPageStart(const std::string& title)
{
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + xmlEscape(title) + "</title><style>" + style + "</style></head><body>\n";
}

std::string resultsHtml(const Results& results, const std::string& source)
{
    const auto summaries = summarizeAll(results);
    std::string html = htmlPageStart("Pyrometer results: " + source) + "<h1>Pyrometer results</h1>\n<p>"
        + xmlEscape(source) + (results.environment.date.empty() ? "" : ", " + xmlEscape(results.environment.date))
        + " · " + std::to_string(results.benchmarks.size()) + " benchmark" + (results.benchmarks.size() == 1 ? "" : "s")
        + "</p>\n";
    html += findings(results, summaries);
    html += "<h2>Summary</h2>\n" + summaryTable(results, summaries);
    if (const auto medians = mediansChart(results, summaries); !medians.empty())
        html += medians + "\n";
    html += scalingSection(results);
    html += memorySection(results);
    html += "<h2>Benchmarks</h2>\n";
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i)
        html += benchmarkSection(results.benchmarks[i], i);
    html += "<h2>Environment</h2>\n" + environmentTable(results);
    html += "<p class=\"method\">Written by Pyrometer. Times are wall-clock times of successful runs, each run a "
            "fresh process; user and system are CPU times; peak RSS is the largest resident set of each run, as the "
            "kernel reports it.</p>\n";
    return html + "</body></html>\n";
}

} // namespace pyrometer
