// The memory of a benchmark across runtimes: RSS, the live heap from the heap shim or a collector's trace, RSS −
// heap, pauses and allocations. The expected figures are worked out by hand in the comments, from the samples and
// events each test builds.

#include "core/formats/results_json.h"
#include "core/probe/memory_profile.h"

#include <QTest>

#include <cmath>

using namespace pyrometer;

namespace {
constexpr std::int64_t MiB = 1024 * 1024;

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

ResourceSample sample(double t, std::int64_t rss, std::int64_t heap = -1)
{
    ResourceSample s;
    s.tSeconds = static_cast<float>(t);
    s.rssBytes = rss;
    s.heapBytes = heap;
    return s;
}

RunRecord sampledRun(std::vector<ResourceSample> samples, std::optional<HeapTotals> heap = std::nullopt)
{
    RunRecord run;
    run.exitCode = 0;
    run.wall = std::chrono::duration_cast<Duration>(std::chrono::duration<double>(3.0));
    Timeline timeline;
    timeline.samples = std::move(samples);
    timeline.intervalSeconds = 0.5;
    timeline.heap = heap;
    run.timeline = std::make_shared<const Timeline>(std::move(timeline));
    return run;
}

/// A command whose instrumented run is `run`, traced as `trace`.
BenchmarkResult tracedCommand(RunRecord run, std::optional<RuntimeTrace> trace)
{
    BenchmarkResult benchmark;
    benchmark.name = "go";
    benchmark.command = { "./alloc" };
    ProbeRun probeRun;
    probeRun.instruments.gc = true;
    probeRun.run = std::move(run);
    benchmark.probe.emplace();
    benchmark.probe->runs.push_back(std::move(probeRun));
    benchmark.probe->runtimeGc = std::move(trace);
    return benchmark;
}

RuntimeGcEvent collection(double t, double pause, double duration, std::int64_t before, std::int64_t after)
{
    RuntimeGcEvent e;
    e.tSeconds = t;
    e.pauseSeconds = pause;
    e.durationSeconds = duration;
    e.heapBeforeBytes = before;
    e.heapAfterBytes = after;
    e.liveBytes = after;
    return e;
}
/// Go's collections at 1.0 s (0.125 s long, 10 → 4 MiB) and at 2.0 s (12 → 5 MiB).
RuntimeTrace twoGoCollections()
{
    RuntimeTrace trace;
    trace.runtime = "go";
    trace.method = "GODEBUG=gctrace=1";
    trace.events = { collection(1.0, 0.01, 0.125, 10 * MiB, 4 * MiB), collection(2.0, 0.02, 0.125, 12 * MiB, 5 * MiB) };
    return trace;
}
} // namespace

class TestMemoryProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Two collections: at 1.0 s (0.125 s long, 10 → 4 MiB) and at 2.0 s (12 → 5 MiB). The heap is then known at
    // (1.0, 10), (1.125, 4), (2.0, 12), (2.125, 5) MiB and straight between. RSS samples (times a float holds
    // exactly, as the timeline keeps them) inside 1.0…2.125 s:
    //   1.0625 s: RSS 20, heap 10 + ½(4 − 10) = 7   → RSS − heap 13 MiB, 13/20 = 0.65
    //   1.5625 s: RSS 24, heap 4 + ½(12 − 4) = 8    → 16 MiB, 16/24 = 0.6667 (RSS's peak first reached here)
    //   2.125 s:  RSS 24, heap 5                    → 19 MiB, 19/24 = 0.7917
    // the mean share (0.65 + 0.6667 + 0.7917)/3 = 0.7028; allocated 10 (to the first) + (12 − 4) = 18 MiB.
    void aCollectorsTraceGivesTheHeapBetweenCollections()
    {
        const auto trace = twoGoCollections();
        const auto m = memoryProfile(
            tracedCommand(sampledRun({ sample(0.5, 20 * MiB), sample(1.0625, 20 * MiB), sample(1.5625, 24 * MiB),
                              sample(2.125, 24 * MiB), sample(2.5, 24 * MiB) }),
                trace));
        QCOMPARE(m.runtime, std::string("go"));
        QVERIFY(m.instrumented);
        QCOMPARE(m.heapMethod, std::string("GODEBUG=gctrace=1, at each collection"));
        QCOMPARE(m.heap.size(), std::size_t(4));
        QCOMPARE(m.heap[1].tSeconds, 1.125);
        QCOMPARE(m.heap[1].bytes, 4 * MiB);
        QCOMPARE(m.overhead.size(), std::size_t(3));
        QCOMPARE(m.overhead[0].bytes, 13 * MiB);
        QCOMPARE(m.overhead[1].bytes, 16 * MiB);
        QCOMPARE(m.overhead[2].bytes, 19 * MiB);
        QVERIFY(near(*m.overheadShareAtPeak, 16.0 / 24.0));
        QVERIFY(near(*m.meanOverheadShare, (13.0 / 20.0 + 16.0 / 24.0 + 19.0 / 24.0) / 3.0));
        // The most a collection found live: 5 MiB (the heap in use reached 12 MiB, garbage included).
        QCOMPARE(*m.peakLiveBytes, 5 * MiB);
        QCOMPARE(m.peakRssBytes, 24 * MiB);
        QCOMPARE(*m.allocatedBytes, 18 * MiB);
        QVERIFY(!m.allocations);
        QCOMPARE(m.collections, std::size_t(2));
        QVERIFY(near(m.totalPauseSeconds, 0.03));
        QVERIFY(near(m.longestPauseSeconds, 0.02));
        QCOMPARE(m.pauses[1].tSeconds, 2.0);
        QCOMPARE(m.pauses[1].generation, -1);
    }

    // The heap shim counted every sample: RSS − heap at each; the totals come from the shim's counters.
    void theHeapShimGivesTheHeapAtEverySample()
    {
        auto run = sampledRun(
            { sample(0.1, 8 * MiB, 2 * MiB), sample(0.6, 16 * MiB, 12 * MiB), sample(1.1, 16 * MiB, 4 * MiB) },
            HeapTotals { 1000, 990, 40 * MiB, 12 * MiB, 1024 });
        RuntimeTrace trace;
        trace.runtime = "native";
        trace.method = "heap shim (LD_PRELOAD)";
        const auto m = memoryProfile(tracedCommand(std::move(run), trace));
        QCOMPARE(m.heapMethod, std::string("heap shim (LD_PRELOAD)"));
        QCOMPARE(m.heap.size(), std::size_t(3));
        QCOMPARE(m.overhead[0].bytes, 6 * MiB);
        QCOMPARE(m.overhead[1].bytes, 4 * MiB);
        QCOMPARE(m.overhead[2].bytes, 12 * MiB);
        // RSS peaks first at 0.6 s: 4/16; the mean of 6/8, 4/16 and 12/16 is 0.5833.
        QVERIFY(near(*m.overheadShareAtPeak, 0.25));
        QVERIFY(near(*m.meanOverheadShare, (0.75 + 0.25 + 0.75) / 3.0));
        QCOMPARE(*m.allocations, std::int64_t(1000));
        QCOMPARE(*m.allocatedBytes, 40 * MiB);
        QCOMPARE(*m.peakLiveBytes, 12 * MiB);
        QCOMPARE(m.collections, std::size_t(0));
    }

    // A Python script: its collections are CPython's (with generations), its heap the shim's under
    // PYTHONMALLOC=malloc; a script whose shim did not load says why.
    void aPythonScriptsCollectionsAndHeap()
    {
        BenchmarkResult benchmark;
        benchmark.name = "alloc.py";
        benchmark.script = "alloc.py";
        ProbeRun probeRun;
        probeRun.instruments.gc = true;
        probeRun.instruments.heap = true;
        probeRun.run = sampledRun({ sample(0.1, 8 * MiB, 3 * MiB), sample(0.2, 10 * MiB, 5 * MiB) },
            HeapTotals { 10, 5, 8 * MiB, 5 * MiB, 5 * MiB });
        benchmark.probe.emplace();
        benchmark.probe->runs.push_back(probeRun);
        benchmark.probe->gcEvents = std::vector<GcEvent> { { 0.15, 0.004, 2, 10, 0 }, { 0.05, 0.001, 0, 0, 0 } };
        auto m = memoryProfile(benchmark);
        QCOMPARE(m.runtime, std::string("python"));
        QCOMPARE(m.heapMethod, std::string("heap shim, PYTHONMALLOC=malloc"));
        QCOMPARE(m.gcMethod, std::string("gc.callbacks"));
        QCOMPARE(m.pauses[0].generation, 2);
        QVERIFY(near(m.totalPauseSeconds, 0.005));
        QVERIFY(near(m.longestPauseSeconds, 0.004));
        QVERIFY(near(*m.meanOverheadShare, (5.0 / 8.0 + 5.0 / 10.0) / 2.0));

        benchmark.probe->runs[0].run = sampledRun({ sample(0.1, 8 * MiB), sample(0.2, 10 * MiB) });
        benchmark.probe->heapMissing = "the heap shim did not load";
        m = memoryProfile(benchmark);
        QVERIFY(m.heap.empty());
        QVERIFY(m.overhead.empty());
        QVERIFY(!m.meanOverheadShare);
        QCOMPARE(m.heapMissing, std::string("the heap shim did not load"));
        QCOMPARE(m.collections, std::size_t(2));
    }

    // Without an instrumented run: the first measured run with samples, RSS alone. A warmup does not count, nor a
    // trace whose events give no heap sizes (Java's concurrent phases alone).
    void withoutAnInstrumentedRun()
    {
        BenchmarkResult benchmark;
        benchmark.command = { "./program" };
        auto warmup = sampledRun({ sample(0.1, 99 * MiB) });
        warmup.warmup = true;
        benchmark.runs.push_back(warmup);
        benchmark.runs.push_back(sampledRun({ sample(0.1, 3 * MiB), sample(0.2, 4 * MiB) }));
        auto m = memoryProfile(benchmark);
        QVERIFY(!m.instrumented);
        QCOMPARE(m.peakRssBytes, 4 * MiB);
        QVERIFY(m.heap.empty());
        QVERIFY(m.heapMethod.empty());
        QCOMPARE(m.runtime, std::string());
        QVERIFY(memorySummaryToJson(benchmark).is_null());

        RuntimeTrace trace;
        trace.runtime = "java";
        trace.collector = "G1";
        trace.method = "-Xlog:gc*";
        RuntimeGcEvent concurrent;
        concurrent.tSeconds = 0.1;
        concurrent.durationSeconds = 0.05;
        trace.events = { concurrent };
        m = memoryProfile(tracedCommand(sampledRun({ sample(0.1, 3 * MiB) }), trace));
        QVERIFY(m.heap.empty());
        QCOMPARE(m.heapMissing, std::string("the trace gave no heap sizes"));
        QCOMPARE(m.collections, std::size_t(1));
        QCOMPARE(runtimeLabel(m.runtime, m.collector), std::string("Java (G1)"));

        // Nothing was sampled at all: an empty profile.
        BenchmarkResult unsampled;
        unsampled.runs.emplace_back();
        QVERIFY(memoryProfile(unsampled).empty());
    }

    // The JSON's summary.memory: the same figures, null where unknown.
    void theSummaryInTheJson()
    {
        const auto trace = twoGoCollections();
        const auto j = memorySummaryToJson(tracedCommand(sampledRun({ sample(1.0625, 20 * MiB) }), trace));
        QCOMPARE(j.at("runtime").get<std::string>(), std::string("go"));
        QCOMPARE(j.at("collections").get<int>(), 2);
        QCOMPARE(j.at("peak_live_bytes").get<std::int64_t>(), 5 * MiB);
        QVERIFY(near(j.at("overhead_share_mean").get<double>(), 0.65));
        // 18 MiB allocated over the run's 3 s wall time.
        QVERIFY(near(j.at("allocated_bytes_per_s").get<double>(), 18.0 * MiB / 3.0));
        QVERIFY(j.at("allocations").is_null());
        QVERIFY(j.at("heap_missing").is_null());
    }
};

QTEST_GUILESS_MAIN(TestMemoryProfile)
#include "tst_memory_profile.moc"
