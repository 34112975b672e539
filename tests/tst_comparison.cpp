#include "core/compare/comparison.h"
#include "core/compare/profile_diff.h"
#include "core/compare/sequential.h"
#include "core/model/error.h"
#include "tests/synthetic_results.h"

#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

using namespace pyrometer;

namespace {
BenchmarkResult benchmark(const std::string& name, const std::vector<double>& wallSeconds)
{
    BenchmarkResult b;
    b.name = name;
    b.command = { "python3", name };
    for (double w : wallSeconds) {
        RunRecord run;
        run.exitCode = 0;
        run.wall = fromSeconds(w);
        b.runs.push_back(run);
    }
    return b;
}

std::vector<double> lognormal(std::size_t n, double median, double sigma, unsigned seed)
{
    std::mt19937 random(seed);
    std::lognormal_distribution<double> d(std::log(median), sigma);
    std::vector<double> values(n);
    for (auto& v : values)
        v = d(random);
    return values;
}

std::vector<double> scaled(std::vector<double> values, double factor)
{
    for (auto& v : values)
        v *= factor;
    return values;
}
/// An exact test's outcome for sizes m and n: its floor is 2 / C(m+n, m).
TestResult exactTest(std::size_t m, std::size_t n, double pValue)
{
    TestResult result;
    result.pValue = pValue;
    result.exact = true;
    result.floor = m == 0 || n == 0 ? 1.0 : smallestPossiblePValue(m, n);
    return result;
}
} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    // The looks of --until-decided: at 10 runs, then each half as many again (10, 15, 22, 33, 49, 73), and at the
    // cap; α = 0.01 split over the 7 looks.
    void sequentialLooksAndTheirAlpha()
    {
        const auto plan = sequentialPlan(10, 100);
        QCOMPARE(plan.looks, (std::vector<std::size_t> { 10, 15, 22, 33, 49, 73, 100 }));
        QCOMPARE(plan.settings.alpha, 0.01 / 7);
        QCOMPARE(sequentialPlan(10, 10).looks, std::vector<std::size_t> { 10 });
        QCOMPARE(sequentialPlan(30, 12).looks, std::vector<std::size_t> { 30 }); // a cap below the least is the least
    }

    void sequentialDecisions()
    {
        const auto plan = sequentialPlan(10, 100);
        std::vector<double> base, same, slower, noisy;
        for (int i = 0; i < 30; ++i) {
            const double jitter = 1 + 0.002 * std::sin(i * 2.4);
            base.push_back(0.100 * jitter);
            same.push_back(0.100 * (1 + 0.002 * std::cos(i * 1.7)));
            slower.push_back(0.110 * jitter);
            noisy.push_back(0.100 * (1 + 0.15 * std::sin(i * 2.4)));
        }
        const auto up = sequentialDecision(base, slower, plan);
        QVERIFY(up && up->verdict == Verdict::Slower && !up->equivalent);
        QVERIFY2(
            up->reason.starts_with("slower at the look at 30 runs (α = 0.0014 a look, 7 looks)"), up->reason.c_str());
        const auto none = sequentialDecision(base, same, plan);
        QVERIFY(none && none->equivalent);
        QVERIFY2(none->reason.starts_with("no change beyond ±2% at the look at 30 runs"), none->reason.c_str());
        // With a spread of 15% the interval is far wider than ±2%: not decided, the runs go on.
        QVERIFY(!sequentialDecision(base, noisy, plan));
    }

    void profilesDifferByFunction()
    {
        // old.py against new.py, as two benchmarks of one run compare them: parse() moved from line 10 to 12 and
        // got slower, helper() got faster, gone() was removed and fresh() added. Figures set by hand; the changes
        // are their differences.
        const auto function = [](std::string file, int line, std::string name, double own) {
            return ProfileFunction { std::move(file), line, std::move(name), 1, 1, own, own };
        };
        Profile oldProfile, newProfile;
        oldProfile.functions = { function("old.py", 1, "<module>", 0.01), function("old.py", 10, "parse", 0.5),
            function("old.py", 20, "helper", 0.3), function("~", 0, "<built-in method builtins.len>", 0.05),
            function("old.py", 30, "gone", 0.1) };
        newProfile.functions = { function("new.py", 1, "<module>", 0.01), function("new.py", 20, "helper", 0.2),
            function("~", 0, "<built-in method builtins.len>", 0.05), function("new.py", 12, "parse", 0.9),
            function("new.py", 40, "fresh", 0.2) };
        const auto diff = diffProfiles(oldProfile, newProfile, { "old.py", "new.py" });
        QCOMPARE(diff.functions.size(), std::size_t { 6 });
        const auto& parse = diff.functions[0]; // the largest increase first: "what got slower"
        QCOMPARE(parse.name, std::string("parse"));
        QCOMPARE(parse.baseline, std::optional<std::size_t> { 1 });
        QCOMPARE(parse.candidate, std::optional<std::size_t> { 3 });
        QCOMPARE(parse.line, 12);
        QCOMPARE(parse.ownChange(), 0.9 - 0.5);
        QCOMPARE(diff.functions[1].name, std::string("fresh"));
        QVERIFY(!diff.functions[1].baseline);
        QCOMPARE(diff.functions.back().name, std::string("gone"));
        QVERIFY(!diff.functions.back().candidate);
        QCOMPARE(diff.forCandidate(1)->name, std::string("helper"));
        QCOMPARE(diff.forCandidate(1)->baselineOwn, 0.3);
        QCOMPARE(diff.baselineSeconds, 0.01 + 0.5 + 0.3 + 0.05 + 0.1);
        QCOMPARE(diff.candidateSeconds, 0.01 + 0.2 + 0.05 + 0.9 + 0.2);
        // Without the file alias, parse() of old.py and of new.py are still one function: its name is unique.
        QCOMPARE(diffProfiles(oldProfile, newProfile).functions[0].baseline, std::optional<std::size_t> { 1 });

        // Allocation sites: by file and line, the file of old.py standing for new.py's.
        AllocationReport oldSites, newSites;
        oldSites.top = { { "old.py", 5, 1000, 10 }, { "json/decoder.py", 353, 5000, 50 } };
        newSites.top = { { "new.py", 5, 9000, 90 }, { "json/decoder.py", 353, 4000, 40 }, { "new.py", 8, 100, 1 } };
        const auto sites = diffAllocations(oldSites, newSites, { "old.py", "new.py" });
        QCOMPARE(sites.size(), std::size_t { 3 });
        QCOMPARE(sites[0].file, std::string("new.py"));
        QCOMPARE(sites[0].change(), std::int64_t { 8000 });
        QCOMPARE(sites[1].baselineBytes, std::int64_t { 0 }); // new.py:8, new
        QCOMPARE(sites[2].change(), std::int64_t { -1000 });
    }

    void comparisonCarriesWhatGotSlower()
    {
        // Two scripts of one run, both profiled and with tracemalloc, and a third without probes. The comparison
        // carries each pair's diffs (computed once, on the comparing thread), with old.py standing for new.py.
        const auto function = [](std::string file, int line, std::string name, double own) {
            return ProfileFunction { std::move(file), line, std::move(name), 1, 1, own, own };
        };
        Results run;
        run.benchmarks = { test::benchmarkOf("old.py", 0.01, 10), test::benchmarkOf("new.py", 0.012, 10),
            test::benchmarkOf("plain.py", 0.01, 10) };
        const char* files[] = { "old.py", "new.py" };
        for (int side = 0; side < 2; ++side) {
            auto& b = run.benchmarks[std::size_t(side)];
            b.script = files[side];
            Profile profile;
            profile.functions
                = { function(files[side], 3, "parse", side == 0 ? 0.2 : 0.5), function(files[side], 9, "helper", 0.1) };
            AllocationReport sites;
            sites.top = { { files[side], 4, side == 0 ? 100 : 700, 1 } };
            b.probe.emplace();
            b.probe->profile = std::move(profile);
            b.probe->tracemalloc = std::move(sites);
        }
        const auto c = compare(run, run, { { 0, 1, PairedBy::Hand }, { 2, 2, PairedBy::Hand } });
        QVERIFY(c.pairs[0].functions && c.pairs[0].allocations);
        QCOMPARE(c.pairs[0].functions->functions.size(), std::size_t { 2 }); // matched across the two files
        QCOMPARE(c.pairs[0].functions->functions[0].name, std::string("parse"));
        QVERIFY(std::abs(c.pairs[0].functions->functions[0].ownChange() - 0.3) < 1e-12);
        QCOMPARE(c.pairs[0].functions->forCandidate(1)->name, std::string("helper"));
        QVERIFY(!c.pairs[0].functions->forCandidate(2)); // no such function
        QCOMPARE(c.pairs[0].allocations->size(), std::size_t { 1 });
        QCOMPARE(c.pairs[0].allocations->front().change(), std::int64_t { 600 });
        QVERIFY(!c.pairs[1].functions && !c.pairs[1].allocations);
    }

    void smallestPValueIsTwoOverTheArrangements()
    {
        // 2 / C(m+n, m) by hand: C(10, 5) = 252, C(8, 4) = 70, C(6, 3) = 20.
        QVERIFY(std::abs(smallestPossiblePValue(5, 5) - 2.0 / 252) < 1e-12);
        QVERIFY(std::abs(smallestPossiblePValue(4, 4) - 2.0 / 70) < 1e-12);
        QVERIFY(std::abs(smallestPossiblePValue(3, 3) - 0.1) < 1e-12);
        QCOMPARE(smallestPossiblePValue(1, 1), 1.0);
    }

    void tooFewRunsFollowsTheTestActuallyUsed()
    {
        // With a tie, or more than 60 runs in all, the normal approximation replaces the exact test, and its floor
        // (complete separation) is higher. Reference floors, 2·(1 − Φ((m·n/2 − 0.5)/σ)) with the tie-corrected σ,
        // computed with Python's statistics.NormalDist: 5 vs 5 with one tied pair 0.011925233593017559, 1 vs 200
        // 0.08637498851913916, 2 vs 59 0.017824529004472955. Each sample below is completely separated, so its p is
        // its floor; each once got "no significant change" instead of "too few runs to tell".
        const ComparisonSettings s;
        const auto r = BootstrapRatio { 3.0, 2.0, 4.0, {} };
        const auto check = [&](std::vector<double> a, std::vector<double> b, double floor) {
            const auto mw = mannWhitney(a, b);
            QVERIFY(!mw.exact);
            QVERIFY2(std::abs(mw.floor - floor) < 1e-12, qPrintable(QString::number(mw.floor, 'g', 17)));
            QVERIFY2(std::abs(mw.pValue - floor) < 1e-12, qPrintable(QString::number(mw.pValue, 'g', 17)));
            QCOMPARE(verdictFor(mw, r, s), Verdict::TooFewRuns);
        };
        check({ 1, 2, 3, 4, 4 }, { 10, 11, 12, 13, 14 }, 0.011925233593017559);
        std::vector<double> many(200);
        for (std::size_t i = 0; i < many.size(); ++i)
            many[i] = 10.0 + static_cast<double>(i) / 1000.0;
        check({ 1 }, many, 0.08637498851913916);
        check({ 1, 2 }, std::vector<double>(many.begin(), many.begin() + 59), 0.017824529004472955);
        // 30 against 31, separated: far below α, and slower.
        std::vector<double> a(30), b(31);
        for (std::size_t i = 0; i < a.size(); ++i)
            a[i] = 1.0 + static_cast<double>(i) / 100.0;
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = 3.0 + static_cast<double>(i) / 100.0;
        QCOMPARE(verdictFor(mannWhitney(a, b), r, s), Verdict::Slower);
    }

    void verdictNeedsSignificanceAndSize()
    {
        const ComparisonSettings s; // α = 0.01, threshold 2%
        const auto r = [](double ratio, double low, double high) { return BootstrapRatio { ratio, low, high, {} }; };
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.10, 1.05, 1.15), s), Verdict::Slower);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1 / 1.10, 1 / 1.15, 1 / 1.05), s), Verdict::Faster);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.02), r(1.10, 1.05, 1.15), s), Verdict::NoSignificantChange);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.015, 1.01, 1.02), s), Verdict::BelowThreshold);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1 / 1.015, 1 / 1.02, 1 / 1.01), s), Verdict::BelowThreshold);
        // A point estimate past the threshold is not enough while the interval reaches below it.
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.03, 1.01, 1.05), s), Verdict::BelowThreshold);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.03, 1.02, 1.05), s), Verdict::Slower);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1 / 1.03, 1 / 1.05, 1 / 1.02), s), Verdict::Faster);
        // Paired runs share the machine's state: there the point estimate decides.
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.03, 1.01, 1.05), s, true), Verdict::Slower);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1 / 1.03, 1 / 1.05, 1 / 1.01), s, true), Verdict::Faster);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.001), r(1.015, 1.01, 1.05), s, true), Verdict::BelowThreshold);
        QCOMPARE(verdictFor(exactTest(30, 30, 0.02), r(1.03, 1.01, 1.05), s, true), Verdict::NoSignificantChange);
        // 4 + 4 runs can reach p = 2/70 at best, never below α = 0.01; 5 + 5 can (2/252).
        QCOMPARE(verdictFor(exactTest(4, 4, 0.0), r(2.0, 1.5, 2.5), s), Verdict::TooFewRuns);
        QCOMPARE(verdictFor(exactTest(5, 5, 0.0079), r(2.0, 1.5, 2.5), s), Verdict::Slower);
        QCOMPARE(verdictFor(exactTest(0, 30, 0.0), r(2.0, 1.5, 2.5), s), Verdict::TooFewRuns);
        ComparisonSettings loose;
        loose.alpha = 0.05;
        QCOMPARE(verdictFor(exactTest(4, 4, 0.029), r(2.0, 1.5, 2.5), loose), Verdict::Slower);
        QCOMPARE(QString::fromUtf8(verdictText(Verdict::BelowThreshold)), QStringLiteral("change below threshold"));
        QCOMPARE(verdictLabel(Verdict::BelowThreshold, s), std::string("significant, but not shown to exceed 2%"));
        QCOMPARE(verdictLabel(Verdict::Slower, s), std::string("slower"));
    }

    void pairsByNameAndByHand()
    {
        Results a, b;
        a.benchmarks = { benchmark("x", {}), benchmark("y", {}), benchmark("old", {}) };
        b.benchmarks = { benchmark("y", {}), benchmark("new", {}), benchmark("x", {}) };
        auto pairs = pairBenchmarks(a, b);
        QCOMPARE(pairs.size(), std::size_t(2));
        QCOMPARE(pairs[0].baseline, std::size_t(0));
        QCOMPARE(pairs[0].candidate, std::size_t(2));
        QCOMPARE(pairs[1].baseline, std::size_t(1));
        QCOMPARE(pairs[1].candidate, std::size_t(0));
        pairs = pairBenchmarks(a, b, { { 2, 1 } });
        QCOMPARE(pairs.size(), std::size_t(3));
        QCOMPARE(pairs[0].baseline, std::size_t(2));
        QCOMPARE(pairs[0].candidate, std::size_t(1));
        // A manual pair takes its benchmarks out of matching by name.
        pairs = pairBenchmarks(a, b, { { 0, 0 } });
        QCOMPARE(pairs.size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(InputError, pairBenchmarks(a, b, { { 0, 0 }, { 1, 0 } }));
        QVERIFY_THROWS_EXCEPTION(InputError, pairBenchmarks(a, b, { { 7, 0 } }));
    }

    void comparesEachPair()
    {
        Results a, b;
        const auto base = lognormal(30, 0.050, 0.02, 1);
        a.benchmarks = { benchmark("slower", base), benchmark("same", base),
            benchmark("tiny", lognormal(3, 0.05, 0.02, 2)), benchmark("gone", base) };
        b.benchmarks = { benchmark("same", lognormal(30, 0.050, 0.02, 3)), benchmark("slower", scaled(base, 1.10)),
            benchmark("tiny", lognormal(3, 0.06, 0.02, 4)), benchmark("new", base) };
        const auto c = compare(a, b, pairBenchmarks(a, b));
        QCOMPARE(c.pairs.size(), std::size_t(3));
        QCOMPARE(c.pairs[0].name, std::string("slower"));
        QCOMPARE(c.pairs[0].verdict, Verdict::Slower);
        QVERIFY(std::abs(c.pairs[0].ratio.ratio - 1.10) < 1e-9);
        QVERIFY(c.pairs[0].ratio.low > 1.02 && c.pairs[0].ratio.high < 1.2);
        QVERIFY(c.pairs[0].ratio.replicates.empty());
        QVERIFY(c.pairs[0].shiftSeconds > 0.004 && c.pairs[0].shiftSeconds < 0.006);
        QVERIFY(c.pairs[0].welch && c.pairs[0].welch->pValue < 0.01);
        QCOMPARE(c.pairs[1].verdict, Verdict::NoSignificantChange);
        QVERIFY(c.pairs[1].ratio.low < 1.0 && c.pairs[1].ratio.high > 1.0);
        QCOMPARE(c.pairs[2].verdict, Verdict::TooFewRuns);
        QCOMPARE(c.onlyInBaseline, std::vector<std::string> { "gone" });
        QCOMPARE(c.onlyInCandidate, std::vector<std::string> { "new" });
        QVERIFY(c.anySlower());
        QVERIFY(c.geometricMean);
        QCOMPARE(c.geometricMean->pairs, std::size_t(2)); // "tiny" has no verdict, so no say
        // The same data give the same intervals.
        const auto again = compare(a, b, pairBenchmarks(a, b));
        QCOMPARE(again.pairs[0].ratio.low, c.pairs[0].ratio.low);
        QCOMPARE(again.geometricMean->high, c.geometricMean->high);
    }

    void smallButSignificantChangeIsBelowThreshold()
    {
        Results a, b;
        const auto base = lognormal(400, 0.050, 0.001, 5);
        a.benchmarks = { benchmark("s", base) };
        b.benchmarks = { benchmark("s", scaled(base, 1.01)) };
        const auto c = compare(a, b, pairBenchmarks(a, b));
        QVERIFY(c.pairs[0].test.pValue < 1e-6);
        QCOMPARE(c.pairs[0].verdict, Verdict::BelowThreshold);
    }

    void geometricMeanOfOppositeChangesIsOne()
    {
        Results a, b;
        const auto x = lognormal(40, 0.020, 0.01, 6), y = lognormal(40, 0.080, 0.01, 7);
        a.benchmarks = { benchmark("x", x), benchmark("y", y) };
        b.benchmarks = { benchmark("x", scaled(x, 1.25)), benchmark("y", scaled(y, 0.8)) };
        const auto c = compare(a, b, pairBenchmarks(a, b));
        QVERIFY(std::abs(c.geometricMean->ratio - 1.0) < 1e-9); // sqrt(1.25 × 0.8)
        QVERIFY(c.geometricMean->low < 1.0 && c.geometricMean->high > 1.0);
        // Its interval is narrower than either pair's: two independent pairs average their noise.
        QVERIFY(c.geometricMean->high / c.geometricMean->low < c.pairs[0].ratio.high / c.pairs[0].ratio.low);
    }

    void interleavedRunsArePairedAndTheDriftCancels()
    {
        // One interleaved run of two benchmarks on a machine whose speed drifts by a factor of two over the run,
        // far more than the change: B is 4% slower than A in every pair of adjacent runs, with 1% noise.
        std::vector<double> a, b;
        const auto noise = lognormal(60, 1.0, 0.01, 11);
        for (std::size_t i = 0; i < 30; ++i) {
            const double drift = 0.050 * (1.0 + static_cast<double>(i) / 29.0);
            a.push_back(drift * noise[i]);
            b.push_back(drift * 1.04 * noise[30 + i]);
        }
        Results run;
        run.order = RunOrder::Interleaved;
        run.benchmarks = { benchmark("old.py", a), benchmark("new.py", b) };
        const auto paired = compare(run, run, { { 0, 1 } });
        const auto& p = paired.pairs[0];
        QCOMPARE(p.pairedRuns, std::optional<std::size_t>(30));
        QCOMPARE(testName(p), std::string("Wilcoxon signed-rank, 30 paired runs"));
        QCOMPARE(p.verdict, Verdict::Slower);
        QVERIFY2(std::abs(p.ratio.ratio - 1.04) < 0.01, qPrintable(QString::number(p.ratio.ratio)));
        QVERIFY(p.ratio.low > 1.02);
        // The same runs as two separate files: independent samples, and the drift hides the change.
        const Results copy = run;
        const auto independent = compare(run, copy, { { 0, 1 } });
        QVERIFY(!independent.pairs[0].pairedRuns);
        QCOMPARE(testName(independent.pairs[0]), std::string("Mann–Whitney U"));
        QCOMPARE(independent.pairs[0].verdict, Verdict::NoSignificantChange);
        // Run one after the other, runs of the two are not neighbours: never paired.
        run.order = RunOrder::Sequential;
        QVERIFY(!compare(run, run, { { 0, 1 } }).pairs[0].pairedRuns);
    }

    void pairedRunsSkipFailuresByPosition()
    {
        Results run;
        run.benchmarks = { benchmark("a", lognormal(12, 0.05, 0.01, 1)), benchmark("b", lognormal(10, 0.06, 0.01, 2)) };
        run.benchmarks[0].runs[3].exitCode = 1; // pair 4 is left out; b's two missing runs pair with nothing
        const auto c = compare(run, run, { { 0, 1 } });
        QCOMPARE(c.pairs[0].pairedRuns, std::optional<std::size_t>(9));
        QCOMPARE(c.pairs[0].baseline.n, std::size_t(11)); // the summaries keep every successful run
    }

    void cpuTimeAndPeakRssHaveVerdictsOfTheirOwn()
    {
        const auto wall = lognormal(30, 0.05, 0.03, 5);
        auto base = benchmark("x", wall), cand = benchmark("x", wall);
        for (std::size_t i = 0; i < 30; ++i) {
            base.runs[i].user = fromSeconds(0.040 * (1 + 0.01 * static_cast<double>(i % 5)));
            cand.runs[i].user = fromSeconds(0.040 * (1 + 0.01 * static_cast<double>(i % 5)));
            base.runs[i].maxRssBytes = 10'000'000 + static_cast<std::int64_t>(i) * 1000;
            cand.runs[i].maxRssBytes = 15'000'000 + static_cast<std::int64_t>(i) * 1000; // 50% more memory
        }
        Results baseline, candidate;
        baseline.benchmarks = { base };
        candidate.benchmarks = { cand };
        auto c = compare(baseline, candidate, { { 0, 0 } });
        const auto& p = c.pairs[0];
        QCOMPARE(p.verdict, Verdict::NoSignificantChange);
        QCOMPARE(p.cpu.verdict, Verdict::NoSignificantChange);
        QCOMPARE(p.memory.verdict, Verdict::Slower);
        QVERIFY(std::abs(p.memory.ratio.ratio - 1.5) < 0.01);
        QCOMPARE(metricLine(p.memory, c.settings).substr(0, 6), std::string("+49.9%"));
        QVERIFY(!c.anySlower()); // wall time alone gates by default
        ComparisonSettings gated;
        gated.gate = { Metric::Wall, Metric::Memory };
        QVERIFY(compare(baseline, candidate, { { 0, 0 } }, gated).anySlower());

        // The same peak RSS in every run of both sides, as a script that allocates the same often has: no change,
        // never "too few runs to tell"; paired (one interleaved run) as well.
        for (std::size_t i = 0; i < 30; ++i)
            candidate.benchmarks[0].runs[i].maxRssBytes = baseline.benchmarks[0].runs[i].maxRssBytes = 10'000'000;
        QCOMPARE(compare(baseline, candidate, { { 0, 0 } }).pairs[0].memory.verdict, Verdict::NoSignificantChange);
        Results interleaved;
        interleaved.benchmarks = { baseline.benchmarks[0], candidate.benchmarks[0] };
        interleaved.benchmarks[1].name = "y";
        QCOMPARE(compare(interleaved, interleaved, { { 0, 1 } }).pairs[0].memory.verdict, Verdict::NoSignificantChange);

        // A side that did not measure memory (hyperfine before 1.20): no verdict, and nothing computed from 0 B.
        candidate.benchmarks[0].measured.memory = false;
        c = compare(baseline, candidate, { { 0, 0 } }, gated);
        QCOMPARE(c.pairs[0].memory.verdict, Verdict::NotMeasured);
        QCOMPARE(metricLine(c.pairs[0].memory, c.settings), std::string("not measured"));
        QVERIFY(!c.anySlower());
    }

    void workerProcessesAreTheIndependentUnit()
    {
        // pyperf: 3 values from each of 6 worker processes a side; the test sees 6 means a side.
        auto base = benchmark("w", lognormal(18, 0.05, 0.02, 7)), cand = benchmark("w", lognormal(18, 0.06, 0.02, 8));
        for (std::size_t i = 0; i < 18; ++i)
            base.runs[i].process = cand.runs[i].process = static_cast<std::uint32_t>(i / 3 + 1);
        Results baseline, candidate;
        baseline.benchmarks = { base };
        candidate.benchmarks = { cand };
        const auto c = compare(baseline, candidate, { { 0, 0 } });
        QCOMPARE(testName(c.pairs[0]), std::string("Mann–Whitney U on 6 + 6 worker means"));
        QCOMPARE(c.pairs[0].baseline.n, std::size_t(6));
        QCOMPARE(c.pairs[0].test.statistic, 0.0); // every candidate mean above every baseline mean
        QVERIFY(c.pairs[0].test.exact);
    }

    void summaryOnlyFilesHaveNoRunsToTest()
    {
        Results baseline, candidate;
        baseline.benchmarks = { benchmark("s", lognormal(10, 0.05, 0.02, 9)) };
        auto summaryOnly = benchmark("s", {});
        summaryOnly.stated = StatedSummary {};
        summaryOnly.stated->median = 0.05;
        candidate.benchmarks = { summaryOnly };
        const auto c = compare(baseline, candidate, { { 0, 0 } });
        QCOMPARE(c.pairs[0].verdict, Verdict::NoRunsToTest);
        QCOMPARE(std::string(verdictText(c.pairs[0].verdict)), std::string("summary only: no runs to test"));
        QVERIFY(!c.geometricMean);
    }

    void pairsOneProgramWrittenTwoWays()
    {
        // hyperfine keeps the command line as typed, "/usr/bin/python3 work.py"; Pyrometer keeps the argv with the
        // interpreter resolved and the script absolute. Both name one program with one argument.
        const auto dir = std::filesystem::temp_directory_path() / ("pyrometer-pairing-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "work.py") << "pass\n";
        const auto previous = std::filesystem::current_path();
        std::filesystem::current_path(dir);
        Results hyperfine, pyrometer;
        auto typed = benchmark("/usr/bin/python3 work.py", { 0.05, 0.05 });
        typed.command = { "/usr/bin/python3 work.py" };
        auto other = benchmark("sleep 0.01", { 0.01 });
        other.command = { "sleep 0.01" };
        hyperfine.benchmarks = { typed, other };
        auto run = benchmark("work.py", { 0.05, 0.05 });
        run.command = { std::filesystem::canonical("/usr/bin/python3").string(), (dir / "work.py").string() };
        pyrometer.benchmarks = { run };
        const auto pairs = pairBenchmarks(hyperfine, pyrometer);
        QCOMPARE(pairs.size(), std::size_t(1));
        QCOMPARE(pairs[0].baseline, std::size_t(0));
        QCOMPARE(pairs[0].by, PairedBy::Command);
        QCOMPARE(compare(hyperfine, pyrometer, pairs).pairs[0].pairedBy, PairedBy::Command);
        QCOMPARE(
            std::string(pairedByText(PairedBy::Command)), std::string("by command (the same program and arguments)"));
        // Another argument, or two benchmarks running the same command on one side: no pairing by command.
        run.command.push_back("--fast");
        pyrometer.benchmarks = { run };
        QVERIFY(pairBenchmarks(hyperfine, pyrometer).empty());
        run.command.pop_back();
        pyrometer.benchmarks = { run, run };
        pyrometer.benchmarks[1].name = "work.py again";
        QVERIFY(pairBenchmarks(hyperfine, pyrometer).empty());
        std::filesystem::current_path(previous);
        std::filesystem::remove_all(dir);
    }

    void environmentDifferencesOnlyWhereBothSidesKnow()
    {
        Results a, b;
        a.environment.cpuModel = "CPU A";
        b.environment.cpuModel = "CPU B";
        a.environment.cpuGovernor = "performance";
        b.environment.cpuGovernor = "powersave";
        a.environment.hostname = "box";
        a.benchmarks = { benchmark("x", {}) };
        b.benchmarks = { benchmark("x", {}) };
        a.benchmarks[0].interpreter
            = InterpreterInfo { "python3", "/usr/bin/python3", "CPython", "3.11.2", std::nullopt };
        b.benchmarks[0].interpreter
            = InterpreterInfo { "python3", "/opt/bin/python3", "CPython", "3.12.1", std::nullopt };
        const auto d = environmentDifferences(a, b);
        QCOMPARE(d.size(), std::size_t(3));
        QCOMPARE(d[0].what, std::string("CPU"));
        QCOMPARE(d[1].what, std::string("CPU governor"));
        QCOMPARE(d[2].what, std::string("Python"));
        QCOMPARE(d[2].candidate, std::string("CPython 3.12.1"));
        QVERIFY(environmentDifferences(a, a).empty());
    }
};

QTEST_APPLESS_MAIN(TestComparison)
#include "tst_comparison.moc"
