#pragma once

#include "core/model/results.h"

#include <string>
#include <string_view>
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

/// "-" for a file names standard output, as hyperfine and jq users expect (--export-json -).
bool isStandardOutput(const std::string& path);
/// Checks, before anything is measured or read, the files an invocation will write: each can be written, and at
/// most one is "-". When one is, what Pyrometer prints for people (the report, the table) goes to standard error
/// from then on, so that standard output holds the export alone. Throws InputError.
void checkOutputs(const std::vector<std::string>& paths);
/// Writes `text` to `path`, whole or not at all (see writeFileAtomically), or to standard output for "-".
void writeOutput(const std::string& path, std::string_view text);

/// Writes every export, each whole or not at all; returns one error line per file that failed.
/// `source` names the results in the HTML report ("this run", a journal).
std::vector<std::string> writeExports(const Results& results, const ExportPaths& paths, const std::string& source);

} // namespace pyrometer::cli
