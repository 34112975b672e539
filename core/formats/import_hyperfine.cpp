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
            // hyperfine ≥ 1.20 measures the peak memory of every run.
            const auto* memory = optionalField(entry, "memory_usage_byte");
            if (memory && (!memory->is_array() || memory->size() != times.size()))
                throw InputError("field 'memory_usage_byte' should hold one value per time");
            benchmark.measured = Measured { false, memory != nullptr, false };
            for (std::size_t i = 0; i < times.size(); ++i) {
                const auto label = "time " + std::to_string(i + 1);
                RunRecord run;
                run.wall = fromSeconds(secondsValue(times[i], label));
                if (exitCodes && i < exitCodes->size() && !(*exitCodes)[i].is_null())
                    run.exitCode = static_cast<int>(integerValue((*exitCodes)[i], "exit code of " + label, 0, 255));
                else if (exitCodes && i < exitCodes->size())
                    run.failure = "hyperfine recorded no exit code"; // the process was killed by a signal
                else
                    run.exitCode = 0; // files without exit codes kept only successful runs
                if (memory)
                    run.maxRssBytes = integerValue((*memory)[i], "memory of " + label, 0, maxCount);
                benchmark.runs.push_back(std::move(run));
            }
            // Per-run CPU times are not in the file, only their means.
            StatedSummary stated;
            stated.userMean = optionalSecondsField(entry, "user");
            stated.systemMean = optionalSecondsField(entry, "system");
            if (stated.userMean || stated.systemMean)
                benchmark.stated = stated;
            if (const auto* parameters = optionalField(entry, "parameters")) {
                if (!parameters->is_object())
                    throw InputError("field 'parameters' should be an object, not " + jsonKind(*parameters));
                for (const auto& [name, value] : parameters->items())
                    benchmark.parameters[name] = value.is_string() ? value.get<std::string>() : value.dump();
            }
            benchmark.settings.runs = static_cast<int>(times.size());
            return 0;
        });
        results.benchmarks.push_back(std::move(benchmark));
    });
    return results;
}

} // namespace pyrometer
