#pragma once

#include "core/model/environment.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// The first line of a file (/proc and /sys hold one value a file), without trailing spaces; empty when it cannot be
/// read.
std::optional<std::string> readFirstLine(const std::filesystem::path& path);

/// CPU time as the first line of /proc/stat counts it, in clock ticks.
struct CpuTicks
{
    std::uint64_t total = 0;
    std::uint64_t steal = 0;
    bool valid = false;
};
/// Reads `root`/proc/stat.
CpuTicks readCpuTicks(const std::filesystem::path& root = "/");

/// The CPUs a list like "0-3,8,10-11" names (the kernel's cpulist format), ascending; empty when it is malformed.
std::vector<int> parseCpuList(const std::string& text);
/// "0-3,8": the kernel's cpulist format of ascending CPUs.
std::string formatCpuList(const std::vector<int>& cpus);
/// The CPUs online under `root` (sys/devices/system/cpu/online).
std::vector<int> onlineCpus(const std::filesystem::path& root = "/");

/// "" when runs can be pinned to `cpus` and started at niceness `nice` from this process; else why not, in one line
/// ("CPU 7 does not exist: this machine has CPUs 0-3", "CPU 2 is offline", "--nice -5 needs root or CAP_SYS_NICE").
/// The CPUs are looked up under `root`; the affinity and the niceness are this process's.
std::string placementProblem(
    const std::vector<int>& cpus, const std::optional<int>& nice, const std::filesystem::path& root = "/");

/// Reads the machine under `root` ("/", or a fixture tree holding proc/ and sys/) and rates what matters to timing:
/// frequency governor, boost, SMT, isolated CPUs, ASLR, load and runnable tasks, CPU and memory pressure, swap,
/// virtualisation and steal time. Only reads; never changes the system. `earlier`: a /proc/stat reading taken
/// some seconds before, so that steal time is the share since then rather than since boot.
std::vector<MachineCheck> checkMachine(
    const std::filesystem::path& root = "/", const std::optional<CpuTicks>& earlier = std::nullopt);

/// The monotonic clock: clock_getres() and the smallest step between two readings seen in a tight loop.
MachineCheck checkTimer();

} // namespace pyrometer
