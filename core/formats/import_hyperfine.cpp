#include "core/formats/importers.h"

#include "core/formats/json_input.h"
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
    forEachItem(json, "results", "result", [&](const Json& entry) {
        BenchmarkResult benchmark;
        benchmark.name = textField(entry, "command");
        benchmark.command = { benchmark.name };
        within("'" + benchmark.name + "'", [&] {
            if (!optionalField(entry, "times"))
                throw InputError("no per-run \"times\"; export it again with a newer hyperfine");
            const auto& times = arrayField(entry, "times");
            const auto* exitCodes = optionalField(entry, "exit_codes");
            if (exitCodes && !exitCodes->is_array())
                throw InputError("field 'exit_codes' should be an array, not " + jsonKind(*exitCodes));
            for (std::size_t i = 0; i < times.size(); ++i) {
                const auto label = "time " + std::to_string(i + 1);
                RunRecord run;
                run.wall = fromSeconds(secondsValue(times[i], label));
                if (exitCodes && i < exitCodes->size() && !(*exitCodes)[i].is_null())
                    run.exitCode = static_cast<int>(integerValue((*exitCodes)[i], "exit code of " + label, 0, 255));
                else if (exitCodes && i < exitCodes->size())
                    run.launchError = "hyperfine recorded no exit code"; // the process was killed by a signal
                else
                    run.exitCode = 0; // files without exit codes kept only successful runs
                benchmark.runs.push_back(std::move(run));
            }
            benchmark.settings.runs = static_cast<int>(times.size());
            return 0;
        });
        results.benchmarks.push_back(std::move(benchmark));
    });
    return results;
}

} // namespace pyrometer
