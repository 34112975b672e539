#include "core/formats/markdown_export.h"

#include "core/formats/xml_escape.h"
#include "core/model/units.h"
#include "core/stats/benchmark_summary.h"

#include <cstdio>

namespace pyrometer {

std::string markdownEscape(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r')
            out += ' ';
        else if (std::string_view("\\|`*_[]#~").find(c) != std::string_view::npos)
            out += std::string("\\") + c;
        else
            out += c;
    }
    return xmlEscape(out); // GitHub renders HTML in Markdown: its characters as entities
}

std::string markdownSummary(const Results& results)
{
    const auto summaries = summarizeAll(results);
    const auto best = fastest(summaries);
    std::string md = "| Benchmark | Median | 95% CI of median | Mean ± σ | Min … Max | User | Sys | Peak RSS | Runs | "
                     "Relative |\n|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto& s = summaries[i];
        const auto& w = s.wall;
        md += "| " + markdownEscape(results.benchmarks[i].name) + " | ";
        const auto& benchmark = results.benchmarks[i];
        if (w.n == 0 && benchmark.stated && benchmark.stated->hasWall()) {
            // Another tool's summary without per-run times: its figures, marked as stated.
            const auto& stated = *benchmark.stated;
            const auto unit = durationUnitFor(stated.median.value_or(stated.mean.value_or(0)));
            const auto shown = [&](const std::optional<double>& value) {
                return value ? formatDuration(*value, unit) + " (stated)" : std::string("n/a");
            };
            md += shown(stated.median) + " | n/a | " + shown(stated.mean) + " | "
                + (stated.min && stated.max
                        ? formatDuration(*stated.min, unit) + " … " + formatDuration(*stated.max, unit)
                        : std::string("n/a"))
                + " | n/a | n/a | n/a | " + (stated.runs ? std::to_string(*stated.runs) : std::string("n/a"))
                + " (summary only) | |\n";
            continue;
        }
        if (w.n == 0) {
            md += "failed | | | | | | | " + std::to_string(s.failedRuns) + " failed | |\n";
            continue;
        }
        const auto& measured = benchmark.measured;
        const auto unit = durationUnitFor(w.median);
        if (measured.wall) {
            md += formatDuration(w.median, unit) + " | ";
            md += w.medianCiLow ? formatDuration(*w.medianCiLow, unit) + " … " + formatDuration(*w.medianCiHigh, unit)
                                : std::string("n too small");
            md += " | " + formatDuration(w.mean, unit) + (w.n > 1 ? " ± " + formatDuration(w.stddev, unit) : "");
            md += " | " + formatDuration(w.min, unit) + " … " + formatDuration(w.max, unit);
        } else {
            md += "n/a | n/a | n/a | n/a"; // a benchmark of memory alone
        }
        md += measured.cpu && !measured.cpuSplit ? " | " + formatDuration(s.userMedian, unit) + " (user + system) | n/a"
            : measured.cpu ? " | " + formatDuration(s.userMedian, unit) + " | " + formatDuration(s.sysMedian, unit)
                           : std::string(" | n/a | n/a");
        md += " | " + (measured.memory ? formatBytes(s.maxRssMedian) : std::string("n/a")) + " | "
            + std::to_string(w.n);
        if (s.failedRuns > 0)
            md += " (+" + std::to_string(s.failedRuns) + " failed)";
        char relative[32] = "n/a";
        if (measured.wall) {
            const bool hasBest = best && summaries[*best].wall.median > 0;
            std::snprintf(relative, sizeof relative, "%.2f", hasBest ? w.median / summaries[*best].wall.median : 1.0);
        }
        md += std::string(" | ") + relative + " |\n";
    }
    const auto& e = results.environment;
    md += "\nMeasured with Pyrometer " + markdownEscape(e.pyrometerVersion) + " on " + markdownEscape(e.date) + ", "
        + markdownEscape(e.cpuModel) + " (" + std::to_string(e.logicalCores) + " logical cores), "
        + markdownEscape(e.os) + ", " + markdownEscape(e.kernel) + ". Relative: median / fastest median.";
    if (!results.complete)
        md += " **Incomplete**: stopped before all runs were done.";
    md += "\n";
    return md;
}

} // namespace pyrometer
