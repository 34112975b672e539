#include "core/stats/findings.h"

#include "core/model/units.h"
#include "core/stats/benchmark_summary.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace pyrometer {
namespace {
std::string pText(double p)
{
    if (p < 0.0001)
        return "p < 0.0001";
    char text[32];
    std::snprintf(text, sizeof text, "p = %.2g", p);
    return text;
}

std::string signedPercent(double fraction)
{
    return (fraction >= 0 ? "+" : "−") + formatPercent(std::abs(fraction), 0);
}

std::string runsText(std::size_t n)
{
    return std::to_string(n) + " run" + (n == 1 ? "" : "s");
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return quantile(values, 0.5);
}

/// 1.4826 · MAD: the spread of `sorted`, in the units of a standard deviation for normal data.
double scaledMad(std::span<const double> sorted)
{
    const double median = quantile(sorted, 0.5);
    std::vector<double> deviations;
    for (const double x : sorted)
        deviations.push_back(std::abs(x - median));
    return 1.4826 * medianOf(std::move(deviations));
}

/// The trend of a series of any length: Mann–Kendall is O(n²) in time and, for the slope, memory, so a series
/// longer than 1,000 is first thinned to the medians of 1,000 consecutive blocks (the trend over run order stays;
/// its p-value is that of the block medians).
Trend trendOf(std::span<const double> series)
{
    constexpr std::size_t most = 1000;
    if (series.size() <= most)
        return mannKendall(series);
    std::vector<double> blocks;
    for (std::size_t k = 0; k < most; ++k) {
        const auto from = series.size() * k / most, to = series.size() * (k + 1) / most;
        blocks.push_back(medianOf(
            { series.begin() + static_cast<std::ptrdiff_t>(from), series.begin() + static_cast<std::ptrdiff_t>(to) }));
    }
    auto trend = mannKendall(blocks);
    trend.slope *= static_cast<double>(most) / static_cast<double>(series.size()); // per run, not per block
    return trend;
}

void noise(const Results& results, std::size_t b, const Summary& wall, std::vector<Finding>& out)
{
    const auto& floor = results.environment.floor;
    const bool aboveFloor = floor && wall.cv > 0.02 && wall.cv > 3 * floor->cv;
    if (wall.n < 5 || !(wall.cv > 0.05 || aboveFloor))
        return;
    std::string evidence = "standard deviation " + formatDuration(wall.stddev) + " around a mean of "
        + formatDuration(wall.mean) + ", over " + runsText(wall.n);
    std::string advice;
    if (!floor) {
        advice = results.order == RunOrder::Interleaved
            ? "`pyrometer doctor` measures how much of this the machine adds; more runs narrow the interval"
            : "interleave the benchmarks (leave out --sequential); `pyrometer doctor` measures what the machine adds";
    } else {
        evidence += "; this machine's noise floor is a CV of " + formatPercent(floor->cv, floor->cv < 0.1 ? 1 : 0)
            + " (`pyrometer doctor` at " + floor->measuredAt + ")";
        if (aboveFloor)
            // Three times the floor: the spread is the benchmark's own, not the machine's.
            advice = "the benchmark varies more than the machine does: look for what differs from run to run (I/O, "
                     "the network, random input, hash seeds: --hash-seed fixes one); more runs narrow the interval";
        else
            advice = "the machine adds this much: the doctor's fixes (`pyrometer doctor`) lower it, or pin the runs "
                     "with --cpu"
                + std::string(floor->detectableChange
                        ? "; changes below " + formatPercent(*floor->detectableChange, 0) + " are not told apart here"
                        : "");
    }
    out.push_back({ "noise", b, "run times vary with a CV of " + formatPercent(wall.cv, 0), evidence, advice });
}

/// A pause in the middle of the runs: the gap between one run's end and the next run's start (any benchmark's),
/// from the monotonic times the runs were spawned at.
void pause(const Results& results, std::vector<Finding>& out)
{
    struct Span
    {
        std::int64_t start, end;
        std::size_t benchmark, run;
    };
    std::vector<Span> spans;
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto& runs = results.benchmarks[b].runs;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            if (runs[r].spawnedAtNs > 0) {
                const auto wallNs = std::chrono::duration_cast<std::chrono::nanoseconds>(runs[r].wall).count();
                spans.push_back({ runs[r].spawnedAtNs, runs[r].spawnedAtNs + wallNs, b, r });
            }
        }
    }
    if (spans.size() < 10)
        return;
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
    std::vector<double> gaps;
    for (std::size_t i = 1; i < spans.size(); ++i)
        gaps.push_back(static_cast<double>(std::max<std::int64_t>(0, spans[i].start - spans[i - 1].end)) * 1e-9);
    const auto longest = std::max_element(gaps.begin(), gaps.end());
    const double typical = medianOf(gaps);
    if (!(*longest > 10 && *longest > 10 * typical))
        return;
    const auto& after = spans[static_cast<std::size_t>(longest - gaps.begin()) + 1];
    const double total = static_cast<double>(spans.back().end - spans.front().start) * 1e-9;
    out.push_back({ "pause", Finding::wholeRun,
        "the runs stopped for " + formatInterval(*longest) + " before run " + std::to_string(after.run + 1) + " of "
            + results.benchmarks[after.benchmark].name,
        "the longest gap between two runs, against a median gap of " + formatDuration(typical)
            + "; the runs spread over " + formatInterval(total),
        "the machine can change while nothing runs (a suspend, another job, a migrated VM): the runs before and after "
        "the gap may not be alike; run again without the pause" });
}

