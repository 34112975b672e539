#pragma once

#include "core/measure/launcher.h"

namespace pyrometer {

/// Starts each run as a fresh process with posix_spawn, in a process group of its own, stdin from /dev/null and
/// no inherited descriptors. Wall time comes from the monotonic clock around spawn and exit (seen through a
/// pidfd), everything else from wait4(). stdout and stderr are drained while the process runs and only their
/// tails are kept. On timeout or cancellation the whole process group is killed, and whatever the process left
/// behind in its group is killed when it exits.
class ProcessLauncher final : public Launcher
{
public:
    RunRecord launch(const LaunchRequest& request, std::stop_token stop) override;
};

/// Runs a short helper command (an interpreter query, git) and returns its exit code and stdout; no timing.
struct CaptureResult
{
    bool started = false;
    int exitCode = -1;
    std::string out;
    std::string err;
    std::string error; ///< why it did not start or did not end
};
CaptureResult capture(const std::vector<std::string>& argv, const std::string& workingDirectory = {},
    std::chrono::nanoseconds timeout = std::chrono::seconds(10));

} // namespace pyrometer
