#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace pyrometer {

/// One reading of a running process.
struct ResourceSample
{
    std::int64_t rssBytes = 0; ///< resident set size
    float tSeconds = 0; ///< since the process was spawned
    float cpuPercent = 0; ///< CPU time over wall time since the previous sample; above 100 with several threads
    std::int32_t threads = 0;
};

/// A process's resources over its lifetime. Long runs are compacted: each sample then stands for several
/// readings (the highest RSS and thread count, the mean CPU use).
struct Timeline
{
    std::vector<ResourceSample> samples;
    double intervalSeconds = 0; ///< between two samples, after compaction
    std::chrono::nanoseconds samplerCpu { 0 }; ///< what the sampler itself cost in CPU time
};

} // namespace pyrometer
