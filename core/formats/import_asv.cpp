#include "core/formats/importers.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace pyrometer {
namespace {
/// What an asv benchmark measures, from the prefix of its function's name.
enum class Kind { Time, PeakMemory, Other };

Kind kindOf(const std::string& name)
{
    const auto function = name.substr(name.rfind('.') + 1);
    if (function.starts_with("time_"))
        return Kind::Time;
    if (function.starts_with("peakmem_"))
        return Kind::PeakMemory;
    return Kind::Other; // mem_ (the size of an object) and track_ (a value in a unit of its own)
}

/// One benchmark's values as asv keeps them in either format version: the result (one per parameter combination),
/// the parameter lists, and per combination the samples and statistics when recorded.
struct Entry
{
    const Json* result = nullptr;
    const Json* params = nullptr;
    const Json* samples = nullptr;
    const Json* q25 = nullptr;
    const Json* q75 = nullptr;
    const Json* repeat = nullptr;
};

/// Format 2 keeps each benchmark as a list in the order of "result_columns".
Entry entryV2(const Json& row, const std::vector<std::string>& columns)
{
    if (!row.is_array())
        throw InputError("should be a list in the order of 'result_columns', not " + jsonKind(row));
    Entry entry;
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        const Json* value = row[i].is_null() ? nullptr : &row[i];
        if (columns[i] == "result")
            entry.result = value;
        else if (columns[i] == "params")
            entry.params = value;
        else if (columns[i] == "samples")
            entry.samples = value;
        else if (columns[i] == "stats_q_25")
            entry.q25 = value;
        else if (columns[i] == "stats_q_75")
            entry.q75 = value;
        else if (columns[i] == "stats_repeat")
            entry.repeat = value;
    }
    return entry;
}

/// Format 1 keeps a number, or an object with "result", "params", "stats" and "samples".
Entry entryV1(const Json& value)
{
    Entry entry;
    if (!value.is_object()) {
        entry.result = value.is_null() ? nullptr : &value;
        return entry;
    }
    entry.result = optionalField(value, "result");
    entry.params = optionalField(value, "params");
    entry.samples = optionalField(value, "samples");
    return entry;
}

/// The i-th value of a per-combination list, or of a single value for an unparameterised benchmark (format 1).
const Json* at(const Json* list, std::size_t i)
{
    if (!list)
        return nullptr;
    if (!list->is_array())
        return i == 0 ? list : nullptr;
    return i < list->size() && !(*list)[i].is_null() ? &(*list)[i] : nullptr;
}

/// How many combinations the parameter lists make (1 without parameters); at most a million.
std::size_t combinationCount(const Json* params)
{
    std::size_t count = 1;
    if (!params || !params->is_array())
        return count;
    for (std::size_t p = 0; p < params->size(); ++p) {
        const auto& values = (*params)[p];
        if (!values.is_array() || values.empty())
            throw InputError("parameter " + std::to_string(p + 1) + " should be a non-empty list of values");
        if (count > 1'000'000 / values.size())
            throw InputError("more than a million parameter combinations");
        count *= values.size();
    }
    return count;
}

/// The names of every combination of the parameter lists, in asv's order (the last parameter varies fastest):
/// "(10, 'a')"; one empty name for a benchmark without parameters. Call combinationCount first.
std::vector<std::string> combinations(const Json* params)
{
    std::vector<std::string> names { "" };
    if (!params || !params->is_array() || params->empty())
        return names;
    names = { "(" };
    for (std::size_t p = 0; p < params->size(); ++p) {
        const auto& values = (*params)[p]; // checked by combinationCount
        std::vector<std::string> next;
        for (const auto& name : names) {
            for (const auto& value : values)
                next.push_back(name + (p ? ", " : "") + (value.is_string() ? value.get<std::string>() : value.dump()));
        }
        names = std::move(next);
    }
    for (auto& name : names)
        name += ")";
    return names;
}

std::string isoDate(std::int64_t millisecondsSinceEpoch)
{
    const std::time_t seconds = static_cast<std::time_t>(millisecondsSinceEpoch / 1000);
    std::tm utc {};
    if (!gmtime_r(&seconds, &utc))
        return {};
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}
} // namespace

bool isAsvJson(const Json& json)
{
    return json.is_object() && json.contains("results") && json.at("results").is_object() && json.contains("version")
        && (json.contains("commit_hash") || json.contains("result_columns") || json.contains("env_name"));
}

