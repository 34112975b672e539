#include "core/formats/importers.h"
#include "core/model/error.h"

namespace pyrometer {

bool isHyperfineJson(const Json& json)
{
    if (!json.is_object() || !json.contains("results") || !json.at("results").is_array())
        return false;
    const auto& results = json.at("results");
    return !results.empty() && results.front().is_object() && results.front().contains("command")
        && results.front().contains("mean");
}

Results resultsFromHyperfine(const Json& json)
{
    Results results;
    results.importedFrom = "hyperfine";
    results.complete = true;
    for (const auto& entry : json.at("results")) {
        BenchmarkResult benchmark;
        benchmark.name = entry.at("command").get<std::string>();
        benchmark.command = { benchmark.name };
        if (!entry.contains("times") || !entry.at("times").is_array())
            throw InputError("hyperfine result '" + benchmark.name
                + "' has no per-run \"times\"; export it again with a newer hyperfine");
        const auto& times = entry.at("times");
        const auto exitCodes = entry.value("exit_codes", Json::array());
        for (std::size_t i = 0; i < times.size(); ++i) {
            RunRecord run;
            run.wall = fromSeconds(times[i].get<double>());
            if (i < exitCodes.size() && exitCodes[i].is_number_integer())
                run.exitCode = exitCodes[i].get<int>();
            else if (i < exitCodes.size())
                run.launchError = "hyperfine recorded no exit code"; // the process was killed by a signal
            else
                run.exitCode = 0; // files without exit codes kept only successful runs
            benchmark.runs.push_back(std::move(run));
        }
        benchmark.settings.runs = static_cast<int>(times.size());
        results.benchmarks.push_back(std::move(benchmark));
    }
    return results;
}

} // namespace pyrometer
