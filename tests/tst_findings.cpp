#include "core/stats/findings.h"

#include <QTest>

#include <cmath>

using namespace pyrometer;

namespace {
/// A benchmark whose measured runs took `walls` seconds, in that order, each with peak RSS `rss`.
BenchmarkResult benchmark(const std::vector<double>& walls, std::vector<std::int64_t> rss = {})
{
    BenchmarkResult b;
    b.name = "b.py";
    b.command = { "python3", "b.py" };
    b.settings.warmups = 1;
    for (std::size_t i = 0; i < walls.size(); ++i) {
        RunRecord run;
        run.exitCode = 0;
        run.wall = fromSeconds(walls[i]);
        run.maxRssBytes = rss.empty() ? 10'000'000 : rss[i];
        b.runs.push_back(run);
    }
    return b;
}

/// `n` values around `median` with a fixed, patternless jitter of ±`spread` (relative): a quiet benchmark.
std::vector<double> quiet(std::size_t n, double median = 0.1, double spread = 0.005)
{
    std::vector<double> walls;
    for (std::size_t i = 0; i < n; ++i)
        walls.push_back(median * (1 + spread * std::sin(static_cast<double>(i) * 2.4)));
    return walls;
}

std::vector<std::string> keys(const Results& results)
{
    std::vector<std::string> found;
    for (const auto& finding : findings(results))
        found.push_back(finding.key);
    return found;
}

bool has(const Results& results, const std::string& key)
{
    const auto found = keys(results);
    return std::find(found.begin(), found.end(), key) != found.end();
}

const Finding& get(const std::vector<Finding>& found, const std::string& key)
{
    for (const auto& finding : found) {
        if (finding.key == key)
            return finding;
    }
    throw std::runtime_error("no finding " + key);
}

Results of(BenchmarkResult b)
{
    Results results;
    results.benchmarks.push_back(std::move(b));
    return results;
}
} // namespace

class TestFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Reference computed independently in Python 3.11 with the standard library only: S = Σ sign(xⱼ − xᵢ),
    // var = n(n−1)(2n+5)/18, z = (S − sign S)/√var, p = erfc(|z|/√2), slope = statistics.median of (xⱼ − xᵢ)/(j − i):
    // S = 50, z = 3.360054858486334, p = 0.000779269972417672, slope = 0.21833333333333335.
    void mannKendallMatchesReference()
    {
        const std::vector<double> x { 10.2, 10.5, 10.1, 10.9, 11.3, 10.8, 11.6, 11.9, 11.4, 12.2, 12.5, 12.1 };
        const auto trend = mannKendall(x);
        QVERIFY(std::abs(trend.z - 3.360054858486334) < 1e-12);
        QVERIFY(std::abs(trend.pValue - 0.000779269972417672) < 1e-12);
        QVERIFY(std::abs(trend.slope - 0.21833333333333335) < 1e-12);
        const auto none = mannKendall(std::vector<double> { 1, 1, 1, 1 });
        QCOMPARE(none.z, 0.0);
        QCOMPARE(none.pValue, 1.0);
    }

    void aQuietRunHasNoFindings() { QVERIFY(findings(of(benchmark(quiet(30)))).empty()); }

    void noise()
    {
        std::vector<double> walls;
        for (int i = 0; i < 20; ++i)
            walls.push_back(i % 3 ? 0.09 + 0.001 * i : 0.115 - 0.001 * i);
        const auto found = findings(of(benchmark(walls)));
        QVERIFY(std::any_of(found.begin(), found.end(), [](const Finding& f) { return f.key == "noise"; }));
        QVERIFY2(
            get(found, "noise").what.starts_with("run times vary with a CV of "), get(found, "noise").what.c_str());
        QVERIFY(!has(of(benchmark(quiet(20, 0.1, 0.04))), "noise")); // CV 2.9%
    }

    // With the doctor's floor known, the noise finding reads the spread against it. quiet(n, m, s) has a CV of
    // s / √2 (the mean of sin² over a long sequence is 1/2): 0.042 → 3.0%, 0.085 → 6.0%.
    void noiseAgainstTheMachinesFloor()
    {
        const auto withFloor = [](std::vector<double> walls, double floorCv) {
            auto results = of(benchmark(walls));
            results.environment.floor = MachineFloor { floorCv, 0.075, 30, "2026-12-01T10:00:00Z" };
            return results;
        };
        // CV 3% on a machine whose floor is 0.5%: the benchmark's own spread, below the 5% that counts without.
        auto found = findings(withFloor(quiet(40, 0.1, 0.042), 0.005));
        QVERIFY2(get(found, "noise").what == "run times vary with a CV of 3%", get(found, "noise").what.c_str());
        QVERIFY(get(found, "noise")
                    .evidence.ends_with(
                        "this machine's noise floor is a CV of 0.5% (`pyrometer doctor` at 2026-12-01T10:00:00Z)"));
        QVERIFY(get(found, "noise").advice.starts_with("the benchmark varies more than the machine does"));
        QVERIFY(!has(of(benchmark(quiet(40, 0.1, 0.042))), "noise"));
        // The same 3% where the floor is 2%: the machine's own, and under 5%: nothing to report.
        QVERIFY(!has(withFloor(quiet(40, 0.1, 0.042), 0.02), "noise"));
        // CV 6% where the floor is 5%: reported, as what the machine adds, with the change it can detect.
        found = findings(withFloor(quiet(40, 0.1, 0.085), 0.05));
        QVERIFY2(get(found, "noise").advice.starts_with("the machine adds this much")
                && get(found, "noise").advice.ends_with("changes below 8% are not told apart here"),
            get(found, "noise").advice.c_str());
    }

    // Runs spawned 50 ms apart (20 ms each, 30 ms gaps), with one gap of 60 s before the 21st: a pause. Without it,
    // none; a gap of 5 s is not 10 s.
    void pause()
    {
        const auto spawned = [](double pauseSeconds) {
            auto b = benchmark(quiet(30, 0.02));
            std::int64_t t = 1'000'000'000;
            for (std::size_t i = 0; i < b.runs.size(); ++i) {
                if (i == 20)
                    t += static_cast<std::int64_t>(pauseSeconds * 1e9);
                b.runs[i].spawnedAtNs = t;
                t += 50'000'000;
            }
            return of(b);
        };
        const auto found = findings(spawned(60));
        const auto& pause = get(found, "pause");
        QCOMPARE(pause.what, std::string("the runs stopped for 60 s before run 21 of b.py"));
        QVERIFY2(pause.evidence.starts_with("the longest gap between two runs, against a median gap of 30"),
            pause.evidence.c_str());
        QCOMPARE(pause.benchmark, Finding::wholeRun);
        QVERIFY(!has(spawned(0), "pause"));
        QVERIFY(!has(spawned(5), "pause"));
        QVERIFY(!has(of(benchmark(quiet(30, 0.02))), "pause")); // no spawn times: another tool's file
    }

    void warmUp()
    {
        auto walls = quiet(20);
        for (int i = 0; i < 4; ++i)
            walls[i] *= 1.2;
        const auto found = findings(of(benchmark(walls)));
        const auto& warm = get(found, "warm-up");
        QVERIFY2(warm.what.starts_with("the first 4 runs were 2"), warm.what.c_str()); // about 20% slower
        QVERIFY2(warm.what.ends_with("slower than the other 16"), warm.what.c_str());
        QCOMPARE(warm.advice, std::string("use more warmups: -w 5")); // 1 warmup + 4
        QVERIFY(!has(of(benchmark(walls)), "drift")); // the rest is flat
        QVERIFY(!has(of(benchmark(walls)), "bimodal")); // the slow first runs are the warm-up, not a cluster
        // Slower by 3% only: below the 5% that counts.
        auto slight = quiet(20);
        for (int i = 0; i < 4; ++i)
            slight[i] *= 1.03;
        QVERIFY(!has(of(benchmark(slight)), "warm-up"));
    }

    void drift()
    {
        auto walls = quiet(30);
        for (std::size_t i = 0; i < walls.size(); ++i)
            walls[i] *= 1 + 0.15 * static_cast<double>(i) / 29;
        const auto found = findings(of(benchmark(walls)));
        QVERIFY2(get(found, "drift").what.starts_with("run times drifted +1"), get(found, "drift").what.c_str());
        QVERIFY(!has(of(benchmark(walls)), "warm-up"));
        // A drift of 3% is a trend, but too small to tell the reader.
        auto small = quiet(30, 0.1, 0.001);
        for (std::size_t i = 0; i < small.size(); ++i)
            small[i] *= 1 + 0.03 * static_cast<double>(i) / 29;
        QVERIFY(!has(of(benchmark(small)), "drift"));
    }

    void bimodal()
    {
        std::vector<double> walls;
        for (int i = 0; i < 20; ++i)
            walls.push_back((i % 4 == 0 ? 0.13 : 0.10) * (1 + 0.002 * std::sin(i)));
        const auto found = findings(of(benchmark(walls)));
        const auto& two = get(found, "bimodal");
        QVERIFY2(two.what.starts_with("two clusters of run times: 75% around 100"), two.what.c_str());
        QVERIFY2(two.what.find("25% around 129.9 ms") != std::string::npos, two.what.c_str());
        // Two runs apart are outliers, not a cluster: each side needs 10% of the runs and at least 3.
        std::vector<double> outliers = quiet(20);
        outliers[5] = outliers[11] = 0.13;
        QVERIFY(!has(of(benchmark(outliers)), "bimodal"));
        QVERIFY(!has(of(benchmark(quiet(20, 0.1, 0.05))), "bimodal"));
    }

    void startUp()
    {
        auto script = benchmark(quiet(10, 0.040));
        script.script = "b.py";
        script.interpreter = InterpreterInfo { "python3", "/usr/bin/python3", "CPython", "3.11.2", 0.030 };
        const auto found = findings(of(script));
        QCOMPARE(get(found, "start-up").what, std::string("Python's own start-up is 75% of each run"));
        auto longer = script;
        longer.runs = benchmark(quiet(10, 0.2)).runs;
        QVERIFY(!has(of(longer), "start-up"));
        // Not for commands, nor for benchmark functions, whose times leave start-up out.
        auto function = script;
        function.function = FunctionBenchmark {};
        QVERIFY(!has(of(function), "start-up"));
    }

    void garbageCollection()
    {
        auto b = benchmark(quiet(10));
        b.probe.emplace();
        ProbeRun run;
        run.instruments.gc = true;
        run.scriptStartSeconds = 0.01;
        run.scriptEndSeconds = 0.11;
        b.probe->runs.push_back(run);
        b.probe->gcEvents = std::vector<GcEvent> { { 0.02, 0.012, 0, 10, 0 }, { 0.05, 0.008, 2, 400, 0 } };
        const auto found = findings(of(b));
        QCOMPARE(get(found, "gc").what, std::string("garbage collection took 20% of the script's time"));
        QVERIFY2(get(found, "gc").evidence.find("2 collections, 1 of generation 2") != std::string::npos,
            get(found, "gc").evidence.c_str());
        b.probe->gcEvents = std::vector<GcEvent> { { 0.02, 0.005, 0, 10, 0 } };
        QVERIFY(!has(of(b), "gc"));
    }

    void memoryGrowth()
    {
        std::vector<std::int64_t> rising, flat;
        for (int i = 0; i < 20; ++i) {
            rising.push_back(100'000'000 + 1'500'000 * i + (i % 3) * 100'000);
            flat.push_back(100'000'000 + (i % 3) * 100'000);
        }
        QVERIFY2(get(findings(of(benchmark(quiet(20), rising))), "memory-growth")
                     .what.starts_with("peak RSS grew from run "
                                       "to run: +2"),
            get(findings(of(benchmark(quiet(20), rising))), "memory-growth").what.c_str());
        QVERIFY(!has(of(benchmark(quiet(20), flat)), "memory-growth"));

        // Within runs: RSS still rising over the second half of each sampled run.
        auto leaking = benchmark(quiet(10), flat);
        auto steady = leaking;
        for (std::size_t r = 0; r < leaking.runs.size(); ++r) {
            auto up = std::make_shared<Timeline>();
            auto level = std::make_shared<Timeline>();
            for (int i = 0; i < 40; ++i) {
                up->samples.push_back({ 50'000'000 + 1'000'000LL * i, 0.01f * static_cast<float>(i), 100, 1 });
                level->samples.push_back({ 50'000'000 + (i % 2) * 10'000LL, 0.01f * static_cast<float>(i), 100, 1 });
            }
            leaking.runs[r].timeline = up;
            steady.runs[r].timeline = level;
        }
        const auto leak = get(findings(of(leaking)), "memory-growth");
        QVERIFY2(leak.what.starts_with("RSS was still rising at the end of 10 of 10 sampled runs"), leak.what.c_str());
        QVERIFY(!has(of(steady), "memory-growth"));
    }

    void hotspot()
    {
        // Built whole and then placed: GCC 12 at -O1 (the asan preset) takes a profile edited in place inside
        // the optional for uninitialised.
        const auto profiled = [](std::vector<ProfileFunction> functions) {
            auto b = benchmark(quiet(10));
            ProbeData probe;
            Profile profile;
            profile.functions = std::move(functions);
            probe.profile = std::move(profile);
            b.probe = std::move(probe);
            return b;
        };
        const ProfileFunction parse { "b.py", 12, "parse", 1000, 1000, 0.08, 0.09 };
        const ProfileFunction dump { "b.py", 30, "dump", 10, 10, 0.02, 0.02 };
        QCOMPARE(get(findings(of(profiled({ parse, dump }))), "hotspot").what,
            std::string("parse (b.py:12) holds 80% of the profiled time in its own code"));
        // The largest share 43%: no function holds most of the time.
        auto smaller = parse;
        smaller.totalSeconds = 0.03;
        const ProfileFunction main { "b.py", 1, "main", 1, 1, 0.02, 0.07 };
        QVERIFY(!has(of(profiled({ smaller, dump, main })), "hotspot"));
    }

    void aBusyMachine()
    {
        auto results = of(benchmark(quiet(10)));
        results.environment.logicalCores = 2;
        results.environment.loadAverageEnd = std::array<double, 3> { 1.6, 1, 1 };
        QVERIFY(get(findings(results), "busy").evidence.starts_with("load average 1.60 at its end on 2 CPUs"));
        results.environment.loadAverageEnd = std::array<double, 3> { 0.5, 1, 1 };
        QVERIFY(!has(results, "busy"));
        MachineCheck load;
        load.key = "load";
        load.title = "Load";
        load.rating = Rating::Bad;
        load.observed = "load average 3.00";
        results.environment.machine = { load };
        QCOMPARE(get(findings(results), "busy").evidence, std::string("Load: load average 3.00"));
        results.environment.machine[0].rating = Rating::Notice;
        QVERIFY(!has(results, "busy"));
        results.environment.stealDuringRun = 0.031;
        QCOMPARE(
            get(findings(results), "busy").evidence, std::string("steal time 3.1% of the CPU time while the runs ran"));
        results.environment.stealDuringRun = 0.004;
        QVERIFY(!has(results, "busy"));
    }
};

QTEST_APPLESS_MAIN(TestFindings)
#include "tst_findings.moc"
