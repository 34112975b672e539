#include "core/formats/csv_export.h"
#include "core/formats/file_output.h"
#include "core/formats/html_report.h"
#include "core/formats/markdown_export.h"
#include "core/formats/text_report.h"
#include "core/model/error.h"
#include "core/model/units.h"
#include "tests/html_check.h"
#include "tests/synthetic_results.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <fstream>
#include <sstream>

using namespace pyrometer;
using namespace std::chrono_literals;

namespace {
Results twoBenchmarks()
{
    Results results;
    results.complete = true;
    for (auto [name, ms] : { std::pair { std::string("=HYPERLINK(\"http://x\")"), 20 },
             std::pair { std::string("<img src=x onerror=alert(1)>.py"), 50 } }) {
        BenchmarkResult b;
        b.name = name;
        b.command = { "/usr/bin/python3", name };
        for (int i = 0; i < 10; ++i) {
            RunRecord r;
            r.wall = std::chrono::milliseconds(ms) + std::chrono::microseconds(100 * i);
            r.exitCode = 0;
            r.maxRssBytes = 10 * 1024 * 1024;
            b.runs.push_back(r);
        }
        results.benchmarks.push_back(b);
    }
    return results;
}

using test::benchmarkOf;

void checkSelfContainedPage(const std::string& page)
{
    pyrometer::test::checkSelfContainedPage(QString::fromStdString(page));
}

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}
} // namespace

