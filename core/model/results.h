#pragma once

#include "core/model/environment.h"
#include "core/model/probe_data.h"
#include "core/model/run_record.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// Commands run around a benchmark's runs, each with /bin/sh -c in the benchmark's folder and environment, never
/// timed; hyperfine's names and meaning. A hook that fails stops its benchmark.
struct Hooks
{
    std::string setup; ///< once, before the benchmark's first run
    std::string prepare; ///< before every run, warmups too
    std::string conclude; ///< after every run, warmups too
    std::string cleanup; ///< once, after the benchmark's last run (also when it stopped early)
    bool any() const { return !setup.empty() || !prepare.empty() || !conclude.empty() || !cleanup.empty(); }
    bool operator==(const Hooks&) const = default;
};

/// A number of runs chosen as the runs go: at least `minRuns` and `minTimeSeconds` of measured runs (hyperfine's
/// rule), then, with a `precision`, until the 95% interval of the median lies within ±precision of it; never
/// beyond `maxRuns` runs or `maxTimeSeconds` of them.
struct AdaptiveRuns
{
    int minRuns = 10;
    int maxRuns = 1000;
    double minTimeSeconds = 0;
    std::optional<double> maxTimeSeconds;
    std::optional<double> precision; ///< 0.02: within ±2% of the median
    /// The runs go on until a comparison with a baseline is decided (EngineCallbacks::decide), not until
    /// `minRuns` and `minTimeSeconds` alone are reached.
    bool untilDecided = false;
    bool operator==(const AdaptiveRuns&) const = default;
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
    std::vector<int> cpus; ///< the CPUs every run is pinned to; empty: not pinned
    std::optional<int> nice; ///< the niceness every run starts with; empty: Pyrometer's own
    /// The runtime of a command as its benchmark declares it ("go", "java", "node", "native"), for --gc to trace a
    /// program started through a wrapper; empty: recognised from the command (runtimeOf()).
    std::string runtime;
    Hooks hooks;
    /// Set: the number of runs is chosen as they go, and `runs` is ignored.
    std::optional<AdaptiveRuns> adaptive;
    bool operator==(const BenchmarkSettings&) const = default;
};

/// Which measurements a benchmark's runs hold besides wall time. Pyrometer measures all of them; another tool's
/// file holds only some (hyperfine: peak memory from 1.20 on; pyperf: peak memory per worker; pytest-benchmark:
/// wall time alone; Google Benchmark: CPU time unsplit), and the rest reads "not available" everywhere, never 0.
struct Measured
{
    bool cpu = true; ///< user and system time
    bool memory = true; ///< peak RSS
    bool counters = true; ///< page faults, context switches, block I/O
    bool wall = true; ///< false for a benchmark of memory alone (pyperf --track-memory, asv peakmem_)
    /// false when the file holds CPU time as one figure (Google Benchmark's cpu_time): `user` then holds user +
    /// system, and `sys` is not available.
    bool cpuSplit = true;
    bool all() const { return cpu && memory && counters && wall && cpuSplit; }
    bool userAndSystem() const { return cpu && cpuSplit; } ///< user and system time each
};

/// Figures another tool computed and wrote, for what its file holds no per-run values of: hyperfine's mean user
/// and system times, the summary of a pytest-benchmark or asv file saved without its samples. Seconds. Shown as
/// that tool's figures, never mixed into statistics computed from runs, and never tested: there are no runs.
struct StatedSummary
{
    std::optional<double> userMean;
    std::optional<double> systemMean;
    std::optional<std::int64_t> runs; ///< how many runs (rounds, samples) the figures below summarise
    std::optional<double> mean;
    std::optional<double> stddev;
    std::optional<double> median;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> q1; ///< first quartile
    std::optional<double> q3; ///< third quartile
    bool hasWall() const { return median || mean; }
};

/// The most calls one value of a benchmark function covers (the worker's calibration stops there).
inline constexpr std::int64_t maxLoops = std::int64_t(1) << 40;

/// A benchmark function of a benchmark file, timed per call by Pyrometer's worker: each run is a fresh worker
/// process that imports the file, runs its setup, and times `loops` calls after one untimed round of as many.
struct FunctionBenchmark
{
    std::string function; ///< "bench_sort"
    /// Which call: "-" (no argument), "#k" (the k-th combination of the function's params, from 0) or "=N" (a
    /// size, for a function that takes one).
    std::string caseId = "-";
    std::int64_t loops = 0; ///< calls per value, the same in every run; 0 until the first run calibrates it
    std::int64_t minTimeNs = 100'000'000; ///< the least time one value lasts, for the calibration
    bool gcOff = false; ///< the garbage collector is off while timing, as timeit has it
    /// The timing loop's own cost per call (the same loop around a function that does nothing), in seconds, as
    /// the last run measured it.
    std::optional<double> harnessSeconds;
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
    /// For adaptive runs: why they stopped where they did ("±1.8% reached after 34 runs", "--max-runs 100 reached
    /// at ±3.1%"); empty otherwise.
    std::string stopReason;
    std::optional<ProbeData> probe; ///< the instrumented runs, once they ran
    Measured measured;
    std::optional<StatedSummary> stated;
    /// The values of a parameter scan that produced this benchmark (hyperfine's `-P`/`-L`, asv's params).
    std::map<std::string, std::string> parameters;
    /// Set for a benchmark function of a benchmark file (`script`); its runs' wall times are per call.
    std::optional<FunctionBenchmark> function;

    std::size_t measuredRuns() const; ///< non-warmup runs, failed or not
    std::size_t failedRuns() const; ///< non-warmup runs that did not succeed
};

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
    /// What Pyrometer changed in what it was given (a name that two benchmarks shared), for the user to be told;
    /// never written to a file.
    std::vector<std::string> notes;
};

/// Gives benchmarks that share a name names of their own ("x", "x #2", …), so that they are never told apart
/// or paired by their position without a word, and notes each renaming in `notes`.
void makeNamesUnique(Results& results);

/// Any duration in seconds.
template <typename Rep, typename Period> double toSeconds(std::chrono::duration<Rep, Period> duration)
{
    return std::chrono::duration<double>(duration).count();
}
/// Seconds as a Duration, to the picosecond, saturating at about ±9.2·10⁶ s (NaN: 0).
Duration fromSeconds(double seconds);
/// Seconds as nanoseconds, for what Pyrometer itself times (timeouts, the sampler): rounded to the nanosecond.
inline std::chrono::nanoseconds nanosecondsFromSeconds(double seconds)
{
    return std::chrono::round<std::chrono::nanoseconds>(fromSeconds(seconds));
}

/// The index of the first benchmark called `name`.
std::optional<std::size_t> findBenchmark(const Results& results, const std::string& name);

} // namespace pyrometer
