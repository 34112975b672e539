#pragma once

#include "core/formats/results_file.h"
#include "core/model/results.h"

#include <memory>
#include <string>

namespace pyrometer::test {

/// A benchmark of `runs` successful runs around `seconds`: 1.00, 1.01, … 1.04 times it, over and over.
inline BenchmarkResult benchmarkOf(const std::string& name, double seconds, int runs)
{
    BenchmarkResult b;
    b.name = name;
    for (int i = 0; i < runs; ++i) {
        RunRecord r;
        r.wall = fromSeconds(seconds * (1 + 0.01 * (i % 5)));
        r.exitCode = 0;
        b.runs.push_back(r);
    }
    return b;
}

/// The fixture of three benchmarks as a real run wrote it (tests/fixtures/results_three_benchmarks.json).
inline std::shared_ptr<const Results> threeBenchmarks()
{
    return std::make_shared<const Results>(readResultsFile(PYROMETER_FIXTURES "/results_three_benchmarks.json"));
}

/// Two programs in different runtimes, each with its instrumented run sampled every 10 ms for 1 s (RSS 20 MiB):
/// "go <svc>" traced by Go's collector, three collections at 0.2, 0.5 and 0.8 s (heap 8 → 3 MiB, 1 ms pauses);
/// "c++ & co" counted by the heap shim (live heap 5 MiB throughout, 1,000 allocations). The names are hostile.
inline std::shared_ptr<const Results> twoRuntimes()
{
    constexpr std::int64_t MiB = 1024 * 1024;
    Results results;
    // A benchmark whose instrumented run is traced by `method` of `runtime`; the heap shim counts it when native.
    const auto instrumented = [&](const std::string& name, const char* runtime, const char* method) {
        const bool shim = std::string(runtime) == "native";
        Timeline timeline;
        for (int i = 0; i <= 100; ++i) {
            ResourceSample s;
            s.tSeconds = static_cast<float>(i) / 100.0f;
            s.rssBytes = 20 * MiB;
            s.heapBytes = shim ? 5 * MiB : -1;
            timeline.samples.push_back(s);
        }
        timeline.intervalSeconds = 0.01;
        if (shim)
            timeline.heap = HeapTotals { 1000, 900, 40 * MiB, 5 * MiB, 5 * MiB };
        ProbeRun run;
        run.instruments.gc = true;
        run.run.exitCode = 0;
        run.run.wall = fromSeconds(1.0);
        run.run.maxRssBytes = 20 * MiB;
        run.run.timeline = std::make_shared<const Timeline>(std::move(timeline));
        auto benchmark = benchmarkOf(name, 0.5, 5);
        benchmark.command = { "./program" };
        benchmark.probe.emplace();
        benchmark.probe->runs.push_back(std::move(run));
        benchmark.probe->runtimeGc.emplace();
        benchmark.probe->runtimeGc->runtime = runtime;
        benchmark.probe->runtimeGc->method = method;
        return benchmark;
    };
    auto go = instrumented("go <svc>", "go", "GODEBUG=gctrace=1");
    for (const double t : { 0.2, 0.5, 0.8 }) {
        RuntimeGcEvent e;
        e.tSeconds = t;
        e.pauseSeconds = 0.001;
        e.durationSeconds = 0.01;
        e.heapBeforeBytes = 8 * MiB;
        e.heapAfterBytes = 3 * MiB;
        e.liveBytes = 3 * MiB;
        go.probe->runtimeGc->events.push_back(e);
    }
    const auto native = instrumented("c++ & co", "native", "heap shim (LD_PRELOAD)");
    results.benchmarks = { go, native };
    results.complete = true;
    return std::make_shared<const Results>(std::move(results));
}

} // namespace pyrometer::test
