#pragma once

#include "core/model/results.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace pyrometer {

/// Appends every finished run to a JSON Lines file as it happens (one write per line, no user-space buffer), so
/// that results survive a crash or SIGKILL of Pyrometer: the first line holds the environment and the
/// benchmarks, each further line one run, one failure or a benchmark's probe data. Appending is O(1) per run, whatever
/// the run count.
class JournalWriter
{
public:
    /// Creates the journal and writes its header; throws InputError when it cannot, and when a journal at `path`
    /// holds runs (a run that did not finish left it: it is recovered, never overwritten).
    JournalWriter(std::filesystem::path path, const Results& prepared);
    ~JournalWriter();
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    void appendRun(std::size_t benchmark, const RunRecord& run);
    void appendFailure(std::size_t benchmark, const std::string& failure);
    /// The benchmark's probe data so far; a later line replaces an earlier one.
    void appendProbe(std::size_t benchmark, const ProbeData& probe);
    /// Deletes the journal, once its content is safe in the final files.
    void remove();
    const std::filesystem::path& path() const { return m_path; }

private:
    void appendLine(std::string line);
    std::filesystem::path m_path;
    int m_fd = -1;
};

/// The journal file kept beside an export: "results.json" → "results.json.journal".
std::filesystem::path journalPathFor(const std::filesystem::path& exportPath);

/// Reads a journal back into results (marked incomplete). A last line cut short by a crash is ignored; any other
/// damage throws InputError naming the line.
Results readJournal(const std::filesystem::path& path);
/// The same for a journal's text, already read; errors do not name a file.
Results readJournalText(std::string_view text);

} // namespace pyrometer
