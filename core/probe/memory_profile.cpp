#include "core/probe/memory_profile.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace pyrometer {
namespace {

const RunRecord* sampledRun(const BenchmarkResult& benchmark, bool& instrumented)
{
    const auto sampled = [](const RunRecord& r) { return r.timeline && !r.timeline->samples.empty(); };
    if (benchmark.probe) {
        if (const auto* probeRun = benchmark.probe->runWith("gc"); probeRun && sampled(probeRun->run)) {
            instrumented = true;
            return &probeRun->run;
        }
    }
    for (const auto& run : benchmark.runs) {
        if (!run.warmup && sampled(run))
            return &run;
    }
    return nullptr;
}

/// The heap in use along a collector's trace: at each collection's start and end, where both are known.
std::vector<MemoryPoint> heapFromTrace(const RuntimeTrace& trace, std::optional<std::int64_t>& allocated)
{
    std::vector<MemoryPoint> heap;
    std::optional<std::int64_t> previousAfter;
    std::int64_t total = 0;
    bool any = false;
    for (const auto& e : trace.events) {
        if (!e.heapBeforeBytes || !e.heapAfterBytes)
            continue;
        const double end = e.tSeconds + std::max(e.pauseSeconds, e.durationSeconds.value_or(0));
        if (!heap.empty() && e.tSeconds < heap.back().tSeconds)
            continue; // out of order (a concurrent cycle reported after the pauses within it)
        heap.push_back({ e.tSeconds, *e.heapBeforeBytes });
        heap.push_back({ end, *e.heapAfterBytes });
        total += std::max<std::int64_t>(0, *e.heapBeforeBytes - previousAfter.value_or(0));
        previousAfter = *e.heapAfterBytes;
        any = true;
    }
    if (any)
        allocated = total;
    return heap;
}

} // namespace

std::optional<double> heapAt(const std::vector<MemoryPoint>& heap, double t)
{
    if (heap.empty())
        return std::nullopt;
    const auto after = std::lower_bound(
        heap.begin(), heap.end(), t, [](const MemoryPoint& p, double time) { return p.tSeconds < time; });
    if (after == heap.begin())
        return static_cast<double>(after->bytes);
    if (after == heap.end())
        return static_cast<double>(heap.back().bytes);
    const auto before = after - 1;
    const double span = after->tSeconds - before->tSeconds;
    const double f = span > 0 ? (t - before->tSeconds) / span : 1;
    return static_cast<double>(before->bytes) + f * static_cast<double>(after->bytes - before->bytes);
}

MemoryProfile memoryProfile(const BenchmarkResult& benchmark)
{
    MemoryProfile profile;
    const RunRecord* run = sampledRun(benchmark, profile.instrumented);
    if (!run)
        return profile;
    const auto* probe = profile.instrumented ? &*benchmark.probe : nullptr;
    const auto* trace = probe && probe->runtimeGc ? &*probe->runtimeGc : nullptr;
    profile.runtime = benchmark.script ? "python" : trace ? trace->runtime : "";
    profile.durationSeconds = std::chrono::duration<double>(run->wall).count();

    const auto& samples = run->timeline->samples;
    for (const auto& s : samples) {
        profile.rss.push_back({ s.tSeconds, s.rssBytes });
        profile.peakRssBytes = std::max(profile.peakRssBytes, s.rssBytes);
    }
    profile.peakRssBytes = std::max(profile.peakRssBytes, run->maxRssBytes);

    if (const auto& totals = run->timeline->heap) {
        profile.heapMethod = benchmark.script ? "heap shim, PYTHONMALLOC=malloc" : "heap shim (LD_PRELOAD)";
        for (const auto& s : samples) {
            if (s.heapBytes >= 0)
                profile.heap.push_back({ s.tSeconds, s.heapBytes });
        }
        profile.peakHeapBytes = totals->peakLiveBytes;
        profile.allocations = totals->allocations;
        profile.allocatedBytes = totals->allocatedBytes;
    } else if (trace && !trace->events.empty()) {
        profile.heap = heapFromTrace(*trace, profile.allocatedBytes);
        if (!profile.heap.empty()) {
            profile.heapMethod = trace->method + ", at each collection";
            std::int64_t peak = 0;
            for (const auto& p : profile.heap)
                peak = std::max(peak, p.bytes);
            profile.peakHeapBytes = peak;
        } else {
            profile.heapMissing = "the trace gave no heap sizes";
        }
    } else if (trace) {
        profile.heapMissing = trace->missing;
    } else if (probe) {
        profile.heapMissing = probe->heapMissing;
    }

    if (trace) {
        profile.collector = trace->collector;
        profile.gcMethod = trace->method;
        for (const auto& e : trace->events)
            profile.pauses.push_back({ e.tSeconds, e.pauseSeconds, -1 });
    } else if (probe && probe->gcEvents) {
        profile.gcMethod = "gc.callbacks";
        for (const auto& e : *probe->gcEvents)
            profile.pauses.push_back({ e.tSeconds, e.durationSeconds, e.generation });
    }
    for (const auto& p : profile.pauses) {
        profile.totalPauseSeconds += p.pauseSeconds;
        profile.longestPauseSeconds = std::max(profile.longestPauseSeconds, p.pauseSeconds);
    }
    profile.collections = profile.pauses.size();

    // Between RSS and the live heap, where the heap is known: a collector's trace knows it from the first
    // collection to the last only.
    if (!profile.heap.empty()) {
        const double from = profile.heap.front().tSeconds;
        const double to = profile.heap.back().tSeconds;
        double shares = 0;
        std::size_t counted = 0;
        std::int64_t peakRss = -1;
        for (const auto& s : profile.rss) {
            if (s.tSeconds < from || s.tSeconds > to || s.bytes <= 0)
                continue;
            const auto heap = static_cast<std::int64_t>(std::llround(*heapAt(profile.heap, s.tSeconds)));
            const auto overhead = s.bytes - heap;
            profile.overhead.push_back({ s.tSeconds, overhead });
            const double share = static_cast<double>(overhead) / static_cast<double>(s.bytes);
            shares += share;
            ++counted;
            if (s.bytes > peakRss) {
                peakRss = s.bytes;
                profile.overheadShareAtPeak = share;
            }
        }
        if (counted > 0)
            profile.meanOverheadShare = shares / static_cast<double>(counted);
    }
    return profile;
}

std::string runtimeLabel(const std::string& runtime, const std::string& collector)
{
    const std::string name = runtime == "python" ? "Python"
        : runtime == "go"                        ? "Go"
        : runtime == "java"                      ? "Java"
        : runtime == "node"                      ? "Node.js"
                                                 : runtime;
    return collector.empty() ? name : name + " (" + collector + ")";
}

} // namespace pyrometer
