#include "core/formats/importers.h"
#include "core/model/error.h"

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
    const Json common = json.value("metadata", Json::object());
    auto& environment = results.environment;
    environment.cpuModel = metadata(Json::object(), common, "cpu_model_name");
    environment.hostname = metadata(Json::object(), common, "hostname");
    environment.os = metadata(Json::object(), common, "platform");
    if (const auto cores = common.find("cpu_count"); cores != common.end() && cores->is_number_unsigned())
        environment.logicalCores = cores->get<unsigned>();
    // cpu_config reads like "0-7=driver:intel_pstate, intel_pstate:turbo, governor:powersave; idle:intel_idle".
    const auto config = metadata(Json::object(), common, "cpu_config");
    if (const auto at = config.find("governor:"); at != std::string::npos) {
        const auto start = at + 9;
        environment.cpuGovernor = config.substr(start, config.find_first_of(",;", start) - start);
    }

    for (const auto& entry : json.at("benchmarks")) {
        const Json own = entry.value("metadata", Json::object());
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
        for (const auto& run : entry.at("runs")) {
            if (environment.date.empty() && run.contains("metadata"))
                environment.date = run.at("metadata").value("date", std::string());
            // Each value is already the time of one loop iteration; warmups are [loops, value] pairs.
            for (const auto& warmup : run.value("warmups", Json::array())) {
                RunRecord record;
                record.warmup = true;
                record.exitCode = 0;
                record.wall = fromSeconds(warmup.at(1).get<double>());
                benchmark.runs.push_back(record);
            }
            for (const auto& value : run.value("values", Json::array())) {
                RunRecord record;
                record.exitCode = 0;
                record.wall = fromSeconds(value.get<double>());
                benchmark.runs.push_back(record);
            }
        }
        benchmark.settings.runs = static_cast<int>(benchmark.measuredRuns());
        results.benchmarks.push_back(std::move(benchmark));
    }
    return results;
}

} // namespace pyrometer
