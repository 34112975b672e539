#include "core/measure/adaptive.h"
#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <QTemporaryDir>
#include <QTest>
#include <deque>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>

using namespace pyrometer;
using namespace std::chrono_literals;

namespace {
/// Returns scripted outcomes per command (keyed by argv[0]) and remembers every request, in order.
class FakeLauncher final : public Launcher
{
public:
    std::map<std::string, std::deque<RunRecord>> scripted;
    std::vector<LaunchRequest> requests;
    std::function<void(std::size_t launchIndex)> beforeReturn;

    RunRecord launch(const LaunchRequest& request, std::stop_token stop) override
    {
        requests.push_back(request);
        if (beforeReturn)
            beforeReturn(requests.size());
        if (stop.stop_requested()) {
            RunRecord cancelled;
            cancelled.cancelled = true;
            return cancelled;
        }
        auto& queue = scripted[request.argv.front()];
        if (queue.empty())
            return ok(1ms);
        RunRecord next = queue.front();
        queue.pop_front();
        return next;
    }

    static RunRecord ok(std::chrono::nanoseconds wall)
    {
        RunRecord r;
        r.wall = wall;
        r.user = wall / 2;
        r.exitCode = 0;
        return r;
    }
    static RunRecord failing(int code, std::string stderrTail)
    {
        RunRecord r;
        r.exitCode = code;
        r.stderrTail = std::move(stderrTail);
        return r;
    }
};

BenchmarkResult benchmark(const std::string& name, int runs, int warmups)
{
    BenchmarkResult b;
    b.name = name;
    b.command = { name };
    b.settings.runs = runs;
    b.settings.warmups = warmups;
    return b;
}

/// The programs launched, in order; a hook as [its command].
std::string order(const FakeLauncher& launcher)
{
    std::string text;
    for (const auto& r : launcher.requests)
        text += r.argv.front() == "/bin/sh" ? "[" + r.argv[2] + "]" : r.argv.front();
    return text;
}

/// `count` runs of `median` ± a normal spread of `cv`, from a fixed seed.
std::deque<RunRecord> spread(double median, double cv, int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> normal(median, median * cv);
    std::deque<RunRecord> runs;
    for (int i = 0; i < count; ++i)
        runs.push_back(FakeLauncher::ok(std::chrono::nanoseconds(std::llround(normal(random) * 1e9))));
    return runs;
}

BenchmarkResult adaptive(const std::string& name, AdaptiveRuns rule)
{
    auto b = benchmark(name, 0, 0);
    b.settings.adaptive = rule;
    return b;
}
} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void interleavesWithWarmupsFirst()
    {
        Results results;
        results.benchmarks = { benchmark("A", 3, 1), benchmark("B", 2, 2), benchmark("C", 1, 0) };
        FakeLauncher launcher;
        Engine(launcher).run(results, {});
        // Warmup rounds: A B, then B; measured rounds: A B C, A B, A.
        QCOMPARE(order(launcher), std::string("ABBABCABA"));
        QVERIFY(results.complete);
        QCOMPARE(results.benchmarks[0].runs.size(), std::size_t(4));
        QVERIFY(results.benchmarks[0].runs[0].warmup);
        QVERIFY(!results.benchmarks[0].runs[1].warmup);
        QCOMPARE(results.benchmarks[1].measuredRuns(), std::size_t(2));
        QVERIFY(results.environment.loadAverageEnd.has_value());
    }

    void sequentialRunsOneBenchmarkAfterAnother()
    {
        Results results;
        results.order = RunOrder::Sequential;
        results.benchmarks = { benchmark("A", 2, 1), benchmark("B", 2, 0) };
        FakeLauncher launcher;
        Engine(launcher).run(results, {});
        QCOMPARE(order(launcher), std::string("AAABB"));
    }

    void sequentialWithWarmupsAndAnEmptyBenchmark()
    {
        Results results;
        results.order = RunOrder::Sequential;
        results.benchmarks = { benchmark("A", 1, 2), benchmark("B", 0, 0), benchmark("C", 2, 1) };
        FakeLauncher launcher;
        Engine(launcher).run(results, {});
        QCOMPARE(order(launcher), std::string("AAACCC"));
        QVERIFY(results.benchmarks[2].runs[0].warmup && !results.benchmarks[2].runs[1].warmup);
    }

    void aHugeRunCountStartsAtOnce()
    {
        // 2^31 - 1 runs a benchmark: the whole schedule, built up front, once took 32 GiB and aborted.
        Results results;
        results.benchmarks = { benchmark("A", std::numeric_limits<int>::max(), 0), benchmark("B", 3, 0) };
        FakeLauncher launcher;
        std::stop_source stop;
        launcher.beforeReturn = [&](std::size_t launchIndex) {
            if (launchIndex == 7)
                stop.request_stop();
        };
        std::size_t total = 0;
        EngineCallbacks callbacks;
        callbacks.runStarting = [&](const Progress& p) { total = p.total; };
        Engine(launcher).run(results, stop.get_token(), callbacks);
        QCOMPARE(order(launcher), std::string("ABABABA"));
        QCOMPARE(total, std::size_t(std::numeric_limits<int>::max()) + 3);
        QCOMPARE(results.benchmarks[0].runs.size(), std::size_t(3));
        QVERIFY(!results.complete);
    }

    void pathsThatAreNotUtf8AreRefused()
    {
        // Such a path was stored as U+FFFD, so that the results named a script that is not there.
        QTemporaryDir dir;
        const std::string script = dir.path().toStdString() + "/caf\xe9.py";
        std::ofstream(script) << "pass\n";
        RunPlan plan;
        BenchmarkRequest request;
        request.script = script;
        plan.benchmarks = { request };
        try {
            prepare(plan);
            QFAIL("prepared");
        } catch (const PlanError& e) {
            QVERIFY2(std::string(e.what()).starts_with("the script path is not valid UTF-8 text"), e.what());
        }
    }

    void sharedNamesAreMadeUnique()
    {
        Results results;
        results.benchmarks = { benchmark("x", 1, 0), benchmark("x", 1, 0), benchmark("x #2", 1, 0) };
        makeNamesUnique(results);
        QCOMPARE(results.benchmarks[0].name, std::string("x"));
        QCOMPARE(results.benchmarks[1].name, std::string("x #2.2"));
        QCOMPARE(results.benchmarks[2].name, std::string("x #2"));
        QCOMPARE(results.notes.size(), std::size_t(1));
    }

    void statisticsUseScriptedDurations()
    {
        Results results;
        results.benchmarks = { benchmark("A", 5, 1) };
        FakeLauncher launcher;
        // The warmup (100 ms) must not count; the median of 10, 20, 30, 40, 50 ms is 30 ms.
        for (auto ms : { 100, 30, 10, 50, 20, 40 })
            launcher.scripted["A"].push_back(FakeLauncher::ok(std::chrono::milliseconds(ms)));
        Engine(launcher).run(results, {});
        const auto s = summarize(results.benchmarks[0]);
        QCOMPARE(s.wall.n, std::size_t(5));
        QCOMPARE(s.wall.median, 0.030);
        QCOMPARE(s.wall.max, 0.050);
        QCOMPARE(s.userMedian, 0.015);
        QCOMPARE(s.warmupRuns, std::size_t(1));
    }

    void aFailureStopsOnlyThatBenchmark()
    {
        Results results;
        results.benchmarks = { benchmark("A", 4, 0), benchmark("B", 4, 0) };
        FakeLauncher launcher;
        launcher.scripted["A"] = { FakeLauncher::ok(1ms), FakeLauncher::failing(3, "Traceback\nValueError: boom\n") };
        std::vector<std::size_t> failed;
        Progress lastProgress;
        EngineCallbacks callbacks;
        callbacks.benchmarkFailed = [&](const Results&, std::size_t b) { failed.push_back(b); };
        callbacks.runStarting = [&](const Progress& p) { lastProgress = p; };
        Engine(launcher).run(results, {}, callbacks);

        QCOMPARE(order(launcher), std::string("ABABBB"));
        QCOMPARE(failed, std::vector<std::size_t> { 0 });
        const auto& a = results.benchmarks[0];
        QVERIFY(a.failure);
        QCOMPARE(*a.failure, std::string("run 2 failed: exit code 3: ValueError: boom"));
        QCOMPARE(a.runs.size(), std::size_t(2)); // the failed run is kept
        QCOMPARE(summarize(a).wall.n, std::size_t(1)); // and left out of the statistics
        QCOMPARE(summarize(a).failedRuns, std::size_t(1));
        QVERIFY(!results.benchmarks[1].failure);
        QVERIFY(results.complete);
        // A's two remaining runs left the plan: 8 planned, 6 in the end.
        QCOMPARE(lastProgress.total, std::size_t(6));
    }

    void ignoringFailuresGoesOn()
    {
        Results results;
        results.ignoreFailure = true;
        results.benchmarks = { benchmark("A", 3, 0) };
        FakeLauncher launcher;
        launcher.scripted["A"] = { FakeLauncher::failing(1, "x"), FakeLauncher::ok(2ms), FakeLauncher::ok(4ms) };
        Engine(launcher).run(results, {});
        QCOMPARE(results.benchmarks[0].runs.size(), std::size_t(3));
        QVERIFY(!results.benchmarks[0].failure);
        QCOMPARE(summarize(results.benchmarks[0]).wall.median, 0.003);
    }

    void aRunThatCannotStartStopsEvenWhenIgnoringFailures()
    {
        Results results;
        results.ignoreFailure = true;
        results.benchmarks = { benchmark("A", 3, 0) };
        RunRecord noStart;
        noStart.launchError = "/gone/python3: No such file or directory";
        FakeLauncher launcher;
        launcher.scripted["A"] = { noStart };
        Engine(launcher).run(results, {});
        QCOMPARE(launcher.requests.size(), std::size_t(1));
        QVERIFY(results.benchmarks[0].failure);
    }

    void stoppingKeepsFinishedRunsAndDropsTheCutOne()
    {
        Results results;
        results.benchmarks = { benchmark("A", 10, 0) };
        FakeLauncher launcher;
        std::stop_source stop;
        launcher.beforeReturn = [&](std::size_t launchIndex) {
            if (launchIndex == 4)
                stop.request_stop();
        };
        std::size_t finished = 0;
        EngineCallbacks callbacks;
        callbacks.runFinished = [&](const Results&, std::size_t) { ++finished; };
        Engine(launcher).run(results, stop.get_token(), callbacks);
        QCOMPARE(results.benchmarks[0].runs.size(), std::size_t(3));
        QCOMPARE(finished, std::size_t(3));
        QVERIFY(!results.complete);
    }

    void hashSeedsAreFreshOrFixedAndRecorded()
    {
        Results results;
        results.benchmarks = { benchmark("A", 20, 0), benchmark("B", 3, 0) };
        results.benchmarks[1].settings.fixedHashSeed = 1234;
        results.benchmarks[0].settings.environment["EXTRA"] = "1";
        FakeLauncher launcher;
        Engine(launcher).run(results, {});
        std::set<std::uint32_t> seeds;
        for (const auto& run : results.benchmarks[0].runs)
            seeds.insert(run.hashSeed.value());
        // 20 draws from 2^32 values: a repeat has probability below 1e-7.
        QCOMPARE(seeds.size(), std::size_t(20));
        for (const auto& run : results.benchmarks[1].runs)
            QCOMPARE(run.hashSeed.value(), 1234u);
        for (const auto& request : launcher.requests) {
            const auto seed = request.environment.at("PYTHONHASHSEED");
            QVERIFY(!seed.empty());
            if (request.argv.front() == "A")
                QCOMPARE(request.environment.at("EXTRA"), std::string("1"));
        }
        // The seed a run recorded is the one its process got.
        QCOMPARE(launcher.requests[0].environment.at("PYTHONHASHSEED"),
            std::to_string(*results.benchmarks[0].runs[0].hashSeed));
    }

    void successfulRunsKeepShortTailsFailedOnesLongOnes()
    {
        Results results;
        results.ignoreFailure = true;
        results.benchmarks = { benchmark("A", 2, 0) };
        FakeLauncher launcher;
        RunRecord chatty = FakeLauncher::ok(1ms);
        chatty.stdoutTail = std::string(60000, 'o') + "end";
        chatty.stderrTail = std::string(60000, 'e');
        RunRecord failed = chatty;
        failed.exitCode = 1;
        launcher.scripted["A"] = { chatty, failed };
        Engine(launcher).run(results, {});
        const auto& runs = results.benchmarks[0].runs;
        QCOMPARE(runs[0].stdoutTail.size(), successfulRunTailBytes);
        QVERIFY(runs[0].stdoutTail.ends_with("end"));
        QCOMPARE(runs[0].stderrTail.size(), successfulRunTailBytes);
        QCOMPARE(runs[1].stdoutTail.size(), std::size_t(60003));
    }

    void hooksRunAsHyperfineRunsThem()
    {
        Results results;
        results.benchmarks = { benchmark("A", 2, 1), benchmark("B", 2, 1) };
        for (auto& b : results.benchmarks)
            b.settings.hooks = { "S", "P", "C", "X" };
        FakeLauncher launcher;
        Engine(launcher).run(results, {});
        // Setup once before a benchmark's first run, prepare and conclude around every run, warmups too, cleanup
        // once after its last; interleaved.
        QCOMPARE(order(launcher),
            std::string("[S][P]A[C][S][P]B[C]" // the warmups
                        "[P]A[C][P]B[C]" // round 1
                        "[P]A[C][X][P]B[C][X]")); // round 2, then each one's cleanup
        QVERIFY(results.complete);
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(2));
        // Hooks run where the benchmark runs, and are never timed.
        QCOMPARE(launcher.requests[0].argv, (std::vector<std::string> { "/bin/sh", "-c", "S" }));
        QCOMPARE(results.benchmarks[0].runs.size(), std::size_t(3));
    }

    void aFailingHookStopsItsBenchmarkWithItsStderrAndCleansUp()
    {
        Results results;
        results.benchmarks = { benchmark("A", 3, 0), benchmark("B", 3, 0) };
        results.benchmarks[0].settings.hooks.prepare = "load-fixtures";
        results.benchmarks[0].settings.hooks.cleanup = "drop-fixtures";
        FakeLauncher launcher;
        // The second prepare fails after a long stderr: its last three lines are kept.
        launcher.beforeReturn = [&](std::size_t index) {
            if (index == 4)
                launcher.scripted["/bin/sh"].push_back(FakeLauncher::failing(
                    3, std::string(1000, 'x') + "\nconnecting\nretrying\nno database at :5432\n"));
        };
        Engine(launcher).run(results, {});
        const auto& a = results.benchmarks[0];
        QVERIFY(a.failure);
        QCOMPARE(*a.failure,
            std::string("the --prepare hook failed (exit code 3): connecting\nretrying\nno database at :5432"));
        QCOMPARE(a.measuredRuns(), std::size_t(1));
        QCOMPARE(order(launcher), std::string("[load-fixtures]AB[load-fixtures][drop-fixtures]BB"));
        QCOMPARE(results.benchmarks[1].measuredRuns(), std::size_t(3));
        QVERIFY(results.complete);
    }

    // A spread of CV 5% around 100 ms: the 95% interval of the median has a half-width of about
    // 1.96·1.2533·5%/√n (the median's standard error, 1.2533σ/√n for normal data), so ±1% needs n ≈ 151, ±2% n ≈ 38.
    void adaptiveRunsStopOnceThePrecisionIsReached()
    {
        for (const double precision : { 0.01, 0.02 }) {
            Results results;
            AdaptiveRuns rule;
            rule.precision = precision;
            results.benchmarks = { adaptive("A", rule) };
            FakeLauncher launcher;
            launcher.scripted["A"] = spread(0.1, 0.05, 1000, 7);
            Engine(launcher).run(results, {});
            const auto& a = results.benchmarks[0];
            const auto n = a.measuredRuns();
            const double expected = std::pow(1.96 * 1.2533 * 0.05 / precision, 2);
            QVERIFY2(n > expected * 0.6 && n < expected * 1.5, std::to_string(n).c_str());
            QVERIFY(*medianPrecision(a) <= precision);
            // It stopped at the first run that met the precision.
            auto fewer = a;
            fewer.runs.pop_back();
            QVERIFY(!medianPrecision(fewer) || *medianPrecision(fewer) > precision);
            QVERIFY2(a.stopReason.find("reached after " + std::to_string(n) + " runs") != std::string::npos,
                a.stopReason.c_str());
            QVERIFY(results.complete);
        }
    }

    void adaptiveRunsStopAtTheirLimits()
    {
        AdaptiveRuns rule;
        rule.precision = 0.001; // never reached with CV 5% before the limits
        rule.maxRuns = 20;
        Results results;
        results.benchmarks = { adaptive("A", rule) };
        FakeLauncher launcher;
        launcher.scripted["A"] = spread(0.1, 0.05, 1000, 7);
        Engine(launcher).run(results, {});
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(20));
        QVERIFY2(results.benchmarks[0].stopReason.starts_with("--max-runs 20 reached at ±"),
            results.benchmarks[0].stopReason.c_str());

        rule.maxRuns = 1000;
        rule.maxTimeSeconds = 0.999; // runs of 90 and 110 ms in turn: the 10th reaches it, at ±10%
        results.benchmarks = { adaptive("A", rule) };
        launcher.scripted["A"].clear();
        for (int i = 0; i < 50; ++i)
            launcher.scripted["A"].push_back(FakeLauncher::ok(i % 2 ? 110ms : 90ms));
        Engine(launcher).run(results, {});
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(10));
        QVERIFY2(results.benchmarks[0].stopReason.starts_with("--max-total-time 0.999 s reached after 10 runs"),
            results.benchmarks[0].stopReason.c_str());

        // Without a precision, hyperfine's rule: at least --min-runs and --min-total-time.
        AdaptiveRuns least;
        least.minRuns = 5;
        least.minTimeSeconds = 0.0195;
        results.benchmarks = { adaptive("A", least) };
        launcher.scripted["A"].clear(); // 1 ms runs
        Engine(launcher).run(results, {});
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(20));
        QCOMPARE(results.benchmarks[0].stopReason,
            std::string("20 runs: --min-runs 5 and --min-total-time 0.0195 s reached"));
    }

    void untilDecidedStopsWhereTheCallbackDecides()
    {
        AdaptiveRuns rule;
        rule.minRuns = 5;
        rule.maxRuns = 50;
        rule.untilDecided = true;
        Results results;
        results.benchmarks = { adaptive("A", rule) };
        FakeLauncher launcher;
        EngineCallbacks callbacks;
        std::vector<std::size_t> asked;
        callbacks.decide = [&](const Results& r, std::size_t b) -> std::optional<std::string> {
            asked.push_back(r.benchmarks[b].measuredRuns());
            if (r.benchmarks[b].measuredRuns() == 12)
                return std::string("decided: slower");
            return std::nullopt;
        };
        Engine(launcher).run(results, {}, callbacks);
        // Asked after every measured run (the minimum alone does not stop it), stopped at the decision.
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(12));
        QCOMPARE(asked.size(), std::size_t(12));
        QCOMPARE(results.benchmarks[0].stopReason, std::string("decided: slower"));
        // Never decided: the cap.
        results.benchmarks = { adaptive("A", rule) };
        callbacks.decide = [](const Results&, std::size_t) { return std::optional<std::string>(); };
        Engine(launcher).run(results, {}, callbacks);
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(50));
        QCOMPARE(results.benchmarks[0].stopReason, std::string("--max-runs 50 reached"));
    }

    // A pair within one interleaved run: A runs before B in each round, so when B's 12th run decides, A has 12
    // runs too, and the engine asks again for A rather than let it run a 13th.
    void aDecisionStopsTheOtherOfAPairWithIt()
    {
        AdaptiveRuns rule;
        rule.minRuns = 5;
        rule.maxRuns = 50;
        rule.untilDecided = true;
        Results results;
        results.order = RunOrder::Interleaved;
        results.benchmarks = { adaptive("A", rule), adaptive("B", rule) };
        FakeLauncher launcher;
        EngineCallbacks callbacks;
        bool decided = false;
        callbacks.decide = [&](const Results& r, std::size_t b) -> std::optional<std::string> {
            decided = decided || (b == 1 && r.benchmarks[1].measuredRuns() == 12);
            return decided ? std::optional<std::string>("decided: slower") : std::nullopt;
        };
        Engine(launcher).run(results, {}, callbacks);
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(12));
        QCOMPARE(results.benchmarks[1].measuredRuns(), std::size_t(12));
        QCOMPARE(results.benchmarks[0].stopReason, std::string("decided: slower"));
    }

    void interleavedAdaptiveBenchmarksDropOutOneByOne()
    {
        AdaptiveRuns rule;
        rule.precision = 0.02;
        rule.minRuns = 6;
        Results results;
        results.benchmarks = { adaptive("A", rule), adaptive("B", rule) };
        FakeLauncher launcher;
        launcher.scripted["A"] = std::deque<RunRecord>(100, FakeLauncher::ok(10ms)); // no spread: done at 6
        launcher.scripted["B"] = spread(0.1, 0.05, 1000, 11);
        Engine(launcher).run(results, {});
        QCOMPARE(results.benchmarks[0].measuredRuns(), std::size_t(6));
        const auto b = results.benchmarks[1].measuredRuns();
        QVERIFY(b > 12);
        std::string expected;
        for (std::size_t i = 0; i < b; ++i)
            expected += i < 6 ? "AB" : "B";
        QCOMPARE(order(launcher), expected);
    }

    void progressCountsEveryRun()
    {
        Results results;
        results.benchmarks = { benchmark("A", 2, 1), benchmark("B", 2, 0) };
        FakeLauncher launcher;
        std::vector<Progress> seen;
        EngineCallbacks callbacks;
        callbacks.runStarting = [&](const Progress& p) { seen.push_back(p); };
        Engine(launcher).run(results, {}, callbacks);
        QCOMPARE(seen.size(), std::size_t(5));
        QCOMPARE(seen.front().total, std::size_t(5));
        QCOMPARE(seen.front().completed, std::size_t(0));
        QVERIFY(seen.front().warmup);
        QCOMPARE(seen.back().completed, std::size_t(4));
        QVERIFY(seen.back().remaining.has_value());
        QCOMPARE(seen.back().benchmark, std::size_t(1));
        QCOMPARE(seen.back().run, std::size_t(2));
        QCOMPARE(seen.back().runsOfBenchmark, std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestEngine)
#include "tst_engine.moc"
