#include "core/compare/comparison_report.h"
#include "tests/html_check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>

using namespace pyrometer;

namespace {
const std::string hostile = "<img src=x onerror=alert(1)>.py";

BenchmarkResult benchmark(const std::string& name, double ms, int runs)
{
    BenchmarkResult b;
    b.name = name;
    b.command = { "python3", name };
    for (int i = 0; i < runs; ++i) {
        RunRecord r;
        r.exitCode = 0;
        r.wall = fromSeconds(ms / 1000 * (1 + 0.002 * ((i * 7) % 10)));
        b.runs.push_back(r);
    }
    return b;
}

/// Two separate invocations of `runs` runs of a.py, around `baselineMs` and `candidateMs`, each varying by ±`swing`
/// (relative) in a sine over the run order, the candidate's shifted in phase.
std::pair<Results, Results> sides(double baselineMs, double candidateMs, double swing, int runs)
{
    Results baseline, candidate;
    BenchmarkResult a = benchmark("a.py", baselineMs, runs), b = benchmark("a.py", candidateMs, runs);
    for (std::size_t i = 0; i < a.runs.size(); ++i) {
        a.runs[i].wall = fromSeconds(baselineMs / 1000 * (1 + swing * std::sin(static_cast<double>(i) * 2.4)));
        b.runs[i].wall = fromSeconds(candidateMs / 1000 * (1 + swing * std::sin(static_cast<double>(i) * 2.4 + 0.3)));
    }
    baseline.benchmarks = { a };
    candidate.benchmarks = { b };
    return { baseline, candidate };
}

struct Fixture
{
    Results baseline, candidate;
    Comparison comparison;
    ComparisonSides sides;
};

Fixture fixture()
{
    Fixture f;
    f.baseline.benchmarks
        = { benchmark(hostile, 50, 20), benchmark("same|*_name_*", 20, 20), benchmark("tiny", 10, 3) };
    f.candidate.benchmarks
        = { benchmark(hostile, 55, 20), benchmark("same|*_name_*", 20, 20), benchmark("tiny", 10, 3) };
    f.baseline.environment.cpuModel = "CPU <A>";
    f.candidate.environment.cpuModel = "CPU \"B\"";
    f.comparison = compare(f.baseline, f.candidate, pairBenchmarks(f.baseline, f.candidate));
    f.sides = { "base <script>.json", "cand.json", &f.baseline, &f.candidate };
    return f;
}
} // namespace

class TestComparisonReport : public QObject
{
    Q_OBJECT

private slots:
    void aNoisyMachineIsWarnedOfInEveryReport()
    {
        auto f = fixture();
        MachineCheck load;
        load.key = "load";
        load.title = "Load";
        load.rating = Rating::Bad;
        load.observed = "load average 3.10 on 2 CPUs <b>";
        MachineCheck swap = load;
        swap.rating = Rating::Notice; // only bad checks are warned of
        swap.title = "Swap";
        f.candidate.environment.machine = { load, swap };
        f.comparison = compare(f.baseline, f.candidate, pairBenchmarks(f.baseline, f.candidate));
        QCOMPARE(f.comparison.machineWarnings.size(), std::size_t(1));
        const std::string expected = "the candidate was recorded on a noisy machine (Load: load average 3.10 on 2 "
                                     "CPUs <b>)";
        QVERIFY2(f.comparison.machineWarnings[0].starts_with(expected), f.comparison.machineWarnings[0].c_str());
        QVERIFY(comparisonText(f.comparison, f.sides).find("Warning: " + expected) != std::string::npos);
        QVERIFY(comparisonJson(f.comparison, f.sides).find("\"machine_warnings\": [\n    \"" + expected)
            != std::string::npos);
        const auto html = comparisonHtml(f.comparison, f.sides);
        QVERIFY(
            html.find("<b>Noisy machine:</b> the candidate was recorded on a noisy machine (Load: load average 3.10 "
                      "on 2 CPUs &lt;b&gt;)")
            != std::string::npos);
        QVERIFY(comparisonMarkdown(f.comparison, f.sides).find("> **Warning:** the candidate was recorded on a noisy")
            != std::string::npos);
        // A quiet machine on both sides: no warning.
        QVERIFY(fixture().comparison.machineWarnings.empty());
    }

    // Two separate invocations of 200 runs, the candidate slower by 6% with runs that vary by a CV of 8.5% (±12%
    // sinusoidal): significant and beyond the threshold, but within the noise. A quiet benchmark: no finding.
    void aChangeWithinTheNoiseIsAFinding()
    {
        auto [baseline, candidate] = sides(100, 106, 0.12, 200);
        auto c = compare(baseline, candidate, pairBenchmarks(baseline, candidate));
        QVERIFY2(c.pairs[0].verdict == Verdict::Slower, verdictText(c.pairs[0].verdict));
        QCOMPARE(c.noiseFindings.size(), std::size_t(1));
        QVERIFY2(c.noiseFindings[0].starts_with("a.py: the change (+6"), c.noiseFindings[0].c_str());
        const ComparisonSides sides { "base.json", "cand.json", &baseline, &candidate };
        QVERIFY(comparisonText(c, sides).find("Finding: a.py: the change (+6") != std::string::npos);
        QVERIFY(comparisonJson(c, sides).find("\"findings\": [") != std::string::npos);
        // The fixture's quiet benchmarks: no finding.
        QVERIFY(fixture().comparison.noiseFindings.empty());
    }

