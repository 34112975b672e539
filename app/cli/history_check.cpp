#include "commands.h"
#include "history_commands.h"

#include "core/compare/comparison.h"
#include "core/history/trend_report.h"
#include "core/model/error.h"
#include "core/model/units.h"

#include <algorithm>
#include <iostream>

namespace pyrometer::cli {

int historyCheck(
    HistoryStore& store, const std::vector<std::string>& benchmarks, const TrendFilter& filter, std::size_t level)
{
    const auto newest = store.latest(filter);
    if (!newest)
        throw InputError("no run set in " + store.location()
            + (filter.branch.empty() && filter.host.empty() ? "" : " is taken by --branch and --machine"));
    Results candidate = store.load(newest->runSet);
    for (const auto& name : benchmarks)
        if (std::none_of(candidate.benchmarks.begin(), candidate.benchmarks.end(),
                [&](const BenchmarkResult& b) { return b.name == name; }))
            throw InputError("run set " + std::to_string(newest->runSet) + " has no benchmark named '" + name + "'");
    if (!benchmarks.empty())
        std::erase_if(candidate.benchmarks, [&](const BenchmarkResult& b) {
            return std::find(benchmarks.begin(), benchmarks.end(), b.name) == benchmarks.end();
        });
    const auto& branch = filter.branch.empty() ? newest->branch : filter.branch;
    const auto& host = filter.host.empty() ? newest->host : filter.host;
    const auto baseline = baselineFromHistory(store, candidate, branch, host, level, newest->runSet);
    std::cout << "Run set " << newest->runSet << " (" << newest->measuredAt
              << (newest->commit.empty() ? std::string() : ", commit " + newest->commit.substr(0, 8))
              << (newest->dirty ? "+" : "") << ") against " << baseline.description << "\n";
    for (const auto& name : baseline.missing)
        std::cout << "  " << name << ": no run set before it to compare with\n";
    if (baseline.results.benchmarks.empty()) {
        std::cout << "Nothing to check.\n";
        return ExitOk;
    }

    const ComparisonSettings settings;
    const auto comparison = compare(baseline.results, candidate, pairBenchmarks(baseline.results, candidate), settings);
    std::size_t regressed = 0;
    for (const auto& pair : comparison.pairs) {
        std::size_t k = 0;
        while (baseline.results.benchmarks[k].name != pair.baselineName)
            ++k;
        const auto& runSets = baseline.levels[k];
        double highest = 0;
        for (const auto& p : runSets)
            highest = std::max(highest, p.median.value_or(0));
        const bool slower = pair.verdict == Verdict::Slower;
        const bool aboveAll = pair.candidate.n > 0 && pair.candidate.median > highest;
        const bool regression = slower && aboveAll;
        regressed += regression ? 1 : 0;
        std::cout << "  " << pair.baselineName << ": "
                  << (pair.candidate.n ? formatDuration(pair.candidate.median) : std::string("no runs")) << " against "
                  << (pair.baseline.n ? formatDuration(pair.baseline.median) : std::string("no runs")) << " ("
                  << runSets.size() << " run set" << (runSets.size() == 1 ? "" : "s") << ", the highest "
                  << formatDuration(highest) << "): "
                  << (pair.hasRatio() ? formatChange(pair.ratio.ratio) + " (" + formatChange(pair.ratio.low) + " … "
                                 + formatChange(pair.ratio.high) + ") "
                                      : std::string())
                  << verdictLabel(pair.verdict, settings)
                  << (regression      ? " — REGRESSION"
                             : slower ? " — but not above every run set of the level, so not counted"
                                      : "")
                  << "\n";
        TrendReport trend { pair.baselineName, store.location(),
            store.trend(pair.baselineName, { branch, host, "", 0 }), {} };
        trend.changes = trendChanges(trend.points);
        if (!trend.changes.empty())
            std::cout << "    last change of level: " << describeChange(trend, trend.changes.back()) << "\n";
    }
    std::cout << "Method: " << describeMethod(settings)
              << "; a regression is also above the median of every run set of the level.\n";
    if (regressed == 0) {
        std::cout << "No regression.\n";
        return ExitOk;
    }
    std::cout << "Regressed: " << regressed << " of " << comparison.pairs.size() << " benchmark"
              << (comparison.pairs.size() == 1 ? "" : "s") << ".\n";
    return ExitFailed;
}

} // namespace pyrometer::cli
