#include "core/formats/results_json.h"
#include "core/probe/memory_profile.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pyrometer {
namespace {
double rounded(double value, double scale)
{
    return std::round(value * scale) / scale;
}

Json profileToJson(const Profile& profile)
{
    Json functions = Json::array();
    for (const auto& f : profile.functions) {
        functions.push_back({ { "file", f.file }, { "line", f.line }, { "name", f.name }, { "calls", f.calls },
            { "primitive_calls", f.primitiveCalls }, { "total_s", f.totalSeconds },
            { "cumulative_s", f.cumulativeSeconds } });
    }
    Json edges = Json::array();
    for (const auto& e : profile.edges) {
        edges.push_back({ { "caller", e.caller }, { "callee", e.callee }, { "calls", e.calls },
            { "primitive_calls", e.primitiveCalls }, { "total_s", e.totalSeconds },
            { "cumulative_s", e.cumulativeSeconds } });
    }
    return Json { { "functions", std::move(functions) }, { "edges", std::move(edges) } };
}

Profile profileFromJson(const Json& j)
{
    Profile profile;
    constexpr auto maxLine = std::numeric_limits<int>::max();
    forEachItem(j, "functions", "function", [&](const Json& f) {
        profile.functions.push_back(
            { textField(f, "file"), static_cast<int>(integerField(f, "line", 0, maxLine)), textField(f, "name"),
                integerField(f, "calls", 0, maxCount), integerField(f, "primitive_calls", 0, maxCount),
                secondsField(f, "total_s"), secondsField(f, "cumulative_s") });
    });
    const auto functions = static_cast<std::int64_t>(profile.functions.size());
    forEachItem(j, "edges", "edge", [&](const Json& e) {
        if (functions == 0)
            throw InputError("a profile edge, but no function");
        profile.edges.push_back({ static_cast<std::size_t>(integerField(e, "caller", 0, functions - 1)),
            static_cast<std::size_t>(integerField(e, "callee", 0, functions - 1)),
            integerField(e, "calls", 0, maxCount), integerField(e, "primitive_calls", 0, maxCount),
            secondsField(e, "total_s"), secondsField(e, "cumulative_s") });
    });
    return profile;
}

Json allocationsToJson(const AllocationReport& a)
{
    Json top = Json::array();
    for (const auto& site : a.top) {
        top.push_back({ { "file", site.file }, { "line", site.line }, { "size_bytes", site.sizeBytes },
            { "count", site.count } });
    }
    return Json { { "peak_bytes", a.peakBytes }, { "current_bytes", a.currentBytes }, { "blocks", a.blocks },
        { "sites", a.sites }, { "top", std::move(top) } };
}

AllocationReport allocationsFromJson(const Json& j)
{
    AllocationReport a;
    a.peakBytes = integerField(j, "peak_bytes", 0, maxCount);
    a.currentBytes = integerField(j, "current_bytes", 0, maxCount);
    a.blocks = integerField(j, "blocks", 0, maxCount);
    a.sites = integerField(j, "sites", 0, maxCount);
    forEachItem(j, "top", "allocation site", [&](const Json& s) {
        a.top.push_back(
            { textField(s, "file"), static_cast<int>(integerField(s, "line", 0, std::numeric_limits<int>::max())),
                integerField(s, "size_bytes", 0, maxCount), integerField(s, "count", 0, maxCount) });
    });
    return a;
}
} // namespace

Json timelineToJson(const Timeline& timeline)
{
    Json t = Json::array(), rss = Json::array(), cpu = Json::array(), threads = Json::array(), heap = Json::array();
    bool heapCounted = false;
    for (const auto& s : timeline.samples) {
        t.push_back(rounded(s.tSeconds, 1e6));
        rss.push_back(s.rssBytes);
        cpu.push_back(rounded(s.cpuPercent, 10));
        threads.push_back(s.threads);
        heap.push_back(s.heapBytes >= 0 ? Json(s.heapBytes) : Json(nullptr));
        heapCounted = heapCounted || s.heapBytes >= 0;
    }
    Json j { { "interval_s", timeline.intervalSeconds }, { "sampler_cpu_s", toSeconds(timeline.samplerCpu) },
        { "t_s", std::move(t) }, { "rss_bytes", std::move(rss) }, { "cpu_percent", std::move(cpu) },
        { "threads", std::move(threads) } };
    if (heapCounted)
        j["heap_bytes"] = std::move(heap);
    if (const auto& h = timeline.heap) {
        j["heap"]
            = { { "allocations", h->allocations }, { "frees", h->frees }, { "allocated_bytes", h->allocatedBytes },
                  { "peak_live_bytes", h->peakLiveBytes }, { "live_bytes_at_exit", h->liveBytesAtExit } };
    }
    return j;
}

