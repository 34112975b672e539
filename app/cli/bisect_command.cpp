#include "commands.h"
#include "help_texts.h"
#include "interrupt_watcher.h"
#include "run_arguments.h"

#include "core/compare/comparison.h"
#include "core/history/store.h"
#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/suite.h"
#include "core/model/error.h"
#include "core/model/units.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

namespace fs = std::filesystem;

namespace pyrometer::cli {
namespace {

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

/// git's output in `folder`, or InputError saying what failed with git's first line of complaint.
std::string git(const std::string& folder, std::vector<std::string> arguments, const std::string& what)
{
    arguments.insert(arguments.begin(), "git");
    const auto r = capture(arguments, folder, std::chrono::seconds(120));
    if (!r.started || r.exitCode != 0) {
        const auto reason = trimmed(r.err.empty() ? r.error : r.err);
        throw InputError(what + (reason.empty() ? "" : ": " + reason.substr(0, reason.find('\n'))));
    }
    return trimmed(r.out);
}

/// The temporary worktrees of one bisection, removed (and pruned from the repository) whatever happens.
class Worktrees
{
public:
    explicit Worktrees(std::string repository)
        : m_repository(std::move(repository))
    {
        char pattern[] = "/tmp/pyrometer-bisect-XXXXXX";
        if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp == '/') {
            m_folder = std::string(tmp) + "/pyrometer-bisect-XXXXXX";
            if (!::mkdtemp(m_folder.data()))
                m_folder.clear();
        }
        if (m_folder.empty() && ::mkdtemp(pattern))
            m_folder = pattern;
        if (m_folder.empty())
            throw InputError("cannot make a temporary folder for the worktrees");
    }
    ~Worktrees()
    {
        for (const auto& [commit, path] : m_paths)
            capture({ "git", "worktree", "remove", "--force", path }, m_repository, std::chrono::seconds(60));
        std::error_code error;
        fs::remove_all(m_folder, error);
        capture({ "git", "worktree", "prune" }, m_repository, std::chrono::seconds(60));
    }
    Worktrees(const Worktrees&) = delete;
    Worktrees& operator=(const Worktrees&) = delete;

    /// The worktree of `commit`, checked out on first use.
    std::string of(const std::string& commit)
    {
        if (auto it = m_paths.find(commit); it != m_paths.end())
            return it->second;
        const auto path = m_folder + "/" + commit.substr(0, 12);
        git(m_repository, { "worktree", "add", "--detach", "--quiet", path, commit },
            "cannot check out " + commit.substr(0, 12));
        return m_paths[commit] = path;
    }

private:
    std::string m_repository;
    std::string m_folder;
    std::map<std::string, std::string> m_paths;
};

/// One commit's part of a step: its benchmarks in the step's results, by target (the name with its worktree taken
/// out).
using Targets = std::map<std::string, std::size_t>;

struct Verdicts
{
    std::string text; ///< "+9.8% (+8.1% … +11.2%) slower"
    Verdict verdict = Verdict::TooFewRuns;
    double ratio = 1;
};

Verdicts judge(const Comparison& comparison, std::size_t index)
{
    const auto& pair = comparison.pairs.at(index);
    Verdicts v;
    v.verdict = pair.verdict;
    v.ratio = pair.ratio.ratio;
    v.text = (pair.hasRatio() ? formatChange(pair.ratio.ratio) + " (" + formatChange(pair.ratio.low) + " … "
                         + formatChange(pair.ratio.high) + ") "
                              : std::string())
        + verdictLabel(pair.verdict, comparison.settings);
    return v;
}

class Bisection
{
public:
    Bisection(RunArguments arguments, std::string repository, std::string build, HistoryStore& store)
        : m_arguments(std::move(arguments))
        , m_repository(std::move(repository))
        , m_build(std::move(build))
        , m_store(store)
        , m_worktrees(m_repository)
    {
    }

