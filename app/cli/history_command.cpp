#include "commands.h"

#include "core/history/store.h"
#include "core/model/error.h"
#include "core/model/units.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>

namespace pyrometer::cli {
namespace {
constexpr const char* historyHelp = R"(Usage: pyrometer history [--store PATH]
       pyrometer history show BENCHMARK [--branch B] [--machine HOST] [--since DATE] [--last N] [--store PATH]

Lists what the history store holds: how many run sets, and each benchmark, branch and machine with the number of
run sets that have it. 'show' prints one benchmark's trend, oldest first: each run set's date, commit, branch,
median with its 95% interval, and the change from the one before. Results go into the store with
'pyrometer run --save'.

Options:
      --store PATH     the history store (default: $PYROMETER_STORE, else
                       ~/.local/share/Pyrometer/Pyrometer/history.sqlite)
      --branch B       only run sets of this branch
      --machine HOST   only run sets measured on this host
      --since DATE     only run sets measured since then (2026-12-01, or a time in ISO 8601)
      --last N         the last N run sets
  -h, --help           this help
)";

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
std::string change(std::optional<double> before, std::optional<double> now)
{
    if (!before || !now || !(*before > 0))
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%+.1f%%", (*now / *before - 1) * 100);
    return text;
}

int show(HistoryStore& store, const std::string& name, const TrendFilter& filter)
{
    const auto points = store.trend(name, filter);
    if (points.empty()) {
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
    std::cout << name << " in " << store.location() << ": " << points.size() << " run set"
              << (points.size() == 1 ? "" : "s") << "\n";
    std::cout
        << "  run set  measured              commit     branch      median       95% interval              change\n";
    std::optional<double> before;
    for (const auto& p : points) {
        const auto commit = p.commit.substr(0, 8) + (p.dirty ? "+" : "");
        const auto interval = p.ciLow && p.ciHigh ? formatDuration(*p.ciLow) + " … " + formatDuration(*p.ciHigh)
                                                  : std::string("too few runs");
        char line[512];
        std::snprintf(line, sizeof line, "  %7lld  %-20s  %-9s  %-10s  %-11s  %-24s  %s",
            static_cast<long long>(p.runSet), p.measuredAt.c_str(), commit.c_str(), p.branch.c_str(),
            p.median ? formatDuration(*p.median).c_str() : "no runs", interval.c_str(),
            change(before, p.median).c_str());
        std::string text = line;
        text.erase(text.find_last_not_of(' ') + 1); // no trailing blanks where there is no change
        std::cout << text << "\n";
        if (p.median)
            before = p.median;
    }
    return ExitOk;
}
} // namespace

int historyCommand(const std::vector<std::string>& words)
{
    std::string location, benchmark;
    bool showing = false;
    TrendFilter filter;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word == "--help" || word == "-h") {
            std::cout << historyHelp;
            return ExitOk;
        }
        const bool valued = i + 1 < words.size();
        if (word == "--store" && valued) {
            location = words[++i];
        } else if (showing && word == "--branch" && valued) {
            filter.branch = words[++i];
        } else if (showing && word == "--machine" && valued) {
            filter.host = words[++i];
        } else if (showing && word == "--since" && valued) {
            filter.since = words[++i];
        } else if (showing && word == "--last" && valued) {
            const auto& text = words[++i];
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), filter.last);
            if (error != std::errc() || end != text.data() + text.size() || filter.last < 1) {
                std::cerr << "pyrometer history: --last takes a whole number above 0, not '" << text << "'\n";
                return ExitUsage;
            }
        } else if (i == 0 && word == "show") {
            showing = true;
        } else if (showing && benchmark.empty() && !word.starts_with("-")) {
            benchmark = word;
        } else {
            std::cerr << "pyrometer history: unexpected argument '" << word << "' (see pyrometer history --help)\n";
            return ExitUsage;
        }
    }
    if (showing && benchmark.empty()) {
        std::cerr << "pyrometer history show: which benchmark? ('pyrometer history' lists them)\n";
        return ExitUsage;
    }
    try {
        const auto store = openStore(location.empty() ? defaultStoreLocation() : location);
        if (showing)
            return show(*store, benchmark, filter);
        const auto overview = store->overview();
        std::cout << "History in " << store->location() << ": " << overview.runSets << " run set"
                  << (overview.runSets == 1 ? "" : "s") << "\n";
        if (overview.runSets == 0) {
            std::cout << "Nothing saved yet: 'pyrometer run --save …' keeps a run's results here.\n";
            return ExitOk;
        }
        list("Benchmarks (run sets)", overview.benchmarks, "");
        list("Branches", overview.branches, "(not in git)");
        list("Machines", overview.machines, "(unknown)");
    } catch (const InputError& e) {
        std::cerr << "pyrometer history: " << e.what() << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace pyrometer::cli
