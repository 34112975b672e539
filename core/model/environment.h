#pragma once

#include <array>
#include <cstddef>
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
    /// The median wall time of `path -c pass` through the launcher, measured before the runs: the start-up every
    /// run of a script pays.
    std::optional<double> startupSeconds;
};

/// Where a script's source stands in git, when it lives in a repository.
struct GitInfo
{
    std::string commit;
    std::string branch; ///< "HEAD" when detached
    bool dirty = false;
    std::string project; ///< the remote "origin"'s URL, else the repository's root folder; "" when not known
    std::string commitDate; ///< the commit's committer date, ISO 8601; "" when not known
    std::string subject; ///< the first line of the commit's message
};

/// How a check, or the whole machine, stands for measuring: green, amber, red.
enum class Rating { Good, Notice, Bad };
const char* ratingKey(Rating rating); ///< "good", "notice", "bad": in JSON
Rating worse(Rating a, Rating b);

/// One fact about the machine, why it matters to a measurement, and what changes it.
struct MachineCheck
{
    std::string key; ///< "governor", "boost", …: stable, for JSON and tests
    std::string title; ///< "CPU frequency governor"
    Rating rating = Rating::Good;
    std::string observed; ///< what was read: "performance on 8 of 8 CPUs"
    std::string why; ///< why it matters to the runs, when it is not Good
    std::string fix; ///< the command that changes it; "" when there is none to give
    /// Whether the fact changes from minute to minute (load, pressure, steal) rather than with the configuration:
    /// the quick check at the start of a run keeps only these.
    bool changing = false;
};

/// This machine's noise floor as `pyrometer doctor` last measured it: how much run times vary here when nothing
/// in the benchmark does, and the smallest change a comparison can detect at that variation.
struct MachineFloor
{
    double cv = 0; ///< of a fixed ~20 ms CPU-bound script's wall times
    /// The smallest slowdown `runsPerSide` runs a side detect 80% of the time; empty when none up to 100% was.
    std::optional<double> detectableChange;
    std::size_t runsPerSide = 30;
    std::string measuredAt; ///< ISO 8601, UTC
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
    /// The share of the machine's CPU time the hypervisor gave to other guests while the runs ran (steal time,
    /// from /proc/stat at the start and the end); empty where the kernel does not count it.
    std::optional<double> stealDuringRun;
    /// The checks of what changes from minute to minute (load, pressure, swap, steal) at the start of the run: the
    /// doctor's quick subset. Empty for another tool's file and for results written before Pyrometer recorded it.
    std::vector<MachineCheck> machine;
    /// The doctor's noise floor of this machine when the run started, if it measured one in the last 30 days.
    std::optional<MachineFloor> floor;
    /// The worst rating of `machine`.
    Rating machineRating() const;
};

} // namespace pyrometer
