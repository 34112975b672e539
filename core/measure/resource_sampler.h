#pragma once

#include "core/measure/heap_counters.h"
#include "core/model/timeline.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace pyrometer {

/// The highest sampling rate; above it a sample costs more than it tells.
inline constexpr int maxSampleHz = 1000;
/// How many samples a run keeps at most.
inline constexpr std::size_t maxTimelineSamples = 4096;

/// Collects readings taken at a fixed interval into a timeline of at most `capacity` samples: when it is full,
/// neighbours are merged in pairs and later readings are merged in groups as large, so that the whole run keeps
/// one resolution.
class TimelineBuilder
{
public:
    explicit TimelineBuilder(double intervalSeconds, std::size_t capacity = maxTimelineSamples);
    void add(const ResourceSample& sample);
    /// The timeline so far, the unfinished group included.
    Timeline finish() const;

private:
    static ResourceSample merged(const ResourceSample& a, const ResourceSample& b, double weightB);
    std::vector<ResourceSample> m_samples;
    ResourceSample m_pending;
    std::size_t m_pendingCount = 0;
    std::size_t m_stride = 1;
    std::size_t m_capacity;
    double m_interval;
};

/// Reads a process's RSS and thread count from /proc/PID/stat and its CPU time from its CPU clock, at a fixed
/// rate on a thread of its own, from start until stop() or the process's exit. The /proc file is opened once:
/// a descriptor kept open refers to that process for good, so a reused PID is never read.
class ResourceSampler
{
public:
    /// Starts sampling `pid`, spawned at `spawned` on the monotonic clock. Does nothing when the process
    /// cannot be read (it already ended). With `heapFile`, the page the heap shim counts into: its live heap
    /// joins every sample, and its totals the timeline.
    ResourceSampler(pid_t pid, std::chrono::steady_clock::time_point spawned, int hz, const std::string& heapFile = {});
    ~ResourceSampler();
    ResourceSampler(const ResourceSampler&) = delete;
    ResourceSampler& operator=(const ResourceSampler&) = delete;

    /// Stops the thread and returns what it read.
    std::shared_ptr<const Timeline> stop();

private:
    void loop();
    bool sample(std::chrono::steady_clock::time_point now);

    int m_statFd = -1;
    const pyrometer_heap_counters* m_heap = nullptr; ///< mapped from the heap file, read-only
    clockid_t m_cpuClock {};
    std::chrono::steady_clock::time_point m_spawned;
    std::chrono::nanoseconds m_period;
    TimelineBuilder m_builder;
    std::chrono::nanoseconds m_lastCpu { 0 };
    std::chrono::steady_clock::time_point m_lastTime;
    std::chrono::nanoseconds m_samplerCpu { 0 };
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

/// Parses the text of /proc/PID/stat: the state letter, thread count, RSS in pages and whether the process is
/// exiting. False when malformed.
struct ProcStat
{
    char state = '?';
    std::int32_t threads = 0;
    std::int64_t rssPages = 0;
    bool exiting = false; ///< the process is exiting (PF_EXITING) or has released its memory: no reading to keep
};
bool parseProcStat(const char* text, std::size_t size, ProcStat& stat);

} // namespace pyrometer
