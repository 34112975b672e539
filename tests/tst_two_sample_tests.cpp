#include "core/stats/two_sample_tests.h"

#include <QTest>
#include <cmath>
#include <map>
#include <random>
#include <tuple>

using namespace pyrometer;

// Reference values were computed independently with CPython 3.11, not with the code under test:
// - exact Mann–Whitney p-values by enumerating every placement of the first sample's ranks
//   (itertools.combinations), two-sided as 2 P(U <= min(U, n1 n2 - U));
// - the tie-corrected normal approximation from the textbook formula with statistics.NormalDist;
// - Welch's p by Simpson integration (200,000 panels) of the Student t density written with math.lgamma;
// - Hodges–Lehmann as statistics.median of all pairwise differences;
// - the Wilcoxon signed-rank p-values with scipy (see that test).
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
        // Every value equal: p = 1 with the floor of 8 + 8 runs (2 / C(16, 8)), so "no significant change".
        near(mannWhitney(same, same).floor, 2.0 / 12870.0, 1e-12);
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

    void hodgesLehmannMatchesEveryPairwiseDifference()
    {
        // Reference: the definition, the median of all m·n differences formed and sorted. Sizes odd and even,
        // values with many ties (rounded to a coarse grid) and without.
        std::mt19937_64 random(11);
        for (const auto& [m, n, grid] : std::vector<std::tuple<std::size_t, std::size_t, double>> { { 1, 1, 0 },
                 { 1, 7, 0 }, { 5, 6, 0 }, { 40, 37, 0 }, { 300, 250, 0 }, { 301, 299, 0.01 }, { 500, 2, 0.1 },
                 { 2, 500, 0 }, { 200, 200, 1.0 } }) {
            std::normal_distribution<double> noise(1.0, 0.3);
            std::vector<double> a(m), b(n);
            const auto draw = [&](double shift) {
                const double x = noise(random) + shift;
                return grid > 0 ? std::round(x / grid) * grid : x;
            };
            for (auto& x : a)
                x = draw(0);
            for (auto& x : b)
                x = draw(0.05);
            std::vector<double> all;
            for (double x : a) {
                for (double y : b)
                    all.push_back(y - x);
            }
            std::sort(all.begin(), all.end());
            const double expected
                = all.size() % 2 ? all[all.size() / 2] : (all[all.size() / 2 - 1] + all[all.size() / 2]) / 2.0;
            QCOMPARE(hodgesLehmann(a, b), expected);
        }
    }

    void bootstrapMediansAreDistributedAsResampling()
    {
        // The resampled median is drawn from order statistics instead of resampling: its distribution must be the
        // one that resampling gives. Reference: 200,000 textbook resamples (copy n values, sort, take the middle)
        // of an even-sized and an odd-sized sample; the total variation distance between the two distributions of
        // the median must be within Monte Carlo error (about 0.005 here; an off-by-one in a rank gives > 0.1).
        for (const std::size_t n : { std::size_t(20), std::size_t(21) }) {
            std::vector<double> sample(n);
            for (std::size_t i = 0; i < n; ++i)
                sample[i] = 1.0 + static_cast<double>((i * 7) % n) / 8.0;
            constexpr int draws = 200'000;
            const auto viaOrderStatistics
                = bootstrapRatioOfMedians(std::vector<double>(5, 1.0), sample, draws, 0.95, 99).replicates;
            std::mt19937_64 random(7);
            std::uniform_int_distribution<std::size_t> pick(0, n - 1);
            std::map<double, double> frequency;
            std::vector<double> resample(n);
            for (int r = 0; r < draws; ++r) {
                for (auto& x : resample)
                    x = sample[pick(random)];
                std::sort(resample.begin(), resample.end());
                frequency[n % 2 ? resample[n / 2] : (resample[n / 2 - 1] + resample[n / 2]) / 2.0] += 1.0 / draws;
            }
            for (double median : viaOrderStatistics)
                frequency[median] -= 1.0 / draws;
            double distance = 0;
            for (const auto& [value, difference] : frequency)
                distance += std::abs(difference) / 2.0;
            QVERIFY2(distance < 0.01, qPrintable(QString::number(distance)));
        }
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

    void wilcoxonSignedRankMatchesScipy()
    {
        // References from scipy 1.10.1 (Debian's python3-scipy), scipy.stats.wilcoxon(d, zero_method="wilcox",
        // correction=True, mode="exact" or "approx"); scipy reports min(W+, W-), Pyrometer W+.
        const std::vector<double> d1 { 0.3, -0.1, 0.25, 0.5, 0.05, -0.2, 0.4, 0.15, 0.35, 0.45 };
        const auto exact = wilcoxonSignedRank(d1);
        QVERIFY(exact.exact);
        QCOMPARE(exact.statistic, 49.0); // W- = 6
        near(exact.pValue, 0.02734375, 1e-12);
        near(exact.floor, 2.0 / 1024.0, 1e-12);

        // Ties and a zero: the zero is dropped, the ties get midranks, the normal approximation is used.
        const std::vector<double> d2 { 0.1, 0.1, -0.1, 0.2, 0.0, 0.3, 0.3, 0.3, -0.05, 0.4, 0.15, 0.2 };
        const auto ties = wilcoxonSignedRank(d2);
        QVERIFY(!ties.exact);
        QCOMPARE(ties.statistic, 62.0); // 11 non-zero differences, W- = 4
        near(ties.pValue, 0.010918313925138605, 1e-9);

        // More than 50 differences: the approximation, without ties.
        std::vector<double> d3;
        for (int i = 1; i <= 60; ++i)
            d3.push_back(((i * 37) % 61 - 25) / 100.0 + 0.013 * i);
        const auto large = wilcoxonSignedRank(d3);
        QVERIFY(!large.exact);
        QCOMPARE(large.statistic, 60.0 * 61.0 / 2.0 - 25.0);
        near(large.pValue, 5.825580445663115e-11, 1e-6);

        // Eight differences of one sign: the exact test's smallest p, 2 / 2^8 (scipy: 0.0078125).
        const auto allUp = wilcoxonSignedRank(std::vector<double>(8, 1.0));
        QVERIFY(!allUp.exact); // eight tied magnitudes: approximated, and its floor is what it is
        QCOMPARE(allUp.pValue, allUp.floor);
        QCOMPARE(wilcoxonSignedRank(std::vector<double>(5, 0.0)).pValue, 1.0);
        // Thirty pairs without any difference (the same peak RSS): no change, not "too few" (floor 2 / 2^30).
        const auto none = wilcoxonSignedRank(std::vector<double>(30, 0.0));
        QCOMPARE(none.pValue, 1.0);
        near(none.floor, 2.0 / 1073741824.0, 1e-12);
        std::vector<double> distinct;
        for (int i = 1; i <= 8; ++i)
            distinct.push_back(i * 0.01);
        near(wilcoxonSignedRank(distinct).pValue, 0.0078125, 1e-12);
    }

    void pairedBootstrapMatchesTheExactBootstrapDistribution()
    {
        // Reference: the exact bootstrap distribution of the median of 21 log-ratios, computed in Python with
        // fractions: P(M* <= d(j)) = P(Binomial(21, j/21) >= 11) (Maritz & Jarrett 1978); exp of its 1.5%, 3.5%,
        // 96.5% and 98.5% quantiles are 0.9716107671891228, 0.97824023505121, 1.072722704342061 and
        // 1.0800420763926004, and exp(median) is 1.0243927520440328.
        std::vector<double> d;
        for (int i = 0; i < 21; ++i)
            d.push_back(std::round((((i * 37) % 21 - 8) * 0.011 + (i % 3) * 0.0021) * 1e6) / 1e6);
        const auto r = bootstrapPairedRatio(d);
        near(r.ratio, 1.0243927520440328, 1e-12);
        QVERIFY2(r.low >= 0.9716107671891228 && r.low <= 0.97824023505121, qPrintable(QString::number(r.low)));
        QVERIFY2(r.high >= 1.072722704342061 && r.high <= 1.0800420763926004, qPrintable(QString::number(r.high)));
        QCOMPARE(bootstrapPairedRatio(d).low, r.low); // seeded
    }
};

QTEST_APPLESS_MAIN(TestTwoSampleTests)
#include "tst_two_sample_tests.moc"
