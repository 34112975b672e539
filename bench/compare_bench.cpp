// How long a comparison takes, and how much memory: the bootstrap of the ratio of medians with 1,000 runs per side
// and 10,000 resamples (target: about 100 ms) beside the same bootstrap done the textbook way (copy each resample,
// find its median with nth_element); the Hodges–Lehmann shift by selection beside forming every pairwise
// difference; and a whole comparison of 200,000 runs a side (target: at most 2 s and 200 MB).
//
//     build/release/bench/compare_bench
// Prints medians of timings and the ratios; exits 1 when a target is missed.
#include "core/compare/comparison.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <sys/resource.h>
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

/// The textbook Hodges–Lehmann shift: every pairwise difference formed, the median selected.
double allPairsShift(const std::vector<double>& a, const std::vector<double>& b)
{
    std::vector<double> differences;
    differences.reserve(a.size() * b.size());
    for (double x : a) {
        for (double y : b)
            differences.push_back(y - x);
    }
    return medianOf(differences);
}

double currentRssMiB()
{
    long pages = 0, resident = 0;
    if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(statm);
    }
    return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

double peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::vector<double> lognormalSample(std::size_t n, double factor, std::mt19937& random)
{
    std::lognormal_distribution<double> wall(std::log(0.050), 0.05);
    std::vector<double> sample(n);
    for (auto& x : sample)
        x = wall(random) * factor;
    return sample;
}

BenchmarkResult benchmark(const std::vector<double>& wall)
{
    BenchmarkResult b;
    b.name = "work.py";
    for (double w : wall) {
        RunRecord run;
        run.exitCode = 0;
        run.wall = fromSeconds(w);
        // CPU time and peak RSS vary with the wall time, as they do: every metric has its own verdict to compute.
        run.user = fromSeconds(w * 0.8);
        run.sys = fromSeconds(w * 0.1);
        run.maxRssBytes = 20'000'000 + static_cast<std::int64_t>(w * 1e8);
        b.runs.push_back(run);
    }
    return b;
}
} // namespace

int main()
{
    std::mt19937 random(7);
    constexpr std::size_t large = 200'000;
    Results bigBaseline, bigCandidate;
    bigBaseline.benchmarks = { benchmark(lognormalSample(large, 1.0, random)) };
    bigCandidate.benchmarks = { benchmark(lognormalSample(large, 1.03, random)) };
    const double dataMiB = currentRssMiB();
    Comparison big;
    const double bigMs = medianMilliseconds(
        [&] { big = compare(bigBaseline, bigCandidate, pairBenchmarks(bigBaseline, bigCandidate)); }, 3);
    const double bigMiB = peakRssMiB() - dataMiB;
    // The same runs as two benchmarks of one interleaved run: paired, run i with run i.
    Results interleaved;
    interleaved.benchmarks = { bigBaseline.benchmarks.front(), bigCandidate.benchmarks.front() };
    interleaved.benchmarks.back().name = "work2.py";
    Comparison paired;
    const double pairedMs = medianMilliseconds([&] { paired = compare(interleaved, interleaved, { { 0, 1 } }); }, 3);
    const auto printLarge = [&] {
        std::printf(
            "\n200,000 runs per side, a whole comparison (wall time, CPU time, peak RSS); median of 3 timings\n");
        std::printf(
            "  time %.0f ms (target 2,000 ms);  peak memory above the results themselves %.0f MiB (target 200 MiB); "
            "ratio %.4f [%.4f, %.4f]\n",
            bigMs, bigMiB, big.pairs.front().ratio.ratio, big.pairs.front().ratio.low, big.pairs.front().ratio.high);
        std::printf(
            "  paired (two benchmarks of one interleaved run, %zu pairs): time %.0f ms; ratio %.4f [%.4f, %.4f]\n",
            paired.pairs.front().pairedRuns.value_or(0), pairedMs, paired.pairs.front().ratio.ratio,
            paired.pairs.front().ratio.low, paired.pairs.front().ratio.high);
    };
    const auto a = lognormalSample(1000, 1.0, random), b = lognormalSample(1000, 1.03, random);

    BootstrapRatio drawn;
    std::pair<double, double> textbook;
    const double drawnMs = medianMilliseconds([&] { drawn = bootstrapRatioOfMedians(a, b); });
    const double textbookMs = medianMilliseconds([&] { textbook = textbookBootstrap(a, b, 10'000); });
    Results baseline, candidate;
    baseline.benchmarks = { benchmark(a) };
    candidate.benchmarks = { benchmark(b) };
    Comparison comparison;
    const double compareMs
        = medianMilliseconds([&] { comparison = compare(baseline, candidate, pairBenchmarks(baseline, candidate)); });

    std::printf("1,000 runs per side, 10,000 resamples; medians of 11 timings\n");
    std::printf("  bootstrap of the ratio of medians (order statistics)  %8.2f ms   interval [%.4f, %.4f]\n", drawnMs,
        drawn.low, drawn.high);
    std::printf("  the same, textbook (copy + nth_element)               %8.2f ms   interval [%.4f, %.4f]\n",
        textbookMs, textbook.first, textbook.second);
    std::printf("  whole comparison of the pair                           %8.2f ms\n", compareMs);
    std::printf("  textbook / order statistics: %.0f;  bootstrap / 100 ms target: %.3f\n\n", textbookMs / drawnMs,
        drawnMs / 100.0);

    const auto c = lognormalSample(3000, 1.0, random), d = lognormalSample(3000, 1.03, random);
    double selected = 0, formed = 0;
    const double selectedMs = medianMilliseconds([&] { selected = hodgesLehmann(c, d); }, 5);
    const double formedMs = medianMilliseconds([&] { formed = allPairsShift(c, d); }, 5);
    std::printf("Hodges–Lehmann shift, 3,000 runs per side (9 million differences); medians of 5 timings\n");
    std::printf("  by selection over the implicit matrix   %8.2f ms   shift %.9f\n", selectedMs, selected);
    std::printf("  every difference formed (72 MB)          %8.2f ms   shift %.9f\n", formedMs, formed);
    std::printf(
        "  formed / selection: %.0f;  the same shift: %s\n", formedMs / selectedMs, selected == formed ? "yes" : "NO");

    printLarge();
    return drawnMs <= 150.0 && bigMs <= 2000.0 && bigMiB <= 200.0 && selected == formed ? 0 : 1;
}
