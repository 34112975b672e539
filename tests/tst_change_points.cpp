#include "core/stats/change_points.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <random>
#include <vector>

using namespace pyrometer;

namespace {
std::vector<double> steps(const std::vector<std::pair<std::size_t, double>>& levels)
{
    std::vector<double> series;
    for (const auto& [count, level] : levels)
        series.insert(series.end(), count, level);
    return series;
}

/// `levels` with Gaussian noise of standard deviation `sigma` (relative to each level), from a fixed seed.
std::vector<double> noisy(const std::vector<std::pair<std::size_t, double>>& levels, double sigma, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    auto series = steps(levels);
    for (double& x : series)
        x *= 1.0 + noise(random);
    return series;
}

std::vector<std::size_t> positions(const std::vector<ChangePoint>& changes)
{
    std::vector<std::size_t> at;
    for (const auto& change : changes)
        at.push_back(change.index);
    return at;
}

/// The settings of MongoDB's reference runs: splits down to two points a side.
ChangePointSettings referenceSettings()
{
    ChangePointSettings settings;
    settings.minimumSegment = 2;
    return settings;
}
} // namespace

// E-Divisive change points: the statistic against an independent implementation's values, the changes it finds in
// fixed series against that implementation's, and synthetic series with steps at known places.
class TestChangePoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Q̂ at every split of a 12-point series and of a 173-point real performance series, against the values of
    // MongoDB's canonical O(n²) E-Divisive (github.com/mongodb/signal-processing-algorithms, tests/
    // test_perf_1635.py and tests/e_divisive_series.py). That implementation scales Ê by ⌊mn/(m+n)⌋ where the
    // paper scales by mn/(m+n), and stops at n − 3 splits; its values are compared as Ê = q / ⌊mn/(m+n)⌋.
    void statisticMatchesAnIndependentImplementation()
    {
        auto compare = [](const std::vector<double>& series, const std::vector<double>& floorScaled) {
            const auto ours = divergenceStatistics(series);
            QCOMPARE(ours.size(), series.size());
            const double n = double(series.size());
            for (std::size_t tau = 2; tau + 3 <= series.size(); ++tau) {
                const double t = double(tau), m = n - t;
                const double theirs = floorScaled[tau] / std::floor(t * m / n);
                const double energy = ours[tau] * n / (t * m);
                if (std::abs(energy - theirs) > 1e-9 * std::max(1.0, std::abs(theirs)))
                    QFAIL(qPrintable(
                        QStringLiteral("split %1: Ê %2, the reference's %3").arg(tau).arg(energy).arg(theirs)));
            }
            QCOMPARE(ours.front(), 0.0);
            QCOMPARE(ours[1], 0.0);
            QCOMPARE(ours.back(), 0.0);
        };
        compare({ 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3 },
            { 0, 0, 1.3777777777777778, 3.4444444444444438, 4.428571428571429, 2.971428571428571, 3.599999999999999,
                2.342857142857143, 2.857142857142857, 4.666666666666666, 0, 0 });

        QFile file(QStringLiteral(PYROMETER_FIXTURES "/change_points/perf_1635.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto document = QJsonDocument::fromJson(file.readAll()).object();
        std::vector<double> series, expected;
        for (const auto value : document[QStringLiteral("series")].toArray())
            series.push_back(value.toDouble());
        for (const auto value : document[QStringLiteral("qhat_floor_scaled")].toArray())
            expected.push_back(value.toDouble());
        QCOMPARE(series.size(), std::size_t(173));
        QCOMPARE(expected.size(), series.size());
        compare(series, expected);
    }

    // The changes found in fixed series, with Q̂, against those MongoDB's implementation finds in its own tests
    // (tests/test_detection.py, TestPostRunCheck: 100 permutations, p ≤ 0.01; the paper's scaling). The order of
    // discovery is checked through Q̂, which is that of the segment each change was found in.
    void changesMatchAnIndependentImplementation()
    {
        struct Expected
        {
            std::size_t index;
            double statistic;
        };
        auto check = [](const std::vector<double>& series, const std::vector<Expected>& expected,
                         const ChangePointSettings& settings = referenceSettings()) {
            const auto changes = findChangePoints(series, settings);
            QCOMPARE(changes.size(), expected.size());
            for (std::size_t k = 0; k < expected.size(); ++k) {
                QCOMPARE(changes[k].index, expected[k].index);
                QVERIFY2(std::abs(changes[k].statistic - expected[k].statistic) < 1e-9 * expected[k].statistic,
                    qPrintable(QString::number(changes[k].statistic, 'g', 17)));
                QVERIFY(changes[k].pValue <= settings.alpha);
            }
        };
        // 20 draws each from randint(1, 50), randint(60, 120), randint(150, 250).
        check({ 41, 18, 23, 3, 32, 11, 40, 13, 29, 48, 47, 35, 18, 21, 6, 2, 23, 3, 4, 7, 120, 103, 102, 81, 71, 62,
                  115, 61, 108, 63, 70, 98, 65, 96, 64, 74, 70, 113, 90, 114, 208, 196, 153, 150, 225, 179, 206, 165,
                  177, 151, 218, 217, 244, 245, 229, 195, 225, 229, 176, 250 },
            { { 20, 893.578947368421 }, { 40, 2848.1169590643276 } });

        auto series = steps({ { 15, 50 }, { 15, 100 } });
        QCOMPARE(positions(findChangePoints(series, referenceSettings())), std::vector<std::size_t> { 15 });
        series[14] = 74; // halfway, a little nearer the old level: the change is after it
        QCOMPARE(positions(findChangePoints(series, referenceSettings())), std::vector<std::size_t> { 15 });
        series[14] = 76; // a little nearer the new level: the change is at it
        QCOMPARE(positions(findChangePoints(series, referenceSettings())), std::vector<std::size_t> { 14 });

        series = steps({ { 15, 50 }, { 15, 100 } });
        series[2] = 100;
        check(series, { { 15, 649.9999999999999 } });

        series = steps({ { 15, 50 }, { 15, 100 }, { 15, 50 } });
        series[2] = 100;
        series[32] = 100;
        // The change at 33 is found first (Q̂ 226.7 over the whole series) and is the weaker: its p is about 0.015
        // (0.0156 with 4,999 permutations here), where the reference's 100 permutations happened to give 0. So it is
        // tested at α = 0.025 with 999 permutations; the next split proposed, at 30 (p ≈ 0.04), is refused there too.
        ChangePointSettings looser = referenceSettings();
        looser.permutations = 999;
        looser.alpha = 0.025;
        check(series, { { 15, 544.7415329768271 }, { 33, 226.66666666666674 } }, looser);
        QVERIFY(findChangePoints(series, referenceSettings()).empty()); // at α = 0.01 the first proposal is refused

        series = steps({ { 15, 50 }, { 15, 100 }, { 15, 150 } });
        series[2] = 100;
        check(series, { { 15, 649.9999999999999 }, { 30, 1209.1954022988505 } });

        QVERIFY(findChangePoints(steps({ { 30, 50 } }), referenceSettings()).empty());
    }

    // Synthetic series generated here, with the steps at stated places: a single step, two steps, a step in noise
    // as large as a quarter of it, and noise with no step; each change with its levels either side.
    void stepsAtKnownPlaces()
    {
        // One step of +10% at 60 in 1% noise: found within a point, levels within 1% of 1.0 and 1.1.
        auto changes = findChangePoints(noisy({ { 60, 1.0 }, { 40, 1.1 } }, 0.01, 1));
        QCOMPARE(changes.size(), std::size_t(1));
        QVERIFY(changes[0].index >= 59 && changes[0].index <= 61);
        QVERIFY(std::abs(changes[0].before - 1.0) < 0.01);
        QVERIFY(std::abs(changes[0].after - 1.1) < 0.011);
        QVERIFY(std::abs(changes[0].relativeChange() - 0.10) < 0.02);
        QVERIFY(changes[0].pValue <= 0.01);

        // Two steps: up 20% at 50, down to 0.9 at 120.
        changes = findChangePoints(noisy({ { 50, 1.0 }, { 70, 1.2 }, { 60, 0.9 } }, 0.01, 2));
        QCOMPARE(changes.size(), std::size_t(2));
        QVERIFY(changes[0].index >= 49 && changes[0].index <= 51);
        QVERIFY(changes[1].index >= 119 && changes[1].index <= 121);
        QVERIFY(changes[0].relativeChange() > 0.15 && changes[1].relativeChange() < -0.2);
        QVERIFY(std::abs(changes[1].before - 1.2) < 0.012); // the level between the two changes

        // A 4% step in 1% noise (a quarter of it) over 200 points: within 3 points of 100.
        changes = findChangePoints(noisy({ { 100, 1.0 }, { 100, 1.04 } }, 0.01, 3));
        QCOMPARE(changes.size(), std::size_t(1));
        QVERIFY(changes[0].index >= 97 && changes[0].index <= 103);

        // No step, exactly: nothing. No step, in noise: over 100 series of 80 points, false changes are rare —
        // each test has α = 0.01; 6 or more in 100 has a probability below 0.1% if each is a 1% chance.
        QVERIFY(findChangePoints(steps({ { 80, 1.0 } })).empty());
        int falseChanges = 0;
        for (std::uint64_t seed = 100; seed < 200; ++seed)
            falseChanges += int(findChangePoints(noisy({ { 80, 1.0 } }, 0.02, seed)).size());
        QVERIFY2(falseChanges <= 5, qPrintable(QString::number(falseChanges)));
    }

    // A significant but immaterial step is merged away with minimumChange, the smallest first, and the level either
    // side of the change that stays is the median of the merged segments.
    void immaterialChangesAreMerged()
    {
        const auto series = noisy({ { 40, 1.0 }, { 40, 1.01 }, { 40, 1.11 } }, 0.002, 6);
        QCOMPARE(positions(findChangePoints(series)), (std::vector<std::size_t> { 40, 80 }));
        ChangePointSettings material;
        material.minimumChange = 0.02;
        const auto changes = findChangePoints(series, material);
        QCOMPARE(positions(changes), std::vector<std::size_t> { 80 });
        QVERIFY(std::abs(changes[0].before - 1.005) < 0.004); // the median of the first 80 points
        QVERIFY(std::abs(changes[0].relativeChange() - 0.11 / 1.005) < 0.01);
    }

    // A change needs minimumSegment points on each side (the default, 5, and 3); the same series and seed give the same
    // answer.
    void minimumSegmentAndDeterminism()
    {
        const auto late = noisy({ { 60, 1.0 }, { 3, 1.5 } }, 0.01, 4);
        // Three points after the step: with 5 a side the change can be put no later than 5 from the end.
        const auto five = findChangePoints(late);
        QCOMPARE(five.size(), std::size_t(1));
        QCOMPARE(five[0].index, std::size_t(58));
        ChangePointSettings three;
        three.minimumSegment = 3;
        QCOMPARE(positions(findChangePoints(late, three)), std::vector<std::size_t> { 60 });

        const auto series = noisy({ { 40, 1.0 }, { 40, 1.05 } }, 0.02, 5);
        const auto first = findChangePoints(series);
        const auto second = findChangePoints(series);
        QCOMPARE(positions(first), positions(second));
        QVERIFY(!first.empty());
        QCOMPARE(first[0].pValue, second[0].pValue);

        QVERIFY(findChangePoints(std::vector<double> {}).empty());
        QVERIFY(findChangePoints(std::vector<double> { 1, 2, 3 }).empty());
        QVERIFY(divergenceStatistics(std::vector<double> { 1, 2, 3 }) == std::vector<double>(3, 0.0));
    }
};

QTEST_APPLESS_MAIN(TestChangePoints)
#include "tst_change_points.moc"
