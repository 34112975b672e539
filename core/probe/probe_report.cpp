#include "core/probe/probe_report.h"

#include "core/model/units.h"
#include "core/probe/memory_profile.h"
#include "core/probe/probe_summary.h"
#include "core/stats/benchmark_summary.h"

#include <algorithm>
#include <cstdio>

namespace pyrometer {
namespace {
std::string printf(const char* format, auto... values)
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, values...);
    return buffer;
}

/// `text` right-aligned in `width` columns, counting characters, not the bytes of "µs".
std::string column(const std::string& text, std::size_t width)
{
    const auto characters = static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return std::string(width > characters ? width - characters : 0, ' ') + text;
}

/// "fib.py:12", or the name alone for built-ins.
std::string location(const ProfileFunction& f)
{
    if (f.file == "~")
        return {};
    const auto slash = f.file.rfind('/');
    return (slash == std::string::npos ? f.file : f.file.substr(slash + 1)) + ":" + std::to_string(f.line);
}

std::string memoryLines(const BenchmarkResult& benchmark)
{
    const RunRecord* sampled = nullptr;
    std::size_t samples = 0;
    double samplerCpu = 0, wall = 0;
    for (const auto& run : benchmark.runs) {
        if (!run.timeline || run.timeline->samples.empty())
            continue;
        sampled = sampled ? sampled : &run;
        samples += run.timeline->samples.size();
        samplerCpu += toSeconds(run.timeline->samplerCpu);
        wall += toSeconds(run.wall);
    }
    if (!sampled)
        return {};
    const auto s = summarize(benchmark);
    std::string text = "  Memory:       peak RSS " + formatBytes(s.maxRssMedian) + " median, "
        + formatBytes(static_cast<double>(s.maxRssMax)) + " highest (the kernel's figures)\n";
    const auto& first = sampled->timeline->samples;
    const auto top = std::max_element(first.begin(), first.end(),
        [](const ResourceSample& a, const ResourceSample& b) { return a.rssBytes < b.rssBytes; });
    text += "  Timeline:     " + std::to_string(samples) + " samples, every "
        + formatDuration(sampled->timeline->intervalSeconds) + "; first run: RSS "
        + formatBytes(static_cast<double>(first.front().rssBytes)) + " first, "
        + formatBytes(static_cast<double>(top->rssBytes)) + " at " + formatDuration(top->tSeconds) + "\n";
    if (wall > 0)
        text += "  Sampler:      " + formatDuration(samplerCpu) + " CPU in all ("
            + printf("%.2f%%", 100 * samplerCpu / wall) + " of the runs' wall time)\n";
    return text;
}

std::string gcLines(const ProbeData& probe)
{
    if (!probe.gcEvents)
        return {};
    const auto generations = summarizeGc(*probe.gcEvents);
    std::size_t count = 0;
    double pause = 0;
    for (const auto& g : generations) {
        count += g.collections;
        pause += g.pauseSeconds;
    }
    if (count == 0)
        return "  GC:           no collections\n";
    std::string text
        = "  GC:           " + std::to_string(count) + " collections, " + formatDuration(pause) + " paused";
    if (const auto* run = probe.runWith("gc"); run && run->scriptEndSeconds > run->scriptStartSeconds)
        text += printf(" (%.1f%% of the script)", 100 * pause / (run->scriptEndSeconds - run->scriptStartSeconds));
    text += "\n";
    for (std::size_t g = 0; g < generations.size(); ++g) {
        const auto& s = generations[g];
        if (s.collections == 0) {
            text += "                generation " + std::to_string(g) + ": none\n";
            continue;
        }
        text += "                generation " + std::to_string(g) + ": " + std::to_string(s.collections)
            + " collections, " + formatDuration(s.pauseSeconds) + ", " + std::to_string(s.collected) + " collected, "
            + std::to_string(s.uncollectable) + " uncollectable\n";
    }
    if (probe.gcEventsDropped > 0)
        text += "                (" + std::to_string(probe.gcEventsDropped) + " more collections not recorded)\n";
    return text;
}

/// (RSS − live heap) as a share of RSS: "RSS − heap: 35% at RSS's peak, 41% on average".
std::string overheadText(const MemoryProfile& m)
{
    if (!m.overheadShareAtPeak || !m.meanOverheadShare)
        return {};
    return "; RSS − heap " + formatPercent(*m.overheadShareAtPeak) + " of RSS at its peak, "
        + formatPercent(*m.meanOverheadShare) + " on average";
}

