#pragma once

#include "core/compare/comparison.h"
#include "core/formats/xml_escape.h"

#include <cstdint>
#include <string>

namespace pyrometer {

/// What each side of a comparison is called in a report: a file name, "current run", …
struct ComparisonSides
{
    std::string baseline = "baseline";
    std::string candidate = "candidate";
    const Results* baselineResults = nullptr; ///< for the environment; may be null
    const Results* candidateResults = nullptr;
};

/// The terminal report: a table of the pairs with medians, change and interval, p-value and verdict.
std::string comparisonText(const Comparison& comparison, const ComparisonSides& sides);
/// The same table in GitHub-flavoured Markdown, every user-supplied text escaped, to paste into a pull request.
std::string comparisonMarkdown(const Comparison& comparison, const ComparisonSides& sides);
/// One self-contained HTML page: tables, the environment of both sides, and charts as inline SVG.
std::string comparisonHtml(const Comparison& comparison, const ComparisonSides& sides);
/// JUnit XML: one test case per pair, failed when slower, skipped when there were too few runs.
std::string comparisonJunit(const Comparison& comparison, const ComparisonSides& sides);
/// The `pyrometer.compare/1` document, for other tools.
std::string comparisonJson(const Comparison& comparison, const ComparisonSides& sides);

/// The colours of a comparison, the same in every report and in the window, as 0xRRGGBB: Okabe & Ito (2008),
/// distinguishable with every common colour-vision deficiency.
constexpr std::uint32_t baselineRgb = 0x0072B2;
constexpr std::uint32_t candidateRgb = 0xE69F00;
std::uint32_t verdictRgb(Verdict verdict);

} // namespace pyrometer
