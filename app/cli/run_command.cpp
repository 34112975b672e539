#include "commands.h"

#include "exports.h"
#include "interrupt_watcher.h"
#include "progress_bar.h"
#include "run_arguments.h"

#include "core/compare/sequential.h"
#include "core/doctor/machine_floor.h"
#include "core/formats/file_output.h"
#include "core/formats/journal.h"
#include "core/formats/results_file.h"
#include "core/formats/text_report.h"
#include "core/history/store.h"
#include "core/history/trend.h"
#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/measure/suite.h"
#include "core/model/error.h"
#include "core/model/run_plan.h"
#include "core/probe/probe_report.h"
#include "core/stats/benchmark_summary.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace pyrometer::cli {
namespace {
/// The last lines of a failed run's stderr, indented, for the terminal.
std::string stderrExcerpt(const std::string& tail, std::size_t maxLines = 10)
{
    std::vector<std::string> lines;
    std::istringstream in(tail);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    const auto first = lines.size() > maxLines ? lines.size() - maxLines : 0;
    std::string text;
    for (auto i = first; i < lines.size(); ++i)
        text += "    | " + lines[i] + "\n";
    return text;
}

/// Every file the run reads: scripts, files named in commands, the baseline. No export may replace one.
std::vector<std::string> inputFiles(const RunArguments& arguments)
{
    std::vector<std::string> inputs;
    for (const auto& benchmark : arguments.plan.benchmarks) {
        if (benchmark.script)
            inputs.push_back(*benchmark.script);
        for (const auto* words : { &benchmark.command, &benchmark.arguments })
            inputs.insert(inputs.end(), words->begin(), words->end());
    }
    if (!arguments.baseline.empty())
        inputs.push_back(arguments.baseline);
    return inputs;
}

int usageError(const std::string& message)
{
    std::cerr << "pyrometer run: " << message << "\n";
    return ExitUsage;
}
} // namespace

