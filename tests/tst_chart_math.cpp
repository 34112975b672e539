#include "core/stats/chart_math.h"

#include "core/model/short_names.h"

#include <QSet>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <set>

using namespace pyrometer;

// Reference values were computed independently with CPython 3.11: statistics.quantiles(method="inclusive")
// for the IQR, the Freedman–Diaconis width 2 IQR n^(-1/3), math.ceil(range / width) bins, and
// statistics.median over each trailing window for the rolling median.
class TestChartMath : public QObject
{
    Q_OBJECT
    std::vector<double> sortedTimings()
    {
        std::vector<double> t { 0.0512, 0.0498, 0.0535, 0.0501, 0.0623, 0.0507, 0.0499, 0.0515, 0.0503, 0.0871, 0.0509,
            0.0496, 0.0511, 0.0505, 0.0520, 0.0502, 0.0518, 0.0500, 0.0506, 0.0494 };
        std::sort(t.begin(), t.end());
        return t;
    }

private Q_SLOTS:
    void freedmanDiaconis()
    {
        const auto t = sortedTimings();
        const Bins bins = freedmanDiaconisBins(t);
        QCOMPARE(bins.count, 35);
        QCOMPARE(bins.lower, 0.0494);
        QVERIFY(std::abs(bins.upper() - 0.0871) < 1e-12);
        const auto counts = histogram(t, bins);
        QCOMPARE(counts.size(), std::size_t(35));
        QCOMPARE(std::vector<int>(counts.begin(), counts.begin() + 6), (std::vector<int> { 8, 7, 2, 1, 0, 0 }));
        QCOMPARE(counts.back(), 1); // the maximum lands in the last bin, not past it
        int total = 0;
        for (int c : counts)
            total += c;
        QCOMPARE(total, 20);
    }

    void binsForDegenerateSamples()
    {
        QCOMPARE(freedmanDiaconisBins(std::vector<double> {}).count, 1);
        const std::vector<double> same(10, 2.0);
        const Bins bins = freedmanDiaconisBins(same);
        QVERIFY(bins.width > 0);
        QCOMPARE(histogram(same, bins)[static_cast<std::size_t>(bins.indexOf(2.0))], 10);
        // IQR 0 but a range: Sturges, ceil(log2 12) + 1 = 5 bins.
        std::vector<double> mostlySame(11, 1.0);
        mostlySame.push_back(3.0);
        QCOMPARE(freedmanDiaconisBins(mostlySame).count, 5);
        QCOMPARE(fixedBins(sortedTimings(), 7).count, 7);
        QCOMPARE(freedmanDiaconisBins(sortedTimings(), 10).count, 10);
    }

    void extremeValuesStayInRange()
    {
        // A tiny IQR beside one huge value asks for ~1e300 bins (the conversion to int was undefined, UBSan found
        // it); the count stops at the most allowed, and values far outside the bins land in the end ones.
        std::vector<double> sample { 1.0, 1.0 + 1e-12, 1.0 + 2e-12, 1.0 + 3e-12, 1e300 };
        const Bins bins = freedmanDiaconisBins(sample, 200);
        QCOMPARE(bins.count, 200);
        QCOMPARE(bins.indexOf(-1e308), 0);
        QCOMPARE(bins.indexOf(1e308), 199);
        QCOMPARE(bins.indexOf(std::nan("")), 0);
        const auto counts = histogram(sample, bins);
        QCOMPARE(counts.front(), 4);
        QCOMPARE(counts.back(), 1);
    }

    void rollingMedianMatchesReference()
    {
        const std::vector<double> v { 5, 1, 4, 2, 3, 9, 0, 7 };
        QCOMPARE(rollingMedian(v, 3), (std::vector<double> { 5, 3, 4, 2, 3, 3, 3, 7 }));
        QCOMPARE(rollingMedian(v, 4), (std::vector<double> { 5, 3, 4, 3, 2.5, 3.5, 2.5, 5 }));
        QCOMPARE(rollingMedian(v, 1), v);
    }

