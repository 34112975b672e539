#pragma once

#include "core/measure/launcher.h"
#include "core/model/results.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace pyrometer {

/// A benchmark function of a benchmark file, as Pyrometer's worker found it.
struct SuiteFunction
{
    std::string function; ///< "bench_sort"
    int line = 0;
    std::vector<std::string> paramNames; ///< one per parameter list ("n"), as asv names them
    std::vector<std::vector<std::string>> params; ///< each parameter's values, as text
    std::vector<std::string> cases; ///< one per combination of the values (pytest's ids: "100", "1-x")
    bool takesSize = false; ///< takes one argument and has no params: sized by --scales
};

/// What a benchmark file holds.
struct SuiteFile
{
    std::string path;
    std::vector<SuiteFunction> functions; ///< in the order of the file
};

/// Whether a file name follows the conventions of benchmark files: bench_*.py or *_bench.py.
bool isBenchmarkFileName(std::string_view name);

/// The benchmark files at `path`: the file itself, or those under a directory (recursively, in name order,
/// skipping hidden directories and __pycache__). Throws InputError when `path` does not exist.
std::vector<std::string> findBenchmarkFiles(const std::string& path);

/// `interpreter -c <worker> arguments…`: the worker of benchmark files, reporting on descriptor 3.
std::vector<std::string> workerCommand(const std::string& interpreter, const std::vector<std::string>& arguments);

/// The benchmark functions of `path`, found by importing it once in a child process (never inside Pyrometer).
/// Throws InputError naming the file and the error when it does not import, a params is not a list, the worker
/// ends without a report, or it takes longer than `timeout`.
SuiteFile discoverFile(Launcher& launcher, const std::string& interpreter, const std::string& path,
    std::chrono::nanoseconds timeout = std::chrono::seconds(60));

/// The worker's argv for one timed run of `function` of `file`: one untimed round, then one value of
/// `function.loops` calls (0: calibrated first).
std::vector<std::string> workerTimeCommand(
    const std::string& interpreter, const std::string& file, const FunctionBenchmark& function);

/// Takes what a timed run of the worker reported into `record` (its time per call and loops, or why it failed:
/// "setup failed: ValueError: …") and `function` (the loop count the first run calibrated, the harness's cost).
void takeWorkerReport(RunRecord& record, FunctionBenchmark& function);

/// pytest's form, used everywhere: "benchmarks/bench_sort.py::bench_sort[10000]" (no brackets without a case).
std::string suiteBenchmarkName(const std::string& path, const std::string& function, const std::string& caseName);

/// pytest's -k: whether `name` matches `expression`, words matched case-insensitively as substrings and combined
/// with `and`, `or`, `not` and parentheses ("sort and not large"). Throws InputError on a malformed expression.
bool matchesKeyword(const std::string& expression, const std::string& name);

} // namespace pyrometer