bool haveDisplay()
{
    for (const char* name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" }) {
        const char* value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
}

void refuseWithoutSpawnHelper()
{
    if (const auto problem = spawn_helper::missingProblem(); !problem.empty())
        throw InputError(problem);
}

int runCommand(const std::vector<std::string>& words)
{
    RunArguments arguments;
    Results results;
    Results baseline;
    ExportPaths paths;
    std::unique_ptr<HistoryStore> store;
    try {
        arguments = parseRunArguments(words);
        if (arguments.help) {
            std::cout << runHelp();
            return ExitOk;
        }
        refuseWithoutSpawnHelper();
        // Without a baseline, --export-html is the report of this run; with one, of the comparison.
        paths = { arguments.exportJson, arguments.exportCsv, arguments.exportMarkdown,
            !arguments.compares() ? std::exchange(arguments.compare.exportHtml, {}) : std::string() };
        const auto inputs = inputFiles(arguments);
        auto outputs = paths.files();
        if (!paths.journal().empty())
            outputs.push_back(paths.journal());
        checkNotAnInput(outputs, inputs);
        checkExports(paths);
        checkComparisonExports(arguments.compare, inputs);
        if (!arguments.baseline.empty()) {
            baseline = readResultsFile(arguments.baseline);
            for (const auto& note : baseline.notes)
                std::cerr << "pyrometer run: note: " << arguments.baseline << ": " << note << "\n";
        }
        // Benchmark files become their functions: each file imported once, in a child process, before any run.
        ProcessLauncher discovery;
        arguments.plan = expandSuites(arguments.plan, arguments.suite, discovery);
        results = prepare(arguments.plan);
        results.environment.floor = machineFloorFor(results.environment.hostname);
        if (arguments.list) {
            for (const auto& benchmark : results.benchmarks)
                std::cout << benchmark.name << "\n";
            return ExitOk;
        }
        // Pairs that name no benchmark are refused before any run.
        if (!arguments.baseline.empty() || arguments.comparesWithinRun()) {
            if (resolvePairs(arguments.comparesWithinRun() ? results : baseline, results, arguments.compare).empty())
                throw InputError("no benchmark in common with the baseline " + arguments.baseline);
        }
        // The store is opened (created, migrated, or refused) before any run, so that a bad one costs no time.
        if (arguments.save || arguments.historyBaseline)
            store = openStore(arguments.store.empty() ? defaultStoreLocation() : arguments.store);
    } catch (const InputError& e) {
        return usageError(e.what());
    }

    // The history's baseline is taken before this run is saved into it, and before the runs, which
    // --until-decided compares with it as they go.
    std::string historyLabel, historyError;
    if (arguments.historyBaseline && store) {
        try {
            auto branch = *arguments.historyBaseline;
            for (const auto& b : results.benchmarks)
                if (branch.empty() && b.git)
                    branch = b.git->branch;
            auto fromHistory = baselineFromHistory(*store, results, branch, results.environment.hostname, 5);
            for (const auto& name :
                fromHistory.results.benchmarks.empty() ? std::vector<std::string> {} : fromHistory.missing)
                std::cerr << "pyrometer run: note: " << name << " is not in the history of " << fromHistory.description
                          << "; it is not compared\n";
            if (fromHistory.results.benchmarks.empty())
                historyError = "nothing to compare with: no benchmark of this run is in the history of "
                    + fromHistory.description + " in " + store->location();
            else
                historyLabel = "history (" + fromHistory.description + ")";
            baseline = std::move(fromHistory.results);
        } catch (const std::exception& e) {
            historyError = std::string("cannot read the history: ") + e.what();
        }
        // Runs until decided with nothing to decide against would be the cap's runs for nothing.
        if (arguments.untilDecided && !historyError.empty())
            return usageError("--until-decided: " + historyError);
    }

    // The journal is the safety net until the results are in their files and the store: beside the first export
    // that is a file; with --save alone, or every export on standard output, beside the store.
    std::unique_ptr<JournalWriter> journal;
    try {
        if (!paths.journal().empty())
            journal = std::make_unique<JournalWriter>(paths.journal(), results);
        else if ((store && arguments.save) || paths.any())
            journal = std::make_unique<JournalWriter>(
                journalPathFor(arguments.store.empty() ? defaultStoreLocation() : arguments.store, ::getpid()),
                results);
    } catch (const InputError& e) {
        return usageError(e.what());
    }

    const bool showProgress = arguments.progress && ::isatty(STDERR_FILENO);
    ProgressBar bar(stderr, results);
    std::string journalError;
    EngineCallbacks callbacks;
    if (showProgress)
        callbacks.runStarting = [&](const Progress& p) { bar.update(p); };
    // A journal that cannot be written is reported once at the end; measuring goes on.
    const auto journaled = [&](auto&& append) {
        if (!journal || !journalError.empty())
            return;
        try {
            append(*journal);
        } catch (const std::exception& e) {
            journalError = e.what();
        }
    };
    std::size_t journaledRuns = 0;
    callbacks.runFinished = [&](const Results& r, std::size_t b) {
        journaled([&](JournalWriter& j) {
            j.appendRun(b, r.benchmarks[b].runs.back());
            ++journaledRuns;
        });
    };
    callbacks.probeFinished = [&](const Results& r, std::size_t b) {
        journaled([&](JournalWriter& j) { j.appendProbe(b, *r.benchmarks[b].probe); });
    };
    callbacks.benchmarkFailed = [&](const Results& r, std::size_t b) {
        const auto& benchmark = r.benchmarks[b];
        bar.clear();
        std::cerr << "pyrometer run: " << benchmark.name << ": " << *benchmark.failure << "\n";
        // A failed run shows the end of its stderr; a failed hook's message already holds the end of the hook's.
        if (!benchmark.runs.empty() && !benchmark.runs.back().succeeded())
            std::cerr << stderrExcerpt(benchmark.runs.back().stderrTail);
        journaled([&](JournalWriter& j) { j.appendFailure(b, *benchmark.failure); });
    };

    // --until-decided: a benchmark's runs end at the first planned look where its comparison with the baseline
    // is decided; the report then compares at the same α a look. Within this run (--pair alone), the two
    // benchmarks of a pair are decided from their paired runs, once both have the look's count, and stop together.
    std::optional<SequentialPlan> sequential;
    const bool withinRun = arguments.comparesWithinRun();
    const Results& against = withinRun ? results : baseline;
    std::map<std::size_t, std::size_t> baselineOf; // candidate → the benchmark it is compared with
    std::map<std::size_t, std::size_t> pairOf; // a benchmark → the candidate of its pair
    std::map<std::size_t, std::string> decided; // candidate → why its pair is decided
    if (arguments.untilDecided && !results.benchmarks.empty() && results.benchmarks.front().settings.adaptive) {
        const auto& rule = *results.benchmarks.front().settings.adaptive;
        sequential = sequentialPlan(
            static_cast<std::size_t>(rule.minRuns), static_cast<std::size_t>(rule.maxRuns), arguments.compare.settings);
        arguments.compare.settings.alpha = sequential->settings.alpha;
        try {
            for (const auto& pair : resolvePairs(against, results, arguments.compare)) {
                baselineOf[pair.candidate] = pair.baseline;
                for (const auto member : { pair.candidate, withinRun ? pair.baseline : pair.candidate }) {
                    if (pairOf.contains(member) && pairOf.at(member) != pair.candidate)
                        throw InputError("--until-decided: " + results.benchmarks[member].name
                            + " is in two pairs, and its runs can stop for only one decision");
                    pairOf[member] = pair.candidate;
                }
            }
        } catch (const InputError& e) {
            return usageError(e.what());
        }
        callbacks.decide = [&](const Results& r, std::size_t b) -> std::optional<std::string> {
            const auto pair = pairOf.find(b);
            if (pair == pairOf.end())
                return std::nullopt;
            const auto c = pair->second;
            if (const auto known = decided.find(c); known != decided.end())
                return known->second;
            const auto& candidate = r.benchmarks[c];
            const auto& base = against.benchmarks[baselineOf.at(c)];
            const auto& looks = sequential->looks;
            const auto runs = candidate.measuredRuns();
            if (!std::binary_search(looks.begin(), looks.end(), runs) || (withinRun && base.measuredRuns() != runs))
                return std::nullopt;
            const auto decision = withinRun
                ? sequentialPairedDecision(pairedLogRatios(base, candidate, Metric::Wall), *sequential)
                : sequentialDecision(successfulWallSeconds(base), successfulWallSeconds(candidate), *sequential);
            if (!decision)
                return std::nullopt;
            return decided[c] = "decided: " + decision->reason;
        };
    }

    ProcessLauncher launcher;
    Engine engine(launcher);
    std::stop_source stop;
    int interrupted = 0;
    {
        InterruptWatcher watcher(stop);
        engine.run(results, stop.get_token(), callbacks);
        interrupted = watcher.received();
    }
    bar.clear();

    std::cout << textReport(results, arguments.predict);
    if (const auto inside = probeReport(results); !inside.empty())
        std::cout << "\n" << inside;
    std::cout << std::flush;
    if (!journalError.empty())
        std::cerr << "pyrometer run: warning: " << journalError << "\n";
    auto errors = writeExports(results, paths, "this run");
    bool storeFailed = false;
    if (store && arguments.save) {
        try {
            const auto id = store->save(results, arguments.tags).id;
            std::cerr << "pyrometer run: saved to the history as run set " << id << " in " << store->location() << "\n";
        } catch (const std::exception& e) {
            // The store failed after the run (gone read-only, its server down): the results are in their files
            // (or the journal, kept), and the status says the store is the problem.
            errors.push_back(std::string("cannot save to the history: ") + e.what());
            storeFailed = true;
        }
    }
    for (const auto& error : errors)
        std::cerr << "pyrometer run: " << error << "\n";
    if (journal) {
        std::size_t measured = 0;
        for (const auto& benchmark : results.benchmarks)
            measured += benchmark.runs.size();
        if (errors.empty())
            journal->remove();
        else if (journalError.empty())
            std::cerr << "pyrometer run: every run is still in " << journal->path().string()
                      << "; 'pyrometer recover' turns it into results\n";
        else
            std::cerr << "pyrometer run: " << journal->path().string() << " holds only " << journaledRuns << " of the "
                      << measured << " runs; the table above is all that is left of the others\n";
    }

    int compared = ExitOk;
    if (withinRun) {
        std::cout << "\n";
        compared = reportComparison(results, results, "this run", "this run", arguments.compare, "pyrometer run");
    } else if (!arguments.baseline.empty() || !historyLabel.empty()) {
        std::cout << "\n";
        compared = reportComparison(baseline, results, historyLabel.empty() ? arguments.baseline : historyLabel,
            "this run", arguments.compare, "pyrometer run");
    } else if (arguments.historyBaseline) {
        std::cerr << "pyrometer run: " << historyError << "\n";
        compared = ExitUsage;
    }
    if (interrupted)
        return ExitInterrupted;
    if (!errors.empty() || compared != ExitOk)
        return compared == ExitUsage || storeFailed ? ExitUsage : ExitFailed;
    for (const auto& benchmark : results.benchmarks) {
        if (benchmark.failure || summarize(benchmark).wall.n == 0)
            return ExitFailed;
    }
    return ExitOk;
}

} // namespace pyrometer::cli