    // A change of +4% beyond a spread of 0.5%: no finding from the runs' spread; but the doctor's floor says this
    // machine detects 7.5% at best with 30 runs a side, and the two sides were measured three days apart.
    void aChangeBelowTheMachinesFloorIsAFinding()
    {
        auto [baseline, candidate] = sides(100, 104, 0.005, 30);
        baseline.environment.date = "2026-11-30T09:00:00Z";
        candidate.environment.date = "2026-12-03T09:30:00Z";
        QVERIFY(compare(baseline, candidate, pairBenchmarks(baseline, candidate)).noiseFindings.empty());
        candidate.environment.floor = MachineFloor { 0.05, 0.075, 30, "2026-12-02T08:00:00Z" };
        const auto c = compare(baseline, candidate, pairBenchmarks(baseline, candidate));
        QVERIFY2(c.pairs[0].verdict == Verdict::Slower, verdictText(c.pairs[0].verdict));
        QCOMPARE(c.noiseFindings.size(), std::size_t(1));
        QVERIFY2(c.noiseFindings[0].starts_with("a.py: the change (+4.0%) is below the 7.5% this machine's noise "
                                                "floor lets 30 runs a side detect (CV 5.0%, measured by `pyrometer "
                                                "doctor` at 2026-12-02T08:00:00Z); the two were measured 3 days apart"),
            c.noiseFindings[0].c_str());
    }

