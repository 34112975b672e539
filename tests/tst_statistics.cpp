#include "core/stats/statistics.h"

#include <QTest>
#include <cmath>

using namespace pyrometer;

// Reference values below were computed independently with CPython 3.11's `statistics` module (mean, stdev,
// median; quantiles(method="inclusive"), which is Hyndman & Fan definition 7) and, for the median's
// confidence ranks, with exact binomial sums in `fractions.Fraction` and `math.comb`:
//     coverage(l) = 1 - 2 * sum(comb(n, k) for k < l) / 2**n
// They are typed in here, not computed by the code under test.
class TestStatistics : public QObject
{
    Q_OBJECT

    // 20 timings in seconds: mostly around 50 ms, with two slow runs (62.3 ms and 87.1 ms).
    const std::vector<double> timings { 0.0512, 0.0498, 0.0535, 0.0501, 0.0623, 0.0507, 0.0499, 0.0515, 0.0503, 0.0871,
        0.0509, 0.0496, 0.0511, 0.0505, 0.0520, 0.0502, 0.0518, 0.0500, 0.0506, 0.0494 };

    static void near(double actual, double expected, double relative = 1e-12)
    {
        QVERIFY2(std::abs(actual - expected) <= relative * std::abs(expected) + 1e-15,
            qPrintable(QStringLiteral("%1 != %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

private Q_SLOTS:
    void summaryMatchesReference()
    {
        const Summary s = summarize(timings);
        QCOMPARE(s.n, std::size_t(20));
        near(s.mean, 0.053124999999999999);
        near(s.stddev, 0.0084585599744936048);
        near(s.median, 0.050650000000000001);
        near(s.p5, 0.049589999999999995);
        near(s.p25, 0.050075000000000001);
        near(s.p75, 0.051574999999999996);
        near(s.p95, 0.063539999999999999);
        near(s.p99, 0.082387999999999989);
        near(s.mad, 0.00069999999999999923, 1e-9);
        near(s.iqr, 0.0014999999999999944, 1e-9);
        near(s.min, 0.0494);
        near(s.max, 0.0871);
        near(s.cv, 0.0084585599744936048 / 0.053124999999999999);
    }

    void medianIntervalIsTheSixthAndFifteenthValue()
    {
        // n = 20: ranks (6, 15), coverage 0.9586105346679688; the sorted sample's 6th and 15th values.
        const Summary s = summarize(timings);
        QVERIFY(s.medianCiLow && s.medianCiHigh);
        QCOMPARE(*s.medianCiLow, 0.0501);
        QCOMPARE(*s.medianCiHigh, 0.0515);
        near(s.medianCiConfidence, 0.9586105346679688);
    }

    void outliersOfTheTimings()
    {
        // Both slow runs lie beyond Q3 + 3 IQR = 0.056075; both have |modified Z| > 3.5 (MAD = 0.0007).
        const Summary s = summarize(timings);
        QCOMPARE(s.outliers.severeHigh, std::size_t(2));
        QCOMPARE(s.outliers.mildHigh, std::size_t(0));
        QCOMPARE(s.outliers.tukeyTotal(), std::size_t(2));
        QCOMPARE(s.outliers.modifiedZ, std::size_t(2));
    }

    void outliersOnBothSides()
    {
        // Q1 = 10.75, Q3 = 14.25, IQR = 3.5: 4 is a mild low outlier, -5 a severe low one, 40 a severe high
        // one; 19 stays inside (fence 19.5). Median 12.5, MAD 2: modified Z flags -5 and 40.
        const Summary s = summarize({ 10, 11, 12, 12, 13, 13, 14, 15, 4, 19, -5, 40 });
        QCOMPARE(s.outliers.mildLow, std::size_t(1));
        QCOMPARE(s.outliers.severeLow, std::size_t(1));
        QCOMPARE(s.outliers.mildHigh, std::size_t(0));
        QCOMPARE(s.outliers.severeHigh, std::size_t(1));
        QCOMPARE(s.outliers.modifiedZ, std::size_t(2));
        near(s.mean, 13.166666666666666);
        near(s.stddev, 10.399592066591611);
        QCOMPARE(s.mad, 2.0);
    }

    void medianRanks_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("lower");
        QTest::addColumn<int>("upper");
        QTest::addColumn<double>("coverage");
        QTest::newRow("6") << 6 << 1 << 6 << 0.96875;
        QTest::newRow("10") << 10 << 2 << 9 << 0.978515625;
        QTest::newRow("20") << 20 << 6 << 15 << 0.9586105346679688;
        QTest::newRow("30") << 30 << 10 << 21 << 0.9572260547429323;
        QTest::newRow("100") << 100 << 40 << 61 << 0.9647997997822951;
        QTest::newRow("1000") << 1000 << 469 << 532 << 0.9537088026395019;
        // Odd and large sizes, where the search starts from the normal approximation.
        QTest::newRow("7") << 7 << 1 << 7 << 0.984375;
        QTest::newRow("51") << 51 << 19 << 33 << 0.9511261076817297;
        QTest::newRow("2500") << 2500 << 1201 << 1300 << 0.9523181347789564;
        QTest::newRow("50000") << 50000 << 24781 << 25220 << 0.9503860063767062;
    }

    void medianRanks()
    {
        QFETCH(int, n);
        QFETCH(int, lower);
        QFETCH(int, upper);
        QFETCH(double, coverage);
        const auto ranks = medianConfidenceRanks(static_cast<std::size_t>(n));
        QVERIFY(ranks);
        QCOMPARE(ranks->lower, std::size_t(lower));
        QCOMPARE(ranks->upper, std::size_t(upper));
        near(ranks->confidence, coverage, 1e-10);
    }

    void tooFewRunsForAnInterval()
    {
        // With n = 5 even [min, max] covers only 1 - 2/32 = 93.75%.
        QVERIFY(!medianConfidenceRanks(5));
        const Summary s = summarize({ 3, 1, 2, 5, 4 });
        QVERIFY(!s.medianCiLow);
        QCOMPARE(s.median, 3.0);
    }

    void quantileInterpolates()
    {
        const std::vector<double> sorted { 1, 2, 3, 4 };
        QCOMPARE(quantile(sorted, 0.0), 1.0);
        QCOMPARE(quantile(sorted, 1.0), 4.0);
        QCOMPARE(quantile(sorted, 0.5), 2.5);
        QCOMPARE(quantile(sorted, 0.25), 1.75); // h = 3 * 0.25 = 0.75
    }

    void degenerateSamples()
    {
        const Summary empty = summarize({});
        QCOMPARE(empty.n, std::size_t(0));
        QVERIFY(std::isnan(empty.median));

        const Summary one = summarize({ 0.25 });
        QCOMPARE(one.median, 0.25);
        QCOMPARE(one.mean, 0.25);
        QVERIFY(std::isnan(one.stddev));

        // Identical values: MAD is 0, and no modified Z-score outlier is claimed.
        const Summary same = summarize(std::vector<double>(10, 1.5));
        QCOMPARE(same.stddev, 0.0);
        QCOMPARE(same.mad, 0.0);
        QCOMPARE(same.outliers.modifiedZ, std::size_t(0));
        QCOMPARE(same.outliers.tukeyTotal(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
