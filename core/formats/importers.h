#pragma once

#include "core/formats/results_json.h"
#include "core/model/results.h"

namespace pyrometer {

// Results written by other benchmarking tools, read into Pyrometer's model so that they can be shown and
// compared like Pyrometer's own. Each reader takes the parsed document and throws InputError (or a
// nlohmann::json exception, for a value of the wrong type) naming what is missing.

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
