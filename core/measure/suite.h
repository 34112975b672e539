#pragma once

#include "core/measure/launcher.h"
#include "core/model/results.h"
#include "core/model/run_plan.h"

#include <chrono>
#include <cstdint>
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

/// How benchmark files given to a run become benchmarks.
struct SuiteOptions
{
    std::string keyword; ///< pytest's -k expression over the benchmarks' names; empty: all
    /// Sizes for functions that take one and have no params (--scales); empty: defaultSizes.
    std::vector<std::int64_t> sizes;
    std::int64_t minTimeNs = 100'000'000;
    bool gcOff = false;
    std::chrono::nanoseconds discoveryTimeout = std::chrono::seconds(60);
};

/// The sizes a function that takes one is timed at when none are asked for: four, over three decades, so that
/// its complexity can be told, quickly enough for any class up to O(n²).
inline const std::vector<std::int64_t> defaultSizes { 100, 1'000, 10'000, 100'000 };

/// --scales: names (small 100, medium 10,000, large 1,000,000, xlarge 10,000,000) or whole numbers, comma-separated,
/// in the order given. Throws InputError naming an unknown scale.
std::vector<std::int64_t> parseScales(const std::string& text);

/// Whether `path` is for discovery: a directory, or a file named as benchmark files are.
bool isSuitePath(const std::string& path);

/// Every benchmark file at `path` (the file, or those under the directory), each discovered: a file without bench_
/// functions comes back with none (a plain script). Throws InputError as findBenchmarkFiles() and discoverFile() do,
/// and for a directory without benchmark files.
std::vector<SuiteFile> discoverSuites(Launcher& launcher, const std::string& interpreter, const std::string& path,
    std::chrono::nanoseconds timeout = std::chrono::seconds(60));

/// The benchmarks of `function` of the benchmark file `path`, in pytest's names: one per combination of its params,
/// one per size (options.sizes, else defaultSizes) when it takes a size, else one. Each is `base` (its interpreter
/// and settings) turned to the function.
std::vector<BenchmarkRequest> functionRequests(
    const BenchmarkRequest& base, const std::string& path, const SuiteFunction& function, const SuiteOptions& options);

/// `plan` with every benchmark file in it (a directory's, or a script named bench_*.py or *_bench.py that has
/// bench_ functions) replaced by its benchmark functions: one benchmark per function and parameter combination or
/// size, named in pytest's form, selected by -k, in the file's order. A script with no bench_ functions stays a
/// script. Throws InputError naming a file that does not import, or when -k leaves nothing.
RunPlan expandSuites(const RunPlan& plan, const SuiteOptions& options, Launcher& launcher);

/// pytest's form, used everywhere: "benchmarks/bench_sort.py::bench_sort[10000]" (no brackets without a case).
std::string suiteBenchmarkName(const std::string& path, const std::string& function, const std::string& caseName);

/// pytest's -k: whether `name` matches `expression`, words matched case-insensitively as substrings and combined
/// with `and`, `or`, `not` and parentheses ("sort and not large"). Throws InputError on a malformed expression.
bool matchesKeyword(const std::string& expression, const std::string& name);

} // namespace pyrometer