    void downsamplingKeepsTheExtremesOfEveryColumn()
    {
        std::vector<Point> points;
        for (int i = 0; i < 100'000; ++i)
            points.push_back({ static_cast<double>(i), std::sin(i * 0.001) + (i == 54'321 ? 5.0 : 0.0) });
        const auto shown = downsampleMinMax(points, 800);
        QVERIFY(shown.size() <= 1600);
        QVERIFY(shown.size() >= 800);
        // The spike survives, and x stays in order.
        QVERIFY(std::any_of(shown.begin(), shown.end(), [](const Point& p) { return p.x == 54'321.0; }));
        QVERIFY(std::is_sorted(shown.begin(), shown.end(), [](const Point& a, const Point& b) { return a.x < b.x; }));
        // Global extremes are kept.
        const auto [lo, hi]
            = std::minmax_element(points.begin(), points.end(), [](auto& a, auto& b) { return a.y < b.y; });
        QVERIFY(std::any_of(shown.begin(), shown.end(), [&](const Point& p) { return p.y == lo->y; }));
        QVERIFY(std::any_of(shown.begin(), shown.end(), [&](const Point& p) { return p.y == hi->y; }));
        // Few points pass through unchanged.
        const std::vector<Point> few { { 0, 1 }, { 1, 2 } };
        QCOMPARE(downsampleMinMax(few, 800).size(), std::size_t(2));
    }

    // A band's outline: one point a column, the column's highest (or lowest), in x order; a spike kept.
    void bandOutlinesTakeEachColumnsExtreme()
    {
        std::vector<Point> points;
        for (int i = 0; i < 10'000; ++i)
            points.push_back({ static_cast<double>(i), 1.0 + 0.01 * (i % 7) + (i == 4321 ? 1.0 : 0.0) });
        const auto top = columnExtremes(points, 500, true), bottom = columnExtremes(points, 500, false);
        QCOMPARE(top.size(), std::size_t(500));
        QCOMPARE(bottom.size(), std::size_t(500));
        QVERIFY(std::is_sorted(top.begin(), top.end(), [](const Point& a, const Point& b) { return a.x < b.x; }));
        QVERIFY(std::any_of(top.begin(), top.end(), [](const Point& p) { return p.x == 4321.0 && p.y > 2.0; }));
        // Each column of 20 points holds every residue of 7: its top is 1.06, its bottom 1.00 (but the spike's).
        QVERIFY(std::all_of(bottom.begin(), bottom.end(), [](const Point& p) { return p.y == 1.0; }));
        QCOMPARE(std::count_if(top.begin(), top.end(), [](const Point& p) { return p.y == 1.06; }), 499);
        const std::vector<Point> few { { 0, 1 }, { 1, 2 } };
        QCOMPARE(columnExtremes(few, 500, true).size(), std::size_t(2));
    }

    void niceAxes()
    {
        // 38 … 250 ms: range 212 rounds up to 500, step 100, bounds 0 … 300.
        const auto a = niceAxis(38, 250);
        QCOMPARE(a.step, 100.0);
        QCOMPARE(a.min, 0.0);
        QCOMPARE(a.max, 300.0);
        QCOMPARE(a.tickCount(), 4);
        const auto b = niceAxis(0.0494, 0.0871);
        QVERIFY(b.min <= 0.0494 && b.max >= 0.0871);
        QVERIFY(b.tickCount() >= 2 && b.tickCount() <= 8);
        const auto flat = niceAxis(5, 5);
        QVERIFY(flat.min < 5 && flat.max > 5);
    }

    void ticksNeverReadAlike()
    {
        // Runs 1 … 3: a nice axis steps by 0.5, which "%d" printed as "1 1 2 2 3"; a count axis steps by 1.
        QCOMPARE(niceAxis(1, 3).step, 0.5);
        const auto runs = countAxis(1, 3);
        QCOMPARE(runs.step, 1.0);
        QCOMPARE(runs.min, 1.0);
        QCOMPARE(runs.max, 3.0);
        QCOMPARE(runs.tickCount(), 3);
        QCOMPARE(countAxis(1, 2000).step, niceAxis(1, 2000).step);
        // Decimals follow the step: every tick printed with them differs from its neighbours.
        for (const auto& [low, high] : std::vector<std::pair<double, double>> {
                 { 1, 3 }, { 0.0494, 0.0871 }, { 12.01, 12.07 }, { 0, 2e9 }, { 14.9, 15.3 }, { 38, 250 } }) {
            const auto axis = niceAxis(low, high);
            const int decimals = tickDecimals(axis);
            QStringList labels;
            for (int t = 0; t < axis.tickCount(); ++t)
                labels << QString::number(axis.min + t * axis.step, 'f', decimals);
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
            // And no more decimals than that: one fewer makes two alike (unless the step is whole).
            if (decimals > 0) {
                QStringList fewer;
                for (int t = 0; t < axis.tickCount(); ++t)
                    fewer << QString::number(axis.min + t * axis.step, 'f', decimals - 1);
                QVERIFY2(QSet<QString>(fewer.begin(), fewer.end()).size() < fewer.size(), qPrintable(fewer.join(u' ')));
            }
        }
    }

    void shortNamesKeepWhatDistinguishes()
    {
        using V = std::vector<std::string>;
        // Shared directories go; a file name that two share keeps its directory.
        QCOMPARE(shortNames(V { "/home/u/examples/fib.py", "/home/u/examples/sort_numbers.py" }),
            (V { "fib.py", "sort_numbers.py" }));
        QCOMPARE(
            shortNames(V { "/w/a/fib.py", "/w/b/fib.py", "/w/b/sort.py" }), (V { "a/fib.py", "b/fib.py", "sort.py" }));
        // pytest-benchmark's four tests of one file (they all read "test_bench.py::t…" in a legend before).
        QCOMPARE(shortNames(V { "test_bench.py::test_sort_small", "test_bench.py::test_sort_large",
                     "test_bench.py::test_json_small", "test_bench.py::test_json_large" }),
            (V { "sort_small", "sort_large", "json_small", "json_large" }));
        // Commands keep their arguments (two "/bin/sleep" read alike in the list before); their programs lose the
        // directory, and a slash inside an argument is no directory of the name.
        QCOMPARE(shortNames(V { "/bin/sleep 0.1", "/bin/sleep 0.2" }), (V { "sleep 0.1", "sleep 0.2" }));
        QCOMPARE(shortNames(V { "python3 -c pass", "/bin/true", "cat /etc/hosts" }),
            (V { "python3 -c pass", "true", "cat /etc/hosts" }));
        // Pairs, side by side.
        QCOMPARE(
            shortNames(V { "/w/t/old_version.py → /w/t/new_version.py" }), (V { "old_version.py → new_version.py" }));
        // One name: its file name. Names that are not distinct stay as they are.
        QCOMPARE(shortNames(V { "/tmp/x/old.py" }), (V { "old.py" }));
        QCOMPARE(shortNames(V { "a", "a" }), (V { "a", "a" }));
        // The middle of a long name goes, counted in characters, not bytes.
        QCOMPARE(elideMiddle("json_roundtrip_with_a_very_long_name.py", 16), std::string("json_rou…name.py"));
        QCOMPARE(elideMiddle("äöüäöüäöüäöü", 5), std::string("äö…öü"));
        QCOMPARE(elideMiddle("short", 16), std::string("short"));
        // Sixty pyperformance-like names stay distinct and no longer than asked.
        V many;
        for (int i = 0; i < 60; ++i)
            many.push_back("bm_" + std::to_string(i) + "_a_long_benchmark_name_of_pyperformance");
        const auto shorter = shortNames(many, 20);
        QCOMPARE(std::set<std::string>(shorter.begin(), shorter.end()).size(), many.size());
        for (const auto& name : shorter)
            QVERIFY(QString::fromStdString(name).size() <= 20);
    }

    void tukeyBoxes()
    {
        // Q1 = 10.75, Q3 = 14.25, fences 5.5 and 19.5: 4, -5 and 40 are drawn as points, the whiskers end at
        // 10 and 19 (values checked by hand against the statistics module's quartiles).
        std::vector<double> sample { 10, 11, 12, 12, 13, 13, 14, 15, 4, 19, -5, 40 };
        std::sort(sample.begin(), sample.end());
        const auto box = tukeyBox(sample);
        QCOMPARE(box.q1, 10.75);
        QCOMPARE(box.median, 12.5);
        QCOMPARE(box.q3, 14.25);
        QCOMPARE(box.lowerWhisker, 10.0);
        QCOMPARE(box.upperWhisker, 19.0);
        auto outliers = box.outliers;
        std::sort(outliers.begin(), outliers.end());
        QCOMPARE(outliers, (std::vector<double> { -5, 4, 40 }));
    }
};

QTEST_APPLESS_MAIN(TestChartMath)
#include "tst_chart_math.moc"
