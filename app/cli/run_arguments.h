#pragma once

#include "compare_arguments.h"

#include "core/measure/suite.h"
#include "core/model/run_plan.h"

#include <optional>
#include <string>
#include <vector>

namespace pyrometer::cli {

/// What `pyrometer run` was asked to do.
struct RunArguments
{
    RunPlan plan;
    std::string exportJson;
    std::string exportCsv;
    std::string exportMarkdown;
    std::string baseline; ///< a results file to compare with as soon as the run ends
    /// --baseline-from-history[=BRANCH]: compare with the store's recent history of BRANCH ("": the run's own) on
    /// this machine instead of a file
    std::optional<std::string> historyBaseline;
    CompareOptions compare;
    SuiteOptions suite; ///< how benchmark files become benchmarks
    bool help = false;
    bool progress = true;
    std::optional<double> predict; ///< --predict N: what each scaling curve's class predicts at size N
    bool list = false; ///< print the benchmarks the plan holds, one a line, and run nothing
    bool save = false; ///< --save: keep the results in the history store after the run
    std::string store; ///< --store LOCATION (implies --save); empty: defaultStoreLocation()
    std::vector<std::string> tags; ///< --tag, kept with the run set
    /// --until-decided: runs go on until the comparison with the baseline (a file, the history, or another
    /// benchmark of this run given by --pair) is decided at one of the planned looks; compare.settings.alpha is
    /// then already divided by the number of looks (sequentialPlan()).
    bool untilDecided = false;

    /// --pair without a baseline: the pairs are benchmarks of this run, compared with each other after it
    /// (compare.pairsOnly is then set).
    bool comparesWithinRun() const { return baseline.empty() && !historyBaseline && !compare.pairs.empty(); }
    /// Whether the run ends with a comparison.
    bool compares() const { return !baseline.empty() || historyBaseline || !compare.pairs.empty(); }
};

/// Parses the words after `pyrometer run`. Throws InputError with one line naming the bad option or value.
RunArguments parseRunArguments(const std::vector<std::string>& words);

/// The text of `pyrometer run --help`.
std::string runHelp();

} // namespace pyrometer::cli
