#pragma once

#include "core/model/results.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// One point of a memory curve, on the run's clock (seconds since spawn).
struct MemoryPoint
{
    double tSeconds = 0;
    std::int64_t bytes = 0;
};

/// One stop of the program's threads by its collector.
struct MemoryPause
{
    double tSeconds = 0;
    double pauseSeconds = 0;
    int generation = -1; ///< CPython's generation (0–2); -1 for other runtimes
};

/// The memory of one benchmark over one run, the same for every runtime: resident memory, the heap in use (what
/// the program's objects hold, freed or collected not yet), the collector's pauses, and what lies between RSS and
/// the heap — the allocator's free lists and fragmentation, the runtime's own structures, code and stacks
/// ("overhead"). Built from the run's timeline and whatever counted its heap: the heap shim (native programs; Python
/// scripts with PYTHONMALLOC=malloc), where the heap in use is the live heap, or the collections in the runtime's
/// own trace (Go, Java, Node.js), where it is known at each collection's start and end and drawn straight between
/// them, and the live heap is what each collection found live.
struct MemoryProfile
{
    std::string runtime; ///< "python", "go", "java", "node", "native"; "" when not known
    std::string collector; ///< Java's collector; else ""
    std::string heapMethod; ///< how the heap was known; "" when it was not
    std::string heapMissing; ///< why the heap is not known ("" when it is, or was not asked for)
    std::string gcMethod; ///< how the collections were known; "" for none
    bool instrumented = false; ///< the run is the instrumented one (else: the first measured run with samples)
    std::vector<MemoryPoint> rss;
    std::vector<MemoryPoint> heap; ///< in time order; empty when not known
    std::vector<MemoryPoint> overhead; ///< RSS − heap in use at each RSS sample the heap covers
    std::vector<MemoryPause> pauses;
    double durationSeconds = 0; ///< the run's wall time

    std::int64_t peakRssBytes = 0;
    /// The most live heap: the heap shim's peak, or the most a collection found live (Go's live heap, else the heap
    /// after it).
    std::optional<std::int64_t> peakLiveBytes;
    /// (RSS − heap in use) / RSS when RSS was at its peak, and averaged over time (samples are evenly spaced).
    std::optional<double> overheadShareAtPeak;
    std::optional<double> meanOverheadShare;
    std::size_t collections = 0;
    double totalPauseSeconds = 0;
    double longestPauseSeconds = 0;
    std::optional<std::int64_t> allocations; ///< blocks allocated (heap shim)
    /// Bytes allocated over the run: counted by the heap shim, or, from a collector's trace, the growth of the heap
    /// between one collection's end and the next one's start, summed.
    std::optional<std::int64_t> allocatedBytes;

    bool empty() const { return rss.empty(); }
};

/// The memory of `benchmark`: of its instrumented run (--gc) when it has a timeline, else of its first measured
/// run with one; empty when no run was sampled.
MemoryProfile memoryProfile(const BenchmarkResult& benchmark);

/// "Python", "Go", "Java (G1)", "Node.js", "native" from a runtime's key and collector; "" for an unknown runtime.
std::string runtimeLabel(const std::string& runtime, const std::string& collector = "");

/// The columns of a table of memory profiles, and one profile's figures in them as the report and the window print
/// them: a dash where its runtime has no such figure.
inline constexpr std::array<const char*, 10> memoryColumns { "Runtime", "Peak RSS", "Peak live heap",
    "RSS − heap: mean (at peak RSS)", "GCs", "Paused", "Longest pause", "Allocations (per s)", "Allocated per s",
    "Live heap from" };
std::array<std::string, 10> memoryFigures(const MemoryProfile& profile);

/// The value of a memory curve at `t`, interpolated between its points (held flat past its ends); nullopt when it
/// has none.
std::optional<double> valueAt(const std::vector<MemoryPoint>& curve, double t);

} // namespace pyrometer