Timeline timelineFromJson(const Json& j)
{
    Timeline timeline;
    timeline.intervalSeconds = secondsField(j, "interval_s");
    timeline.samplerCpu
        = nanosecondsFromSeconds(optionalField(j, "sampler_cpu_s") ? secondsField(j, "sampler_cpu_s") : 0.0);
    const auto& t = arrayField(j, "t_s");
    const auto& rss = arrayField(j, "rss_bytes");
    const auto& cpu = arrayField(j, "cpu_percent");
    const auto& threads = arrayField(j, "threads");
    const Json* heap = optionalField(j, "heap_bytes");
    if (heap && !heap->is_array())
        throw InputError("'heap_bytes' is not a list");
    if (rss.size() != t.size() || cpu.size() != t.size() || threads.size() != t.size()
        || (heap && heap->size() != t.size()))
        throw InputError("timeline columns differ in length");
    timeline.samples.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto sample = "sample " + std::to_string(i + 1);
        timeline.samples.push_back({ integerValue(rss[i], sample + " of 'rss_bytes'", 0, maxCount),
            static_cast<float>(secondsValue(t[i], sample + " of 't_s'")),
            static_cast<float>(numberValue(cpu[i], sample + " of 'cpu_percent'", 0, 1e6)),
            static_cast<std::int32_t>(integerValue(threads[i], sample + " of 'threads'", 0, 1 << 24)),
            heap && !(*heap)[i].is_null() ? integerValue((*heap)[i], sample + " of 'heap_bytes'", 0, maxCount)
                                          : std::int64_t { -1 } });
    }
    if (const auto* totals = optionalField(j, "heap")) {
        timeline.heap = within("heap", [&] {
            const auto count = [&](const char* key) { return integerField(*totals, key, 0, maxCount); };
            return HeapTotals { count("allocations"), count("frees"), count("allocated_bytes"),
                count("peak_live_bytes"), count("live_bytes_at_exit") };
        });
    }
    return timeline;
}

Json runtimeTraceToJson(const RuntimeTrace& trace)
{
    const auto bytes = [](const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); };
    Json events = Json::array();
    for (const auto& e : trace.events) {
        events.push_back({ { "t_s", e.tSeconds }, { "pause_s", e.pauseSeconds },
            { "duration_s", e.durationSeconds ? Json(*e.durationSeconds) : Json(nullptr) },
            { "heap_before_bytes", bytes(e.heapBeforeBytes) }, { "heap_after_bytes", bytes(e.heapAfterBytes) },
            { "live_bytes", bytes(e.liveBytes) }, { "heap_committed_bytes", bytes(e.heapCommittedBytes) },
            { "heap_goal_bytes", bytes(e.heapGoalBytes) }, { "kind", e.kind } });
    }
    return Json { { "runtime", trace.runtime }, { "collector", trace.collector }, { "method", trace.method },
        { "missing", trace.missing.empty() ? Json(nullptr) : Json(trace.missing) },
        { "note", trace.note.empty() ? Json(nullptr) : Json(trace.note) }, { "unrecognised_lines", trace.unrecognised },
        { "events", std::move(events) } };
}

RuntimeTrace runtimeTraceFromJson(const Json& j)
{
    RuntimeTrace trace;
    trace.runtime = textField(j, "runtime");
    trace.collector = optionalTextField(j, "collector").value_or("");
    trace.method = optionalTextField(j, "method").value_or("");
    trace.missing = optionalTextField(j, "missing").value_or("");
    trace.note = optionalTextField(j, "note").value_or("");
    trace.unrecognised
        = static_cast<std::size_t>(optionalIntegerField(j, "unrecognised_lines", 0, maxCount).value_or(0));
    const auto bytes = [](const Json& e, const char* key) { return optionalIntegerField(e, key, 0, maxCount); };
    forEachItem(j, "events", "collection", [&](const Json& e) {
        RuntimeGcEvent event;
        event.tSeconds = secondsField(e, "t_s");
        event.pauseSeconds = secondsField(e, "pause_s");
        if (optionalField(e, "duration_s"))
            event.durationSeconds = secondsField(e, "duration_s");
        event.heapBeforeBytes = bytes(e, "heap_before_bytes");
        event.heapAfterBytes = bytes(e, "heap_after_bytes");
        event.liveBytes = bytes(e, "live_bytes");
        event.heapCommittedBytes = bytes(e, "heap_committed_bytes");
        event.heapGoalBytes = bytes(e, "heap_goal_bytes");
        event.kind = optionalTextField(e, "kind").value_or("");
        trace.events.push_back(std::move(event));
    });
    return trace;
}

