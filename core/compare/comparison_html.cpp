#include "core/compare/comparison_report.h"
#include "core/compare/profile_diff.h"
#include "core/formats/html_report.h"
#include "core/formats/svg.h"

#include "core/model/short_names.h"
#include "core/model/units.h"
#include "core/stats/chart_math.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace pyrometer {
namespace {
using namespace svg;

std::string verdictColour(Verdict v)
{
    return css(verdictRgb(v));
}

/// Relative change per pair: the ratio as a dot, its interval as whiskers, coloured by verdict; the threshold as
/// a band around no change.
std::string changeChart(const Comparison& c)
{
    std::vector<const PairComparison*> shown;
    for (const auto& p : c.pairs) {
        if (p.hasRatio())
            shown.push_back(&p);
    }
    if (shown.empty())
        return {};
    double low = -c.settings.threshold * 100, high = c.settings.threshold * 100;
    for (const auto* p : shown) {
        low = std::min(low, (p->ratio.low - 1) * 100);
        high = std::max(high, (p->ratio.high - 1) * 100);
    }
    const auto axis = niceAxis(low, high, 8);
    const double left = 250, width = 440, top = 10, rowHeight = 26;
    const double height = top + rowHeight * static_cast<double>(shown.size()) + 34;
    const auto x = [&](double percent) { return left + (percent - axis.min) / (axis.max - axis.min) * width; };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 730 " + number(height) + "\" width=\"730\" height=\""
        + number(height) + "\" role=\"img\" aria-label=\"Relative change of the median per benchmark\">";
    const double bottom = top + rowHeight * static_cast<double>(shown.size());
    svg += rect(x(-c.settings.threshold * 100), top, x(c.settings.threshold * 100) - x(-c.settings.threshold * 100),
        bottom - top, "fill=\"#88888822\"");
    for (int i = 0; i < axis.tickCount(); ++i) {
        const double v = axis.min + axis.step * i;
        svg += line(x(v), top, x(v), bottom, std::abs(v) < 1e-9 ? "stroke=\"#444\"" : "stroke=\"#ddd\"");
        svg += text(x(v), bottom + 16, formatChange(1 + v / 100));
    }
    svg += text(left + width / 2, bottom + 31, "change of the median, candidate vs baseline (band: threshold)");
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& p = *shown[i];
        const double y = top + rowHeight * (static_cast<double>(i) + 0.5);
        const std::string colour = verdictColour(p.verdict);
        svg += "<g><title>" + xmlEscape(p.name) + ": " + formatChange(p.ratio.ratio) + " (95% CI "
            + formatChange(p.ratio.low) + " … " + formatChange(p.ratio.high) + "), "
            + verdictLabel(p.verdict, c.settings) + "</title>";
        svg += text(left - 8, y + 4, xmlEscape(elideMiddle(p.name, 34)), "end");
        const double x1 = x((p.ratio.low - 1) * 100), x2 = x((p.ratio.high - 1) * 100);
        svg += line(x1, y, x2, y, "stroke=\"" + colour + "\" stroke-width=\"2\"");
        svg += line(x1, y - 5, x1, y + 5, "stroke=\"" + colour + "\" stroke-width=\"2\"");
        svg += line(x2, y - 5, x2, y + 5, "stroke=\"" + colour + "\" stroke-width=\"2\"");
        svg += "<circle cx=\"" + number(x((p.ratio.ratio - 1) * 100)) + "\" cy=\"" + number(y) + "\" r=\"5\" fill=\""
            + colour + "\"/></g>";
    }
    return svg + "</svg>";
}

/// Both distributions of one pair, overlaid.
std::string distributionChart(const PairComparison& p)
{
    const std::array<svg::Sample, 2> samples { svg::Sample { p.baselineWall, baselineRgb },
        svg::Sample { p.candidateWall, candidateRgb } };
    return svg::distributionChart(samples, "Distributions of both sides");
}

std::string environmentTable(const Comparison& c, const ComparisonSides& sides)
{
    if (!sides.baselineResults || !sides.candidateResults)
        return {};
    const auto& a = *sides.baselineResults;
    const auto& b = *sides.candidateResults;
    std::string html = "<table class=\"env\"><tr><th></th><th>Baseline</th><th>Candidate</th></tr>";
    const auto row = [&](const char* label, const std::string& x, const std::string& y) {
        const bool differs = std::any_of(c.environmentDifferences.begin(), c.environmentDifferences.end(),
            [&](const auto& d) { return d.baseline == x && d.candidate == y && x != y; });
        html += std::string("<tr") + (differs ? " class=\"differs\"" : "") + "><th>" + label + "</th><td>"
            + xmlEscape(x.empty() ? "—" : x) + "</td><td>" + xmlEscape(y.empty() ? "—" : y) + "</td></tr>";
    };
    const auto source = [](const Results& r) {
        return r.importedFrom.empty() ? "Pyrometer " + r.environment.pyrometerVersion : r.importedFrom;
    };
    const auto cores = [](unsigned n) { return n ? std::to_string(n) : std::string(); };
    row("Measured with", source(a), source(b));
    row("Date", a.environment.date, b.environment.date);
    row("Host", a.environment.hostname, b.environment.hostname);
    row("Operating system", a.environment.os, b.environment.os);
    row("Kernel", a.environment.kernel, b.environment.kernel);
    row("CPU", a.environment.cpuModel, b.environment.cpuModel);
    row("Logical cores", cores(a.environment.logicalCores), cores(b.environment.logicalCores));
    row("CPU governor", a.environment.cpuGovernor.value_or(""), b.environment.cpuGovernor.value_or(""));
    row("Python", pythonVersions(a), pythonVersions(b));
    return html + "</table>";
}

