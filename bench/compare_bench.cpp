// How long a comparison takes: the bootstrap of the ratio of medians with 1,000 runs per side and 10,000
// resamples (target: about 100 ms), and a whole comparison of such a pair. Side by side, the same bootstrap
// done the textbook way (copy each resample, find its median with nth_element), to show what counting buys.
//
//     build/release/bench/compare_bench
// Prints medians of 11 timings and the ratios; exits 1 when the bootstrap misses 100 ms by more than half.
#include "core/compare/comparison.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace pyrometer;

namespace {
double medianMilliseconds(const std::function<void()>& work, int repeats = 11)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double medianOf(std::vector<double>& values)
{
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2)
        return *middle;
    return (*middle + *std::max_element(values.begin(), middle)) / 2.0;
}

/// The textbook percentile bootstrap: every resample copied, its median found by selection.
std::pair<double, double> textbookBootstrap(const std::vector<double>& a, const std::vector<double>& b, int resamples)
{
    std::mt19937_64 random(0x5eed);
    std::uniform_int_distribution<std::size_t> pickA(0, a.size() - 1), pickB(0, b.size() - 1);
    std::vector<double> ra(a.size()), rb(b.size()), ratios;
    for (int r = 0; r < resamples; ++r) {
        for (auto& x : ra)
            x = a[pickA(random)];
        for (auto& x : rb)
            x = b[pickB(random)];
        const double first = medianOf(ra);
        ratios.push_back(medianOf(rb) / first);
    }
    std::sort(ratios.begin(), ratios.end());
    return { quantile(ratios, 0.025), quantile(ratios, 0.975) };
}

BenchmarkResult benchmark(const std::vector<double>& wall)
{
    BenchmarkResult b;
    b.name = "work.py";
    for (double w : wall) {
        RunRecord run;
        run.exitCode = 0;
        run.wall = fromSeconds(w);
        b.runs.push_back(run);
    }
    return b;
}
} // namespace

int main()
{
    std::mt19937 random(7);
    std::lognormal_distribution<double> wall(std::log(0.050), 0.05);
    std::vector<double> a(1000), b(1000);
    for (auto& x : a)
        x = wall(random);
    for (auto& x : b)
        x = wall(random) * 1.03;

    BootstrapRatio counted;
    std::pair<double, double> textbook;
    const double countedMs = medianMilliseconds([&] { counted = bootstrapRatioOfMedians(a, b); });
    const double textbookMs = medianMilliseconds([&] { textbook = textbookBootstrap(a, b, 10'000); });
    Results baseline, candidate;
    baseline.benchmarks = { benchmark(a) };
    candidate.benchmarks = { benchmark(b) };
    Comparison comparison;
    const double compareMs
        = medianMilliseconds([&] { comparison = compare(baseline, candidate, pairBenchmarks(baseline, candidate)); });

    std::printf("1,000 runs per side, 10,000 resamples; medians of 11 timings\n");
    std::printf("  bootstrap of the ratio of medians (counting)   %7.1f ms   interval [%.4f, %.4f]\n", countedMs,
        counted.low, counted.high);
    std::printf("  the same, textbook (copy + nth_element)        %7.1f ms   interval [%.4f, %.4f]\n", textbookMs,
        textbook.first, textbook.second);
    std::printf(
        "  whole comparison of the pair (bootstrap, Mann–Whitney, Welch, Hodges–Lehmann)  %7.1f ms\n", compareMs);
    std::printf(
        "  textbook / counting: %.2f;  bootstrap / 100 ms target: %.2f\n", textbookMs / countedMs, countedMs / 100.0);
    return countedMs <= 150.0 ? 0 : 1;
}