Json probeToJson(const ProbeData& probe)
{
    Json j = Json::object();
    if (!probe.missing.empty())
        j["missing"] = probe.missing;
    if (probe.gcEvents) {
        Json events = Json::array();
        for (const auto& e : *probe.gcEvents) {
            events.push_back({ { "t_s", e.tSeconds }, { "duration_s", e.durationSeconds },
                { "generation", e.generation }, { "collected", e.collected }, { "uncollectable", e.uncollectable } });
        }
        j["gc_events"] = std::move(events);
        j["gc_events_dropped"] = probe.gcEventsDropped;
    }
    if (probe.tracemalloc)
        j["tracemalloc"] = allocationsToJson(*probe.tracemalloc);
    if (probe.profile)
        j["profile"] = profileToJson(*probe.profile);
    if (probe.runtimeGc)
        j["runtime_gc"] = runtimeTraceToJson(*probe.runtimeGc);
    if (!probe.heapMissing.empty())
        j["heap_missing"] = probe.heapMissing;
    Json runs = Json::array();
    for (const auto& r : probe.runs) {
        Json run { { "instruments", r.instruments.names() },
            { "missing", r.missing.empty() ? Json(nullptr) : Json(r.missing) }, { "forks", r.forks },
            { "ended_by", r.endedBy.empty() ? Json(nullptr) : Json(r.endedBy) },
            { "script_start_s", r.scriptStartSeconds }, { "script_end_s", r.scriptEndSeconds } };
        run.update(runToJson(r.run));
        runs.push_back(std::move(run));
    }
    j["runs"] = std::move(runs);
    return j;
}

ProbeData probeFromJson(const Json& j)
{
    ProbeData probe;
    probe.missing = optionalTextField(j, "missing").value_or("");
    if (optionalField(j, "gc_events")) {
        std::vector<GcEvent> list;
        forEachItem(j, "gc_events", "garbage collection", [&](const Json& e) {
            list.push_back({ secondsField(e, "t_s"), secondsField(e, "duration_s"),
                static_cast<int>(integerField(e, "generation", 0, 2)), integerField(e, "collected", 0, maxCount),
                integerField(e, "uncollectable", 0, maxCount) });
        });
        probe.gcEvents = std::move(list);
        probe.gcEventsDropped = optionalIntegerField(j, "gc_events_dropped", 0, maxCount).value_or(0);
    }
    if (const auto* t = optionalField(j, "tracemalloc"))
        probe.tracemalloc = within("tracemalloc", [&] { return allocationsFromJson(*t); });
    if (const auto* p = optionalField(j, "profile"))
        probe.profile = within("profile", [&] { return profileFromJson(*p); });
    if (const auto* r = optionalField(j, "runtime_gc"))
        probe.runtimeGc = within("runtime_gc", [&] { return runtimeTraceFromJson(*r); });
    probe.heapMissing = optionalTextField(j, "heap_missing").value_or("");
    forEachItem(j, "runs", "instrumented run", [&](const Json& r) {
        ProbeRun run;
        run.instruments = ProbeSettings::fromNames(textListField(r, "instruments"));
        run.run = runFromJson(r);
        run.missing = optionalTextField(r, "missing").value_or("");
        run.forks = static_cast<int>(optionalIntegerField(r, "forks", 0, 1 << 30).value_or(0));
        run.endedBy = optionalTextField(r, "ended_by").value_or("");
        run.scriptStartSeconds = optionalField(r, "script_start_s") ? secondsField(r, "script_start_s") : 0.0;
        run.scriptEndSeconds = optionalField(r, "script_end_s") ? secondsField(r, "script_end_s") : 0.0;
        probe.runs.push_back(std::move(run));
    });
    return probe;
}

Json memorySummaryToJson(const BenchmarkResult& benchmark)
{
    if (!benchmark.probe)
        return nullptr;
    const auto m = memoryProfile(benchmark);
    if (m.empty() || (m.heapMethod.empty() && m.gcMethod.empty() && m.heapMissing.empty()))
        return nullptr;
    const auto optional = [](const auto& value) { return value ? Json(*value) : Json(nullptr); };
    const auto text = [](const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); };
    Json rate = nullptr;
    if (m.allocatedBytes && m.durationSeconds > 0)
        rate = static_cast<double>(*m.allocatedBytes) / m.durationSeconds;
    return Json {
        { "runtime", text(m.runtime) },
        { "collector", text(m.collector) },
        { "heap_method", text(m.heapMethod) },
        { "heap_missing", text(m.heapMissing) },
        { "gc_method", text(m.gcMethod) },
        { "peak_rss_bytes", m.peakRssBytes },
        { "peak_live_bytes", optional(m.peakLiveBytes) },
        { "overhead_share_at_peak_rss", optional(m.overheadShareAtPeak) },
        { "overhead_share_mean", optional(m.meanOverheadShare) },
        { "collections", m.collections },
        { "pause_total_s", m.totalPauseSeconds },
        { "pause_longest_s", m.longestPauseSeconds },
        { "allocations", optional(m.allocations) },
        { "allocated_bytes", optional(m.allocatedBytes) },
        { "allocated_bytes_per_s", rate },
    };
}

} // namespace pyrometer
