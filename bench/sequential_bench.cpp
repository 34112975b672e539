// How often `pyrometer run --until-decided` is right, next to a fixed 30 runs a side, on this machine's own run
// times, and how many runs each needs.
//
// Measured first, through Pyrometer's launcher, like two invocations: the baseline's (a ~20 ms Python loop A, 300
// runs) and, later, the candidate's (A, A again as A′, and B interleaved, 300 runs each; B does more work,
// calibrated so that a whole run, start-up included, is 5% slower). Then each repetition takes a window of
// consecutive runs, so that drift and the difference between the two invocations stay in the data: 30 baseline
// runs from the first, and the candidate's stream from the second (A for A/A, B for A/B).
//   fixed n = 30     compare() on 30 candidate runs at α = 0.01 (Mann–Whitney U, interval beyond 2%)
//   until-decided    sequentialDecision() at the planned looks 10, 15, 22, 33, 49, 73, 100 (α = 0.01 / 7 a look,
//                    the interval at 1 − 2α);
//                    the verdict at the cap when undecided
// and, within the candidate's invocation alone (`run --pair`), the same two rules on paired runs: A′ against A
// for A/A, B against A for A/B, by the Wilcoxon signed-rank test of their log-ratios (compare() and
// sequentialPairedDecision()).
// A/A must not be called slower or faster (a false alarm); A/B must be "slower".
//
//     build/release/bench/sequential_bench [repetitions, default 400]
// Prints the rates and the mean number of candidate runs; exits 1 when the paired --until-decided's A/A false
// alarms exceed 2% (α is 1%; the margin is for the rate's own sampling error). The rules across two invocations
// are not held to it: no test of samples taken apart in time can tell the machine's drift between them from a
// change, and their rate measures that drift as much as the rule.
#include "core/compare/sequential.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/stats/statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace pyrometer;

namespace {
const std::string python = "/usr/bin/python3";

std::string loop(long count)
{
    return "total = 0\nfor i in range(" + std::to_string(count) + "):\n    total += i * i\n";
}

double wallOf(ProcessLauncher& launcher, const std::vector<std::string>& argv)
{
    LaunchRequest request;
    request.argv = argv;
    const auto run = launcher.launch(request, {});
    if (!run.succeeded()) {
        std::fprintf(stderr, "sequential_bench: %s failed: %s\n", argv.back().c_str(), run.outcome().c_str());
        std::exit(2);
    }
    return toSeconds(run.wall);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return quantile(values, 0.5);
}

struct Tally
{
    int alarms = 0; ///< A/A called slower or faster
    int detected = 0; ///< A/B called slower
    double runsAA = 0, runsAB = 0;
};
} // namespace