    int run(const std::vector<std::string>& commits, std::stop_token stop)
    {
        std::size_t good = 0, bad = commits.size() - 1;
        std::vector<bool> skipped(commits.size(), false);
        std::vector<std::string> regressed;
        std::cout << "Bisecting " << commits.size() - 2 << " commit" << (commits.size() == 3 ? "" : "s") << " between "
                  << shortName(commits[good]) << " (good) and " << shortName(commits[bad]) << " (bad)\n";
        for (int step = 1;; ++step) {
            if (stop.stop_requested())
                return ExitInterrupted;
            // The midpoint, or the nearest commit not skipped on either side of it.
            std::optional<std::size_t> middle;
            const std::size_t centre = (good + bad) / 2;
            for (std::size_t d = 0; !middle && d < bad - good; ++d) {
                for (const std::size_t at : { centre + d, centre - std::min(d, centre) })
                    if (at > good && at < bad && !skipped[at] && !middle)
                        middle = at;
            }
            if (!middle) {
                if (bad == good + 1) {
                    std::cout << "\nFirst bad commit: " << describe(commits[bad]) << "\n";
                    return ExitOk;
                }
                std::cout << "\nEvery commit between " << shortName(commits[good]) << " and " << shortName(commits[bad])
                          << " was skipped: the first bad commit is one of them, or " << shortName(commits[bad])
                          << "\n";
                return ExitFailed;
            }
            const std::size_t mid = *middle;
            std::cout << "Step " << step << ": " << describe(commits[mid]) << " (" << mid << " of "
                      << commits.size() - 1 << ")\n";
            std::string why;
            if (!prepared(commits[mid], why)) {
                std::cout << "  skipped: " << why << "\n";
                skipped[mid] = true;
                continue;
            }
            if (!prepared(commits[good], why) || !prepared(commits[bad], why))
                throw InputError("the good or the bad commit cannot be measured: " + why);
            Results results;
            Targets goodTargets, midTargets, badTargets;
            try {
                results = measure({ commits[good], commits[mid], commits[bad] }, stop);
            } catch (const InputError& e) {
                std::cout << "  skipped: " << e.what() << "\n";
                skipped[mid] = true;
                continue;
            }
            if (stop.stop_requested())
                return ExitInterrupted;
            goodTargets = targetsOf(results, commits[good]);
            midTargets = targetsOf(results, commits[mid]);
            badTargets = targetsOf(results, commits[bad]);
            save(results, commits[good]);
            save(results, commits[mid]);
            save(results, commits[bad]);
            if (std::any_of(results.benchmarks.begin(), results.benchmarks.end(), [&](const BenchmarkResult& b) {
                    return b.failure && midTargets.count(target(b.name, commits[mid]));
                })) {
                std::cout << "  skipped: a benchmark failed at this commit\n";
                skipped[mid] = true;
                continue;
            }
            std::vector<BenchmarkPair> pairs;
            std::vector<std::string> names;
            for (const auto& [name, g] : goodTargets) {
                if (!midTargets.count(name) || !badTargets.count(name))
                    continue;
                names.push_back(name);
                pairs.push_back({ g, midTargets[name], PairedBy::Hand });
                pairs.push_back({ midTargets[name], badTargets[name], PairedBy::Hand });
                pairs.push_back({ g, badTargets[name], PairedBy::Hand });
            }
            const auto comparison = compare(results, results, pairs, m_arguments.compare.settings);
            bool midIsBad = false, decided = false, anyRegressed = false;
            for (std::size_t k = 0; k < names.size(); ++k) {
                const auto vsGood = judge(comparison, 3 * k), vsBad = judge(comparison, 3 * k + 1),
                           span = judge(comparison, 3 * k + 2);
                std::cout << "  " << names[k] << ": bad against good " << span.text << "; this against good "
                          << vsGood.text << ", bad against this " << vsBad.text << "\n";
                if (span.verdict != Verdict::Slower)
                    continue; // this target is not slower at the bad commit, in this step
                anyRegressed = true;
                if (vsGood.verdict == Verdict::Slower) {
                    midIsBad = decided = true;
                } else if (vsBad.verdict == Verdict::Slower) {
                    decided = true;
                } else if (!decided && std::log(vsGood.ratio) > std::log(vsBad.ratio)) {
                    midIsBad = true; // neither verdict decided: nearer the bad level
                }
            }
            if (!anyRegressed) {
                std::cout << "\nThe bad commit " << shortName(commits[bad]) << " is not slower than "
                          << shortName(commits[good]) << " in this step: nothing to bisect.\n";
                return ExitFailed;
            }
            std::cout << "  → " << (midIsBad ? "bad" : "good")
                      << (decided ? "" : " (nearer that level; no verdict decided)") << "\n";
            (midIsBad ? bad : good) = mid;
        }
    }

private:
    /// Builds the commit's worktree once; false, with the reason, when the build fails.
    bool prepared(const std::string& commit, std::string& why)
    {
        if (auto it = m_built.find(commit); it != m_built.end()) {
            why = it->second;
            return why.empty();
        }
        const auto folder = m_worktrees.of(commit);
        std::string failure;
        if (!m_build.empty()) {
            const auto r = capture({ "/bin/sh", "-c", m_build }, folder, std::chrono::hours(1));
            if (!r.started || r.exitCode != 0) {
                const auto tail = trimmed(r.err.empty() ? r.error : r.err);
                failure = "the build failed (exit code " + std::to_string(r.exitCode) + ")"
                    + (tail.empty()
                            ? ""
                            : ": " + tail.substr(tail.rfind('\n') == std::string::npos ? 0 : tail.rfind('\n') + 1));
            }
        }
        why = m_built[commit] = failure;
        return failure.empty();
    }

    /// The targets of every commit in one interleaved run, each named after its commit.
    Results measure(const std::vector<std::string>& commits, std::stop_token stop)
    {
        RunPlan plan = m_arguments.plan;
        plan.benchmarks.clear();
        for (const auto& commit : commits) {
            for (auto request : m_arguments.plan.benchmarks) {
                request.script = (fs::path(m_worktrees.of(commit)) / *request.script).string();
                plan.benchmarks.push_back(request);
            }
        }
        ProcessLauncher launcher;
        auto results = prepare(expandSuites(plan, m_arguments.suite, launcher));
        Engine engine(launcher);
        engine.run(results, stop);
        return results;
    }

