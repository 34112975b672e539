// Whether sampling a run's resources disturbs what is timed: the same CPU-bound script as three benchmarks —
// not sampled, sampled at 100 Hz, sampled at 1000 Hz — interleaved run by run in one engine run, so that the
// drift of this shared machine hits all three alike. Prints each median, the ratios to the unsampled median
// with their 95% bootstrap intervals, and what the sampler itself cost in CPU time.
//
//     build/release/bench/sampler_bench [RUNS (default 150)] [SCRIPT (default bench/cpu_work.py)]
// Target: the 1000 Hz median within 1% of the unsampled one; exits 1 when it is not.
#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/model/results.h"
#include "core/model/run_plan.h"
#include "core/model/units.h"
#include "core/stats/benchmark_summary.h"
#include "core/stats/two_sample_tests.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace pyrometer;

int main(int argc, char** argv)
{
    spawn_helper::start(PYROMETER_SPAWN_HELPER);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 150;
    const std::string script = argc > 2 ? argv[2] : PYROMETER_SOURCE_DIR "/bench/cpu_work.py";
    RunPlan plan;
    for (const int hz : { 0, 100, 1000 }) {
        BenchmarkRequest request;
        request.script = script;
        request.interpreter = "/usr/bin/python3";
        request.name = hz == 0 ? "not sampled" : std::to_string(hz) + " Hz";
        request.settings.runs = runs;
        request.settings.warmups = 2;
        request.settings.sampleHz = hz;
        plan.benchmarks.push_back(request);
    }
    auto results = prepare(plan);
    ProcessLauncher launcher;
    Engine(launcher).run(results, {});

    const auto unsampled = successfulWallSeconds(results.benchmarks[0]);
    const auto baseMedian = summarize(results.benchmarks[0]).wall.median;
    std::printf("%s, %d interleaved runs each\n\n", script.c_str(), runs);
    std::printf(
        "%-12s %10s %8s %18s %12s %12s\n", "", "median", "ratio", "95% CI of ratio", "samples/run", "sampler CPU");
    bool met = true;
    for (const auto& benchmark : results.benchmarks) {
        const auto wall = successfulWallSeconds(benchmark);
        const double median = summarize(benchmark).wall.median;
        const auto ratio = bootstrapRatioOfMedians(unsampled, wall, 10000, 0.95, 42);
        double samples = 0, samplerCpu = 0, runWall = 0;
        for (const auto& run : benchmark.runs) {
            if (run.warmup || !run.timeline)
                continue;
            samples += static_cast<double>(run.timeline->samples.size());
            samplerCpu += toSeconds(run.timeline->samplerCpu);
            runWall += toSeconds(run.wall);
        }
        char interval[64] = "";
        if (benchmark.settings.sampleHz > 0)
            std::snprintf(interval, sizeof interval, "[%.4f, %.4f]", ratio.low, ratio.high);
        char cost[64] = "-";
        if (samples > 0)
            std::snprintf(cost, sizeof cost, "%.1f µs/sample, %.2f%% of wall", 1e6 * samplerCpu / samples,
                100 * samplerCpu / runWall);
        std::printf("%-12s %10s %8.4f %18s %12.0f   %s\n", benchmark.name.c_str(), formatDuration(median).c_str(),
            median / baseMedian, interval, samples / runs, cost);
        if (benchmark.settings.sampleHz == 1000)
            met = std::abs(median / baseMedian - 1) <= 0.01;
    }
    std::printf("\n1000 Hz median within 1%% of the unsampled median: %s\n", met ? "yes" : "NO");
    return met ? 0 : 1;
}