/// The collections of a runtime other than CPython and the live heap of any program whose heap was counted.
std::string runtimeGcLines(const BenchmarkResult& benchmark)
{
    const auto& probe = *benchmark.probe;
    const bool pythonHeap = benchmark.script && probe.runWith("heap");
    if (!probe.runtimeGc && !pythonHeap)
        return {};
    const auto m = memoryProfile(benchmark);
    const std::string indent = "                ";
    if (!probe.runtimeGc || probe.runtimeGc->runtime == "native") {
        const auto* run = probe.runWith("gc");
        const std::string method = probe.runtimeGc ? probe.runtimeGc->method : "heap shim, PYTHONMALLOC=malloc";
        const std::string head
            = "  Heap:         " + (pythonHeap ? std::string("Python") : "native") + " (" + method + "): ";
        if (!run || !run->run.timeline || !run->run.timeline->heap) {
            const auto why = probe.runtimeGc ? probe.runtimeGc->missing : probe.heapMissing;
            return head + (why.empty() ? "nothing counted" : why) + "\n";
        }
        const auto& heap = *run->run.timeline->heap;
        std::string text = head + std::to_string(heap.allocations) + " allocations ("
            + formatBytes(static_cast<double>(heap.allocatedBytes)) + "), live heap at most "
            + formatBytes(static_cast<double>(heap.peakLiveBytes)) + ", "
            + formatBytes(static_cast<double>(heap.liveBytesAtExit)) + " not freed at exit; peak RSS "
            + formatBytes(static_cast<double>(run->run.maxRssBytes)) + overheadText(m) + "\n";
        if (pythonHeap)
            text += indent
                + "(this run used the C library's malloc, not CPython's: its collections and RSS are "
                  "those of malloc)\n";
        return text;
    }
    const auto& trace = *probe.runtimeGc;
    const std::string head
        = "  GC:           " + runtimeLabel(trace.runtime, trace.collector) + " (" + trace.method + "): ";
    if (trace.events.empty())
        return head + trace.missing + "\n";
    std::string text = head + std::to_string(m.collections) + " collections, " + formatDuration(m.totalPauseSeconds)
        + " paused, the longest " + formatDuration(m.longestPauseSeconds);
    const auto s = summarizeRuntimeGc(trace);
    if (s.peakLiveBytes)
        text += "; live heap at most " + formatBytes(static_cast<double>(*s.peakLiveBytes));
    if (m.peakRssBytes > 0)
        text += ", peak RSS " + formatBytes(static_cast<double>(m.peakRssBytes));
    text += overheadText(m) + "\n";
    if (trace.unrecognised > 0)
        text += indent + "(" + std::to_string(trace.unrecognised)
            + " lines that looked like the trace's could not be read; they stay in the run's output)\n";
    if (!trace.note.empty())
        text += indent + "(" + trace.note + ")\n";
    return text;
}

std::string allocationLines(const AllocationReport& a)
{
    std::string text = "  tracemalloc:  peak " + formatBytes(static_cast<double>(a.peakBytes)) + " traced, "
        + formatBytes(static_cast<double>(a.currentBytes)) + " in " + std::to_string(a.blocks)
        + " blocks still live at the end\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, a.top.size()); ++i) {
        const auto& site = a.top[i];
        text += "                " + column(formatBytes(static_cast<double>(site.sizeBytes)), 10) + " in "
            + column(std::to_string(site.count), 8) + " blocks  " + site.file + ":" + std::to_string(site.line) + "\n";
    }
    return text;
}

std::string profileLines(const Profile& profile)
{
    std::string text = "  Profile:      the 10 functions with the most time of their own\n";
    text += "                " + column("own", 10) + " " + column("cumulative", 10) + " " + column("calls", 10)
        + "  function\n";
    for (const auto i : topFunctions(profile, 10)) {
        const auto& f = profile.functions[i];
        const auto where = location(f);
        text += "                " + column(formatDuration(f.totalSeconds), 10) + " "
            + column(formatDuration(f.cumulativeSeconds), 10) + " " + column(std::to_string(f.calls), 10) + "  "
            + f.name + (where.empty() ? "" : "  (" + where + ")") + "\n";
    }
    return text;
}
} // namespace

std::string probeReport(const Results& results)
{
    std::string text;
    for (const auto& benchmark : results.benchmarks) {
        std::string block = memoryLines(benchmark);
        if (const auto& probe = benchmark.probe) {
            if (!probe->missing.empty())
                block += "  Probe:        " + probe->missing + "\n";
            for (const auto& run : probe->runs) {
                std::string names;
                for (const auto& name : run.instruments.names())
                    names += (names.empty() ? "" : ", ") + name;
                if (!run.missing.empty())
                    block += "  Probe:        no " + names + " data: " + run.missing + "\n";
                else if (run.forks > 0)
                    block += "  Probe:        the script forked " + std::to_string(run.forks) + " times; the " + names
                        + " data covers the parent process only\n";
            }
            block += gcLines(*probe);
            block += runtimeGcLines(benchmark);
            if (probe->tracemalloc)
                block += allocationLines(*probe->tracemalloc);
            if (probe->profile)
                block += profileLines(*probe->profile);
        }
        if (!block.empty())
            text += "Inside " + benchmark.name + "\n" + block;
    }
    return text;
}

} // namespace pyrometer
