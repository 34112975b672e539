#include "commands.h"
#include "history_commands.h"

#include "core/formats/results_file.h"
#include "core/model/error.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace pyrometer::cli {
namespace {
/// The *.json files under `folder`, in name order, hidden folders included (pytest-benchmark's is .benchmarks).
std::vector<fs::path> jsonFilesUnder(const fs::path& folder)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".json")
            files.push_back(it->path());
    }
    if (error)
        throw InputError(folder.string() + ": cannot read the folder (" + error.message() + ")");
    std::sort(files.begin(), files.end());
    return files;
}
} // namespace

int historyImport(HistoryStore& store, const std::vector<std::string>& paths, const std::vector<std::string>& tags)
{
    std::size_t added = 0, known = 0;
    std::vector<std::string> passedOver, failed;
    for (const auto& path : paths) {
        std::error_code error;
        const bool folder = fs::is_directory(path, error);
        if (!folder && !fs::exists(path, error)) {
            failed.push_back(path + ": no such file or folder");
            continue;
        }
        for (const auto& file : folder ? jsonFilesUnder(path) : std::vector<fs::path> { path }) {
            Results results;
            try {
                results = readResultsFile(file);
            } catch (const InputError& e) {
                // In a folder, files that are not results (asv's benchmarks.json and machine.json) are expected.
                (folder ? passedOver : failed).push_back(e.what());
                continue;
            }
            if (results.benchmarks.empty()) {
                passedOver.push_back(file.string() + ": no benchmark in it");
                continue;
            }
            const auto saved = store.save(results, tags, fs::absolute(file).lexically_normal().string());
            (saved.added ? added : known) += 1;
        }
    }
    std::cout << "Imported " << added << " run set" << (added == 1 ? "" : "s") << " into " << store.location();
    if (known)
        std::cout << "; " << known << " already there";
    std::cout << "\n";
    if (!passedOver.empty()) {
        std::cout << "Passed over " << passedOver.size() << " file" << (passedOver.size() == 1 ? "" : "s")
                  << " that are not results:\n";
        for (std::size_t i = 0; i < passedOver.size() && i < 5; ++i)
            std::cout << "  " << passedOver[i] << "\n";
        if (passedOver.size() > 5)
            std::cout << "  … and " << passedOver.size() - 5 << " more\n";
    }
    for (const auto& line : failed)
        std::cerr << "pyrometer history import: " << line << "\n";
    return failed.empty() ? ExitOk : ExitUsage;
}

} // namespace pyrometer::cli