/// What got slower, by function and by allocation site, for each pair whose two sides were profiled: the ten
/// functions whose own time grew most and the five that shrank most, and the sites whose live memory changed most.
std::string profileSection(const Comparison& c)
{
    std::string html;
    const auto signedText = [](double seconds) {
        return (seconds > 0 ? "+" : seconds < 0 ? "−" : "") + formatDuration(std::abs(seconds));
    };
    for (const auto& p : c.pairs) {
        std::string section;
        if (p.functions) {
            const auto& diff = *p.functions;
            section += "<p>Own time of all functions: " + formatDuration(diff.baselineSeconds) + " → "
                + formatDuration(diff.candidateSeconds) + ".</p>\n<div class=\"scroll\"><table><tr><th>Function</th>"
                + "<th>Location</th><th>Baseline own</th><th>Candidate own</th><th>Change</th><th>Calls</th></tr>\n";
            std::vector<const FunctionDiff*> shown;
            for (std::size_t k = 0; k < diff.functions.size() && k < 10 && diff.functions[k].ownChange() > 0; ++k)
                shown.push_back(&diff.functions[k]);
            for (std::size_t k = diff.functions.size(), faster = 0; k-- > shown.size() && faster < 5; ++faster) {
                if (diff.functions[k].ownChange() >= 0)
                    break;
                shown.push_back(&diff.functions[k]);
            }
            for (const auto* f : shown) {
                const auto colour = f->ownChange() > 0 ? "#b2182b" : "#2166ac";
                section += "<tr><td>" + xmlEscape(f->name) + "</td><td>"
                    + xmlEscape(f->file == "~" ? std::string("built-in") : f->file + ":" + std::to_string(f->line))
                    + "</td><td class=\"num\">" + (f->baseline ? formatDuration(f->baselineOwn) : "not called")
                    + "</td><td class=\"num\">" + (f->candidate ? formatDuration(f->candidateOwn) : "not called")
                    + "</td><td class=\"num\" style=\"color:" + colour + "\">" + signedText(f->ownChange())
                    + "</td><td class=\"num\">" + std::to_string(f->baselineCalls) + " → "
                    + std::to_string(f->candidateCalls) + "</td></tr>\n";
            }
            section += "</table></div>\n";
        }
        if (p.allocations) {
            const auto& sites = *p.allocations;
            section += "<div class=\"scroll\"><table><tr><th>Allocated at</th><th>Baseline (live at the end)</th>"
                       "<th>Candidate (live at the end)</th><th>Change</th></tr>\n";
            for (std::size_t k = 0; k < sites.size() && k < 10; ++k) {
                const auto& s = sites[k];
                const auto change = s.change();
                section += "<tr><td>" + xmlEscape(s.file + ":" + std::to_string(s.line)) + "</td><td class=\"num\">"
                    + formatBytes(static_cast<double>(s.baselineBytes)) + "</td><td class=\"num\">"
                    + formatBytes(static_cast<double>(s.candidateBytes)) + "</td><td class=\"num\">"
                    + (change > 0        ? "+"
                            : change < 0 ? "−"
                                         : "")
                    + formatBytes(static_cast<double>(change < 0 ? -change : change)) + "</td></tr>\n";
            }
            section += "</table></div>\n";
        }
        if (!section.empty())
            html += "<h3>" + xmlEscape(p.name) + "</h3>\n" + section;
    }
    return html.empty() ? html : "<h2>What got slower, by function</h2>\n" + html;
}

} // namespace

std::uint32_t verdictRgb(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Slower:
        return 0xD55E00;
    case Verdict::Faster:
        return 0x009E73;
    case Verdict::BelowThreshold:
        return 0x56B4E9;
    case Verdict::NoSignificantChange:
    case Verdict::TooFewRuns:
    case Verdict::TooFastToMeasure:
    case Verdict::NotMeasured:
    case Verdict::NoRunsToTest:
        break;
    }
    return 0x7A7A7A;
}

