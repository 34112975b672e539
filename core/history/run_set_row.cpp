#include "core/history/run_set_row.h"

#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace pyrometer {
namespace {
/// FNV-1a (64 bits) of a run set's results text, in hex: the same file imported twice is found by it.
std::string fingerprint(const std::string& text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

/// The results text compressed with zlib (RFC 1950): a run set's JSON shrinks about tenfold.
std::string deflated(const std::string& text)
{
    uLongf size = compressBound(static_cast<uLong>(text.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
            static_cast<uLong>(text.size()), 6)
        != Z_OK)
        throw std::runtime_error("cannot compress a run set's results");
    out.resize(size);
    return out;
}

std::string inflated(const std::string& data, std::int64_t size, const std::string& location)
{
    if (size < 0 || size > (std::int64_t(1) << 32))
        throw InputError(location + ": a run set's results are damaged (size " + std::to_string(size) + ")");
    std::string text(static_cast<std::size_t>(size), '\0');
    uLongf length = static_cast<uLongf>(size);
    if (uncompress(reinterpret_cast<Bytef*>(text.data()), &length, reinterpret_cast<const Bytef*>(data.data()),
            static_cast<uLong>(data.size()))
            != Z_OK
        || length != static_cast<uLongf>(size))
        throw InputError(location + ": a run set's results are damaged (they do not decompress)");
    return text;
}

std::string nowUtc()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm {};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}
} // namespace

RunSetRow runSetRow(const Results& results, const std::vector<std::string>& tags, const std::string& origin)
{
    RunSetRow row;
    GitInfo git;
    for (const auto& b : results.benchmarks) {
        if (b.git && git.commit.empty())
            git = *b.git;
        if (b.interpreter && row.python.empty())
            row.python = b.interpreter->version;
    }
    const auto whole = resultsJsonText(results);
    row.savedAt = nowUtc();
    row.measuredAt = results.environment.date;
    row.commit = git.commit;
    row.branch = git.branch;
    row.dirty = git.dirty;
    row.host = results.environment.hostname;
    row.cpu = results.environment.cpuModel;
    row.cores = results.environment.logicalCores;
    row.tags = nlohmann::json(tags).dump();
    row.project = git.project;
    row.commitDate = git.commitDate;
    row.subject = git.subject;
    row.governor = results.environment.cpuGovernor.value_or("");
    row.origin = origin;
    if (!origin.empty())
        row.fingerprint = fingerprint(whole);
    row.encoding = "json+zlib";
    row.size = static_cast<std::int64_t>(whole.size());
    row.data = deflated(whole);
    const auto summaries = summarizeAll(results);
    for (std::size_t i = 0; i < results.benchmarks.size(); ++i) {
        const auto& wall = summaries[i].wall;
        row.benchmarks.push_back({ results.benchmarks[i].name, static_cast<std::int64_t>(wall.n),
            wall.n ? std::optional(wall.median) : std::nullopt, wall.medianCiLow, wall.medianCiHigh,
            results.benchmarks[i].measured.memory && wall.n ? std::optional(summaries[i].maxRssMedian)
                                                            : std::nullopt });
    }
    return row;
}

Results resultsFromKept(const std::string& encoding, std::int64_t size, const std::string& data,
    const std::string& location, std::int64_t id)
{
    if (encoding == "json")
        return readResultsText(data);
    if (encoding == "json+zlib")
        return readResultsText(inflated(data, size, location));
    throw InputError(location + ": run set " + std::to_string(id) + " is kept as '" + encoding
        + "', which this Pyrometer cannot read");
}

} // namespace pyrometer