/// The number of first runs the warm-up finding found slower, or 0.
std::size_t warmUp(
    const BenchmarkResult& benchmark, std::size_t b, const std::vector<double>& walls, std::vector<Finding>& out)
{
    if (walls.size() < 10)
        return 0;
    const std::size_t k = std::max<std::size_t>(2, walls.size() / 5);
    const std::span<const double> first(walls.data(), k);
    const std::span<const double> rest(walls.data() + k, walls.size() - k);
    const double slower = medianOf({ first.begin(), first.end() }) / medianOf({ rest.begin(), rest.end() }) - 1;
    if (!(slower > 0.05))
        return 0;
    const double p = mannWhitney(first, rest).pValue / 2; // one-sided: the first are slower
    if (!(p < 0.01))
        return 0;
    out.push_back({ "warm-up", b,
        "the first " + runsText(k) + " were " + formatPercent(slower, 0) + " slower than the other "
            + std::to_string(rest.size()),
        "medians compared, Mann–Whitney U one-sided " + pText(p),
        "use more warmups: -w " + std::to_string(std::max(0, benchmark.settings.warmups) + static_cast<int>(k)) });
    return k;
}

void drift(std::size_t b, std::span<const double> walls, std::vector<Finding>& out)
{
    if (walls.size() < 10)
        return;
    const auto trend = trendOf(walls);
    const double median = medianOf({ walls.begin(), walls.end() });
    const double moved = trend.slope * static_cast<double>(walls.size() - 1) / median;
    if (!(trend.pValue < 0.01) || !(std::abs(moved) > 0.05))
        return;
    out.push_back(
        { "drift", b, "run times drifted " + signedPercent(moved) + " from the first measured run to the last",
            "Mann–Kendall trend " + pText(trend.pValue) + ", Theil–Sen slope " + formatDuration(trend.slope) + " a run",
            "the machine changed during the run (its clock, its temperature, other work): compare runs of one "
            "interleaved invocation, or pin the runs with --cpu" });
}

void bimodal(std::size_t b, std::span<const double> walls, const Summary& wall, std::vector<Finding>& out)
{
    const std::size_t n = walls.size();
    if (n < 10)
        return;
    std::vector<double> sorted(walls.begin(), walls.end());
    std::sort(sorted.begin(), sorted.end());
    const std::size_t least = std::max<std::size_t>(3, (n + 9) / 10);
    std::size_t split = 0;
    double widest = 0;
    for (std::size_t i = least; i + least <= n; ++i) {
        if (sorted[i] - sorted[i - 1] > widest) {
            widest = sorted[i] - sorted[i - 1];
            split = i;
        }
    }
    if (split == 0)
        return;
    const std::span<const double> low(sorted.data(), split), high(sorted.data() + split, n - split);
    const double spread = std::max(scaledMad(low), scaledMad(high));
    if (!(widest > 0.02 * wall.median) || !(widest > 5 * spread))
        return;
    const auto share = [&](std::size_t count) { return formatPercent(double(count) / double(n), 0); };
    out.push_back({ "bimodal", b,
        "two clusters of run times: " + share(low.size()) + " around " + formatDuration(quantile(low, 0.5)) + ", "
            + share(high.size()) + " around " + formatDuration(quantile(high, 0.5)),
        "a gap of " + formatDuration(widest) + " between them in the sorted times, "
            + (spread > 0 ? formatFixed(widest / spread, 0) + " times" : "far more than")
            + " the spread within either (1.4826 · MAD)",
        "something differs between the runs of the two clusters; each run's hash seed is recorded, and --hash-seed "
        "fixes it" });
}