class TestExports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvCells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("fib.py") << QStringLiteral("fib.py");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("formula") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("plus") << QStringLiteral("+cmd") << QStringLiteral("'+cmd");
        QTest::newRow("minus") << QStringLiteral("-x") << QStringLiteral("'-x");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("formula with comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
    }

    void csvCells()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(QString::fromStdString(csvCell(text.toStdString())), cell);
    }

    void runsCsvHasOneRowPerRun()
    {
        const auto rows = lines(runsCsv(twoBenchmarks()));
        QCOMPARE(rows.size(), std::size_t(21));
        QVERIFY(rows[0].rfind("benchmark,run,warmup,succeeded,wall_s,", 0) == 0);
        // The formula in the name is neutralised and quoted; the wall time is exact.
        QCOMPARE(rows[1].substr(0, rows[1].find(",1,false")), std::string("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QVERIFY(rows[2].find(",0.0201,") != std::string::npos);
    }

    void summaryCsvHasOneRowPerBenchmark()
    {
        const auto rows = lines(summaryCsv(twoBenchmarks()));
        QCOMPARE(rows.size(), std::size_t(3));
        // median of 20.0 … 20.9 ms in steps of 0.1 ms is 20.45 ms.
        QVERIFY2(rows[1].find(",10,0,") != std::string::npos, rows[1].c_str());
        QVERIFY2(rows[1].find(",0.02045,") != std::string::npos, rows[1].c_str());
        QCOMPARE(summaryCsvPathFor("out/r.csv"), std::string("out/r.summary.csv"));
        QCOMPARE(summaryCsvPathFor("r.txt"), std::string("r.txt.summary.csv"));
    }

    void markdownEscapesNames()
    {
        const auto md = markdownSummary(twoBenchmarks());
        QVERIFY(md.find("<img") == std::string::npos);
        QVERIFY(md.find("&lt;img src=x onerror=alert(1)&gt;.py") != std::string::npos);
        QCOMPARE(markdownEscape("a|b*c_d`e\nf"), std::string("a\\|b\\*c\\_d\\`e f"));
        // Every table row has the same number of cells as the header.
        const auto rows = lines(md);
        const auto cells = [](const std::string& row) { return std::count(row.begin(), row.end(), '|'); };
        QCOMPARE(cells(rows[2]), cells(rows[0]));
        QCOMPARE(cells(rows[3]), cells(rows[0]));
        QVERIFY(rows[3].find("| 2.47 |") != std::string::npos); // 50.45 / 20.45 = 2.4670
    }

    void htmlReportEscapesAndChartsEveryBenchmark()
    {
        auto results = twoBenchmarks();
        results.complete = false;
        results.notes.push_back("note <b>bold</b> & co");
        auto failed = benchmarkOf("</h3><script>alert(1)</script>", 0.01, 0);
        failed.failure = "exited with 1: <stderr> & more";
        RunRecord run;
        run.exitCode = 1;
        failed.runs.push_back(run);
        results.benchmarks.push_back(failed);
        results.benchmarks[0].runs[3].exitCode = 2; // one failed run among the successful ones
        // Memory over time with garbage collections, as --memory --gc gives it.
        auto timeline = std::make_shared<Timeline>();
        for (int i = 0; i < 400; ++i)
            timeline->samples.push_back({ (10 + i / 40) * 1024 * 1024, static_cast<float>(i * 0.0001), 100, 1 });
        ProbeRun probed;
        probed.instruments.gc = true;
        probed.run.wall = fromSeconds(0.04);
        probed.run.exitCode = 0;
        probed.run.timeline = timeline;
        results.benchmarks[1].probe = ProbeData {};
        results.benchmarks[1].probe->runs.push_back(probed);
        results.benchmarks[1].probe->gcEvents = std::vector<GcEvent> {};
        for (int i = 0; i < 3000; ++i)
            results.benchmarks[1].probe->gcEvents->push_back({ i * 0.00001, 1e-5, i % 100 == 0 ? 2 : 0, 5, 0 });

        const auto page = resultsHtml(results, "this <run>");
        checkSelfContainedPage(page);
        for (const char* raw : { "<img", "<b>bold", "<script>alert", "<stderr>", "<run>" })
            QVERIFY2(page.find(raw) == std::string::npos, raw);
        QVERIFY(page.find("&lt;img src=x onerror=alert(1)&gt;.py") != std::string::npos);
        QVERIFY(page.find("&lt;/h3&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b> stopped: exited with 1: &lt;stderr&gt; "
                          "&amp; more")
            != std::string::npos);
        QVERIFY(page.find("<b>Incomplete</b>") != std::string::npos);
        QVERIFY(page.find("note &lt;b&gt;bold&lt;/b&gt; &amp; co") != std::string::npos);
        QVERIFY(page.find("1 of 10 runs failed and are left out of the statistics") != std::string::npos);
        // The medians side by side; distribution and runs of the two that ran; memory of the one sampled.
        QCOMPARE(count(page, "<svg"), 1 + 2 + 2 + 1);
        QVERIFY(page.find("aria-label=\"Memory over time\"") != std::string::npos);
        QVERIFY(page.find("× failed run") != std::string::npos);
        // 3,000 collections thinned to one tick per pixel column (370), the oldest generation drawn.
        const auto memory = page.substr(page.find("aria-label=\"Memory over time\""));
        const auto ticks = count(memory.substr(0, memory.find("</svg>")), "stroke=\"#");
        QVERIFY2(ticks < 420, std::to_string(ticks).c_str());
        QVERIFY(memory.find("stroke=\"#222\"") != std::string::npos);
        // The failed benchmark has a row of its own, and is never the reference of Relative.
        QVERIFY(page.find("<tr class=\"failed\"><td title=\"&lt;/h3&gt;&lt;script&gt;") != std::string::npos);
        QVERIFY(page.find("<td class=\"num\">1.00</td></tr>") != std::string::npos);
    }

    // Programs in two runtimes side by side: a chart each on shared axes (RSS, the live heap dashed, the
    // collections below), RSS − heap as a share of RSS for both, and the table of their totals; names escaped.
    void htmlReportComparesMemoryAcrossRuntimes()
    {
        const auto page = resultsHtml(*pyrometer::test::twoRuntimes(), "r.json");
        checkSelfContainedPage(page);
        const auto from = page.find("<h2>Memory</h2>");
        QVERIFY(from != std::string::npos);
        const auto section = page.substr(from, page.find("<h2>Benchmarks</h2>") - from);
        QCOMPARE(count(section, "<div class=\"multiple\"><svg"), std::size_t(2));
        QVERIFY(section.find("aria-label=\"Memory of go &lt;svc&gt;\"") != std::string::npos);
        QVERIFY(section.find("<tspan font-weight=\"bold\">c++ &amp; co</tspan> · native") != std::string::npos);
        // Both the same y axis: 20 MiB of RSS at most, the top tick at 20 MiB in each.
        QCOMPARE(count(section, ">20 MiB</text>"), std::size_t(2));
        // A dashed live heap in each, and Go's three collections as three ticks (1 ms pauses: black).
        QCOMPARE(count(section, "stroke-dasharray=\"4 3\""), std::size_t(2));
        QCOMPARE(count(section, "stroke=\"#000000\""), std::size_t(3));
        QVERIFY(section.find("aria-label=\"RSS minus live heap, share of RSS\"") != std::string::npos);
        // The table: the Go row, then the native one. Go's collections found 3 MiB live at most; it allocated
        // 8 + 2 × (8 − 3) = 18 MiB in 1 s. The native heap of 5 MiB in RSS of 20 MiB leaves 75%.
        QVERIFY(section.find("<tr><td>go &lt;svc&gt;</td><td>Go</td><td class=\"num\">20.0 MiB</td><td "
                             "class=\"num\">3.0 MiB</td>")
            != std::string::npos);
        QVERIFY(section.find("<td class=\"num\">3</td><td class=\"num\">3.000 ms</td><td class=\"num\">1.000 "
                             "ms</td><td class=\"num\">—</td><td class=\"num\">18.0 MiB</td><td>GODEBUG=gctrace=1, "
                             "at each collection</td>")
            != std::string::npos);
        QVERIFY(section.find("<tr><td>c++ &amp; co</td><td>native</td><td class=\"num\">20.0 MiB</td><td "
                             "class=\"num\">5.0 MiB</td><td class=\"num\">75.0% (75.0%)</td><td "
                             "class=\"num\">—</td>")
            != std::string::npos);
        QVERIFY(section.find("1,000 (1.0 k)") != std::string::npos);

        // Without a live heap or a collector other than CPython's, there is no such section.
        Results plain;
        plain.benchmarks = { benchmarkOf("a.py", 0.1, 5) };
        QVERIFY(resultsHtml(plain, "r.json").find("<h2>Memory</h2>") == std::string::npos);
    }

    void htmlReportTurnsLogarithmicWhenScalesDiffer()
    {
        Results results;
        results.complete = true;
        results.benchmarks = { benchmarkOf("short.py", 0.010, 20), benchmarkOf("long.py", 1.0, 20) };
        auto page = resultsHtml(results, "r.json");
        QVERIFY(page.find("(logarithmic scale)") != std::string::npos);
        checkSelfContainedPage(page);
        results.benchmarks[1] = benchmarkOf("long.py", 0.05, 20);
        page = resultsHtml(results, "r.json");
        QVERIFY(page.find("median wall time, 95% interval</text>") != std::string::npos);
        QVERIFY(page.find("logarithmic") == std::string::npos);
    }

    void htmlReportBoundsItsLogarithmicAxis()
    {
        // Found by fuzzing: a median interval reaching down to zero made the logarithmic axis start at 0, and
        // its decades (0, 0 × 10, …) never reached the top: ticks were added until memory ran out.
        Results results;
        results.complete = true;
        auto zeros = benchmarkOf("zeros.py", 0.001, 21);
        for (int i = 0; i < 10; ++i)
            zeros.runs[std::size_t(i)].wall = fromSeconds(0);
        results.benchmarks = { zeros, benchmarkOf("long.py", 1.0, 21) };
        auto page = resultsHtml(results, "r.json");
        QVERIFY(page.find("(logarithmic scale)") != std::string::npos);
        checkSelfContainedPage(page);
        // Fifteen decades apart: the axis labels at most eight of them, so that no two labels overlap.
        results.benchmarks = { benchmarkOf("nano.py", 1e-9, 21), benchmarkOf("days.py", 1e6, 21) };
        page = resultsHtml(results, "r.json");
        const auto start = page.find("Median wall time of each benchmark");
        QVERIFY(start != std::string::npos);
        const auto chart = page.substr(start, page.find("</svg>", start) - start);
        // The tick labels and the axis title are the chart's centred texts.
        const auto labels = count(chart, "text-anchor=\"middle\"") - 1;
        QVERIFY2(labels >= 4 && labels <= 8, std::to_string(labels).c_str());
        checkSelfContainedPage(page);
    }

    void htmlReportOf100000RunsStaysSmall()
    {
        Results results;
        results.complete = true;
        results.benchmarks = { benchmarkOf("many.py", 0.001, 100000) };
        const auto page = resultsHtml(results, "r.json");
        // Lowest and highest run per pixel column of the 370-pixel plot: at most 740 points, not 100,000.
        const auto points = count(page, "<circle");
        QVERIFY2(points <= 740 && points > 100, std::to_string(points).c_str());
        QVERIFY2(page.size() < 200'000, std::to_string(page.size()).c_str());
        QVERIFY(page.find("lowest and highest per pixel") != std::string::npos);
    }

    void textReportComparesBenchmarks()
    {
        const auto text = textReport(twoBenchmarks());
        // n = 10: the interval is [x(2), x(9)] = [20.1 ms, 20.8 ms].
        QVERIFY2(text.find("Median:        20.45 ms   95% CI [20.10 ms, 20.80 ms]") != std::string::npos, text.c_str());
        QVERIFY2(text.find("=HYPERLINK(\"http://x\") ran\n    2.47 times faster than <img src=x onerror=alert(1)>.py")
                != std::string::npos,
            text.c_str());
    }

    void units()
    {
        QCOMPARE(formatDuration(0.05123), std::string("51.23 ms"));
        QCOMPARE(formatDuration(1.5), std::string("1.500 s"));
        QCOMPARE(formatDuration(0.000250), std::string("250.0 µs"));
        QCOMPARE(formatDuration(42e-9), std::string("42.00 ns"));
        QCOMPARE(formatBytes(512), std::string("512 B"));
        QCOMPARE(formatBytes(13.0 * 1024 * 1024), std::string("13.0 MiB"));
        QCOMPARE(exactNumber(0.1), std::string("0.1"));
        QCOMPARE(formatCount(2'612'345), std::string("2.6 M"));
        QCOMPARE(formatCount(980'400), std::string("980 k"));
        QCOMPARE(formatCount(1'500), std::string("1.5 k"));
        QCOMPARE(formatCount(12), std::string("12"));
        QCOMPARE(formatCount(2.5), std::string("2.5"));
        QCOMPARE(formatCount(3.2e9), std::string("3.2 G"));
    }

    void filesAreWrittenWholeOrNotAtAll()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("out.csv")).toStdString();
        writeFileAtomically(path, "first\n");
        writeFileAtomically(path, "second\n");
        std::ifstream in(path);
        std::string content((std::istreambuf_iterator<char>(in)), {});
        QCOMPARE(content, std::string("second\n"));
        // No temporary is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeFileAtomically("/nonexistent-dir/x.csv", "x"));
        QVERIFY_THROWS_EXCEPTION(InputError, checkWritable("/nonexistent-dir/x.csv"));
        QVERIFY_THROWS_EXCEPTION(InputError, checkWritable(dir.path().toStdString()));
        checkWritable(path);
    }

    // A benchmark function timed at five sizes, 2 µs + 20 ns · n with runs ±2% around it: the terminal names
    // O(n) with its curve, predicts 10⁶ within the interval, and warns far beyond the sizes; a function at two
    // sizes gets no class and no prediction.
    void scalingOnTheTerminal()
    {
        Results results;
        for (const double n : { 100.0, 1000.0, 10'000.0, 30'000.0, 100'000.0 }) {
            auto b = benchmarkOf("bench_x.py::bench_scan[" + std::to_string(int(n)) + "]", 2e-6 + 20e-9 * n, 10);
            b.script = "bench_x.py";
            b.function = FunctionBenchmark { "bench_scan", "=" + std::to_string(int(n)), 64, 100'000'000, false, {} };
            b.parameters = { { "n", std::to_string(int(n)) } };
            // The worker's peak RSS: 9 MiB of interpreter and 36 bytes an element, give or take a page.
            for (std::size_t r = 0; r < b.runs.size(); ++r)
                b.runs[r].maxRssBytes = 9 * 1024 * 1024 + static_cast<std::int64_t>(36 * n) + 4096 * (r % 3);
            results.benchmarks.push_back(b);
        }
        for (const int n : { 10, 20 }) {
            auto b = benchmarkOf("bench_x.py::bench_two[" + std::to_string(n) + "]", 1e-6 * n, 10);
            b.script = "bench_x.py";
            b.function = FunctionBenchmark { "bench_two", "#0", 64, 100'000'000, false, {} };
            b.parameters = { { "size", std::to_string(n) } };
            results.benchmarks.push_back(b);
        }
        const auto text = scalingReport(results, 1e6);
        QVERIFY2(text.find("Scaling of bench_x.py::bench_scan (time per call against n)") != std::string::npos,
            text.c_str());
        QVERIFY2(text.find("  Fits:          O(n), ≈ ") != std::string::npos, text.c_str());
        QVERIFY2(text.find("  At n = 1000000: ") != std::string::npos, text.c_str());
        QVERIFY(text.find("far outside the sizes measured") == std::string::npos); // 10× the largest: not far
        QVERIFY(text.find("Scaling of bench_x.py::bench_two (time per call against size)") != std::string::npos);
        QVERIFY(text.find("cannot tell: too few sizes to tell the class: 2") != std::string::npos);
        QVERIFY(text.find("No prediction: it needs a class that fits.") != std::string::npos);
        // Memory the same way: the slope of peak RSS is the bytes per element. bench_two has no memory measured.
        QVERIFY2(text.find("  Peak memory:   O(n), ≈ 36 B · n + 9.0 MiB\n") != std::string::npos, text.c_str());
        QCOMPARE(text.find("Peak memory:"), text.rfind("Peak memory:"));
        QVERIFY(text.find("ahead of", text.find("Peak memory:")) != std::string::npos);
        const auto far = scalingReport(results, 1e8);
        QVERIFY2(far.find("far outside the sizes measured (100 to 100000): it assumes O(n) holds there")
                != std::string::npos,
            far.c_str());
        QVERIFY(scalingReport(results).find("At n =") == std::string::npos);
        // A value that is not a number leaves the curve; a script's scan (no function) is timed per run.
        results.benchmarks[0].parameters = { { "n", "many" } };
        QVERIFY(scalingReport(results, 1e8).find("sizes measured (1000 to 100000)") != std::string::npos);
        for (auto& b : results.benchmarks)
            b.function.reset();
        QVERIFY(scalingReport(results).find("bench_x.py::bench_scan (time per run against n)") != std::string::npos);
    }

    // The HTML report has the same: each curve's class in a sentence, and a log–log chart of the medians with their
    // intervals and the fitted curves; names escaped.
    void scalingInTheHtmlReport()
    {
        Results results;
        for (const double n : { 100.0, 1000.0, 10'000.0, 30'000.0, 100'000.0 }) {
            const auto size = std::to_string(static_cast<int>(n));
            auto b = benchmarkOf("bench_<x>.py::bench_scan[" + size + "]", 2e-6 + 20e-9 * n, 10);
            b.function = FunctionBenchmark { "bench_scan", "=" + size, 64, 100'000'000, false, {} };
            b.parameters = { { "n", size } };
            results.benchmarks.push_back(b);
        }
        const auto page = QString::fromStdString(resultsHtml(results, "r.json"));
        test::checkSelfContainedPage(page);
        QVERIFY(page.contains(QStringLiteral("<h2>Scaling</h2>")));
        QVERIFY2(page.contains(
                     QStringLiteral("bench_&lt;x&gt;.py::bench_scan (time per call against n): O(n), ≈ 20.40 ns · n")),
            qPrintable(page));
        QVERIFY(!page.contains(QStringLiteral("bench_<x>")));
        QCOMPARE(page.count(QStringLiteral("aria-label=\"Median against size, log–log\"")), 1);
        const auto chart = page.mid(page.indexOf(QStringLiteral("Median against size")));
        QCOMPARE(chart.left(chart.indexOf(QStringLiteral("</svg>"))).count(QStringLiteral("<circle")), 5);
        QVERIFY(chart.contains(QStringLiteral("<polyline")));
        // No numeric parameter: no section.
        QVERIFY(
            !QString::fromStdString(resultsHtml(twoBenchmarks(), "r.json")).contains(QStringLiteral("<h2>Scaling")));
    }

    // The terminal's summary compares like with like: scripts together, benchmark functions at the same parameter
    // values together; a function at one size is never "times faster" than another at a different size.
    void summaryComparesLikeWithLike()
    {
        Results results;
        for (const double n : { 100.0, 1000.0 }) {
            for (const auto& [function, perElement] : { std::pair { "bench_scan", 20e-9 }, { "bench_sort", 80e-9 } }) {
                const auto size = std::to_string(static_cast<int>(n));
                auto b = benchmarkOf(std::string("bench_x.py::") + function + "[" + size + "]", perElement * n, 10);
                b.function = FunctionBenchmark { function, "=" + size, 64, 100'000'000, false, {} };
                b.parameters = { { "n", size } };
                results.benchmarks.push_back(b);
            }
        }
        results.benchmarks.push_back(benchmarkOf("a.py", 0.010, 10));
        results.benchmarks.push_back(benchmarkOf("b.py", 0.025, 10));
        const auto text = textReport(results);
        QVERIFY2(text.find("Summary of functions at n=100 (by median time per call)\n  bench_x.py::bench_scan[100] "
                           "ran\n    4.00 times faster than bench_x.py::bench_sort[100]\n")
                != std::string::npos,
            text.c_str());
        QVERIFY(text.find("Summary of functions at n=1000 (by median time per call)") != std::string::npos);
        QVERIFY(text.find("Summary (by median wall time)\n  a.py ran\n    2.50 times faster than b.py\n")
            != std::string::npos);
        QVERIFY(text.find("than bench_x.py::bench_scan[1000]") == std::string::npos); // never across sizes
    }
};

QTEST_APPLESS_MAIN(TestExports)
#include "tst_exports.moc"
