#include "commands.h"

#include "core/history/store.h"
#include "core/model/error.h"

#include <algorithm>
#include <iostream>

namespace pyrometer::cli {
namespace {
constexpr const char* historyHelp = R"(Usage: pyrometer history [--store PATH]

Lists what the history store holds: how many run sets, and each benchmark, branch and machine with the number of
run sets that have it. Results go into the store with 'pyrometer run --save'.

Options:
      --store PATH   the history store (default: $PYROMETER_STORE, else
                     ~/.local/share/Pyrometer/Pyrometer/history.sqlite)
  -h, --help         this help
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
} // namespace

int historyCommand(const std::vector<std::string>& words)
{
    std::string location;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "--help" || words[i] == "-h") {
            std::cout << historyHelp;
            return ExitOk;
        }
        if (words[i] == "--store" && i + 1 < words.size()) {
            location = words[++i];
            continue;
        }
        std::cerr << "pyrometer history: unexpected argument '" << words[i] << "' (see pyrometer history --help)\n";
        return ExitUsage;
    }
    try {
        const auto store = openStore(location.empty() ? defaultStoreLocation() : location);
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
