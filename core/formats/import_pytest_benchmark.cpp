#include "core/formats/importers.h"
#include "core/model/error.h"

namespace pyrometer {

bool isPytestBenchmarkJson(const Json& json)
{
    return json.is_object() && json.contains("machine_info") && json.contains("benchmarks")
        && json.at("benchmarks").is_array();
}

Results resultsFromPytestBenchmark(const Json& json)
{
    Results results;
    results.importedFrom = "pytest-benchmark";
    results.complete = true;
    const auto& machine = json.at("machine_info");
    auto& environment = results.environment;
    environment.date = json.value("datetime", std::string());
    environment.hostname = machine.value("node", std::string());
    environment.os = machine.value("system", std::string());
    environment.kernel = machine.value("release", std::string());
    if (const auto cpu = machine.find("cpu"); cpu != machine.end() && cpu->is_object()) {
        environment.cpuModel = cpu->value("brand_raw", std::string());
        environment.logicalCores = cpu->value("count", 0u);
    }
    InterpreterInfo python;
    python.implementation = machine.value("python_implementation", std::string());
    python.version = machine.value("python_version", std::string());
    std::optional<GitInfo> git;
    if (const auto commit = json.find("commit_info"); commit != json.end() && commit->is_object()) {
        git = GitInfo { commit->value("id", std::string()), commit->value("branch", std::string()),
            commit->value("dirty", false) };
    }

    for (const auto& entry : json.at("benchmarks")) {
        BenchmarkResult benchmark;
        benchmark.name = entry.value("fullname", entry.at("name").get<std::string>());
        benchmark.command = { benchmark.name };
        if (!python.version.empty())
            benchmark.interpreter = python;
        benchmark.git = git;
        const auto& stats = entry.at("stats");
        if (!stats.contains("data"))
            throw InputError("pytest-benchmark result '" + benchmark.name
                + "' has no per-round times; write it with --benchmark-json and --benchmark-save-data");
        // Each value is one round's time divided by its iterations.
        for (const auto& value : stats.at("data")) {
            RunRecord record;
            record.exitCode = 0;
            record.wall = fromSeconds(value.get<double>());
            benchmark.runs.push_back(record);
        }
        benchmark.settings.runs = static_cast<int>(benchmark.runs.size());
        results.benchmarks.push_back(std::move(benchmark));
    }
    return results;
}

} // namespace pyrometer
