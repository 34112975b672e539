#include "core/formats/importers.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>

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
    const auto& machine = field(json, "machine_info");
    auto& environment = results.environment;
    environment.date = descriptiveText(json, "datetime");
    environment.hostname = descriptiveText(machine, "node");
    environment.os = descriptiveText(machine, "system");
    environment.kernel = descriptiveText(machine, "release");
    if (const auto* cpu = optionalField(machine, "cpu"); cpu && cpu->is_object()) {
        environment.cpuModel = descriptiveText(*cpu, "brand_raw");
        if (const auto* count = optionalField(*cpu, "count"); count && count->is_number_unsigned())
            environment.logicalCores
                = static_cast<unsigned>(std::min<std::uint64_t>(count->get<std::uint64_t>(), 1 << 20));
    }
    InterpreterInfo python;
    python.implementation = descriptiveText(machine, "python_implementation");
    python.version = descriptiveText(machine, "python_version");
    std::optional<GitInfo> git;
    if (const auto* commit = optionalField(json, "commit_info"); commit && commit->is_object()) {
        const auto* dirty = optionalField(*commit, "dirty");
        git = GitInfo { descriptiveText(*commit, "id"), descriptiveText(*commit, "branch"),
            dirty && dirty->is_boolean() && dirty->get<bool>(), descriptiveText(*commit, "project"),
            descriptiveText(*commit, "time"), "" };
    }

    forEachItem(json, "benchmarks", "benchmark", [&](const Json& entry) {
        BenchmarkResult benchmark;
        benchmark.name = optionalTextField(entry, "fullname").value_or(textField(entry, "name"));
        benchmark.command = { benchmark.name };
        benchmark.measured = Measured { false, false, false }; // wall time alone
        if (!python.version.empty())
            benchmark.interpreter = python;
        benchmark.git = git;
        within("'" + benchmark.name + "'", [&] {
            const auto& stats = field(entry, "stats");
            // Each value is one round's time divided by its iterations. --benchmark-save and
            // --benchmark-autosave files hold them only with --benchmark-save-data; without, the summary remains.
            if (optionalField(stats, "data")) {
                appendTimedRuns(benchmark, arrayField(stats, "data"), "round");
                return 0;
            }
            StatedSummary stated;
            stated.runs = optionalIntegerField(stats, "rounds", 0, maxCount);
            stated.mean = optionalSecondsField(stats, "mean");
            stated.stddev = optionalSecondsField(stats, "stddev");
            stated.median = optionalSecondsField(stats, "median");
            stated.min = optionalSecondsField(stats, "min");
            stated.max = optionalSecondsField(stats, "max");
            stated.q1 = optionalSecondsField(stats, "q1");
            stated.q3 = optionalSecondsField(stats, "q3");
            if (!stated.hasWall())
                throw InputError("neither per-round times nor a mean or median");
            benchmark.stated = stated;
            return 0;
        });
        benchmark.settings.runs = static_cast<int>(benchmark.runs.size());
        results.benchmarks.push_back(std::move(benchmark));
    });
    return results;
}

} // namespace pyrometer
