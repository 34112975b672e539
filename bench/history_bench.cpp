// The history store at the size the issue names: N run sets (10,000 by default) of 20 benchmarks × 30 runs each,
// on SQLite and, given an empty PostgreSQL database, there too, side by side. Prints, against each target: saving
// one more run set (the median of 21), one benchmark's trend over every point (the median of 11), and change-point
// detection over that series (the median of 5), with the ratio of PostgreSQL to SQLite.
//   history_bench [RUN_SETS] [POSTGRESQL_URI]      (bench/history_bench.sh starts a throwaway server for it)
#include "core/history/store.h"
#include "core/history/trend.h"
#include "core/stats/change_points.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
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

/// The figures of one store: filling it, then saving, reading a trend and finding its changes.
struct Figures
{
    double fillSeconds = 0, save = 0, trend = 0, detect = 0;
    std::size_t points = 0;
    std::vector<ChangePoint> changes;
};

Figures measure(const std::string& location, int count)
{
    auto store = openStore(location);
    std::mt19937_64 random(1);
    Figures f;
    f.fillSeconds = millis([&] {
        for (int i = 0; i < count; ++i)
            store->save(runSet(i, random), {});
    }) / 1000;
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
    for (int i = 0; i < 5; ++i)
        detections.push_back(millis([&] { f.changes = findChangePoints(series); }));
    f.save = medianOf(saves);
    f.trend = medianOf(trends);
    f.detect = medianOf(detections);
    f.points = series.size();
    return f;
}
} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const std::string postgres = argc > 2 ? argv[2] : "";
    const std::string location = "/tmp/pyrometer_history_bench.sqlite";
    std::filesystem::remove(location);
    const auto sqlite = measure(location, count);
    std::printf("SQLite: %d run sets × 20 benchmarks × 30 runs, %.0f MB, filled in %.1f s\n", count,
        double(std::filesystem::file_size(location)) / 1e6, sqlite.fillSeconds);
    std::filesystem::remove(location);
    std::optional<Figures> pg;
    if (!postgres.empty()) {
        pg = measure(postgres, count);
        std::printf("PostgreSQL: the same, filled in %.1f s\n", pg->fillSeconds);
    }
    const auto line = [&](const char* what, double target, double Figures::*figure) {
        std::printf("%-44s target %5.0f ms   SQLite %8.2f ms (%.3f of it)", what, target, sqlite.*figure,
            sqlite.*figure / target);
        if (pg)
            std::printf("   PostgreSQL %8.2f ms (%.3f of it)   PostgreSQL/SQLite %.2f", (*pg).*figure,
                (*pg).*figure / target, (*pg).*figure / (sqlite.*figure));
        std::printf("\n");
    };
    line("save one run set (median of 21)", 50, &Figures::save);
    char trend[96];
    std::snprintf(trend, sizeof trend, "trend of one benchmark, %zu points (of 11)", sqlite.points);
    line(trend, 100, &Figures::trend);
    line("change points over it (median of 5)", 1000, &Figures::detect);
    std::printf("changes found: %zu", sqlite.changes.size());
    for (const auto& c : sqlite.changes)
        std::printf("  [at %zu: %+.1f%%]", c.index, c.relativeChange() * 100);
    std::printf("\n");
}