    /// "work.py" for ".../pyrometer-bisect-x/0123456789ab/work.py" of that commit.
    std::string target(const std::string& name, const std::string& commit)
    {
        const auto prefix = m_worktrees.of(commit) + "/";
        const auto at = name.find(prefix);
        return at == std::string::npos ? std::string() : name.substr(0, at) + name.substr(at + prefix.size());
    }

    Targets targetsOf(const Results& results, const std::string& commit)
    {
        Targets targets;
        for (std::size_t i = 0; i < results.benchmarks.size(); ++i)
            if (const auto name = target(results.benchmarks[i].name, commit); !name.empty())
                targets[name] = i;
        return targets;
    }

    /// The commit's benchmarks as a run set of their own, named as in the repository, into the history.
    void save(const Results& results, const std::string& commit)
    {
        Results part;
        part.environment = results.environment;
        part.order = results.order;
        for (const auto& [name, i] : targetsOf(results, commit)) {
            auto b = results.benchmarks[i];
            b.name = name;
            part.benchmarks.push_back(std::move(b));
        }
        m_store.save(part, { "bisect" });
    }

    std::string shortName(const std::string& commit) const { return commit.substr(0, 8); }
    std::string describe(const std::string& commit) const
    {
        return shortName(commit) + " " + git(m_repository, { "log", "-1", "--format=%s", commit }, "git log");
    }

    RunArguments m_arguments;
    std::string m_repository;
    std::string m_build;
    HistoryStore& m_store;
    Worktrees m_worktrees;
    std::map<std::string, std::string> m_built; ///< commit → why its build failed ("" when it built)
};
} // namespace

int bisectCommand(const std::vector<std::string>& words)
{
    std::string good, bad, build;
    std::vector<std::string> runWords;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word == "--help" || word == "-h") {
            std::cout << bisectHelp();
            return ExitOk;
        }
        const bool valued = i + 1 < words.size();
        if (word == "--good" && valued)
            good = words[++i];
        else if (word == "--bad" && valued)
            bad = words[++i];
        else if (word == "--build" && valued)
            build = words[++i];
        else
            runWords.push_back(word);
    }
    try {
        if (good.empty() || bad.empty())
            throw InputError("give the commits with --good REV and --bad REV");
        refuseWithoutSpawnHelper();
        auto arguments = parseRunArguments(runWords);
        if (!arguments.baseline.empty() || arguments.historyBaseline || !arguments.exportJson.empty()
            || !arguments.exportCsv.empty() || !arguments.exportMarkdown.empty() || arguments.list)
            throw InputError("bisect takes the options that choose how to measure, not --baseline, exports or --list");
        if (arguments.plan.benchmarks.empty())
            throw InputError("which scripts or benchmark files? (give them after the options)");
        const auto repository = git(".", { "rev-parse", "--show-toplevel" }, "not in a git repository");
        const auto root = fs::canonical(repository);
        for (auto& request : arguments.plan.benchmarks) {
            if (!request.script)
                throw InputError("bisect measures scripts and benchmark files of the repository, not commands");
            std::error_code error;
            const auto path = fs::canonical(*request.script, error);
            if (error)
                throw InputError("not found: " + *request.script);
            const auto relative = path.lexically_relative(root);
            if (relative.empty() || *relative.begin() == "..")
                throw InputError(*request.script + " is outside the repository " + root.string());
            request.script = relative.string();
        }
        const auto goodCommit
            = git(repository, { "rev-parse", "--verify", "--quiet", good + "^{commit}" }, "not a commit: " + good);
        const auto badCommit
            = git(repository, { "rev-parse", "--verify", "--quiet", bad + "^{commit}" }, "not a commit: " + bad);
        const auto between = git(
            repository, { "rev-list", "--reverse", "--ancestry-path", goodCommit + ".." + badCommit }, "git rev-list");
        std::vector<std::string> commits { goodCommit };
        for (std::size_t at = 0; at < between.size();) {
            const auto end = between.find('\n', at);
            commits.push_back(between.substr(at, end == std::string::npos ? std::string::npos : end - at));
            at = end == std::string::npos ? between.size() : end + 1;
        }
        if (commits.size() < 2 || commits.back() != badCommit)
            throw InputError(bad + " is not a descendant of " + good);
        const auto store = openStore(arguments.store.empty() ? defaultStoreLocation() : arguments.store);
        if (commits.size() == 2) {
            std::cout << "Nothing between them: " << badCommit.substr(0, 8) << " is the first bad commit, if it is "
                      << "slower\n";
            return ExitOk;
        }
        // Ctrl+C stops the run in progress and leaves through the destructors, which remove the worktrees.
        std::stop_source stop;
        InterruptWatcher watcher(stop);
        Bisection bisection(std::move(arguments), repository, build, *store);
        const int status = bisection.run(commits, stop.get_token());
        return watcher.received() ? ExitInterrupted : status;
    } catch (const InputError& e) {
        std::cerr << "pyrometer bisect: " << e.what() << "\n";
        return ExitUsage;
    }
}

} // namespace pyrometer::cli
