#pragma once

#include "core/formats/results_json.h"
#include "core/model/results.h"

namespace pyrometer {

// Results written by other benchmarking tools, read into Pyrometer's model so that they can be shown and
// compared like Pyrometer's own. Each reader takes the parsed document and throws InputError (or a
// nlohmann::json exception, for a value of the wrong type) naming what is missing.

/// Appends a successful run for each time in `times` (an array of seconds; `itemName` names one in errors, as in
/// "round 3"): the other tools record only the times of runs that succeeded.
void appendTimedRuns(BenchmarkResult& benchmark, const Json& times, const std::string& itemName, bool warmup = false);

/// hyperfine's --export-json: {"results": [{"command", "times", "exit_codes", …}]}.
bool isHyperfineJson(const Json& json);
Results resultsFromHyperfine(const Json& json);

/// pyperf's JSON format 1.0: {"version", "metadata", "benchmarks": [{"metadata", "runs": [{"values", …}]}]}.
bool isPyperfJson(const Json& json);
Results resultsFromPyperf(const Json& json);

/// pytest-benchmark's --benchmark-json: {"machine_info", "benchmarks": [{"name", "stats": {"data", …}}]}.
bool isPytestBenchmarkJson(const Json& json);
Results resultsFromPytestBenchmark(const Json& json);

} // namespace pyrometer