int main(int argc, char** argv)
{
    spawn_helper::start();
    const int repetitions = argc > 1 ? std::atoi(argv[1]) : 400;
    const auto dir = std::filesystem::temp_directory_path() / ("sequential_bench." + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ProcessLauncher launcher;

    // A: about 20 ms of work; B: 5% more per whole run.
    const long base = 600'000;
    std::ofstream(dir / "a.py") << loop(base);
    std::vector<double> start, a;
    for (int i = 0; i < 11; ++i) {
        start.push_back(wallOf(launcher, { python, "-c", "pass" }));
        a.push_back(wallOf(launcher, { python, (dir / "a.py").string() }));
    }
    const double share = (median(a) - median(start)) / median(a);
    const long more = static_cast<long>(static_cast<double>(base) * (1 + 0.05 / std::max(0.05, share)));
    std::ofstream(dir / "b.py") << loop(more);
    std::printf("A: %.1f ms a run, %.0f%% of it work; B's loop %.1f%% longer for +5%% a run\n", median(a) * 1e3,
        share * 100, (static_cast<double>(more) / static_cast<double>(base) - 1) * 100);

    constexpr int pool = 300;
    std::vector<double> baselineA, candidateA, candidateA2, candidateB;
    for (int i = 0; i < pool; ++i)
        baselineA.push_back(wallOf(launcher, { python, (dir / "a.py").string() }));
    for (int i = 0; i < pool; ++i) {
        candidateA.push_back(wallOf(launcher, { python, (dir / "a.py").string() }));
        candidateA2.push_back(wallOf(launcher, { python, (dir / "a.py").string() }));
        candidateB.push_back(wallOf(launcher, { python, (dir / "b.py").string() }));
    }
    std::filesystem::remove_all(dir);
    const auto cv = [](const std::vector<double>& x) { return summarize(x).cv * 100; };
    std::printf("measured: baseline A %.2f ms (CV %.1f%%), candidate A %.2f ms (CV %.1f%%), B %.2f ms (CV %.1f%%, "
                "%+.1f%%)\n",
        median(baselineA) * 1e3, cv(baselineA), median(candidateA) * 1e3, cv(candidateA), median(candidateB) * 1e3,
        cv(candidateB), (median(candidateB) / median(baselineA) - 1) * 100);
    // log(second_i / first_i) of the runs of one round.
    const auto logRatios = [](const std::vector<double>& first, const std::vector<double>& second) {
        std::vector<double> ratios;
        for (std::size_t i = 0; i < first.size(); ++i)
            ratios.push_back(std::log(second[i] / first[i]));
        return ratios;
    };
    const auto pairedAA = logRatios(candidateA, candidateA2), pairedAB = logRatios(candidateA, candidateB);
    // What the second place in a round does to the same script: a position effect would bias paired verdicts.
    const auto place = bootstrapPairedRatio(pairedAA, 2000, 0.95, 0x5eed);
    std::printf("A′ (run right after A, the same script) against A over all %d rounds: %+.2f%% (95%% CI %+.2f%% … "
                "%+.2f%%)\n",
        pool, (place.ratio - 1) * 100, (place.low - 1) * 100, (place.high - 1) * 100);

    ComparisonSettings settings;
    settings.resamples = 2000; // per look; the verdicts' intervals, for speed
    const auto plan = sequentialPlan(10, 100, settings);
    std::mt19937_64 random(0x5eed);
    std::uniform_int_distribution<int> baseStart(0, pool - 30), candidateStart(0, pool - 100);
    Tally fixed, sequential, fixedPaired, sequentialPaired;
    for (int r = 0; r < repetitions; ++r) {
        const int b0 = baseStart(random), c0 = candidateStart(random);
        const std::vector<double> baseline(baselineA.begin() + b0, baselineA.begin() + b0 + 30);
        for (const bool changed : { false, true }) {
            const auto& stream = changed ? candidateB : candidateA;
            const auto first = [&](std::size_t n) {
                return std::vector<double>(stream.begin() + c0, stream.begin() + c0 + static_cast<long>(n));
            };
            const auto count = [&](Tally& tally, Verdict verdict, std::size_t runs) {
                if (changed) {
                    tally.detected += verdict == Verdict::Slower;
                    tally.runsAB += static_cast<double>(runs);
                } else {
                    tally.alarms += verdict == Verdict::Slower || verdict == Verdict::Faster;
                    tally.runsAA += static_cast<double>(runs);
                }
            };
            {
                const auto candidate = first(30);
                const auto ratio = bootstrapRatioOfMedians(baseline, candidate, settings.resamples, 0.95, random());
                count(fixed, verdictFor(mannWhitney(baseline, candidate), ratio, settings), 30);
            }
            for (const auto n : plan.looks) {
                const auto candidate = first(n);
                if (const auto decision = sequentialDecision(baseline, candidate, plan)) {
                    count(sequential, decision->verdict, n);
                    break;
                }
                if (n == plan.looks.back()) {
                    const auto ratio = bootstrapRatioOfMedians(
                        baseline, candidate, settings.resamples, plan.settings.confidence, random());
                    count(sequential, verdictFor(mannWhitney(baseline, candidate), ratio, plan.settings), n);
                }
            }
            // Within the candidate's invocation: its rounds from c0 on, paired.
            const auto& paired = changed ? pairedAB : pairedAA;
            const auto pairs = [&](std::size_t n) {
                return std::vector<double>(paired.begin() + c0, paired.begin() + c0 + static_cast<long>(n));
            };
            {
                const auto ratios = pairs(30);
                const auto ratio = bootstrapPairedRatio(ratios, settings.resamples, 0.95, random());
                count(fixedPaired, verdictFor(wilcoxonSignedRank(ratios), ratio, settings, true), 30);
            }
            for (const auto n : plan.looks) {
                const auto ratios = pairs(n);
                if (const auto decision = sequentialPairedDecision(ratios, plan)) {
                    count(sequentialPaired, decision->verdict, n);
                    break;
                }
                if (n == plan.looks.back()) {
                    const auto ratio
                        = bootstrapPairedRatio(ratios, settings.resamples, plan.settings.confidence, random());
                    count(sequentialPaired, verdictFor(wilcoxonSignedRank(ratios), ratio, plan.settings, true), n);
                }
            }
        }
    }
    const double n = repetitions;
    std::printf("\n%d repetitions; across invocations, 30 baseline runs each\n", repetitions);
    std::printf(
        "%-26s %11s %11s %16s %16s\n", "rule", "A/A alarms", "A/B slower", "runs A/A (mean)", "runs A/B (mean)");
    for (const auto& [name, tally] : { std::pair { "fixed n = 30", &fixed }, std::pair { "until-decided", &sequential },
             std::pair { "paired, fixed n = 30", &fixedPaired },
             std::pair { "paired, until-decided", &sequentialPaired } })
        std::printf("%-26s %10.1f%% %10.1f%% %16.1f %16.1f\n", name, 100.0 * tally->alarms / n,
            100.0 * tally->detected / n, tally->runsAA / n, tally->runsAB / n);
    return 100.0 * sequentialPaired.alarms / n > 2.0 ? 1 : 0;
}
