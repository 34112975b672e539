#include "core/stats/complexity.h"
#include "core/stats/scaling.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <vector>

Q_DECLARE_METATYPE(std::vector<pyrometer::ScalingPoint>)

using namespace pyrometer;

namespace {
/// Medians exactly on t = a + b g(n), each with an error of `relativeError` of itself.
std::vector<ScalingPoint> curve(
    Complexity complexity, double a, double b, const std::vector<double>& sizes, double relativeError = 0.01)
{
    std::vector<ScalingPoint> points;
    for (const double n : sizes) {
        const double t = a + b * growth(complexity, n);
        points.push_back({ n, t, relativeError * t });
    }
    return points;
}

bool near(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::abs(expected);
}
} // namespace

// The complexity fit of scaling curves: each class recovered, its coefficients, the criterion, and what is
// said when the data cannot tell.
class TestComplexity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        QCOMPARE(complexityName(Complexity::Linearithmic), std::string("O(n log n)"));
        QCOMPARE(complexityTerm(Complexity::Linearithmic), std::string("n log n"));
        QCOMPARE(complexityTerm(Complexity::Quadratic), std::string("n²"));
        QCOMPARE(complexityTerm(Complexity::Constant), std::string());
        QCOMPARE(growth(Complexity::Linearithmic, 1024), 10240.0);
        QVERIFY(std::isinf(growth(Complexity::Exponential, 5000)));
    }

    // Medians exactly on a curve of each class, five sizes over four decades (2ⁿ: 2 to 26): the class is
    // recovered with its constant and coefficient, well ahead of the next.
    void everyClassIsRecovered_data()
    {
        QTest::addColumn<int>("complexity");
        QTest::addColumn<double>("coefficient");
        const std::vector<double> decades { 10, 100, 1000, 10'000, 100'000 };
        QTest::newRow("O(1)") << int(Complexity::Constant) << 0.0;
        QTest::newRow("O(log n)") << int(Complexity::Logarithmic) << 3e-7;
        QTest::newRow("O(n)") << int(Complexity::Linear) << 2e-8;
        QTest::newRow("O(n log n)") << int(Complexity::Linearithmic) << 4.2e-8;
        QTest::newRow("O(n²)") << int(Complexity::Quadratic) << 1e-9;
        QTest::newRow("O(n³)") << int(Complexity::Cubic) << 1e-12;
        QTest::newRow("O(2ⁿ)") << int(Complexity::Exponential) << 1e-8;
    }
    void everyClassIsRecovered()
    {
        QFETCH(int, complexity);
        QFETCH(double, coefficient);
        const auto truth = static_cast<Complexity>(complexity);
        const auto sizes = truth == Complexity::Exponential ? std::vector<double> { 2, 8, 14, 20, 26 }
                                                            : std::vector<double> { 10, 100, 1000, 10'000, 100'000 };
        const auto points = curve(truth, 2e-6, coefficient, sizes);
        const auto analysis = fitComplexity(points);
        QVERIFY2(analysis.decided(), analysis.undecided.c_str());
        QCOMPARE(complexityName(analysis.best()->complexity), complexityName(truth));
        QVERIFY(near(analysis.best()->constant, 2e-6, 1e-6));
        if (truth != Complexity::Constant)
            QVERIFY(near(analysis.best()->coefficient, coefficient, 1e-6));
        QVERIFY(analysis.best()->relativeRms < 1e-9);
        // A constant fits every two-term class as well (with no growth): only the penalty for the second term
        // sets it ahead, 4 + 12/2 − (2 + 4/3) = 6.67 of AICc at five points.
        QVERIFY2(
            analysis.lead > (truth == Complexity::Constant ? 6.6 : 10), qPrintable(QString::number(analysis.lead)));
        QCOMPARE(analysis.fits.size(), truth == Complexity::Exponential ? std::size_t(7) : std::size_t(6));
    }

    // Against a weighted least-squares fit computed independently, in exact rational arithmetic (Python's
    // fractions, the normal equations solved by Cramer's rule, each weight 1/(SE² + (0.05 t)²)):
    //   n = 10, 100, 1000, 10000; t = 1.2e-6, 2.9e-6, 2.1e-5, 2.02e-4; SE = 0.1e-6, 0.2e-6, 1e-6, 5e-6
    //   → a = 9.827414848736589e-07, b = 1.997587843189464e-08, Σw r² = 0.14154194035392795,
    //     AICc = 4 ln(RSS/4) + 4 + 12 = 2.6341857252998118, relative rms 0.015989377721905663
    void linearFitMatchesAReference()
    {
        const std::vector<ScalingPoint> points { { 10, 1.2e-6, 0.1e-6 }, { 100, 2.9e-6, 0.2e-6 },
            { 1000, 2.1e-5, 1e-6 }, { 10'000, 2.02e-4, 5e-6 } };
        const auto analysis = fitComplexity(points);
        const auto* linear = analysis.find(Complexity::Linear);
        QVERIFY(linear);
        QVERIFY(near(linear->constant, 9.827414848736589e-07, 1e-9));
        QVERIFY(near(linear->coefficient, 1.997587843189464e-08, 1e-9));
        QVERIFY(near(linear->weightedRss, 0.14154194035392795, 1e-8));
        QVERIFY(near(linear->aicc, 2.6341857252998118, 1e-8));
        QVERIFY(near(linear->relativeRms, 0.015989377721905663, 1e-8));
        QCOMPARE(linear->parameters, 2);
    }

    // Noise of up to ±2.5% on each median (a fixed pattern), 2% error bars, seven sizes over three decades:
    // still the right class.
    void noisyCurvesKeepTheirClass_data()
    {
        QTest::addColumn<int>("complexity");
        QTest::addColumn<double>("coefficient");
        QTest::newRow("O(log n)") << int(Complexity::Logarithmic) << 5e-8;
        QTest::newRow("O(n)") << int(Complexity::Linear) << 2e-8;
        QTest::newRow("O(n log n)") << int(Complexity::Linearithmic) << 4e-9;
        QTest::newRow("O(n²)") << int(Complexity::Quadratic) << 1e-10;
    }
    void noisyCurvesKeepTheirClass()
    {
        QFETCH(int, complexity);
        QFETCH(double, coefficient);
        const auto truth = static_cast<Complexity>(complexity);
        const double noise[] = { 1.02, 0.985, 1.01, 0.975, 1.025, 0.99, 1.015 };
        auto points = curve(truth, 1e-6, coefficient, { 100, 300, 1000, 3000, 10'000, 30'000, 100'000 }, 0.02);
        for (std::size_t i = 0; i < points.size(); ++i)
            points[i].median *= noise[i];
        const auto analysis = fitComplexity(points);
        QVERIFY2(analysis.decided(), analysis.undecided.c_str());
        QCOMPARE(complexityName(analysis.best()->complexity), complexityName(truth));
        QVERIFY(near(analysis.best()->coefficient, coefficient, 0.1));
        QVERIFY(analysis.best()->relativeRms < 0.03);
    }

    // When the data cannot tell, it is said, and why.
    void undecidedCurves()
    {
        const auto three = fitComplexity(curve(Complexity::Linear, 0, 1e-8, { 10, 1000, 100'000 }));
        QVERIFY(!three.decided());
        QVERIFY(three.undecided.find("too few sizes") != std::string::npos);
        // Ranked all the same, by AIC: AICc needs a fourth point.
        QCOMPARE(complexityName(three.best()->complexity), std::string("O(n)"));
        QVERIFY(std::isinf(three.best()->aicc));

        const auto narrow = fitComplexity(curve(Complexity::Quadratic, 0, 1e-9, { 100, 200, 300, 500, 900 }));
        QVERIFY(!narrow.decided());
        QCOMPARE(narrow.undecided, std::string("the sizes span less than a decade (100 to 900) to tell the class"));
        const auto large = fitComplexity(curve(Complexity::Linear, 0, 1e-9, { 1e6, 2e6, 3e6, 5e6 }));
        QCOMPARE(
            large.undecided, std::string("the sizes span less than a decade (1000000 to 5000000) to tell the class"));

        // One decade, 5% error bars and noise: n and n log n differ by a third across it, within the noise.
        auto close = curve(Complexity::Linear, 1e-6, 1e-8, { 1000, 2000, 4000, 7000, 10'000 }, 0.05);
        const double noise[] = { 1.03, 0.97, 1.02, 0.98, 1.01 };
        for (std::size_t i = 0; i < close.size(); ++i)
            close[i].median *= noise[i];
        const auto tie = fitComplexity(close);
        QVERIFY(!tie.decided());
        QVERIFY2(
            tie.undecided.find("fit about equally well (AICc within 2)") != std::string::npos, tie.undecided.c_str());
        QVERIFY(tie.lead < 2);

        // A curve whose class rests on one size, as measured of a loop over range(n) (per element 6 ns at 100, then
        // 10–11 ns: at 100 every number is one of CPython's cached small integers): with every size O(n log n) comes
        // first, without 100 O(n). Said so, naming the size.
        std::vector<ScalingPoint> kinked { { 100, 622e-9, 18e-9 }, { 1000, 10.31e-6, 0.6e-6 },
            { 10'000, 113.7e-6, 12e-6 }, { 100'000, 1.267e-3, 0.12e-3 }, { 1'000'000, 11.61e-3, 0.3e-3 } };
        const auto resting = fitComplexity(kinked);
        QVERIFY(!resting.decided());
        QCOMPARE(resting.undecided, std::string("the class rests on the size 100 alone (without it, O(n) fits best)"));
        QCOMPARE(complexityName(resting.best()->complexity), std::string("O(n log n)"));

        // A curve no class follows: n^1.5 over three decades lies between n log n and n², far from both.
        std::vector<ScalingPoint> between;
        for (const double n : { 100.0, 1000.0, 10'000.0, 100'000.0 })
            between.push_back({ n, 1e-9 * std::pow(n, 1.5), 1e-11 * std::pow(n, 1.5) });
        const auto poor = fitComplexity(between);
        QVERIFY(!poor.decided());
        QVERIFY2(poor.undecided.starts_with("no class fits within 50% of the medians (the closest, "),
            poor.undecided.c_str());

        QVERIFY(fitComplexity({}).best() == nullptr);
        QCOMPARE(fitComplexity({}).undecided, std::string("no sizes measured"));
    }

    // Curves measured of Python functions of known complexity (pyrometer run, --min-time 0.02, 5 runs a size, on the
    // shared 2-core machine): medians and standard errors in seconds per call. The class each must come out.
    void measuredFunctionsKeepTheirClass_data()
    {
        QTest::addColumn<std::vector<ScalingPoint>>("points");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("loose");
        // table[key] of a dict of n entries: 37 ns up to 300 entries, 44 ns from 1000 (the dict's index grows
        // wider). O(n) with a tiny coefficient fits the step best, yet rises by only 20%.
        QTest::newRow("dict lookup") << std::vector<ScalingPoint> { { 10, 38.36e-9, 0.844e-9 },
            { 30, 37.67e-9, 0.339e-9 }, { 100, 36.6e-9, 1.13e-9 }, { 300, 37.95e-9, 1.77e-9 },
            { 1000, 44.01e-9, 0.885e-9 }, { 3000, 44.34e-9, 1.25e-9 } }
                                     << QStringLiteral("O(1)") << false;
        // table[n // 2]: below 257 the key is a cached small integer (46 ns), above it a new one each call (53 ns).
        QTest::newRow("dict lookup, key made each call") << std::vector<ScalingPoint> { { 100, 46.37e-9, 0.987e-9 },
            { 300, 43.25e-9, 0.126e-9 }, { 1000, 53.34e-9, 0.847e-9 }, { 3000, 55.09e-9, 1.72e-9 },
            { 10000, 53.97e-9, 0.471e-9 }, { 30000, 53.37e-9, 0.703e-9 } }
                                                         << QStringLiteral("O(1)") << false;
        // bisect_left on a list: 95 ns at 100 elements, 230 ns at 1,000,000.
        QTest::newRow("bisect") << std::vector<ScalingPoint> { { 100, 95.43e-9, 0.627e-9 }, { 300, 134.2e-9, 1.916e-9 },
            { 1000, 142.8e-9, 1.674e-9 }, { 3000, 161.5e-9, 1.369e-9 }, { 10000, 186.6e-9, 14.47e-9 },
            { 30000, 198.9e-9, 3.036e-9 }, { 100000, 205.9e-9, 4.622e-9 }, { 1000000, 230.0e-9, 12.43e-9 } }
                                << QStringLiteral("O(log n)") << false;
        QTest::newRow("list scan") << std::vector<ScalingPoint> { { 100, 536.1e-9, 41.5e-9 }, { 300, 1461e-9, 22.5e-9 },
            { 1000, 4734e-9, 211e-9 }, { 3000, 14.26e-6, 0.202e-6 }, { 10000, 48.15e-6, 1.22e-6 },
            { 30000, 132.5e-6, 9.39e-6 } }
                                   << QStringLiteral("O(n)") << false;
        // sorted() of shuffled ints: 2.4 ns per n log₂ n at 100, 7 ns at 30,000 as the list outgrows the caches.
        // Weighted by their standard errors alone, the precise large sizes made it O(n²).
        QTest::newRow("sorted") << std::vector<ScalingPoint> { { 100, 1607e-9, 78.5e-9 }, { 300, 5645e-9, 51.3e-9 },
            { 1000, 25.17e-6, 1.13e-6 }, { 3000, 143.9e-6, 1.24e-6 }, { 10000, 805.4e-6, 3.6e-6 },
            { 30000, 3.108e-3, 55.6e-6 } }
                                << QStringLiteral("O(n log n)") << true;
        // for i in range(n): for j in range(n): pass — 5.8 to 12.9 ns per n².
        QTest::newRow("double loop") << std::vector<ScalingPoint> { { 10, 1288e-9, 37.4e-9 }, { 30, 7547e-9, 102e-9 },
            { 100, 58.25e-6, 6.31e-6 }, { 300, 560.9e-6, 7.73e-6 }, { 1000, 9.135e-3, 88.4e-6 },
            { 3000, 93.45e-3, 2.12e-3 } }
                                     << QStringLiteral("O(n²)") << true;
    }
    void measuredFunctionsKeepTheirClass()
    {
        QFETCH(std::vector<ScalingPoint>, points);
        QFETCH(QString, expected);
        QFETCH(bool, loose);
        const auto analysis = fitComplexity(points);
        QVERIFY2(analysis.decided(), analysis.undecided.c_str());
        QCOMPARE(QString::fromStdString(complexityName(analysis.best()->complexity)), expected);
        QCOMPARE(analysis.best()->relativeRms > looseFit, loose);
        const auto quality = describeQuality(analysis);
        QCOMPARE(quality.find("loosely") != std::string::npos, loose);
        QCOMPARE(analysis.noMaterialGrowth, expected == QStringLiteral("O(1)"));
    }

    // Points that cannot be fitted are left out and counted, never fitted as numbers.
    void unusablePointsAreLeftOut()
    {
        auto points = curve(Complexity::Linear, 1e-6, 1e-8, { 10, 100, 1000, 10'000, 100'000 });
        points.push_back({ 0, 1, 0.1 });
        points.push_back({ -5, 1, 0.1 });
        points.push_back({ 50, std::nan(""), 0.1 });
        points.push_back({ 50, 1e-6, std::numeric_limits<double>::infinity() });
        points.push_back({ 50, -1e-6, 0.1 });
        const auto analysis = fitComplexity(points);
        QCOMPARE(analysis.leftOut, std::size_t(5));
        QVERIFY(analysis.decided());
        QCOMPARE(complexityName(analysis.best()->complexity), std::string("O(n)"));
    }

    // A point with no spread (every run alike) counts as known to 0.1%: it does not outweigh the others.
    void noPointOutweighsTheRest()
    {
        auto points = curve(Complexity::Linear, 1e-6, 1e-8, { 10, 100, 1000, 10'000, 100'000 }, 0.01);
        points[2].median *= 1.5;
        points[2].error = 0;
        const auto analysis = fitComplexity(points);
        const auto* linear = analysis.find(Complexity::Linear);
        QVERIFY(linear);
        QVERIFY(std::isfinite(linear->aicc));
        QVERIFY(std::isfinite(linear->coefficient) && linear->coefficient > 0);
    }

    // The median's standard error from the MAD: values 1…5 have median 3 and MAD 1, so
    // 1.2533 × 1.4826 × 1 / √5 = 0.830985… (by hand).
    void scalingPointOfRuns()
    {
        const double values[] = { 5, 1, 4, 2, 3 };
        const auto point = scalingPoint(1000, values);
        QCOMPARE(point.n, 1000.0);
        QCOMPARE(point.median, 3.0);
        QVERIFY(near(point.error, 1.2533 * 1.4826 / std::sqrt(5.0), 1e-12));
        QCOMPARE(scalingPoint(10, std::vector<double> { 7 }).error, 0.0);
    }

    // A prediction from runs of a linear function (each size's runs spread ±3% around the truth): the value
    // within 3% of the truth at ten times the largest size, an interval around it, and the warning past tenfold.
    void predictionFromRuns()
    {
        std::vector<ScalingSample> samples;
        const double spread[] = { 0.97, 0.98, 0.99, 1.0, 1.0, 1.01, 1.02, 1.03, 0.995, 1.005 };
        for (const double n : { 1e3, 3e3, 1e4, 3e4, 1e5 }) {
            ScalingSample sample { n, {} };
            for (const double s : spread)
                sample.values.push_back((1e-6 + 2e-8 * n) * s);
            samples.push_back(sample);
        }
        const double truth = 1e-6 + 2e-8 * 1e6;
        const auto inside = predictScaling(samples, Complexity::Linear, 1e6, 500, 7);
        QVERIFY(near(inside.value, truth, 0.03));
        QVERIFY(inside.low <= inside.value && inside.value <= inside.high);
        QVERIFY(inside.low < truth && truth < inside.high);
        QVERIFY(inside.high - inside.low < 0.1 * truth);
        QVERIFY(!inside.farOutside);
        QVERIFY(predictScaling(samples, Complexity::Linear, 1e7, 100, 7).farOutside);
        QVERIFY(predictScaling(samples, Complexity::Linear, 10, 100, 7).farOutside);
        // The same seed, the same interval.
        const auto again = predictScaling(samples, Complexity::Linear, 1e6, 500, 7);
        QCOMPARE(again.low, inside.low);
        QCOMPARE(again.high, inside.high);
        QVERIFY(std::isnan(predictScaling({}, Complexity::Linear, 1e6).value));
    }
};

QTEST_APPLESS_MAIN(TestComplexity)
#include "tst_complexity.moc"
