#pragma once

#include "core/measure/launcher.h"
#include "core/model/results.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

namespace pyrometer {

/// Where a run stands, for progress bars.
struct Progress
{
    std::size_t benchmark = 0; ///< index of the benchmark about to run
    std::size_t run = 0; ///< 1-based: run k of `runsOfBenchmark`, warmups first
    std::size_t runsOfBenchmark = 0;
    bool warmup = false;
    std::size_t completed = 0; ///< runs finished over all benchmarks
    std::size_t total = 0; ///< runs planned over all benchmarks, less those of benchmarks that stopped
    std::chrono::nanoseconds elapsed { 0 };
    std::optional<std::chrono::nanoseconds> remaining; ///< estimate, once a run has finished
};

/// Plain callbacks, called on the engine's thread. `results` is everything so far; copy what you keep.
struct EngineCallbacks
{
    std::function<void(const Progress&)> runStarting;
    /// The finished run is results.benchmarks[benchmark].runs.back().
    std::function<void(const Results& results, std::size_t benchmark)> runFinished;
    /// The benchmark stopped early; results.benchmarks[benchmark].failure says why.
    std::function<void(const Results& results, std::size_t benchmark)> benchmarkFailed;
    /// An instrumented run ended; results.benchmarks[benchmark].probe holds what it saw.
    std::function<void(const Results& results, std::size_t benchmark)> probeFinished;
    /// For adaptive runs until decided: after each measured run of `benchmark`, why its runs are enough (a
    /// comparison decided), or nothing to go on. When it ends one benchmark, it is asked again for every other
    /// that is still running, so that the two benchmarks of a pair within the run stop together.
    std::function<std::optional<std::string>(const Results& results, std::size_t benchmark)> decide;
};

/// The sampling rate of instrumented runs when the timed runs are not sampled.
inline constexpr int defaultSampleHz = 100;

/// How much of stdout and stderr a successful run keeps; failed runs keep the launcher's whole tail.
inline constexpr std::size_t successfulRunTailBytes = 512;
/// How much of its output a run with a collector's trace in it (Go's stderr, Node.js's stdout) keeps to read it.
inline constexpr std::size_t gcTraceTailBytes = 32 * 1024 * 1024;

/// Runs prepared benchmarks, each run through the launcher, interleaved (A B C A B C …) or one after another,
/// warmups first. A PYTHONHASHSEED is set for every run: the fixed one, or a fresh random one, recorded.
/// Benchmarks with probe settings then get their instrumented runs, which never enter the timing statistics;
/// only Python scripts can be probed.
/// The callbacks see the results so far; a GUI copies them into an immutable snapshot at the rate it
/// wants to redraw, and stops the run through the stop token.
class Engine
{
public:
    explicit Engine(Launcher& launcher);

    /// Appends runs to `results` (as made by prepare()) until all are done or `stop` is requested. Sets
    /// `results.complete` only when every benchmark ran to its end or stopped on a failure. A run cut short
    /// by `stop` is not recorded.
    void run(Results& results, std::stop_token stop, const EngineCallbacks& callbacks = {});

private:
    Launcher& m_launcher;
};

} // namespace pyrometer
