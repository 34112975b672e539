#include "core/formats/importers.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>
#include <cmath>

namespace pyrometer {
namespace {
/// A metadata value of a pyperf benchmark: its own, else the file's common metadata.
std::string metadata(const Json& benchmark, const Json& common, const char* key)
{
    for (const Json* level : { &benchmark, &common }) {
        const auto found = level->find(key);
        if (found != level->end())
            return found->is_string() ? found->get<std::string>() : found->dump();
    }
    return {};
}

/// A number of bytes, as pyperf writes them: an integer, or a float for a memory benchmark's values.
std::int64_t bytesValue(const Json& value, const std::string& what)
{
    return static_cast<std::int64_t>(std::llround(numberValue(value, what, 0, static_cast<double>(maxCount))));
}
} // namespace

bool isPyperfJson(const Json& json)
{
    if (!json.is_object() || !json.contains("version"))
        return false;
    if (json.contains("benchmark")) // perf 0.x, pyperf's predecessor, wrote one benchmark per file
        return true;
    if (!json.contains("benchmarks"))
        return false;
    const auto& benchmarks = json.at("benchmarks");
    return benchmarks.is_array() && !benchmarks.empty() && benchmarks.front().is_object()
        && benchmarks.front().contains("runs");
}

Results resultsFromPyperf(const Json& json)
{
    const auto& version = field(json, "version");
    if (!version.is_string())
        throw InputError("field 'version' should be a string, not " + jsonKind(version));
    if (version.get<std::string>() != "1.0")
        throw InputError("format version " + version.get<std::string>().substr(0, 20)
            + " is from perf, pyperf's predecessor; Pyrometer reads pyperf's format 1.0: run the benchmark again "
              "with pyperf");
    Results results;
    results.importedFrom = "pyperf";
    results.complete = true;
    const auto* commonField = optionalField(json, "metadata");
    const Json common = commonField && commonField->is_object() ? *commonField : Json::object();
    auto& environment = results.environment;
    environment.cpuModel = metadata(Json::object(), common, "cpu_model_name");
    environment.hostname = metadata(Json::object(), common, "hostname");
    environment.os = metadata(Json::object(), common, "platform");
    if (const auto cores = common.find("cpu_count"); cores != common.end() && cores->is_number_unsigned())
        environment.logicalCores = static_cast<unsigned>(std::min<std::uint64_t>(cores->get<std::uint64_t>(), 1 << 20));
    // cpu_config reads like "0-7=driver:intel_pstate, intel_pstate:turbo, governor:powersave; idle:intel_idle".
    const auto config = metadata(Json::object(), common, "cpu_config");
    if (const auto at = config.find("governor:"); at != std::string::npos) {
        const auto start = at + 9;
        environment.cpuGovernor = config.substr(start, config.find_first_of(",;", start) - start);
    }

    forEachItem(json, "benchmarks", "benchmark", [&](const Json& entry) {
        const auto* ownField = optionalField(entry, "metadata");
        const Json own = ownField && ownField->is_object() ? *ownField : Json::object();
        BenchmarkResult benchmark;
        benchmark.name = metadata(own, common, "name");
        if (benchmark.name.empty())
            benchmark.name = "benchmark " + std::to_string(results.benchmarks.size() + 1);
        // pyperf --track-memory (and --tracemalloc) benchmarks measure bytes: the peak memory of each process.
        const auto unit = metadata(own, common, "unit");
        const bool memoryBenchmark = unit == "byte";
        if (!unit.empty() && unit != "second" && !memoryBenchmark)
            throw InputError("pyperf benchmark '" + benchmark.name + "' measures " + unit + ", not time or memory");
        benchmark.command = { metadata(own, common, "command") };
        if (benchmark.command.front().empty())
            benchmark.command = { benchmark.name };
        InterpreterInfo python;
        python.path = metadata(own, common, "python_executable");
        python.implementation = metadata(own, common, "python_implementation");
        python.version = metadata(own, common, "python_version");
        python.version = python.version.substr(0, python.version.find(' ')); // "3.7.9 (64-bit)"
        if (!python.version.empty())
            benchmark.interpreter = python;
        bool everyValueHasMemory = true;
        std::uint32_t process = 0;
        within("'" + benchmark.name + "'", [&] {
            forEachItem(entry, "runs", "run", [&](const Json& run) {
                const auto* runField = optionalField(run, "metadata");
                const Json runMetadata = runField && runField->is_object() ? *runField : Json::object();
                if (environment.date.empty())
                    environment.date = descriptiveText(runMetadata, "date");
                // Each value is already the time of one loop iteration; warmups are [loops, value] pairs.
                if (optionalField(run, "warmups")) {
                    const auto& warmups = arrayField(run, "warmups");
                    for (std::size_t i = 0; i < warmups.size(); ++i) {
                        const auto label = "warmup " + std::to_string(i + 1);
                        if (!warmups[i].is_array() || warmups[i].size() != 2)
                            throw InputError(label + " should be a pair [loops, value]");
                        RunRecord record;
                        record.warmup = true;
                        record.exitCode = 0;
                        if (memoryBenchmark)
                            record.maxRssBytes = bytesValue(warmups[i][1], label);
                        else
                            record.wall = fromSeconds(secondsValue(warmups[i][1], label));
                        benchmark.runs.push_back(record);
                    }
                }
                if (!optionalField(run, "values"))
                    return; // a calibration run
                // One worker process: its peak RSS (pyperf's mem_max_rss, or pyperformance's command_max_rss for
                // a command), which pyperf moves up to the benchmark or the file when all runs share it.
                ++process;
                std::optional<std::int64_t> peak;
                for (const auto* key : { "mem_max_rss", "command_max_rss" }) {
                    for (const Json* level : { &runMetadata, &own, &common }) {
                        if (!peak && level->contains(key))
                            peak = bytesValue(level->at(key), std::string("metadata '") + key + "'");
                    }
                }
                const auto& values = arrayField(run, "values");
                for (std::size_t i = 0; i < values.size(); ++i) {
                    const auto label = "value " + std::to_string(i + 1);
                    RunRecord record;
                    record.exitCode = 0;
                    record.process = process;
                    if (memoryBenchmark) {
                        record.maxRssBytes = bytesValue(values[i], label);
                    } else {
                        record.wall = fromSeconds(secondsValue(values[i], label));
                        record.maxRssBytes = peak.value_or(0);
                        everyValueHasMemory = everyValueHasMemory && peak;
                    }
                    benchmark.runs.push_back(record);
                }
            });
            return 0;
        });
        benchmark.measured = Measured { false, memoryBenchmark || everyValueHasMemory, false, !memoryBenchmark };
        benchmark.settings.runs = static_cast<int>(benchmark.measuredRuns());
        results.benchmarks.push_back(std::move(benchmark));
    });
    return results;
}

} // namespace pyrometer
