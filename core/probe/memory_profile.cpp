#include "core/probe/memory_profile.h"

#include "core/model/units.h"

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

std::optional<double> valueAt(const std::vector<MemoryPoint>& curve, double t)
{
    if (curve.empty())
        return std::nullopt;
    const auto after = std::lower_bound(
        curve.begin(), curve.end(), t, [](const MemoryPoint& p, double time) { return p.tSeconds < time; });
    if (after == curve.begin())
        return static_cast<double>(after->bytes);
    if (after == curve.end())
        return static_cast<double>(curve.back().bytes);
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
    // CPython's collections come from Pyrometer's probe, which only a Python script runs.
    profile.runtime = benchmark.script || (probe && probe->gcEvents) ? "python" : trace ? trace->runtime : "";
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
        profile.peakLiveBytes = totals->peakLiveBytes;
        profile.allocations = totals->allocations;
        profile.allocatedBytes = totals->allocatedBytes;
    } else if (trace && !trace->events.empty()) {
        profile.heap = heapFromTrace(*trace, profile.allocatedBytes);
        if (!profile.heap.empty()) {
            profile.heapMethod = trace->method + ", at each collection";
            for (const auto& e : trace->events) {
                if (const auto live = e.liveBytes ? e.liveBytes : e.heapAfterBytes)
                    profile.peakLiveBytes = std::max(profile.peakLiveBytes.value_or(0), *live);
            }
        } else {
            profile.heapMissing = "the trace gave no heap sizes";
        }
    } else if (trace) {
        profile.heapMissing = trace->missing;
    } else if (probe) {
        profile.heapMissing = probe->heapMissing;
    }

    if (trace && trace->runtime != "native") {
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
            const auto heap = static_cast<std::int64_t>(std::llround(*valueAt(profile.heap, s.tSeconds)));
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

std::array<std::string, 10> memoryFigures(const MemoryProfile& m)
{
    const std::string dash = "—";
    const double seconds = m.durationSeconds > 0 ? m.durationSeconds : 1;
    const bool collected = !m.gcMethod.empty();
    std::string allocations = dash;
    if (m.allocations) {
        // 6130583 → "6,130,583": thousands apart, as a table of counts reads.
        auto digits = std::to_string(*m.allocations);
        for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
            digits.insert(static_cast<std::size_t>(i), ",");
        allocations = digits + " (" + formatCount(static_cast<double>(*m.allocations) / seconds) + ")";
    }
    return {
        runtimeLabel(m.runtime, m.collector).empty() ? dash : runtimeLabel(m.runtime, m.collector),
        formatBytes(static_cast<double>(m.peakRssBytes)),
        m.peakLiveBytes ? formatBytes(static_cast<double>(*m.peakLiveBytes)) : dash,
        m.meanOverheadShare && m.overheadShareAtPeak
            ? formatPercent(*m.meanOverheadShare) + " (" + formatPercent(*m.overheadShareAtPeak) + ")"
            : dash,
        collected ? std::to_string(m.collections) : dash,
        collected ? formatDuration(m.totalPauseSeconds) : dash,
        collected && m.collections > 0 ? formatDuration(m.longestPauseSeconds) : dash,
        allocations,
        m.allocatedBytes ? formatBytes(static_cast<double>(*m.allocatedBytes) / seconds) : dash,
        !m.heapMethod.empty()        ? m.heapMethod
            : !m.heapMissing.empty() ? "not known: " + m.heapMissing
                                     : dash,
    };
}

} // namespace pyrometer
