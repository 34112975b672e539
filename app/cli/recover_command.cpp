#include "commands.h"
#include "help_texts.h"

#include "exports.h"

#include "core/formats/journal.h"
#include "core/formats/text_report.h"
#include "core/model/error.h"

#include <iostream>

namespace pyrometer::cli {
int recoverCommand(const std::vector<std::string>& words)
{
    std::string journalPath;
    ExportPaths paths;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word == "-h" || word == "--help") {
            std::cout << recoverHelp();
            return ExitOk;
        }
        std::string* target = word == "--export-json" ? &paths.json
            : word == "--export-csv"                  ? &paths.csv
            : word == "--export-markdown"             ? &paths.markdown
            : word == "--export-html"                 ? &paths.html
                                                      : nullptr;
        if (target) {
            if (i + 1 >= words.size()) {
                std::cerr << "pyrometer recover: " << word << " needs a value\n";
                return ExitUsage;
            }
            *target = words[++i];
        } else if (word.starts_with("-")) {
            std::cerr << "pyrometer recover: unknown option " << word << "\n";
            return ExitUsage;
        } else if (journalPath.empty()) {
            journalPath = word;
        } else {
            std::cerr << "pyrometer recover: one journal at a time\n";
            return ExitUsage;
        }
    }
    if (journalPath.empty()) {
        std::cerr << "pyrometer recover: which journal? (see pyrometer recover --help)\n";
        return ExitUsage;
    }
    if (!paths.any()) {
        const std::string suffix = ".journal";
        paths.json = journalPath.ends_with(suffix) ? journalPath.substr(0, journalPath.size() - suffix.size())
                                                   : journalPath + ".json";
    }
    try {
        checkExports(paths);
        const Results results = readJournal(journalPath);
        std::cout << textReport(results);
        const auto errors = writeExports(results, paths, "recovered from " + journalPath);
        for (const auto& error : errors)
            std::cerr << "pyrometer recover: " << error << "\n";
        if (!errors.empty())
            return ExitFailed;
        for (const auto& file : paths.files())
            std::cerr << "pyrometer recover: wrote " << file << "\n";
    } catch (const InputError& e) {
        std::cerr << "pyrometer recover: " << e.what() << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace pyrometer::cli
