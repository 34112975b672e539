#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace pyrometer {

/// One reading of a running process.
struct ResourceSample
{
    std::int64_t rssBytes = 0; ///< resident set size
    float tSeconds = 0; ///< since the process was spawned
    float cpuPercent = 0; ///< CPU time over wall time since the previous sample; above 100 with several threads
    std::int32_t threads = 0;
    std::int64_t heapBytes = -1; ///< the live heap the heap shim counted (native programs); -1 when not traced
};

/// What the heap shim counted over a whole run.
struct HeapTotals
{
    std::int64_t allocations = 0; ///< a realloc counts as a free and an allocation
    std::int64_t frees = 0;
    std::int64_t allocatedBytes = 0; ///< the usable size of every block ever allocated
    std::int64_t peakLiveBytes = 0;
    std::int64_t liveBytesAtExit = 0; ///< what the program never freed (a leak, or memory freed by exit)
};

/// A process's resources over its lifetime. Long runs are compacted: each sample then stands for several
/// readings (the highest RSS and thread count, the mean CPU use).
struct Timeline
{
    std::vector<ResourceSample> samples;
    double intervalSeconds = 0; ///< between two samples, after compaction
    std::chrono::nanoseconds samplerCpu { 0 }; ///< what the sampler itself cost in CPU time
    std::optional<HeapTotals> heap; ///< when the heap shim counted the run
};

} // namespace pyrometer
