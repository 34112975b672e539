#pragma once

#include <cstdint>
#include <optional>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/types.h>
#include <vector>

namespace pyrometer {

/// Where Pyrometer's own programs are found: beside the running executable (the build tree), else in
/// `../libexec/pyrometer/` from it (an install prefix). Returns the first that is executable, or "" when neither is.
std::string companionProgram(const std::string& name);
/// Where companionProgram() looks, for a message naming what is missing.
std::string companionPlaces(const std::string& name);

/// A small process, forked once at start-up, that starts every run. Linux folds the peak RSS of the address
/// space a process leaves at exec into the new program's peak: spawned straight from Pyrometer (or any big
/// parent), even /bin/true would report Pyrometer's own size. Started from this helper, a run's peak RSS is
/// its own, as with /usr/bin/time.
///
/// The helper spawns the process, timestamps spawn and exit on the monotonic clock, kills what the run left in
/// its process group, reaps it with wait4() and sends the measurement back. Timeouts and cancellation are sent
/// to the process group by the caller directly. The helper is a child subreaper: a daemon a run leaves behind
/// (setsid() and fork) becomes its child and is killed when the run ends, and when Pyrometer ends in any way
/// (its end of the socket closes) the helper kills the running process and all it started before it exits.
namespace spawn_helper {

/// Starts the helper: the program `pyrometer-spawn-helper` (by default the companionProgram()), a small
/// static program whose own size does not show in the runs; failing that, a forked copy of this process.
/// Call first thing in main(), while the process is small and has one thread; later calls do nothing.
/// Returns false when no helper could be started (runs are then spawned directly).
bool start(const std::string& helperProgram = {});
/// The helper's loop, reading requests from `fd` until it is closed; never returns.
[[noreturn]] void serve(int fd);
bool running();
/// The helper program start() looked for and did not find ("" when it found it): runs are then spawned from a
/// forked copy of Pyrometer, whose own size shows in every run's peak RSS (/bin/true: 4 MiB instead of 1).
const std::string& missingProgram();
/// "" when runs start from the helper program (or no helper was asked for); else why nothing must be measured, in
/// one sentence that names where the helper was looked for. The terminal and the window both refuse with it.
std::string missingProblem();

/// Where and how eagerly a run is scheduled: the CPUs it may run on (sched_setaffinity) and its niceness
/// (setpriority). Linux keeps both per thread and a child inherits them from the thread that spawns it, so the
/// spawn happens from a short-lived thread that takes them; the spawning process keeps its own.
struct Placement
{
    std::vector<int> cpus; ///< empty: wherever the spawning process may run
    std::optional<int> nice; ///< empty: the spawning process's niceness
    bool any() const { return !cpus.empty() || nice.has_value(); }
};

/// posix_spawn() as placed: from a thread pinned to `placement.cpus` at `placement.nice` when it asks for either.
/// `startNs` gets CLOCK_MONOTONIC just before the spawn. Returns posix_spawn()'s error; a placement the kernel
/// refuses returns its errno in `placementError` and spawns nothing.
int spawnPlaced(pid_t* pid, const char* path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* attributes, char* const argv[], char* const envp[], const Placement& placement,
    std::int64_t* startNs, int* placementError);

struct Started
{
    int error = 0; ///< errno of a failed spawn
    int placementError = 0; ///< errno of a refused placement (an offline CPU, a niceness not allowed)
    pid_t pid = -1;
    std::int64_t startNs = 0; ///< CLOCK_MONOTONIC just before the spawn
};
struct Ended
{
    int status = 0; ///< as from wait4()
    rusage usage {};
    std::int64_t endNs = 0; ///< CLOCK_MONOTONIC when the exit was seen
};

/// The descriptor number `probe` gets in the process.
inline constexpr int probeDescriptor = 3;

/// Sends a run to the helper; `out` and `err` become the process's stdout and stderr, and `probe`, when not -1,
/// its descriptor 3. Returns the socket to poll: readable once the run has ended, then read it with finish().
/// One run at a time.
Started begin(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
    const std::string& workingDirectory, int out, int err, int probe = -1, const Placement& placement = {});
int socket();
Ended finish();

} // namespace spawn_helper
} // namespace pyrometer
