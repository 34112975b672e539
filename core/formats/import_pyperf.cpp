#include "core/formats/importers.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>

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
} // namespace

bool isPyperfJson(const Json& json)
{
    if (!json.is_object() || !json.contains("version") || !json.contains("benchmarks"))
        return false;
    const auto& benchmarks = json.at("benchmarks");
    return benchmarks.is_array() && !benchmarks.empty() && benchmarks.front().is_object()
        && benchmarks.front().contains("runs");
}

Results resultsFromPyperf(const Json& json)
{
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
        const auto unit = metadata(own, common, "unit");
        if (!unit.empty() && unit != "second")
            throw InputError("pyperf benchmark '" + benchmark.name + "' measures " + unit + ", not time");
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
        within("'" + benchmark.name + "'", [&] {
            forEachItem(entry, "runs", "run", [&](const Json& run) {
                if (const auto* runMetadata = optionalField(run, "metadata"); environment.date.empty() && runMetadata)
                    environment.date = descriptiveText(*runMetadata, "date");
                // Each value is already the time of one loop iteration; warmups are [loops, value] pairs.
                if (optionalField(run, "warmups")) {
                    const auto& warmups = arrayField(run, "warmups");
                    for (std::size_t i = 0; i < warmups.size(); ++i) {
                        const auto label = "warmup " + std::to_string(i + 1);
                        if (!warmups[i].is_array() || warmups[i].size() != 2)
                            throw InputError(label + " should be a pair [loops, seconds]");
                        RunRecord record;
                        record.warmup = true;
                        record.exitCode = 0;
                        record.wall = fromSeconds(secondsValue(warmups[i][1], label));
                        benchmark.runs.push_back(record);
                    }
                }
                if (optionalField(run, "values"))
                    appendTimedRuns(benchmark, arrayField(run, "values"), "value");
            });
            return 0;
        });
        benchmark.settings.runs = static_cast<int>(benchmark.measuredRuns());
        results.benchmarks.push_back(std::move(benchmark));
    });
    return results;
}

} // namespace pyrometer
