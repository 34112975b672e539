#pragma once

#include "core/compare/comparison.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pyrometer::cli {

/// How a comparison is made and where its reports go; shared by `pyrometer compare` and `run --baseline`.
struct CompareOptions
{
    ComparisonSettings settings;
    bool failOnRegression = false;
    std::vector<std::pair<std::string, std::string>> pairs; ///< baseline name, candidate name
    bool pairsOnly = false; ///< compare the pairs given only, not also the benchmarks of the same name
    std::string exportMarkdown;
    std::string exportHtml;
    std::string exportJunit;
    std::string exportJson;
};

/// Takes one option of a comparison if `word` is one: `value` reads its value. Returns false for other words;
/// throws InputError for a bad value. With `forRun`, --export-markdown and --export-json are left to `run`,
/// which writes results with them.
/// `attached` is a value given as --option=VALUE, for options whose value is optional (--fail-on-regression).
bool parseCompareOption(const std::string& word, const std::optional<std::string>& attached,
    const std::function<std::string()>& value, CompareOptions& options, bool forRun);

/// What `pyrometer compare` was asked to do.
struct CompareArguments
{
    std::string baseline;
    std::string candidate;
    CompareOptions options;
    bool help = false;
};
CompareArguments parseCompareArguments(const std::vector<std::string>& words);
std::string compareHelp();

/// The pairs to compare: those given by --pair (names that are not there: InputError), then, unless
/// `options.pairsOnly`, the benchmarks that pairBenchmarks() matches.
std::vector<BenchmarkPair> resolvePairs(
    const Results& baseline, const Results& candidate, const CompareOptions& options);

/// Compares, prints the table on `out`, writes the reports. Returns the exit status: 1 when a report could not
/// be written or, with --fail-on-regression, when a benchmark is slower; 2 when no benchmark is in common.
int reportComparison(const Results& baseline, const Results& candidate, const std::string& baselineLabel,
    const std::string& candidateLabel, const CompareOptions& options, const char* command);

/// Fails before any work when a report cannot be written (InputError).
void checkComparisonExports(const CompareOptions& options, const std::vector<std::string>& inputs);
/// The comparison's export files.
std::vector<std::string> comparisonExports(const CompareOptions& options);

} // namespace pyrometer::cli
