#include "core/stats/two_sample_tests.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace pyrometer;

// Reference values were computed independently with CPython 3.11, not with the code under test:
// - exact Mann–Whitney p-values by enumerating every placement of the first sample's ranks
//   (itertools.combinations), two-sided as 2 P(U <= min(U, n1 n2 - U));
// - the tie-corrected normal approximation from the textbook formula with statistics.NormalDist;
// - Welch's p by Simpson integration (200,000 panels) of the Student t density written with math.lgamma;
// - Hodges–Lehmann as statistics.median of all pairwise differences.
// The first Mann–Whitney case is the example of R's ?wilcox.test (W = 35, one-sided p = 0.1272).
class TestTwoSampleTests : public QObject
{
    Q_OBJECT
    static void near(double actual, double expected, double relative)
    {
        QVERIFY2(std::abs(actual - expected) <= relative * std::abs(expected),
            qPrintable(QStringLiteral("%1 != %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

private Q_SLOTS:
    void mannWhitneyExact()
    {
        const std::vector<double> x { 0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46 };
        const std::vector<double> y { 1.15, 0.88, 0.90, 0.74, 1.21 };
        const auto r = mannWhitney(x, y);
        QVERIFY(r.exact);
        QCOMPARE(r.statistic, 35.0);
        near(r.pValue, 0.2544122544122544, 1e-12);

        const std::vector<double> a { 1.1, 2.3, 3.5, 0.7, 5.2 };
        const std::vector<double> b { 4.1, 6.3, 5.9, 7.7, 3.3, 8.8 };
        const auto s = mannWhitney(a, b);
        QCOMPARE(s.statistic, 3.0);
        near(s.pValue, 0.030303030303030304, 1e-12);
        // The test is symmetric in its p-value.
        near(mannWhitney(b, a).pValue, s.pValue, 1e-12);
    }

    void mannWhitneyWithTies()
    {
        const std::vector<double> a { 10, 11, 11, 12, 13, 13, 13, 14, 15, 16, 12, 11 };
        const std::vector<double> b { 12, 13, 14, 14, 15, 15, 16, 17, 17, 18, 13, 19, 20 };
        const auto r = mannWhitney(a, b);
        QVERIFY(!r.exact);
        QCOMPARE(r.statistic, 24.5);
        near(r.pValue, 0.0036828639806114616, 1e-9);
    }

    void mannWhitneyEdgeCases()
    {
        const std::vector<double> same(8, 1.0);
        QCOMPARE(mannWhitney(same, same).pValue, 1.0);
        QCOMPARE(mannWhitney({}, same).pValue, 1.0);
        // Large samples without ties use the normal approximation.
        std::vector<double> big(40), bigger(40);
        for (int i = 0; i < 40; ++i)
            big[i] = i, bigger[i] = i + 0.5 + 40;
        QVERIFY(!mannWhitney(big, bigger).exact);
        QVERIFY(mannWhitney(big, bigger).pValue < 1e-10);
    }

    void welchMatchesReference()
    {
        const std::vector<double> a { 20.1, 19.8, 20.5, 21.0, 19.9, 20.3 };
        const std::vector<double> b { 21.2, 22.0, 20.9, 21.8, 22.5, 21.1, 21.7, 22.2 };
        const auto r = welch(a, b);
        QVERIFY(r);
        near(r->statistic, 5.23565122650434, 1e-12);
        near(r->pValue, 0.000212136230641, 1e-6);
        QVERIFY(!welch(std::vector<double> { 1.0 }, b));
        QVERIFY(!welch(std::vector<double>(3, 2.0), std::vector<double>(3, 2.0)));
    }

    void hodgesLehmannShift()
    {
        QCOMPARE(hodgesLehmann(std::vector<double> { 1.1, 2.3, 3.5, 0.7, 5.2 },
                     std::vector<double> { 4.1, 6.3, 5.9, 7.7, 3.3, 8.8 }),
            3.5);
        near(hodgesLehmann(std::vector<double> { 20.1, 19.8, 20.5, 21.0, 19.9, 20.3 },
                 std::vector<double> { 21.2, 22.0, 20.9, 21.8, 22.5, 21.1, 21.7, 22.2 }),
            1.4, 1e-12);
    }

    void bootstrapIsDeterministicAndCoversTheRatio()
    {
        std::mt19937 random(3);
        std::lognormal_distribution<double> wall(std::log(0.05), 0.05);
        std::vector<double> a(200), b(200);
        for (auto& x : a)
            x = wall(random);
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = a[(i * 7) % a.size()] * 1.10; // the same values, 10% slower, in another order
        const auto r = bootstrapRatioOfMedians(a, b);
        near(r.ratio, 1.10, 1e-12);
        QCOMPARE(r.replicates.size(), std::size_t(10'000));
        QVERIFY(r.low < 1.10 && r.high > 1.10);
        QVERIFY(r.low > 1.0); // clearly slower: the interval excludes 1
        const auto again = bootstrapRatioOfMedians(a, b);
        QCOMPARE(again.low, r.low);
        QCOMPARE(again.high, r.high);
        const auto other = bootstrapRatioOfMedians(a, b, 10'000, 0.95, 42);
        QVERIFY(other.low != r.low);
        // Identical samples: the interval straddles 1.
        const auto same = bootstrapRatioOfMedians(a, a);
        QCOMPARE(same.ratio, 1.0);
        QVERIFY(same.low < 1.0 && same.high > 1.0);
    }

    void bootstrapIntervalMatchesTheExactBootstrapDistribution()
    {
        // Reference: the exact bootstrap distribution of the ratio of medians, computed in Python with
        // fractions. For odd n the resampled median is x(j) with P(M* <= x(j)) = P(Binomial(n, j/n) >= (n+1)/2)
        // (Maritz & Jarrett 1978); the two medians are independent, so the ratio's distribution is the product
        // over all (j, k). Its 1.5%, 3.5%, 96.5% and 98.5% quantiles are 1.0597728631201435,
        // 1.0736159169550175, 1.2411873840445269 and 1.2582563351934863; 10,000 resamples put the 2.5% and
        // 97.5% points between them (a binomial standard error of 0.16% in probability).
        std::vector<double> a, b;
        for (int i = 0; i < 21; ++i)
            a.push_back(std::round((1.0 + ((i * 37) % 21) * 0.013 + (i % 3) * 0.0021) * 1e6) / 1e6);
        for (int i = 0; i < 25; ++i)
            b.push_back(std::round((1.1 + ((i * 11) % 25) * 0.017 + (i % 4) * 0.0017) * 1e6) / 1e6);
        const auto r = bootstrapRatioOfMedians(a, b);
        QVERIFY2(r.low >= 1.0597728631201435 && r.low <= 1.0736159169550175, qPrintable(QString::number(r.low)));
        QVERIFY2(r.high >= 1.2411873840445269 && r.high <= 1.2582563351934863, qPrintable(QString::number(r.high)));
    }
};

QTEST_APPLESS_MAIN(TestTwoSampleTests)
#include "tst_two_sample_tests.moc"
