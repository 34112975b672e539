#include "core/compare/comparison_report.h"

#include "core/model/units.h"

#include <cstdio>

namespace pyrometer {

std::string comparisonJunit(const Comparison& c, const ComparisonSides& sides)
{
    std::size_t failures = 0, skipped = 0;
    std::string cases;
    for (const auto& p : c.pairs) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.6f", p.candidate.n ? p.candidate.median : 0.0);
        cases += "    <testcase classname=\"pyrometer.compare\" name=\"" + xmlEscape(p.name) + "\" time=\"" + seconds
            + "\">\n";
        const std::string summary = p.baseline.n && p.candidate.n ? formatChange(p.ratio.ratio) + " (95% CI "
                + formatChange(p.ratio.low) + " … " + formatChange(p.ratio.high) + "), " + formatPValue(p.test.pValue)
                + "; median " + formatDuration(p.baseline.median) + " → " + formatDuration(p.candidate.median)
                                                                  : std::string("no successful runs on one side");
        // A regression in any metric that gates (wall time unless asked otherwise) fails the case.
        std::string regressions;
        for (const auto metric : c.settings.gate) {
            if (p.metric(metric).verdict == Verdict::Slower)
                regressions += std::string(regressions.empty() ? "" : "; ") + metricName(metric) + " "
                    + metricLine(p.metric(metric), c.settings);
        }
        const std::string others = "; CPU time " + metricLine(p.cpu, c.settings) + "; peak RSS "
            + metricLine(p.memory, c.settings) + "; " + testName(p);
        if (!regressions.empty()) {
            ++failures;
            cases += "      <failure type=\"regression\" message=\"slower: " + xmlEscape(regressions) + "\">"
                + xmlEscape(p.name + " is slower: " + regressions + ". Wall time " + summary + others + ". "
                    + describeMethod(c.settings) + ".")
                + "</failure>\n";
        } else if (p.verdict == Verdict::TooFastToMeasure) {
            ++skipped;
            cases += "      <skipped message=\"too fast to measure: a median of 0 s\"/>\n";
        } else if (p.verdict == Verdict::TooFewRuns) {
            ++skipped;
            cases += "      <skipped message=\"too few runs to tell: " + std::to_string(p.baseline.n) + " and "
                + std::to_string(p.candidate.n) + " successful runs\"/>\n";
        } else {
            cases += "      <system-out>"
                + xmlEscape(std::string(verdictLabel(p.verdict, c.settings)) + ": " + summary + others)
                + "</system-out>\n";
        }
        cases += "    </testcase>\n";
    }
    const std::string counts = " tests=\"" + std::to_string(c.pairs.size()) + "\" failures=\""
        + std::to_string(failures) + "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pyrometer compare\"" + counts + ">\n"
        + "  <testsuite name=\"" + xmlEscape(sides.baseline + " vs " + sides.candidate) + "\"" + counts + ">\n" + cases
        + "  </testsuite>\n</testsuites>\n";
}

} // namespace pyrometer
