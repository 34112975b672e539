#pragma once

#include "core/measure/spawn_helper.h"
#include "core/model/run_record.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace pyrometer {

/// What to start for one run.
struct LaunchRequest
{
    std::vector<std::string> argv; ///< argv[0] is the path of the executable
    std::map<std::string, std::string> environment; ///< set on top of the inherited environment
    std::string workingDirectory; ///< empty: inherit
    std::optional<std::chrono::nanoseconds> timeout;
    std::chrono::nanoseconds killGrace = std::chrono::milliseconds(300); ///< SIGTERM to SIGKILL on timeout
    std::size_t tailBytes = 64 * 1024; ///< how much of stdout and stderr to keep
    int sampleHz = 0; ///< samples of RSS, CPU use and threads per second; 0: none
    /// Opens a pipe the process finds as descriptor 3, read into RunRecord::probeReport.
    bool probeChannel = false;
    spawn_helper::Placement placement; ///< the CPUs and niceness the process runs with
    /// The page the heap shim counts into (heap_counters.h), read by the sampler; with the shim preloaded through
    /// `environment`. Only for instrumented runs; needs sampleHz.
    std::string heapCountersFile;
};

/// The seam between the engine and the operating system: start one run and measure it. The real implementation
/// spawns a process; tests use scripted fakes.
class Launcher
{
public:
    virtual ~Launcher() = default;
    /// Runs to completion. When `stop` is requested the run is ended at once and returned with `cancelled` set.
    virtual RunRecord launch(const LaunchRequest& request, std::stop_token stop) = 0;
};

} // namespace pyrometer