Results resultsFromAsv(const Json& json)
{
    const auto version = integerField(json, "version", 0, 1000);
    if (version != 1 && version != 2)
        throw InputError("asv result format version " + std::to_string(version) + ": Pyrometer reads versions 1 and 2");
    Results results;
    results.importedFrom = "asv";
    results.complete = true;
    auto& environment = results.environment;
    if (const auto* machine = optionalField(json, "params"); machine && machine->is_object()) {
        environment.hostname = descriptiveText(*machine, "machine");
        environment.cpuModel = descriptiveText(*machine, "cpu");
        environment.os = descriptiveText(*machine, "os");
        const auto cores = descriptiveText(*machine, "num_cpu");
        if (!cores.empty() && cores.size() < 8
            && std::all_of(cores.begin(), cores.end(), [](char c) { return c >= '0' && c <= '9'; }))
            environment.logicalCores = static_cast<unsigned>(std::stoul(cores));
    }
    if (const auto date = optionalIntegerField(json, "date", 0, maxCount))
        environment.date = isoDate(*date);
    std::optional<GitInfo> git;
    if (const auto commit = optionalTextField(json, "commit_hash"))
        git = GitInfo { *commit, "", false, "", environment.date, "" }; // asv's "date" is the commit's
    std::optional<InterpreterInfo> python;
    if (const auto pythonVersion = optionalTextField(json, "python"))
        python = InterpreterInfo { "python" + *pythonVersion, "", "Python", *pythonVersion, std::nullopt };
    const auto columns = version == 2 ? textListField(json, "result_columns") : std::vector<std::string> {};

    std::size_t skipped = 0;
    const auto& entries = field(json, "results");
    for (const auto& item : entries.items()) {
        const std::string name = item.key(); // not a structured binding: clang 14 cannot capture those
        const Json& value = item.value();
        within("'" + name + "'", [&] {
            const auto kind = kindOf(name);
            if (kind == Kind::Other) {
                ++skipped;
                return 0;
            }
            const auto entry = version == 2 ? entryV2(value, columns) : entryV1(value);
            if (!entry.result && !entry.samples) {
                // No result at all: the benchmark failed as a whole (its parameters are not expanded into failures).
                BenchmarkResult benchmark;
                benchmark.name = name;
                benchmark.command = { name };
                benchmark.failure = "asv recorded no result (the benchmark failed, was skipped or timed out)";
                results.benchmarks.push_back(std::move(benchmark));
                return 0;
            }
            // asv writes one result per combination: a file with fewer cannot make more benchmarks than it holds.
            const auto count = combinationCount(entry.params);
            if (entry.result && entry.result->is_array() && entry.result->size() != count)
                throw InputError(std::to_string(entry.result->size()) + " results for " + std::to_string(count)
                    + " parameter combinations");
            const auto names = combinations(entry.params);
            for (std::size_t i = 0; i < names.size(); ++i) {
                BenchmarkResult benchmark;
                benchmark.name = name + names[i];
                benchmark.command = { benchmark.name };
                benchmark.interpreter = python;
                benchmark.git = git;
                if (entry.params && entry.params->is_array()) {
                    // The parameters' names are in asv's benchmarks.json, not here: numbered.
                    std::size_t rest = i;
                    for (std::size_t p = entry.params->size(); p-- > 0;) {
                        const auto& values = (*entry.params)[p];
                        const auto& v = values[rest % values.size()];
                        benchmark.parameters["param" + std::to_string(p + 1)]
                            = v.is_string() ? v.get<std::string>() : v.dump();
                        rest /= values.size();
                    }
                }
                // peakmem_: the peak RSS of the process running the benchmark, in bytes; no time.
                benchmark.measured = Measured { false, kind == Kind::PeakMemory, false, kind == Kind::Time };
                const auto label = names[i].empty() ? std::string("result") : "combination " + names[i];
                const Json* result = at(entry.result, i);
                const Json* samples = at(entry.samples, i);
                if (samples && !samples->is_array())
                    throw InputError(label + ": samples should be a list of values, not " + jsonKind(*samples));
                const bool hasSamples = samples && !samples->empty();
                if (!result && !hasSamples) {
                    benchmark.failure = "asv recorded no result (the benchmark failed, was skipped or timed out)";
                } else if (hasSamples) {
                    // Recorded with --record-samples: one run per sample.
                    if (kind == Kind::Time) {
                        appendTimedRuns(benchmark, *samples, "sample");
                    } else {
                        for (std::size_t s = 0; s < samples->size(); ++s) {
                            RunRecord run;
                            run.exitCode = 0;
                            run.maxRssBytes = static_cast<std::int64_t>(std::llround(numberValue(
                                (*samples)[s], "sample " + std::to_string(s + 1), 0, static_cast<double>(maxCount))));
                            benchmark.runs.push_back(run);
                        }
                    }
                } else if (kind == Kind::Time) {
                    // Without samples: asv's summary, the median and quartiles of the samples it took.
                    StatedSummary stated;
                    stated.median = secondsValue(*result, label);
                    if (const auto* q1 = at(entry.q25, i))
                        stated.q1 = secondsValue(*q1, label + " q_25");
                    if (const auto* q3 = at(entry.q75, i))
                        stated.q3 = secondsValue(*q3, label + " q_75");
                    if (const auto* repeat = at(entry.repeat, i))
                        stated.runs = integerValue(*repeat, label + " repeat", 0, maxCount);
                    benchmark.stated = stated;
                } else {
                    RunRecord run; // peakmem_ keeps one value: the peak of one process
                    run.exitCode = 0;
                    run.maxRssBytes = static_cast<std::int64_t>(
                        std::llround(numberValue(*result, label, 0, static_cast<double>(maxCount))));
                    benchmark.runs.push_back(run);
                }
                benchmark.settings.runs = static_cast<int>(benchmark.measuredRuns());
                results.benchmarks.push_back(std::move(benchmark));
            }
            return 0;
        });
    }
    if (skipped > 0)
        results.notes.push_back(std::to_string(skipped)
            + " asv benchmark(s) of mem_ or track_ left out: they measure an object's size or a value of their own, "
              "not time or peak memory");
    return results;
}

} // namespace pyrometer
