#include "commands.h"
#include "exports.h"
#include "help_texts.h"
#include "history_commands.h"

#include "core/formats/file_output.h"
#include "core/history/store.h"
#include "core/history/trend_report.h"
#include "core/model/error.h"

#include <algorithm>
#include <charconv>
#include <iostream>

namespace pyrometer::cli {
namespace {

void list(const char* title, const std::vector<HistoryOverview::Count>& counts, const char* empty)
{
    std::cout << title << "\n";
    std::size_t width = 0;
    for (const auto& c : counts)
        width = std::max(width, c.name.empty() ? std::string(empty).size() : c.name.size());
    for (const auto& c : counts) {
        const auto& name = c.name.empty() ? std::string(empty) : c.name;
        std::cout << "  " << name << std::string(width - name.size() + 3, ' ') << c.runSets << "\n";
    }
}

int overview(HistoryStore& store)
{
    const auto overview = store.overview();
    std::cout << "History in " << store.location() << ": " << overview.runSets << " run set"
              << (overview.runSets == 1 ? "" : "s") << "\n";
    if (overview.runSets == 0) {
        std::cout << "Nothing saved yet: 'pyrometer run --save …' keeps a run's results here, and 'pyrometer "
                     "history import' brings in files you have.\n";
        return ExitOk;
    }
    list("Projects", overview.projects, "(not in git)");
    list("Benchmarks (run sets)", overview.benchmarks, "");
    list("Branches", overview.branches, "(not in git)");
    list("Machines", overview.machines, "(unknown)");
    return ExitOk;
}

struct TrendExports
{
    std::string csv, json, markdown, html;
    std::vector<std::string> files() const
    {
        std::vector<std::string> all;
        for (const auto* f : { &csv, &json, &markdown, &html })
            if (!f->empty())
                all.push_back(*f);
        return all;
    }
};

int show(
    HistoryStore& store, const std::string& name, TrendFilter filter, bool allMachines, const TrendExports& exports)
{
    TrendReport trend { name, store.location(), store.trend(name, filter), {} };
    // Changes are looked for on one machine: a faster machine's run sets are not a change of the code.
    if (filter.host.empty() && !allMachines && !trend.points.empty()
        && std::any_of(trend.points.begin(), trend.points.end(),
            [&](const TrendPoint& p) { return p.host != trend.points.back().host; })) {
        filter.host = trend.points.back().host;
        std::cout << "Machine " << filter.host
                  << ", the newest run set's (--machine HOST for another, --all-machines for every one)\n";
        trend.points = store.trend(name, filter);
    }
    if (trend.points.empty()) {
        const auto overview = store.overview();
        const bool known = std::any_of(overview.benchmarks.begin(), overview.benchmarks.end(),
            [&](const HistoryOverview::Count& c) { return c.name == name; });
        std::cerr << "pyrometer history: "
                  << (known ? "no run set of '" + name + "' is taken by --branch, --machine, --since"
                            : "no benchmark named '" + name + "' in " + store.location()
                                 + " ('pyrometer history' lists them)")
                  << "\n";
        return ExitUsage;
    }
    trend.changes = trendChanges(trend.points);
    std::cout << trendText(trend);
    int status = ExitOk;
    for (const auto& [path, write] : { std::pair { &exports.csv, &trendCsv }, std::pair { &exports.json, &trendJson },
             std::pair { &exports.markdown, &trendMarkdown }, std::pair { &exports.html, &trendHtml } }) {
        if (path->empty())
            continue;
        try {
            writeOutput(*path, write(trend));
        } catch (const std::exception& e) {
            std::cerr << "pyrometer history: " << e.what() << "\n";
            status = ExitFailed;
        }
    }
    return status;
}

bool wholeNumber(const std::string& text, std::int64_t& value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value >= 1;
}
} // namespace

int historyCommand(const std::vector<std::string>& words)
{
    std::string location, subcommand;
    std::vector<std::string> operands, tags;
    TrendFilter filter;
    TrendExports exports;
    std::int64_t level = 30;
    bool allMachines = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word == "--help" || word == "-h") {
            std::cout << historyHelp();
            return ExitOk;
        }
        const bool valued = i + 1 < words.size();
        const bool showing = subcommand == "show", checking = subcommand == "check";
        if (word == "--store" && valued) {
            location = words[++i];
        } else if ((showing || checking) && word == "--branch" && valued) {
            filter.branch = words[++i];
        } else if ((showing || checking) && word == "--machine" && valued) {
            filter.host = words[++i];
        } else if (showing && word == "--all-machines") {
            allMachines = true;
        } else if (showing && word == "--since" && valued) {
            filter.since = words[++i];
        } else if ((showing && word == "--last") || (checking && word == "--level")) {
            auto& target = showing ? filter.last : level;
            if (!valued || !wholeNumber(words[i + 1], target)) {
                std::cerr << "pyrometer history: " << word << " takes a whole number above 0"
                          << (valued ? ", not '" + words[i + 1] + "'" : std::string()) << "\n";
                return ExitUsage;
            }
            ++i;
        } else if (showing && word.starts_with("--export-") && valued
            && (word == "--export-csv" || word == "--export-json" || word == "--export-markdown"
                || word == "--export-html")) {
            (word == "--export-csv"           ? exports.csv
                    : word == "--export-json" ? exports.json
                    : word == "--export-html" ? exports.html
                                              : exports.markdown)
                = words[++i];
        } else if (subcommand == "import" && word == "--tag" && valued) {
            tags.push_back(words[++i]);
        } else if (subcommand.empty() && (word == "show" || word == "check" || word == "import")) {
            subcommand = word;
        } else if (!subcommand.empty() && !word.starts_with("-")) {
            operands.push_back(word);
        } else {
            std::cerr << "pyrometer history: unexpected argument '" << word << "' (see pyrometer history --help)\n";
            return ExitUsage;
        }
    }
    if (subcommand == "show" && operands.size() != 1) {
        std::cerr << "pyrometer history show: "
                  << (operands.empty() ? "which benchmark? ('pyrometer history' lists them)"
                                       : "one benchmark at a time, not " + std::to_string(operands.size()))
                  << "\n";
        return ExitUsage;
    }
    if (subcommand == "import" && operands.empty()) {
        std::cerr << "pyrometer history import: which files or folders?\n";
        return ExitUsage;
    }
    try {
        if (location.empty())
            location = defaultStoreLocation();
        checkNotAnInput(exports.files(), { location });
        checkOutputs(exports.files());
        const auto store = openStore(location);
        if (subcommand == "show")
            return show(*store, operands.front(), filter, allMachines, exports);
        if (subcommand == "check")
            return historyCheck(*store, operands, filter, std::size_t(level));
        if (subcommand == "import")
            return historyImport(*store, operands, tags);
        return overview(*store);
    } catch (const InputError& e) {
        std::cerr << "pyrometer history: " << e.what() << "\n";
        return ExitUsage;
    }
}

} // namespace pyrometer::cli
