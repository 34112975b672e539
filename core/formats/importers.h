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

/// asv's results of one machine and commit, format versions 1 and 2: {"version", "commit_hash", "params",
/// "results": {name: …}}. time_ benchmarks are times, peakmem_ ones peak RSS; params expand into one benchmark per
/// combination, "name(10, 'a')"; the samples become runs when recorded (--record-samples), else the median and
/// quartiles are the stated summary. mem_ and track_ benchmarks are left out with a note.
bool isAsvJson(const Json& json);
Results resultsFromAsv(const Json& json);

/// Google Benchmark's --benchmark_format=json: {"context", "benchmarks": [{"run_name", "run_type", "real_time",
/// "time_unit", …}]}: every repetition is a run, aggregates are left out.
bool isGoogleBenchmarkJson(const Json& json);
Results resultsFromGoogleBenchmark(const Json& json);

} // namespace pyrometer
