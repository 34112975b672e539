#include "core/formats/results_json.h"
#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/resource_sampler.h"
#include "core/measure/spawn_helper.h"
#include "core/model/run_plan.h"
#include "core/probe/probe.h"
#include "core/probe/probe_report.h"
#include "core/probe/probe_summary.h"
#include "core/stats/benchmark_summary.h"

#include <QFloat16>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <array>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace pyrometer;

namespace {
constexpr std::int64_t MiB = 1024 * 1024;

std::string fixture(const std::string& name)
{
    return std::string(PYROMETER_FIXTURES) + "/" + name;
}

/// Runs `script` through the real engine: `runs` timed runs, then the instrumented ones.
Results run(const std::string& script, ProbeSettings probe, int runs = 1, int sampleHz = 0,
    std::vector<std::string> arguments = {})
{
    RunPlan plan;
    BenchmarkRequest request;
    request.script = fixture(script);
    request.interpreter = "/usr/bin/python3";
    request.arguments = std::move(arguments);
    request.settings.runs = runs;
    request.settings.warmups = 0;
    request.settings.sampleHz = sampleHz;
    request.settings.probe = probe;
    request.settings.timeout = std::chrono::seconds(60);
    plan.benchmarks.push_back(request);
    plan.ignoreFailure = true;
    auto results = prepare(plan);
    ProcessLauncher launcher;
    Engine(launcher).run(results, {});
    return results;
}

const ProbeRun& onlyProbeRun(const Results& results)
{
    const auto& probe = results.benchmarks.at(0).probe;
    if (!probe || probe->runs.size() != 1)
        qFatal("expected one instrumented run");
    return probe->runs.front();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In-process engines find no shim beside the test: the one of this build.
    void initTestCase() { qputenv("PYROMETER_HEAP_SHIM", PYROMETER_HEAP_SHIM); }

    void procStatWithAnAwkwardCommandName()
    {
        // A command name may hold spaces and parentheses; the fields after it count from the last ')'.
        const std::string text = "4242 (we ird) (name) S 1 4242 4242 0 -1 4194560 1 0 0 0 5 3 0 0 20 0 7 0 100 "
                                 "1000 2560 18446744073709551615\n";
        ProcStat stat;
        QVERIFY(parseProcStat(text.data(), text.size(), stat));
        QCOMPARE(stat.state, 'S');
        QCOMPARE(stat.threads, 7);
        QCOMPARE(stat.rssPages, std::int64_t { 2560 });
        QVERIFY(!stat.exiting);
        const std::string cut = "4242 (python3) S 1 2";
        QVERIFY(!parseProcStat(cut.data(), cut.size(), stat));
        // A process in exit: PF_EXITING (0x4) in its flags, or its memory already gone (vsize 0).
        const std::string exiting = "4242 (python3) R 1 4242 4242 0 -1 4194564 1 0 0 0 5 3 0 0 20 0 1 0 100 "
                                    "1000 2560 18446744073709551615\n";
        QVERIFY(parseProcStat(exiting.data(), exiting.size(), stat));
        QVERIFY(stat.exiting);
        const std::string released = "4242 (python3) R 1 4242 4242 0 -1 4194560 1 0 0 0 5 3 0 0 20 0 1 0 100 "
                                     "0 0 18446744073709551615\n";
        QVERIFY(parseProcStat(released.data(), released.size(), stat));
        QVERIFY(stat.exiting);
    }

    void anExitingProcessIsNeverSampledAsZero()
    {
        // The last reading of a run used to be taken while the process released its memory: RSS 0 at the end of
        // some runs (21 readings in 12 runs here before the fix). A script that frees 200 MB at exit makes that
        // window wide. Readings at the start may be 0 (the program has just been executed and has touched no page
        // yet, which is what it used then); none may be 0 once it holds its 200 MB.
        const auto results = run("allocate_200mb.py", {}, 12, 1000);
        std::size_t zeros = 0, samples = 0;
        for (const auto& r : results.benchmarks[0].runs) {
            QVERIFY2(r.succeeded(), r.outcome().c_str());
            QVERIFY(r.timeline);
            bool holding = false;
            for (const auto& reading : r.timeline->samples) {
                holding = holding || reading.rssBytes >= 100 * MiB;
                zeros += holding && reading.rssBytes == 0 ? 1 : 0;
            }
            samples += r.timeline->samples.size();
        }
        QVERIFY(samples > 12);
        QCOMPARE(zeros, std::size_t { 0 });
    }

    void timelineCompactionKeepsPeaksAndResolution()
    {
        // 10,000 readings 1 ms apart into at most 100 samples: pairs merge until 10,000 / 128 = 78 samples of
        // 128 readings remain, plus the unfinished group. The highest RSS survives, the mean CPU is kept.
        TimelineBuilder builder(0.001, 100);
        double cpuSum = 0;
        for (int i = 0; i < 10000; ++i) {
            const float cpu = static_cast<float>(i % 4 == 0 ? 100 : 0);
            cpuSum += cpu;
            builder.add({ i == 4321 ? 999 * MiB : 10 * MiB + i, static_cast<float>(i) * 0.001f, cpu, 1 + i % 3 });
        }
        const auto timeline = builder.finish();
        QCOMPARE(timeline.samples.size(), std::size_t { 10000 / 128 + 1 });
        QCOMPARE(timeline.intervalSeconds, 0.128);
        QCOMPARE(timeline.samples.front().tSeconds, 0.0f);
        QCOMPARE(timeline.samples[1].tSeconds, 0.128f);
        const auto top = std::max_element(timeline.samples.begin(), timeline.samples.end(),
            [](const auto& a, const auto& b) { return a.rssBytes < b.rssBytes; });
        QCOMPARE(top->rssBytes, 999 * MiB);
        QCOMPARE(top - timeline.samples.begin(), std::ptrdiff_t { 4321 / 128 });
        QCOMPARE(timeline.samples.front().threads, 3);
        // Every full group holds 32 readings of 100% and 96 of 0%.
        QCOMPARE(timeline.samples[5].cpuPercent, 25.0f);
        QVERIFY(cpuSum > 0);
    }

    void timelineShowsFiftyMegabyteSteps()
    {
        const auto results = run("allocate_steps.py", {}, 1, 200);
        const auto& r = results.benchmarks[0].runs.at(0);
        QVERIFY2(r.succeeded(), r.outcome().c_str());
        QVERIFY(r.timeline);
        const auto& samples = r.timeline->samples;
        // About 1 s at 200 Hz; a busy machine may skip some readings.
        QVERIFY2(samples.size() > 100, std::to_string(samples.size()).c_str());
        QCOMPARE(r.timeline->intervalSeconds, 0.005);
        // Above the interpreter's own size the samples sit near 0, 50, 100, 150 and 200 MB: five plateaus.
        const auto base = samples[samples.size() / 10].rssBytes;
        std::array<int, 5> atLevel {};
        for (const auto& s : samples) {
            const double steps = static_cast<double>(s.rssBytes - base) / (50.0 * MiB);
            const auto nearest = std::lround(steps);
            if (nearest >= 0 && nearest <= 4 && std::abs(steps - static_cast<double>(nearest)) < 0.1)
                ++atLevel[static_cast<std::size_t>(nearest)];
        }
        for (std::size_t level = 0; level < atLevel.size(); ++level)
            QVERIFY2(atLevel[level] >= 10,
                ("level " + std::to_string(level) + ": " + std::to_string(atLevel[level])).c_str());
        // The peak is the kernel's, never below what a sample saw.
        const auto highest = std::max_element(samples.begin(), samples.end(), [](const auto& a, const auto& b) {
            return a.rssBytes < b.rssBytes;
        })->rssBytes;
        QVERIFY(r.maxRssBytes >= highest);
        QVERIFY(highest >= base + 195 * MiB);
        QVERIFY(std::is_sorted(
            samples.begin(), samples.end(), [](const auto& a, const auto& b) { return a.tSeconds < b.tSeconds; }));
        QVERIFY(samples.back().tSeconds <= std::chrono::duration<float>(r.wall).count());
    }

    void instrumentedRunsStayOutOfTheTimings()
    {
        const auto results = run("cyclic_garbage.py", { true, false, false }, 3);
        const auto& benchmark = results.benchmarks[0];
        QCOMPARE(benchmark.runs.size(), std::size_t { 3 });
        QCOMPARE(summarize(benchmark).wall.n, std::size_t { 3 });
        QVERIFY(benchmark.probe);
        QCOMPARE(benchmark.probe->runs.size(), std::size_t { 1 });
        QVERIFY(results.complete);
        // Unsampled timed runs, a sampled instrumented run, for the GC markers to sit on.
        QVERIFY(!benchmark.runs[0].timeline);
        QVERIFY(benchmark.probe->runs[0].run.timeline);
    }

    void cyclicGarbageShowsEveryGeneration()
    {
        const auto results = run("cyclic_garbage.py", { true, false, false });
        const auto& probeRun = onlyProbeRun(results);
        QVERIFY2(probeRun.missing.empty(), probeRun.missing.c_str());
        const auto& events = *results.benchmarks[0].probe->gcEvents;
        // 600,000 objects in cycles, collected 700 allocations at a time: hundreds of collections.
        QVERIFY2(events.size() > 100, std::to_string(events.size()).c_str());
        const auto generations = summarizeGc(events);
        QVERIFY(generations[2].collections >= 1);
        QVERIFY(generations[0].collected > 100000);
        for (const auto& e : events) {
            QVERIFY(e.tSeconds >= probeRun.scriptStartSeconds && e.tSeconds <= probeRun.scriptEndSeconds);
            QVERIFY(e.durationSeconds > 0 && e.durationSeconds < 1);
        }
        QVERIFY(probeRun.scriptStartSeconds > 0);
        QVERIFY(probeRun.scriptEndSeconds < std::chrono::duration<double>(probeRun.run.wall).count());
    }

    void hotFunctionTopsTheProfile()
    {
        const auto results = run("hot_function.py", { true, true, true }, 1, 0, { "7", "two words" });
        const auto& probe = *results.benchmarks[0].probe;
        // Profile and tracemalloc in separate runs, so that tracemalloc does not slow the profiled one.
        QCOMPARE(probe.runs.size(), std::size_t { 2 });
        QVERIFY(probe.runs[0].instruments.profile && !probe.runs[0].instruments.tracemalloc);
        QVERIFY(probe.runs[1].instruments.tracemalloc && !probe.runs[1].instruments.profile);
        for (const auto& r : probe.runs) {
            // The script behaves as without the probe: argv, the sibling import, its exit code, stdout.
            QVERIFY2(r.missing.empty(), r.missing.c_str());
            QCOMPARE(r.run.exitCode, std::optional<int>(7));
            QVERIFY2(contains(r.run.stdoutTail, "argv: 7 two words\nhelper: imported\n"), r.run.stdoutTail.c_str());
            QCOMPARE(r.endedBy, std::string("SystemExit(7)"));
        }
        QVERIFY(probe.profile);
        const auto& profile = *probe.profile;
        const auto top = topFunctions(profile, 3);
        const auto& hot = profile.functions[top.at(0)];
        QCOMPARE(hot.name, std::string("hot_loop"));
        QCOMPARE(hot.file, fixture("hot_function.py"));
        QCOMPARE(hot.line, 7);
        QCOMPARE(hot.calls, std::int64_t { 1 });
        QVERIFY(hot.totalSeconds > 0.5 * profile.functions[top.at(0)].cumulativeSeconds);
        // Nothing of the probe's own is in the profile, and the script's module calls hot_loop.
        const auto module = std::find_if(profile.functions.begin(), profile.functions.end(),
            [](const auto& f) { return f.name == "<module>" && f.file.ends_with("hot_function.py"); });
        QVERIFY(module != profile.functions.end());
        const auto moduleIndex = static_cast<std::size_t>(module - profile.functions.begin());
        QVERIFY(std::any_of(profile.edges.begin(), profile.edges.end(),
            [&](const auto& e) { return e.caller == moduleIndex && e.callee == top[0]; }));
        // The script's module is a root although the import of helper_module called exec() too.
        QVERIFY(std::none_of(
            profile.edges.begin(), profile.edges.end(), [&](const auto& e) { return e.callee == moduleIndex; }));
        for (std::size_t i = 0; i < profile.functions.size(); ++i) {
            const auto& f = profile.functions[i];
            QVERIFY2(f.file != "<string>", f.name.c_str());
            QVERIFY2(!contains(f.name, "monotonic_ns") && !contains(f.name, "disable"), f.name.c_str());
            if (contains(f.name, "builtins.exec")) {
                QCOMPARE(f.calls, std::int64_t { 1 });
                QVERIFY(std::any_of(
                    profile.edges.begin(), profile.edges.end(), [&](const auto& e) { return e.callee == i; }));
            }
        }
        QVERIFY(probe.tracemalloc);
        const auto& allocations = *probe.tracemalloc;
        QCOMPARE(allocations.top.at(0).file, fixture("hot_function.py"));
        QCOMPARE(allocations.top.at(0).line, 23);
        QVERIFY(allocations.top.at(0).count >= 50000);
        QVERIFY(allocations.peakBytes >= allocations.currentBytes);
        QVERIFY(allocations.peakBytes > 2 * MiB);

        const auto text = probeReport(results);
        QVERIFY2(contains(text, "hot_loop  (hot_function.py:7)"), text.c_str());
        QVERIFY2(contains(text, "hot_function.py:23"), text.c_str());
    }

    void anUncaughtExceptionEndsAsWithoutTheProbe()
    {
        const auto results = run("raises.py", { false, true, false });
        const auto& r = onlyProbeRun(results);
        QCOMPARE(r.run.exitCode, std::optional<int>(1));
        QVERIFY2(contains(r.run.stderrTail, "ValueError: broken on purpose"), r.run.stderrTail.c_str());
        QVERIFY2(contains(r.run.stderrTail, "raises.py\", line 8, in <module>"), r.run.stderrTail.c_str());
        QVERIFY2(!contains(r.run.stderrTail, "<string>"), r.run.stderrTail.c_str());
        QCOMPARE(r.endedBy, std::string("ValueError"));
        QVERIFY(results.benchmarks[0].probe->profile);
    }

    void aForkingScriptIsProbedInTheParent()
    {
        const auto results = run("forks.py", { true, true, false });
        const auto& r = onlyProbeRun(results);
        QVERIFY2(r.run.succeeded(), r.run.outcome().c_str());
        QVERIFY2(r.missing.empty(), r.missing.c_str());
        QCOMPARE(r.forks, 1);
        const auto& profile = *results.benchmarks[0].probe->profile;
        QVERIFY(std::any_of(
            profile.functions.begin(), profile.functions.end(), [](const auto& f) { return f.name == "parent_work"; }));
        QVERIFY2(contains(probeReport(results), "forked 1 times"), probeReport(results).c_str());
    }

    void osExitIsMeasuredAndNamed()
    {
        const auto results = run("os_exit.py", { true, true, false });
        const auto& r = onlyProbeRun(results);
        QCOMPARE(r.run.exitCode, std::optional<int>(0));
        QVERIFY(r.run.wall.count() > 0);
        QVERIFY2(contains(r.missing, "os._exit(0)"), r.missing.c_str());
        QVERIFY(!results.benchmarks[0].probe->profile);
        QVERIFY(!results.benchmarks[0].probe->gcEvents);
    }

    void closedDescriptorsAreNeverWrittenTo()
    {
        QTemporaryDir dir;
        const auto own = dir.filePath(QStringLiteral("own.txt")).toStdString();
        const auto results = run("closes_descriptors.py", { true, true, false }, 1, 0, { own });
        const auto& r = onlyProbeRun(results);
        QVERIFY2(r.run.succeeded(), r.run.outcome().c_str());
        QVERIFY2(contains(r.missing, "closed descriptor 3"), r.missing.c_str());
        // The script's file got descriptor 3; the probe's report did not go into it.
        std::ifstream in(own);
        std::stringstream content;
        content << in.rdbuf();
        QCOMPARE(content.str(), std::string("mine\n"));
    }

    void aCrashIsMeasuredAndNamed()
    {
        const auto results = run("crashes.py", { true, false, false });
        const auto& r = onlyProbeRun(results);
        QCOMPARE(r.run.signal, std::optional<int>(SIGSEGV));
        QVERIFY2(contains(r.missing, "killed by signal 11"), r.missing.c_str());
    }

    void aProbeOfAnotherVersionIsRefused()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("probe.py")).toStdString();
        std::string source = probeSource();
        const auto at = source.find("PROBE_VERSION = \"");
        QVERIFY(at != std::string::npos);
        source.replace(at, source.find('\n', at) - at, "PROBE_VERSION = \"0.0.1-old\"");
        std::ofstream(path) << source;
        ::setenv("PYROMETER_PROBE_FILE", path.c_str(), 1);
        const auto results = run("hot_function.py", { true, true, false });
        ::unsetenv("PYROMETER_PROBE_FILE");
        const auto& r = onlyProbeRun(results);
        QVERIFY2(r.run.succeeded(), r.run.outcome().c_str());
        QVERIFY2(contains(r.missing, "the probe is version 0.0.1-old, this Pyrometer is version"), r.missing.c_str());
        QVERIFY(!results.benchmarks[0].probe->profile);
    }

    void commandsAreSampledAndTheirHeapCounted()
    {
        RunPlan plan;
        BenchmarkRequest request;
        request.command = { "/bin/sleep", "0.2" };
        request.settings.runs = 1;
        request.settings.warmups = 0;
        request.settings.sampleHz = 100;
        request.settings.probe.gc = true;
        plan.benchmarks.push_back(request);
        auto results = prepare(plan);
        ProcessLauncher launcher;
        Engine(launcher).run(results, {});
        const auto& benchmark = results.benchmarks[0];
        QVERIFY(benchmark.runs.at(0).timeline);
        QVERIFY(benchmark.runs[0].timeline->samples.size() >= 10);
        // A native program has no collector: its heap is counted by the heap shim, in a run of its own.
        QVERIFY(benchmark.probe && benchmark.probe->missing.empty());
        QCOMPARE(benchmark.probe->runs.size(), std::size_t(1));
        QVERIFY(benchmark.probe->runtimeGc && benchmark.probe->runtimeGc->runtime == "native");
        const auto& counted = benchmark.probe->runs[0].run.timeline;
        QVERIFY(counted && counted->heap && counted->heap->allocations > 0);
        // Without the shim, said why.
        qputenv("PYROMETER_HEAP_SHIM", "/nonexistent/libpyrometer-heap.so");
        results = prepare(plan);
        Engine(launcher).run(results, {});
        qputenv("PYROMETER_HEAP_SHIM", PYROMETER_HEAP_SHIM);
        QVERIFY2(contains(results.benchmarks[0].probe->missing, "the heap shim is not installed"),
            results.benchmarks[0].probe->missing.c_str());
        // A profile of a command: only Python scripts have one.
        plan.benchmarks[0].settings.probe = { false, true, false };
        results = prepare(plan);
        Engine(launcher).run(results, {});
        QVERIFY2(contains(results.benchmarks[0].probe->missing, "only Python scripts"),
            results.benchmarks[0].probe->missing.c_str());
    }

    void timelineAndProbeRoundTripThroughJson()
    {
        const auto results = run("cyclic_garbage.py", { true, true, false }, 2, 100);
        const auto text = resultsJsonText(results);
        const auto json = Json::parse(text);
        const auto& b = json.at("benchmarks").at(0);
        QVERIFY(b.at("runs").at(0).at("timeline").at("t_s").size() > 0);
        QCOMPARE(b.at("probe").at("gc_events").size(), results.benchmarks[0].probe->gcEvents->size());
        QVERIFY(b.at("probe").at("profile").at("functions").size() > 0);
        QCOMPARE(b.at("settings").at("probe"), Json({ "gc", "profile" }));
        // Writing what was read gives the same text.
        QCOMPARE(resultsJsonText(resultsFromJson(json)), text);
        // A timeline stays one line per column.
        QVERIFY(contains(text, "\"t_s\": [0"));
    }
};

// The runs go through the spawn helper, as in the application: it must be forked before Qt starts threads.
int main(int argc, char** argv)
{
    const bool helper = pyrometer::spawn_helper::start(PYROMETER_SPAWN_HELPER);
    QCoreApplication app(argc, argv);
    if (!helper)
        qFatal("the spawn helper did not start");
    TestProbe test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_probe.moc"
