#pragma once

#include "probe.h"
#include "run_record.h"
#include "statistics.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// The Python that runs a script: the name the user asked for and what it really is.
struct InterpreterInfo
{
    std::string requested; ///< as given: "python3", "/opt/py/bin/python3"
    std::string path; ///< sys.executable of that interpreter
    std::string implementation; ///< "CPython", "PyPy"
    std::string version; ///< "3.11.2"
};

/// Where a script's source stands in git, when it lives in a repository.
struct GitInfo
{
    std::string commit;
    std::string branch; ///< "HEAD" when detached
    bool dirty = false;
};

/// The machine and the moment a set of results was measured on.
struct Environment
{
    std::string pyrometerVersion;
    std::string date; ///< ISO 8601, UTC
    std::string hostname;
    std::string os;
    std::string kernel;
    std::string cpuModel;
    unsigned logicalCores = 0;
    std::optional<std::string> cpuGovernor;
    std::array<double, 3> loadAverageStart {};
    std::optional<std::array<double, 3>> loadAverageEnd;
};

/// How every run of one benchmark is started.
struct BenchmarkSettings
{
    int runs = 10;
    int warmups = 0;
    std::optional<std::chrono::nanoseconds> timeout;
    std::map<std::string, std::string> environment;
    std::string workingDirectory; ///< empty: the current directory
    std::optional<std::uint32_t> fixedHashSeed; ///< empty: a fresh random PYTHONHASHSEED for each run
    int sampleHz = 0; ///< resource samples per second of every run; 0: none
    ProbeSettings probe; ///< what instrumented runs, after the timed ones, look at
};

/// One benchmark: what it runs, how, and every run so far.
struct BenchmarkResult
{
    std::string name;
    std::vector<std::string> command; ///< the argv each run executes, interpreter resolved
    std::optional<std::string> script; ///< set for Python scripts
    BenchmarkSettings settings;
    std::optional<InterpreterInfo> interpreter;
    std::optional<GitInfo> git;
    std::vector<RunRecord> runs; ///< warmups and measured runs, failed ones too, in the order they ran
    std::optional<std::string> failure; ///< why the benchmark stopped early
    std::optional<ProbeData> probe; ///< the instrumented runs, once they ran

    std::size_t measuredRuns() const; ///< non-warmup runs, failed or not
    std::size_t failedRuns() const; ///< non-warmup runs that did not succeed
};

/// The statistics of one benchmark, over its successful measured runs.
struct BenchmarkSummary
{
    Summary wall; ///< seconds
    double userMedian = 0; ///< seconds
    double sysMedian = 0; ///< seconds
    double maxRssMedian = 0; ///< bytes
    std::int64_t maxRssMax = 0; ///< bytes
    std::size_t failedRuns = 0;
    std::size_t warmupRuns = 0;
};
BenchmarkSummary summarize(const BenchmarkResult& benchmark);
/// The wall times of a benchmark's successful measured runs, in seconds, in the order they ran.
std::vector<double> successfulWallSeconds(const BenchmarkResult& benchmark);

enum class RunOrder { Interleaved, Sequential };

/// A whole invocation: many benchmarks, measured on one machine.
struct Results
{
    static constexpr const char* schema = "pyrometer.run/1";
    Environment environment;
    RunOrder order = RunOrder::Interleaved;
    bool ignoreFailure = false;
    bool complete = false; ///< false while running, and when stopped or recovered from a journal
    std::string importedFrom; ///< "hyperfine", "pyperf", "pytest-benchmark" for another tool's file; else empty
    std::vector<BenchmarkResult> benchmarks;
};

double toSeconds(std::chrono::nanoseconds duration);
std::chrono::nanoseconds fromSeconds(double seconds);

/// The index of the first benchmark called `name`.
std::optional<std::size_t> findBenchmark(const Results& results, const std::string& name);

/// The summaries of all benchmarks, in order.
std::vector<BenchmarkSummary> summarizeAll(const Results& results);
/// The benchmark with the lowest median wall time among those with successful runs.
std::optional<std::size_t> fastest(const std::vector<BenchmarkSummary>& summaries);

} // namespace pyrometer
