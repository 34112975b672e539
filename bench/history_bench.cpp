// The history store at the size the issue names: N run sets (10,000 by default) of 20 benchmarks × 30 runs each.
// Prints, against each target: saving one more run set (the median of 21), one benchmark's trend over every point
// (the median of 11), and change-point detection over a 10,000-point series (the median of 5).
//   history_bench [RUN_SETS] [STORE]   (the store is made anew; default /tmp/pyrometer_history_bench.sqlite)
#include "core/history/store.h"
#include "core/history/trend.h"
#include "core/stats/change_points.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>

using namespace pyrometer;
using Clock = std::chrono::steady_clock;

namespace {
double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

Results runSet(int index, std::mt19937_64& random)
{
    Results results;
    results.environment.hostname = "bench-host";
    // One run set an hour, from 2025-01-01: in the order of their index.
    const std::time_t when = 1735689600 + std::time_t(index) * 3600;
    std::tm tm {};
    gmtime_r(&when, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    results.environment.date = date;
    std::normal_distribution<double> noise(0, 0.01);
    for (int b = 0; b < 20; ++b) {
        BenchmarkResult benchmark;
        benchmark.name = "bench_" + std::to_string(b) + ".py";
        benchmark.git = GitInfo { std::to_string(100000 + index), "main", false, "p", date, "commit" };
        const double level = 0.001 * (b + 1) * (index > 5000 && b == 3 ? 1.1 : 1.0);
        for (int r = 0; r < 30; ++r) {
            RunRecord run;
            run.wall = std::chrono::nanoseconds(std::int64_t(level * (1 + noise(random)) * 1e9));
            run.user = run.wall / 2;
            run.maxRssBytes = 20'000'000;
            run.exitCode = 0;
            benchmark.runs.push_back(run);
        }
        results.benchmarks.push_back(std::move(benchmark));
    }
    return results;
}

template <class F> double millis(F&& f)
{
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const std::string location = argc > 2 ? argv[2] : "/tmp/pyrometer_history_bench.sqlite";
    std::filesystem::remove(location);
    auto store = openStore(location);
    std::mt19937_64 random(1);
    const double filling = millis([&] {
        for (int i = 0; i < count; ++i)
            store->save(runSet(i, random), {});
    });
    std::printf("store: %d run sets × 20 benchmarks × 30 runs, %.0f MB, filled in %.1f s (%.2f ms a run set)\n", count,
        double(std::filesystem::file_size(location)) / 1e6, filling / 1000, filling / count);

    std::vector<double> saves, trends, detections;
    for (int i = 0; i < 21; ++i) {
        const auto results = runSet(count + i, random);
        saves.push_back(millis([&] { store->save(results, {}); }));
    }
    std::vector<TrendPoint> points;
    for (int i = 0; i < 11; ++i)
        trends.push_back(millis([&] { points = store->trend("bench_3.py", {}); }));
    std::vector<double> series;
    for (const auto& p : points)
        series.push_back(p.median.value_or(0));
    std::vector<ChangePoint> changes;
    for (int i = 0; i < 5; ++i)
        detections.push_back(millis([&] { changes = findChangePoints(series); }));

    const auto line = [](const char* what, double measured, double target) {
        std::printf(
            "%-52s %9.2f ms   target %6.0f ms   measured/target %.3f\n", what, measured, target, measured / target);
    };
    line("save one run set (median of 21)", medianOf(saves), 50);
    char trend[96];
    std::snprintf(trend, sizeof trend, "trend of one benchmark, %zu points (median of 11)", points.size());
    line(trend, medianOf(trends), 100);
    char detect[96];
    std::snprintf(detect, sizeof detect, "change points over %zu points (median of 5)", series.size());
    line(detect, medianOf(detections), 1000);
    std::printf("changes found: %zu", changes.size());
    for (const auto& c : changes)
        std::printf("  [at %zu: %+.1f%%]", c.index, c.relativeChange() * 100);
    std::printf("\n");
    std::filesystem::remove(location);
}
