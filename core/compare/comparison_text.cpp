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
    std::string name, baseline, candidate, change, interval, p, verdict;
};

std::string median(const Summary& s)
{
    return s.n == 0 ? std::string("no runs") : formatDuration(s.median) + " (" + std::to_string(s.n) + ")";
}

Row rowFor(const PairComparison& p, const ComparisonSettings& settings)
{
    Row row { p.name, median(p.baseline), median(p.candidate), "", "", "", verdictLabel(p.verdict, settings) };
    if (p.baseline.n > 0 && p.candidate.n > 0) {
        row.change = formatChange(p.ratio.ratio);
        row.interval = formatChange(p.ratio.low) + " … " + formatChange(p.ratio.high);
        row.p = formatPValue(p.mannWhitney.pValue);
    }
    return row;
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
    std::vector<Row> rows { { "Benchmark", "Baseline (runs)", "Candidate (runs)", "Change", "95% CI", "Mann–Whitney",
        "Verdict" } };
    for (const auto& pair : comparison.pairs)
        rows.push_back(rowFor(pair, comparison.settings));
    std::array<std::size_t, 7> widths {};
    for (const auto& r : rows) {
        const std::array<const std::string*, 7> cells { &r.name, &r.baseline, &r.candidate, &r.change, &r.interval,
            &r.p, &r.verdict };
        for (std::size_t i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(*cells[i]));
    }
    std::string text = "Baseline:  " + sides.baseline + "\nCandidate: " + sides.candidate + "\n\n";
    for (const auto& r : rows) {
        const std::array<const std::string*, 7> cells { &r.name, &r.baseline, &r.candidate, &r.change, &r.interval,
            &r.p, &r.verdict };
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool right = i >= 1 && i <= 3;
            const std::string pad(widths[i] - displayWidth(*cells[i]), ' ');
            line += (i ? "  " : "") + (right ? pad + *cells[i] : *cells[i] + (i + 1 < cells.size() ? pad : ""));
        }
        text += line + "\n";
    }
    if (comparison.pairs.empty())
        text += "(no benchmark in common)\n";
    if (const auto line = geometricMeanLine(comparison); !line.empty())
        text += "\n" + line + "\n";
    for (const auto& name : comparison.onlyInBaseline)
        text += "Only in the baseline: " + name + "\n";
    for (const auto& name : comparison.onlyInCandidate)
        text += "Only in the candidate: " + name + "\n";
    for (const auto& d : comparison.environmentDifferences)
        text += "Warning: other " + d.what + ": " + d.baseline + " (baseline) vs " + d.candidate + " (candidate)\n";
    text += "Method: " + describeMethod(comparison.settings) + ".\n";
    return text;
}

std::string comparisonMarkdown(const Comparison& comparison, const ComparisonSides& sides)
{
    std::string md = "**Baseline** " + markdownEscape(sides.baseline) + " · **Candidate** "
        + markdownEscape(sides.candidate) + "\n\n"
        + "| Benchmark | Baseline (runs) | Candidate (runs) | Change | 95% CI | Mann–Whitney | Verdict |\n"
          "|:---|---:|---:|---:|---:|---:|:---|\n";
    for (const auto& pair : comparison.pairs) {
        const auto r = rowFor(pair, comparison.settings);
        const bool strong = pair.verdict == Verdict::Slower || pair.verdict == Verdict::Faster;
        md += "| " + markdownEscape(r.name) + " | " + r.baseline + " | " + r.candidate + " | " + r.change + " | "
            + r.interval + " | " + markdownEscape(r.p) + " | " + (strong ? "**" + r.verdict + "**" : r.verdict)
            + " |\n";
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
    list("Only in the baseline:", comparison.onlyInBaseline);
    list("Only in the candidate:", comparison.onlyInCandidate);
    for (const auto& d : comparison.environmentDifferences) {
        md += "\n> **Warning:** other " + d.what + ": " + markdownEscape(d.baseline) + " (baseline) vs "
            + markdownEscape(d.candidate) + " (candidate).\n";
    }
    md += "\nVerdicts: " + markdownEscape(describeMethod(comparison.settings)) + ". Measured with Pyrometer.\n";
    return md;
}

} // namespace pyrometer
