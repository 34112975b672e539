#include "core/compare/comparison_report.h"

#include "core/formats/markdown_export.h"
#include "core/model/units.h"

#include <algorithm>

namespace pyrometer {
namespace {
std::size_t displayWidth(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// The cells of one pair's row, shared by the terminal and the Markdown table.
struct Row
{
    std::string name, baseline, candidate, change, interval, p, verdict, test;
};

std::string median(const Summary& s)
{
    return s.n == 0 ? std::string("no runs") : formatDuration(s.median) + " (" + std::to_string(s.n) + ")";
}

Row rowFor(const PairComparison& p, const ComparisonSettings& settings)
{
    Row row { p.name, median(p.baseline), median(p.candidate), "", "", "", verdictLabel(p.verdict, settings),
        testName(p) };
    if (p.baseline.n > 0 && p.candidate.n > 0) {
        row.change = formatChange(p.ratio.ratio);
        row.interval = formatChange(p.ratio.low) + " … " + formatChange(p.ratio.high);
        row.p = formatPValue(p.test.pValue);
    }
    return row;
}

/// Lays out rows of cells in columns, the first left-aligned; `right` says which columns align right.
std::string columns(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right)
{
    std::vector<std::size_t> widths(rows.front().size());
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(r[i]));
    }
    std::string text;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const std::string pad(widths[i] - displayWidth(r[i]), ' ');
            line += (i ? "  " : "") + (right[i] ? pad + r[i] : r[i] + (i + 1 < r.size() ? pad : ""));
        }
        text += line + "\n";
    }
    return text;
}

std::string geometricMeanLine(const Comparison& c)
{
    if (!c.geometricMean)
        return {};
    const auto& g = *c.geometricMean;
    return "Geometric mean of the ratios over " + std::to_string(g.pairs) + " benchmark" + (g.pairs == 1 ? "" : "s")
        + ": " + formatChange(g.ratio) + " (95% CI " + formatChange(g.low) + " … " + formatChange(g.high) + ")";
}
} // namespace

std::string comparisonText(const Comparison& comparison, const ComparisonSides& sides)
{
    std::vector<std::vector<std::string>> rows { { "Benchmark", "Baseline (runs)", "Candidate (runs)", "Change",
        "95% CI", "p", "Verdict", "Test" } };
    for (const auto& pair : comparison.pairs) {
        auto r = rowFor(pair, comparison.settings);
        rows.push_back({ r.name, r.baseline, r.candidate, r.change, r.interval, r.p, r.verdict, r.test });
    }
    std::string text = "Baseline:  " + sides.baseline + "\nCandidate: " + sides.candidate + "\n\n";
    text += "Wall time\n" + columns(rows, { false, true, true, true, false, false, false, false });
    if (comparison.pairs.empty())
        text += "(no benchmark in common)\n";
    if (const auto line = geometricMeanLine(comparison); !line.empty())
        text += "\n" + line + "\n";
    if (!comparison.pairs.empty()) {
        std::vector<std::vector<std::string>> other { { "Benchmark", "CPU time (user + system)", "Peak RSS" } };
        for (const auto& p : comparison.pairs)
            other.push_back(
                { p.name, metricLine(p.cpu, comparison.settings), metricLine(p.memory, comparison.settings) });
        text += "\nCPU time and peak RSS: change of the median (95% CI) and verdict\n"
            + columns(other, { false, false, false });
    }
    for (const auto& p : comparison.pairs) {
        if (p.pairedBy != PairedBy::Name)
            text += "Paired " + std::string(pairedByText(p.pairedBy)) + ": " + p.name + "\n";
    }
    for (const auto& name : comparison.onlyInBaseline)
        text += "Only in the baseline: " + name + "\n";
    for (const auto& name : comparison.onlyInCandidate)
        text += "Only in the candidate: " + name + "\n";
    for (const auto& d : comparison.environmentDifferences)
        text += "Warning: other " + d.what + ": " + d.baseline + " (baseline) vs " + d.candidate + " (candidate)\n";
    for (const auto& warning : comparison.machineWarnings)
        text += "Warning: " + warning + "\n";
    for (const auto& finding : comparison.noiseFindings)
        text += "Finding: " + finding + "\n";
    text += "Method: " + describeMethod(comparison.settings) + ".\n";
    return text;
}

std::string comparisonMarkdown(const Comparison& comparison, const ComparisonSides& sides)
{
    std::string md = "**Baseline** " + markdownEscape(sides.baseline) + " · **Candidate** "
        + markdownEscape(sides.candidate) + "\n\n"
        + "| Benchmark | Baseline (runs) | Candidate (runs) | Change | 95% CI | p | Verdict | Test | CPU time | Peak "
          "RSS |\n"
          "|:---|---:|---:|---:|---:|---:|:---|:---|:---|:---|\n";
    for (const auto& pair : comparison.pairs) {
        const auto r = rowFor(pair, comparison.settings);
        const bool strong = pair.verdict == Verdict::Slower || pair.verdict == Verdict::Faster;
        md += "| " + markdownEscape(r.name) + " | " + r.baseline + " | " + r.candidate + " | " + r.change + " | "
            + r.interval + " | " + markdownEscape(r.p) + " | " + (strong ? "**" + r.verdict + "**" : r.verdict) + " | "
            + r.test + " | " + metricLine(pair.cpu, comparison.settings) + " | "
            + metricLine(pair.memory, comparison.settings) + " |\n";
    }
    if (const auto line = geometricMeanLine(comparison); !line.empty())
        md += "\n" + line + ".\n";
    const auto list = [&](const char* title, const std::vector<std::string>& names) {
        if (names.empty())
            return;
        md += std::string("\n") + title;
        for (std::size_t i = 0; i < names.size(); ++i)
            md += (i ? ", " : " ") + markdownEscape(names[i]);
        md += ".\n";
    };
    for (const auto& p : comparison.pairs) {
        if (p.pairedBy != PairedBy::Name)
            md += "\nPaired " + std::string(pairedByText(p.pairedBy)) + ": " + markdownEscape(p.name) + ".\n";
    }
    list("Only in the baseline:", comparison.onlyInBaseline);
    list("Only in the candidate:", comparison.onlyInCandidate);
    for (const auto& d : comparison.environmentDifferences) {
        md += "\n> **Warning:** other " + d.what + ": " + markdownEscape(d.baseline) + " (baseline) vs "
            + markdownEscape(d.candidate) + " (candidate).\n";
    }
    for (const auto& warning : comparison.machineWarnings)
        md += "\n> **Warning:** " + markdownEscape(warning) + ".\n";
    for (const auto& finding : comparison.noiseFindings)
        md += "\n> **Finding:** " + markdownEscape(finding) + ".\n";
    md += "\nVerdicts: " + markdownEscape(describeMethod(comparison.settings)) + ". Measured with Pyrometer.\n";
    return md;
}

} // namespace pyrometer
