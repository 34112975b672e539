#pragma once

#include "core/model/results.h"

#include <string>
#include <vector>

namespace pyrometer::cli {

/// The files one invocation writes.
struct ExportPaths
{
    std::string json;
    std::string csv;
    std::string markdown;
    std::string html; ///< the single-run report

    bool any() const { return !json.empty() || !csv.empty() || !markdown.empty() || !html.empty(); }
    /// Every file that will be written, the CSV summary included.
    std::vector<std::string> files() const;
    /// Where the journal goes: beside the first export.
    std::string journal() const;
};

/// Fails before any run when one of the files cannot be written (InputError).
void checkExports(const ExportPaths& paths);

/// Writes every export, each whole or not at all; returns one error line per file that failed.
/// `source` names the results in the HTML report ("this run", a journal).
std::vector<std::string> writeExports(const Results& results, const ExportPaths& paths, const std::string& source);

} // namespace pyrometer::cli
