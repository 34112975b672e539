#pragma once

#include "core/model/results.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// A run set as every back end stores it: its row of run_sets, its results kept whole (zlib-compressed JSON) in
/// run_set_results, and a row of benchmarks per benchmark. Made once, so that the back ends differ only in SQL.
struct RunSetRow
{
    std::string savedAt, measuredAt, commit, branch;
    bool dirty = false;
    std::string host, cpu;
    std::int64_t cores = 0;
    std::string tags; ///< a JSON list
    std::string project, commitDate, subject, governor, python;
    std::string origin; ///< the imported file; "" for a run measured now
    std::string fingerprint; ///< of the results text, for imports alone; "" otherwise
    std::string encoding; ///< of `data`: "json+zlib"
    std::int64_t size = 0; ///< of the results text
    std::string data;
    struct Benchmark
    {
        std::string name;
        std::int64_t runs = 0;
        std::optional<double> median, ciLow, ciHigh, medianRss;
    };
    std::vector<Benchmark> benchmarks;
};

RunSetRow runSetRow(const Results& results, const std::vector<std::string>& tags, const std::string& origin);

/// The results of run set `id` from its kept form; InputError naming `location` when they cannot be read.
Results resultsFromKept(const std::string& encoding, std::int64_t size, const std::string& data,
    const std::string& location, std::int64_t id);

} // namespace pyrometer