void startUp(const BenchmarkResult& benchmark, std::size_t b, const Summary& wall, std::vector<Finding>& out)
{
    if (!benchmark.script || benchmark.function || wall.n == 0 || !(wall.median > 0))
        return;
    std::optional<double> startup;
    std::string how;
    if (benchmark.interpreter && benchmark.interpreter->startupSeconds) {
        startup = benchmark.interpreter->startupSeconds;
        how = benchmark.interpreter->requested + " -c pass, measured before the runs";
    } else if (benchmark.probe && !benchmark.probe->runs.empty()
        && benchmark.probe->runs.front().scriptStartSeconds > 0) {
        startup = benchmark.probe->runs.front().scriptStartSeconds;
        how = "until the script's first line, in the instrumented run";
    }
    if (!startup || !(*startup / wall.median > 0.5))
        return;
    out.push_back({ "start-up", b,
        "Python's own start-up is " + formatPercent(std::min(1.0, *startup / wall.median), 0) + " of each run",
        formatDuration(*startup) + " (" + how + ") of a median run of " + formatDuration(wall.median),
        "benchmark a function instead: a bench_*.py file times calls in a loop, without the start-up (see "
        "pyrometer run --help)" });
}

void garbageCollection(const BenchmarkResult& benchmark, std::size_t b, std::vector<Finding>& out)
{
    if (!benchmark.probe || !benchmark.probe->gcEvents)
        return;
    const auto* run = benchmark.probe->runWith("gc");
    if (!run)
        return;
    const double scriptSeconds = run->scriptEndSeconds - run->scriptStartSeconds;
    double collecting = 0;
    std::size_t oldest = 0;
    for (const auto& event : *benchmark.probe->gcEvents) {
        collecting += event.durationSeconds;
        oldest += event.generation == 2 ? 1 : 0;
    }
    if (!(scriptSeconds > 0) || !(collecting / scriptSeconds > 0.10))
        return;
    const auto count = benchmark.probe->gcEvents->size();
    out.push_back({ "gc", b,
        "garbage collection took " + formatPercent(collecting / scriptSeconds, 0) + " of the script's time",
        formatDuration(collecting) + " in " + std::to_string(count) + " collection" + (count == 1 ? "" : "s") + ", "
            + std::to_string(oldest) + " of generation 2, in the instrumented run's " + formatDuration(scriptSeconds),
        "fewer container objects, or gc.freeze() after building long-lived data; the memory chart shows when "
        "they ran" });
}

void memoryGrowth(const BenchmarkResult& benchmark, std::size_t b, std::vector<Finding>& out)
{
    if (!benchmark.measured.memory)
        return;
    std::vector<double> peaks;
    std::size_t sampled = 0, rising = 0;
    double rise = 0;
    for (const auto& run : benchmark.runs) {
        if (run.warmup || !run.succeeded())
            continue;
        peaks.push_back(static_cast<double>(run.maxRssBytes));
        if (!run.timeline || run.timeline->samples.size() < 20)
            continue;
        ++sampled;
        const auto& samples = run.timeline->samples;
        std::vector<double> secondHalf;
        for (std::size_t i = samples.size() / 2; i < samples.size(); ++i)
            secondHalf.push_back(static_cast<double>(samples[i].rssBytes));
        const double grew = secondHalf.back() / std::max(1.0, secondHalf.front()) - 1;
        const auto trend = grew > 0.20 ? trendOf(secondHalf) : Trend {};
        if (grew > 0.20 && trend.pValue < 0.01 && trend.slope > 0) {
            ++rising;
            rise = std::max(rise, grew);
        }
    }
    if (peaks.size() >= 10) {
        const auto trend = trendOf(peaks);
        const double grew = trend.slope * static_cast<double>(peaks.size() - 1) / medianOf(peaks);
        if (trend.pValue < 0.01 && grew > 0.10) {
            out.push_back({ "memory-growth", b,
                "peak RSS grew from run to run: " + signedPercent(grew) + " from the first measured run to the last",
                "Mann–Kendall trend " + pText(trend.pValue) + ", Theil–Sen slope " + formatBytes(trend.slope)
                    + " a run",
                "each run is a fresh process, so what grows is outside it: a file, cache or database the script "
                "reads and adds to" });
        }
    }
    if (sampled > 0 && rising * 2 >= sampled) {
        out.push_back({ "memory-growth", b,
            "RSS was still rising at the end of " + std::to_string(rising) + " of " + std::to_string(sampled)
                + " sampled runs (up to " + signedPercent(rise) + " over a run's second half): a possible leak",
            "Mann–Kendall trend over the second half of each run's samples, p < 0.01",
            "--tracemalloc shows where the "
            "live memory was allocated" });
    }
}