    void aTimeOfZeroIsTooFastToMeasureNeverNan()
    {
        // hyperfine in shell mode writes 0.0 for runs shorter than its shell correction; the comparison once printed
        // "95% CI −nan% … −nan%" and exported null without a word.
        Results baseline, candidate;
        baseline.benchmarks = { benchmark("echo", 0, 10), benchmark("sleep", 50, 10) };
        candidate.benchmarks = { benchmark("echo", 0.01, 10), benchmark("sleep", 50, 10) };
        const auto comparison = compare(baseline, candidate, pairBenchmarks(baseline, candidate));
        QCOMPARE(comparison.pairs[0].verdict, Verdict::TooFastToMeasure);
        QVERIFY(!comparison.pairs[0].hasRatio());
        QVERIFY(comparison.pairs[1].hasRatio());
        // The geometric mean is over the pairs with a ratio only.
        QVERIFY(comparison.geometricMean && std::isfinite(comparison.geometricMean->ratio));
        const ComparisonSides sides { "a.json", "b.json", &baseline, &candidate };
        for (const auto& report : { comparisonText(comparison, sides), comparisonMarkdown(comparison, sides),
                 comparisonHtml(comparison, sides), comparisonJunit(comparison, sides),
                 comparisonJson(comparison, sides) }) {
            const auto text = QString::fromStdString(report);
            QVERIFY2(!text.contains(QStringLiteral("nan"), Qt::CaseInsensitive), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("inf%")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("too fast to measure")), qPrintable(text));
        }
    }

    void htmlIsSelfContainedAndEscaped()
    {
        auto f = fixture();
        f.sides.baselineResults = &f.baseline;
        f.sides.candidateResults = &f.candidate;
        const auto html = QString::fromStdString(comparisonHtml(f.comparison, f.sides));
        // No markup from a name, a path or the environment gets through.
        QVERIFY(!html.contains(QString::fromStdString(hostile)));
        QVERIFY(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;.py")));
        QVERIFY(html.contains(QStringLiteral("CPU &lt;A&gt;")));
        QVERIFY(html.contains(QStringLiteral("CPU &quot;B&quot;")));
        QCOMPARE(html.count(QStringLiteral("<svg")), 4); // the change chart, and the distributions of each pair
        QVERIFY(html.contains(QStringLiteral("measured differently")));
        QVERIFY(html.contains(QStringLiteral("Mann–Whitney U test at α = 0.01 and the whole 95% bootstrap interval")));
        QVERIFY(html.contains(QStringLiteral("<th>Test</th><th>CPU time</th><th>Peak RSS</th>")));
        QVERIFY(html.contains(QStringLiteral("<td>Mann–Whitney U</td>")));
        QVERIFY(html.contains(QStringLiteral(">slower<")));
        QVERIFY(html.contains(QStringLiteral(">too few runs to tell<")));
        pyrometer::test::checkSelfContainedPage(html);
    }

    void markdownEscapesNamesAndStatesTheMethod()
    {
        const auto f = fixture();
        const auto md = QString::fromStdString(comparisonMarkdown(f.comparison, f.sides));
        QVERIFY(!md.contains(QString::fromStdString(hostile)));
        QVERIFY(md.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;.py")));
        QVERIFY(md.contains(QStringLiteral("same\\|\\*\\_name\\_\\*"))); // no extra table cell, no emphasis
        QVERIFY(md.contains(QStringLiteral("**slower**")));
        QVERIFY(md.contains(QStringLiteral("Verdicts: two-sided Mann–Whitney U test at α = 0.01")));
        QVERIFY(md.contains(
            QStringLiteral("the Wilcoxon signed-rank test of their paired runs at α = 0.01 and the median ratio")));
        QVERIFY(md.contains(QStringLiteral("**Warning:** other CPU")));
        for (const auto& line : md.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1Char('|')))
                QCOMPARE(line.count(QRegularExpression(QStringLiteral("(?<!\\\\)\\|"))), 11);
        }
    }

    void junitHasOneCasePerPairFailedWhenSlower()
    {
        const auto f = fixture();
        const auto xml = QString::fromStdString(comparisonJunit(f.comparison, f.sides));
        QXmlStreamReader reader(xml);
        QStringList cases;
        int failures = 0, skipped = 0;
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == QStringLiteral("testcase"))
                cases << reader.attributes().value(QStringLiteral("name")).toString();
            failures += reader.name() == QStringLiteral("failure");
            skipped += reader.name() == QStringLiteral("skipped");
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(cases,
            (QStringList { QString::fromStdString(hostile), QStringLiteral("same|*_name_*"), QStringLiteral("tiny") }));
        QCOMPARE(failures, 1);
        QCOMPARE(skipped, 1);
        QVERIFY(xml.contains(QStringLiteral("failures=\"1\"")));
    }

    void jsonCarriesEveryNumber()
    {
        const auto f = fixture();
        QJsonParseError error;
        const auto doc
            = QJsonDocument::fromJson(QByteArray::fromStdString(comparisonJson(f.comparison, f.sides)), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto root = doc.object();
        QCOMPARE(root.value(QStringLiteral("schema")).toString(), QStringLiteral("pyrometer.compare/2"));
        QCOMPARE(root.value(QStringLiteral("any_slower")).toBool(), true);
        const auto pairs = root.value(QStringLiteral("pairs")).toArray();
        QCOMPARE(pairs.size(), 3);
        const auto first = pairs[0].toObject();
        QCOMPARE(first.value(QStringLiteral("verdict")).toString(), QStringLiteral("slower"));
        QCOMPARE(first.value(QStringLiteral("ratio")).toDouble(), f.comparison.pairs[0].ratio.ratio);
        QCOMPARE(first.value(QStringLiteral("ratio_ci")).toArray()[0].toDouble(), f.comparison.pairs[0].ratio.low);
        QCOMPARE(root.value(QStringLiteral("method")).toObject().value(QStringLiteral("alpha")).toDouble(), 0.01);
        const auto test = first.value(QStringLiteral("test")).toObject();
        QCOMPARE(test.value(QStringLiteral("name")).toString(), QStringLiteral("Mann–Whitney U"));
        QCOMPARE(test.value(QStringLiteral("p_value")).toDouble(), f.comparison.pairs[0].test.pValue);
        const auto metrics = first.value(QStringLiteral("metrics")).toObject();
        QCOMPARE(metrics.value(QStringLiteral("wall")).toObject().value(QStringLiteral("verdict")).toString(),
            QStringLiteral("slower"));
        QVERIFY(metrics.contains(QStringLiteral("cpu")) && metrics.contains(QStringLiteral("memory")));
        QCOMPARE(root.value(QStringLiteral("environment_differences")).toArray().size(), 1);
    }

    void terminalTableLinesUp()
    {
        const auto f = fixture();
        const auto text = QString::fromStdString(comparisonText(f.comparison, f.sides));
        const auto lines = text.split(QLatin1Char('\n'));
        const auto header = lines.indexOf(QRegularExpression(QStringLiteral("Benchmark .*")));
        QVERIFY(header > 0);
        // The verdict column starts at the same place on every row, names with multi-byte characters included.
        const auto column = lines[header].indexOf(QStringLiteral("Verdict"));
        QCOMPARE(lines[header + 1].indexOf(QStringLiteral("slower")), column);
        QCOMPARE(lines[header + 3].indexOf(QStringLiteral("too few runs to tell")), column);
        QVERIFY(text.contains(QStringLiteral("Warning: other CPU: CPU <A> (baseline) vs CPU \"B\" (candidate)")));
    }

    void xmlEscapeDropsControlCharacters()
    {
        QCOMPARE(xmlEscape("a\x01<b>\t&'\""), std::string("a&lt;b&gt;\t&amp;&#39;&quot;"));
    }
};

QTEST_APPLESS_MAIN(TestComparisonReport)
#include "tst_comparison_report.moc"
