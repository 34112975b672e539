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

std::string order(const FakeLauncher& launcher)
{
    std::string text;
    for (const auto& r : launcher.requests)
        text += r.argv.front();
    return text;
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