void hotspot(const BenchmarkResult& benchmark, std::size_t b, std::vector<Finding>& out)
{
    if (!benchmark.probe || !benchmark.probe->profile || benchmark.probe->profile->functions.empty())
        return;
    const auto& functions = benchmark.probe->profile->functions;
    double total = 0;
    for (const auto& function : functions)
        total += function.totalSeconds;
    const auto top = std::max_element(functions.begin(), functions.end(),
        [](const ProfileFunction& a, const ProfileFunction& b) { return a.totalSeconds < b.totalSeconds; });
    if (!(total > 0) || !(top->totalSeconds / total > 0.5))
        return;
    const std::string where
        = top->file == "~" ? top->name : top->name + " (" + top->file + ":" + std::to_string(top->line) + ")";
    out.push_back({ "hotspot", b,
        where + " holds " + formatPercent(top->totalSeconds / total, 0) + " of the profiled time in its own code",
        formatDuration(top->totalSeconds) + " of " + formatDuration(total) + " in " + std::to_string(top->calls)
            + " call" + (top->calls == 1 ? "" : "s") + " (cProfile)",
        "the Hotspots tab shows who calls it and how often" });
}

void busy(const Results& results, std::vector<Finding>& out)
{
    const auto& e = results.environment;
    std::string seen;
    for (const auto& check : e.machine) {
        if (check.rating == Rating::Bad)
            seen += (seen.empty() ? "" : "; ") + check.title + ": " + check.observed;
    }
    if (!seen.empty())
        out.push_back({ "busy", Finding::wholeRun, "the machine was busy when the run started", seen,
            "run when the machine is quiet; `pyrometer doctor` shows what is busy" });
    if (e.loadAverageEnd && e.logicalCores > 0 && (*e.loadAverageEnd)[0] >= 0.75 * e.logicalCores)
        out.push_back({ "busy", Finding::wholeRun, "the machine was busy during the run",
            "load average " + formatFixed((*e.loadAverageEnd)[0], 2) + " at its end on "
                + std::to_string(e.logicalCores) + " CPUs; the runs themselves count for at most one",
            "run when the machine is quiet; `pyrometer doctor` shows what is busy" });
    if (e.stealDuringRun && *e.stealDuringRun >= 0.02)
        out.push_back({ "busy", Finding::wholeRun, "the hypervisor took CPU time from this machine during the run",
            "steal time " + formatPercent(*e.stealDuringRun) + " of the CPU time while the runs ran",
            "measure on a machine of your own, or on a host with dedicated CPUs" });
}
} // namespace

Trend mannKendall(std::span<const double> series)
{
    Trend trend;
    const std::size_t n = series.size();
    if (n < 3)
        return trend;
    double s = 0;
    std::vector<double> slopes;
    slopes.reserve(n * (n - 1) / 2);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = series[j] - series[i];
            s += (d > 0) - (d < 0);
            slopes.push_back(d / static_cast<double>(j - i));
        }
    }
    const double nn = static_cast<double>(n);
    const double variance = nn * (nn - 1) * (2 * nn + 5) / 18;
    trend.z = s == 0 ? 0 : (s - (s > 0 ? 1 : -1)) / std::sqrt(variance);
    trend.pValue = 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(trend.z)));
    trend.slope = medianOf(std::move(slopes));
    return trend;
}

std::vector<Finding> findings(const Results& results)
{
    std::vector<Finding> out;
    busy(results, out);
    pause(results, out);
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto& benchmark = results.benchmarks[b];
        const auto walls = benchmark.measured.wall ? successfulWallSeconds(benchmark) : std::vector<double> {};
        if (!walls.empty()) {
            const auto wall = summarize(walls);
            noise(results, b, wall, out);
            const auto skipped = warmUp(benchmark, b, walls, out);
            drift(b, std::span<const double>(walls).subspan(skipped), out);
            // Runs a warm-up explains are no second cluster.
            bimodal(b, std::span<const double>(walls).subspan(skipped), wall, out);
            startUp(benchmark, b, wall, out);
        }
        garbageCollection(benchmark, b, out);
        memoryGrowth(benchmark, b, out);
        hotspot(benchmark, b, out);
    }
    return out;
}

} // namespace pyrometer
