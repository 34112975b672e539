#pragma once

#include "core/model/run_record.h"
#include "core/model/runtime_memory.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// What an instrumented run looks at inside a Python script.
struct ProbeSettings
{
    bool gc = false; ///< every garbage collection (gc.callbacks)
    bool profile = false; ///< a function profile (cProfile)
    bool tracemalloc = false; ///< traced allocations; slows the script
    /// The live heap over time, counted by the heap shim in the run with gc (which it implies): the script runs on
    /// the C library's malloc (PYTHONMALLOC=malloc), which is slower than CPython's own allocator.
    bool heap = false;
    bool any() const { return gc || profile || tracemalloc || heap; }
    bool operator==(const ProbeSettings&) const = default;
    /// "gc", "heap", "profile", "tracemalloc", in that order.
    std::vector<std::string> names() const;
    static ProbeSettings fromNames(const std::vector<std::string>& names);
};

/// One garbage collection, timed on the same clock as the run's timeline.
struct GcEvent
{
    double tSeconds = 0; ///< since the process was spawned
    double durationSeconds = 0;
    int generation = 0;
    std::int64_t collected = 0;
    std::int64_t uncollectable = 0;
};

/// Where live traced memory was allocated.
struct AllocationSite
{
    std::string file;
    int line = 0;
    std::int64_t sizeBytes = 0;
    std::int64_t count = 0; ///< live blocks
};

/// tracemalloc's view at the end of the script.
struct AllocationReport
{
    std::int64_t peakBytes = 0;
    std::int64_t currentBytes = 0;
    std::int64_t blocks = 0; ///< live blocks at the end
    std::int64_t sites = 0; ///< lines holding live blocks
    std::vector<AllocationSite> top; ///< largest first
};

/// One function of a cProfile profile; built-ins have file "~" and line 0.
struct ProfileFunction
{
    std::string file;
    int line = 0;
    std::string name;
    std::int64_t calls = 0;
    std::int64_t primitiveCalls = 0; ///< calls not made by recursion
    double totalSeconds = 0; ///< in the function itself
    double cumulativeSeconds = 0; ///< with what it called
};

/// Calls from one function to another, and the callee's time spent on them.
struct ProfileEdge
{
    std::size_t caller = 0; ///< index into Profile::functions
    std::size_t callee = 0;
    std::int64_t calls = 0;
    std::int64_t primitiveCalls = 0;
    double totalSeconds = 0;
    double cumulativeSeconds = 0;
};

struct Profile
{
    std::vector<ProfileFunction> functions;
    std::vector<ProfileEdge> edges;
};

/// One instrumented run: measured like any run but never part of the timing statistics.
struct ProbeRun
{
    ProbeSettings instruments;
    RunRecord run;
    std::string missing; ///< why this run has no probe data; empty when it has
    int forks = 0; ///< how often the script forked; the data covers the parent only
    std::string endedBy; ///< how the script ended when not by returning: "SystemExit(3)", "ValueError"
    double scriptStartSeconds = 0; ///< when the script's code began, since spawn
    double scriptEndSeconds = 0;
};

/// What the instrumented runs of one benchmark saw. Profile and allocations come from separate runs when both are
/// asked for, so that tracemalloc's slowness does not distort the profile.
struct ProbeData
{
    std::string missing; ///< why the benchmark could not be probed at all
    std::vector<ProbeRun> runs;
    std::optional<std::vector<GcEvent>> gcEvents; ///< from the run with gc, when it reported
    std::int64_t gcEventsDropped = 0; ///< collections beyond the probe's limit
    std::optional<AllocationReport> tracemalloc;
    std::optional<Profile> profile;
    /// For a command in Go, Java or Node.js: its collector's own trace of the run with gc.
    std::optional<RuntimeTrace> runtimeGc;
    /// For a Python script's run with gc: why its live heap was not counted (the heap shim is missing, or did not
    /// load); "" when it was.
    std::string heapMissing;
    /// The run that carried `instrument` ("gc", "profile", "tracemalloc").
    const ProbeRun* runWith(const std::string& instrument) const;
};

} // namespace pyrometer
