#pragma once

#include "core/model/timeline.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace pyrometer {

/// The most a probe may report; what is beyond is cut and the report refused.
inline constexpr std::size_t maxProbeReportBytes = 256 * 1024 * 1024;

/// Everything measured about one run of one benchmark: one process, from spawn to exit.
/// The time of a run. Picoseconds, not nanoseconds: other tools' files hold times per loop iteration of a few
/// nanoseconds (pyperf, Google Benchmark), which nanoseconds would round by up to 20%. An int64 of picoseconds
/// reaches 106 days.
using Duration = std::chrono::duration<std::int64_t, std::pico>;

struct RunRecord
{
    bool warmup = false;
    Duration wall { 0 };
    Duration user { 0 };
    Duration sys { 0 };
    std::int64_t maxRssBytes = 0;
    std::int64_t minorFaults = 0;
    std::int64_t majorFaults = 0;
    std::int64_t voluntarySwitches = 0;
    std::int64_t involuntarySwitches = 0;
    std::int64_t blockInputs = 0;
    std::int64_t blockOutputs = 0;
    std::optional<int> exitCode; ///< set when the process exited normally
    std::optional<int> signal; ///< set when a signal ended the process
    bool timedOut = false;
    bool cancelled = false; ///< stopped by the user; such a run is never recorded in results
    std::optional<std::uint32_t> hashSeed; ///< PYTHONHASHSEED the run was started with
    std::uint64_t stdoutBytes = 0;
    std::uint64_t stderrBytes = 0;
    std::string stdoutTail; ///< the last bytes of stdout (bounded), valid UTF-8
    std::string stderrTail; ///< the last bytes of stderr (bounded), valid UTF-8
    std::string launchError; ///< non-empty when the process could not be started
    std::string failure; ///< how another tool says a run failed ("setup failed"), for runs of imported files
    std::shared_ptr<const Timeline> timeline; ///< resources over time, when sampled
    std::string probeReport; ///< what the process wrote to its probe channel, when it had one
    bool probeReportCut = false; ///< the report was longer than maxProbeReportBytes
    std::int64_t spawnedAtNs = 0; ///< CLOCK_MONOTONIC at spawn, to place what the process reports in its time
    /// For another tool's values measured several to a process (pyperf's workers): which process, from 1. The
    /// values of one process are not independent runs; comparisons use one mean per process.
    std::optional<std::uint32_t> process;
    /// For a run of a benchmark function: the calls its value covers. `wall` is then the time per call, and the
    /// process's own wall time (import, setup, calibration) is not a figure of the function.
    std::int64_t loops = 0;

    /// A run counts for the statistics only when the process started, exited with 0 and was not timed out.
    bool succeeded() const { return launchError.empty() && failure.empty() && !timedOut && !signal && exitCode == 0; }

    /// A short description of how the run ended: "exit code 3", "killed by signal 9 (Killed)", "timed out".
    std::string outcome() const;

    /// The last non-empty line of stderr, for one-line failure messages.
    std::string lastErrorLine() const;
};

} // namespace pyrometer
