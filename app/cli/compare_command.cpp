#include "commands.h"
#include "compare_arguments.h"
#include "exports.h"

#include "core/compare/comparison_report.h"
#include "core/formats/file_output.h"
#include "core/formats/results_file.h"
#include "core/model/error.h"

#include <algorithm>
#include <iostream>

namespace pyrometer::cli {
std::vector<BenchmarkPair> resolvePairs(
    const Results& baseline, const Results& candidate, const CompareOptions& options)
{
    const bool oneRun = &baseline == &candidate;
    const auto indexOf = [&](const Results& results, const std::string& name, const char* side) {
        if (const auto index = findBenchmark(results, name))
            return *index;
        throw InputError(
            "--pair: no benchmark '" + name + (oneRun ? "' in this run" : "' in the " + std::string(side)));
    };
    std::vector<BenchmarkPair> manual;
    for (const auto& [a, b] : options.pairs)
        manual.push_back({ indexOf(baseline, a, "baseline"), indexOf(candidate, b, "candidate") });
    return options.pairsOnly ? manual : pairBenchmarks(baseline, candidate, manual);
}

namespace {

std::string names(const Results& results)
{
    std::string text;
    for (std::size_t i = 0; i < results.benchmarks.size() && i < 5; ++i)
        text += (i ? ", " : "") + results.benchmarks[i].name;
    return results.benchmarks.size() > 5 ? text + ", …" : text;
}
} // namespace

std::vector<std::string> comparisonExports(const CompareOptions& options)
{
    std::vector<std::string> paths;
    for (const auto* path :
        { &options.exportMarkdown, &options.exportHtml, &options.exportJunit, &options.exportJson }) {
        if (!path->empty())
            paths.push_back(*path);
    }
    return paths;
}

void checkComparisonExports(const CompareOptions& options, const std::vector<std::string>& inputs)
{
    const auto paths = comparisonExports(options);
    checkNotAnInput(paths, inputs);
    checkOutputs(paths);
}

int reportComparison(const Results& baseline, const Results& candidate, const std::string& baselineLabel,
    const std::string& candidateLabel, const CompareOptions& options, const char* command)
{
    std::vector<BenchmarkPair> pairs;
    try {
        pairs = resolvePairs(baseline, candidate, options);
    } catch (const InputError& e) {
        std::cerr << command << ": " << e.what() << "\n";
        return ExitUsage;
    }
    if (pairs.empty()) {
        std::cerr << command << ": no benchmark in common (baseline has " << names(baseline) << "; candidate has "
                  << names(candidate) << "); pair them with --pair BASE=CANDIDATE\n";
        return ExitUsage;
    }
    auto comparison = compare(baseline, candidate, pairs, options.settings);
    if (options.pairsOnly) {
        // Within one file, the benchmarks not asked about are not missing from either side.
        comparison.onlyInBaseline.clear();
        comparison.onlyInCandidate.clear();
    }
    const ComparisonSides sides { baselineLabel, candidateLabel, &baseline, &candidate };
    std::cout << comparisonText(comparison, sides) << std::flush;

    bool written = true;
    const auto write = [&](const std::string& path, auto&& render) {
        if (path.empty())
            return;
        try {
            writeOutput(path, render());
        } catch (const std::exception& e) {
            std::cerr << command << ": " << e.what() << "\n";
            written = false;
        }
    };
    write(options.exportMarkdown, [&] { return comparisonMarkdown(comparison, sides); });
    write(options.exportHtml, [&] { return comparisonHtml(comparison, sides); });
    write(options.exportJunit, [&] { return comparisonJunit(comparison, sides); });
    write(options.exportJson, [&] { return comparisonJson(comparison, sides); });
    if (!written)
        return ExitFailed;
    if (options.failOnRegression && comparison.anySlower()) {
        std::string metrics;
        for (const auto metric : comparison.settings.gate) {
            const bool slower = std::any_of(comparison.pairs.begin(), comparison.pairs.end(),
                [&](const PairComparison& p) { return p.metric(metric).verdict == Verdict::Slower; });
            if (slower)
                metrics += std::string(metrics.empty() ? "" : ", ") + metricName(metric);
        }
        std::cerr << command << ": regression: at least one benchmark is slower than the baseline in " << metrics
                  << "\n";
        return ExitFailed;
    }
    return ExitOk;
}

int compareCommand(const std::vector<std::string>& words)
{
    constexpr const char* command = "pyrometer compare";
    CompareArguments arguments;
    Results baseline, candidate;
    bool oneFile = false;
    try {
        arguments = parseCompareArguments(words);
        if (arguments.help) {
            std::cout << compareHelp();
            return ExitOk;
        }
        checkComparisonExports(arguments.options, { arguments.baseline, arguments.candidate });
        oneFile = arguments.options.pairsOnly && arguments.baseline == arguments.candidate;
        baseline = readResultsFile(arguments.baseline);
        if (!oneFile)
            candidate = readResultsFile(arguments.candidate);
        for (const auto* side : { &baseline, &candidate }) {
            for (const auto& note : side->notes)
                std::cerr << command << ": note: " << (side == &baseline ? arguments.baseline : arguments.candidate)
                          << ": " << note << "\n";
        }
    } catch (const InputError& e) {
        std::cerr << command << ": " << e.what() << "\n";
        return ExitUsage;
    }
    // Benchmarks of one file are compared within it: the same object on both sides, so that the runs of one
    // interleaved run are paired.
    return reportComparison(
        baseline, oneFile ? baseline : candidate, arguments.baseline, arguments.candidate, arguments.options, command);
}

} // namespace pyrometer::cli
