#include "core/formats/importers.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>
#include <map>

namespace pyrometer {
namespace {
/// Seconds per unit of Google Benchmark's time_unit.
double secondsPer(const std::string& unit)
{
    if (unit == "ns")
        return 1e-9;
    if (unit == "us")
        return 1e-6;
    if (unit == "ms")
        return 1e-3;
    if (unit == "s")
        return 1.0;
    throw InputError("field 'time_unit' is '" + unit.substr(0, 20) + "', not ns, us, ms or s");
}
} // namespace

bool isGoogleBenchmarkJson(const Json& json)
{
    return json.is_object() && json.contains("context") && json.at("context").is_object() && json.contains("benchmarks")
        && json.at("benchmarks").is_array();
}

Results resultsFromGoogleBenchmark(const Json& json)
{
    Results results;
    results.importedFrom = "Google Benchmark";
    results.complete = true;
    const auto& context = field(json, "context");
    auto& environment = results.environment;
    environment.date = descriptiveText(context, "date");
    environment.hostname = descriptiveText(context, "host_name");
    if (const auto* cpus = optionalField(context, "num_cpus"); cpus && cpus->is_number_unsigned())
        environment.logicalCores = static_cast<unsigned>(std::min<std::uint64_t>(cpus->get<std::uint64_t>(), 1 << 20));
    const auto executable = descriptiveText(context, "executable");

    // Every repetition of a benchmark is one "iteration" entry under its run_name: one run each. The aggregates
    // (mean, median, stddev, cv, BigO) summarise those and are left out.
    std::map<std::string, std::size_t> byName;
    forEachItem(json, "benchmarks", "benchmark", [&](const Json& entry) {
        const auto runType = optionalTextField(entry, "run_type").value_or("iteration");
        if (runType == "aggregate")
            return;
        const auto name = optionalTextField(entry, "run_name").value_or(textField(entry, "name"));
        auto [found, added] = byName.try_emplace(name, results.benchmarks.size());
        if (added) {
            BenchmarkResult benchmark;
            benchmark.name = name;
            benchmark.command = { executable.empty() ? name : executable + " --benchmark_filter=" + name };
            // Wall time, and CPU time as one figure (user + system of the process, per iteration).
            benchmark.measured = Measured { true, false, false };
            benchmark.measured.cpuSplit = false;
            results.benchmarks.push_back(std::move(benchmark));
        }
        auto& benchmark = results.benchmarks[found->second];
        within("'" + name + "'", [&] {
            RunRecord run;
            const auto* error = optionalField(entry, "error_occurred");
            if (error && error->is_boolean() && error->get<bool>()) {
                run.failure = "Google Benchmark: "
                    + optionalTextField(entry, "error_message").value_or("the benchmark reported an error");
            } else {
                run.exitCode = 0;
                // real_time is wall time per iteration, in time_unit (ns when absent, as Google Benchmark's default).
                const double scale = secondsPer(optionalTextField(entry, "time_unit").value_or("ns"));
                run.wall = fromSeconds(numberField(entry, "real_time", 0, maxSeconds / scale) * scale);
                run.user = fromSeconds(numberField(entry, "cpu_time", 0, maxSeconds / scale) * scale);
            }
            benchmark.runs.push_back(std::move(run));
            return 0;
        });
        benchmark.settings.runs = static_cast<int>(benchmark.runs.size());
    });
    return results;
}

} // namespace pyrometer