std::string comparisonHtml(const Comparison& c, const ComparisonSides& sides)
{
    std::string html = htmlPageStart("Pyrometer comparison: " + sides.baseline + " vs " + sides.candidate)
        + "<h1>Pyrometer comparison</h1>\n<p><b>Baseline</b> " + xmlEscape(sides.baseline) + "<br><b>Candidate</b> "
        + xmlEscape(sides.candidate) + "</p>\n";
    if (!c.environmentDifferences.empty()) {
        html += "<div class=\"warning\"><b>The two sides were measured differently</b>; part of the change may "
                "come from that:<ul>";
        for (const auto& d : c.environmentDifferences) {
            html += "<li>other " + xmlEscape(d.what) + ": " + xmlEscape(d.baseline) + " (baseline) vs "
                + xmlEscape(d.candidate) + " (candidate)</li>";
        }
        html += "</ul></div>\n";
    }
    for (const auto& warning : c.machineWarnings)
        html += "<div class=\"warning\"><b>Noisy machine:</b> " + xmlEscape(warning) + ".</div>\n";
    for (const auto& finding : c.noiseFindings)
        html += "<div class=\"warning\"><b>Finding:</b> " + xmlEscape(finding) + ".</div>\n";
    html += "<p class=\"method\">Verdicts: " + xmlEscape(describeMethod(c.settings)) + ".</p>\n";
    html += "<div class=\"scroll\"><table><tr><th>Benchmark</th><th>Baseline median</th><th>Candidate "
            "median</th><th>Runs</th>"
            "<th>Change</th><th>95% CI</th><th>p</th><th>Welch</th><th>Shift (HL)</th><th>Verdict</th><th>Test</th>"
            "<th>CPU time</th><th>Peak RSS</th></tr>\n";
    for (const auto& p : c.pairs) {
        const bool both = p.baseline.n > 0 && p.candidate.n > 0;
        html += "<tr><td>" + xmlEscape(p.name) + "</td><td class=\"num\">"
            + (p.baseline.n ? formatDuration(p.baseline.median) : "—") + "</td><td class=\"num\">"
            + (p.candidate.n ? formatDuration(p.candidate.median) : "—") + "</td><td class=\"num\">"
            + std::to_string(p.baseline.n) + " / " + std::to_string(p.candidate.n) + "</td>";
        if (both) {
            html += "<td class=\"num\">" + formatChange(p.ratio.ratio) + "</td><td class=\"num\">"
                + formatChange(p.ratio.low) + " … " + formatChange(p.ratio.high) + "</td><td class=\"num\">"
                + xmlEscape(formatPValue(p.test.pValue)) + "</td><td class=\"num\">"
                + (p.welch ? xmlEscape(formatPValue(p.welch->pValue)) : "—") + "</td><td class=\"num\">"
                + (p.shiftSeconds >= 0 ? "+" : "−") + formatDuration(std::abs(p.shiftSeconds)) + "</td>";
        } else {
            html += "<td></td><td></td><td></td><td></td><td></td>";
        }
        html += "<td><span class=\"verdict\" style=\"background:" + verdictColour(p.verdict) + "\">"
            + verdictLabel(p.verdict, c.settings) + "</span></td><td>" + xmlEscape(testName(p)) + "</td>";
        for (const auto* metric : { &p.cpu, &p.memory }) {
            html += "<td>" + (metric->hasRatio() ? formatChange(metric->ratio.ratio) + " " : std::string())
                + "<span class=\"verdict\" style=\"background:" + verdictColour(metric->verdict) + "\">"
                + verdictLabel(metric->verdict, c.settings) + "</span></td>";
        }
        html += "</tr>\n";
    }
    html += "</table></div>\n";
    if (c.pairs.empty())
        html += "<p>No benchmark in common.</p>\n";
    if (c.geometricMean) {
        const auto& g = *c.geometricMean;
        html += "<p>Geometric mean of the ratios over " + std::to_string(g.pairs) + " benchmark"
            + (g.pairs == 1 ? "" : "s") + ": <b>" + formatChange(g.ratio) + "</b> (95% CI " + formatChange(g.low)
            + " … " + formatChange(g.high) + ")</p>\n";
    }
    for (const auto& [title, names] : { std::pair { "Only in the baseline", &c.onlyInBaseline },
             std::pair { "Only in the candidate", &c.onlyInCandidate } }) {
        if (names->empty())
            continue;
        html += std::string("<p>") + title + ":";
        for (std::size_t i = 0; i < names->size(); ++i)
            html += (i ? ", " : " ") + xmlEscape((*names)[i]);
        html += "</p>\n";
    }
    html += "<h2>Change per benchmark</h2>\n" + changeChart(c) + "\n";
    html += "<h2>Distributions</h2>\n<p class=\"legend\"><span class=\"swatch\" style=\"background:" + css(baselineRgb)
        + "\"></span>baseline<span class=\"swatch\" style=\"background:" + css(candidateRgb)
        + "\"></span>candidate</p>\n<div class=\"pairs\">";
    for (const auto& p : c.pairs) {
        const auto chart = distributionChart(p);
        if (!chart.empty())
            html += "<div class=\"pair\"><h3>" + xmlEscape(p.name) + "</h3>" + chart + "</div>\n";
    }
    html += "</div>\n" + profileSection(c);
    html += "<h2>Environment</h2>\n" + environmentTable(c, sides) + "\n";
    html += "<p class=\"method\">Written by Pyrometer. Times are wall-clock times of successful runs; CPU time is "
            "user + system time; peak RSS the largest resident set of each run.</p>\n";
    return html + "</body></html>\n";
}

} // namespace pyrometer
