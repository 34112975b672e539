#include "core/formats/results_json.h"

#include "core/model/error.h"

#include <algorithm>
#include <cmath>

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
    for (const auto& f : j.at("functions")) {
        profile.functions.push_back(
            { f.at("file").get<std::string>(), f.at("line").get<int>(), f.at("name").get<std::string>(),
                f.at("calls").get<std::int64_t>(), f.at("primitive_calls").get<std::int64_t>(),
                f.at("total_s").get<double>(), f.at("cumulative_s").get<double>() });
    }
    for (const auto& e : j.at("edges")) {
        ProfileEdge edge { e.at("caller").get<std::size_t>(), e.at("callee").get<std::size_t>(),
            e.at("calls").get<std::int64_t>(), e.at("primitive_calls").get<std::int64_t>(),
            e.at("total_s").get<double>(), e.at("cumulative_s").get<double>() };
        if (edge.caller >= profile.functions.size() || edge.callee >= profile.functions.size())
            throw InputError("a profile edge names function " + std::to_string(std::max(edge.caller, edge.callee))
                + " of " + std::to_string(profile.functions.size()));
        profile.edges.push_back(edge);
    }
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
    a.peakBytes = j.at("peak_bytes").get<std::int64_t>();
    a.currentBytes = j.at("current_bytes").get<std::int64_t>();
    a.blocks = j.at("blocks").get<std::int64_t>();
    a.sites = j.at("sites").get<std::int64_t>();
    for (const auto& s : j.at("top")) {
        a.top.push_back({ s.at("file").get<std::string>(), s.at("line").get<int>(),
            s.at("size_bytes").get<std::int64_t>(), s.at("count").get<std::int64_t>() });
    }
    return a;
}
} // namespace

Json timelineToJson(const Timeline& timeline)
{
    Json t = Json::array(), rss = Json::array(), cpu = Json::array(), threads = Json::array();
    for (const auto& s : timeline.samples) {
        t.push_back(rounded(s.tSeconds, 1e6));
        rss.push_back(s.rssBytes);
        cpu.push_back(rounded(s.cpuPercent, 10));
        threads.push_back(s.threads);
    }
    return Json { { "interval_s", timeline.intervalSeconds }, { "sampler_cpu_s", toSeconds(timeline.samplerCpu) },
        { "t_s", std::move(t) }, { "rss_bytes", std::move(rss) }, { "cpu_percent", std::move(cpu) },
        { "threads", std::move(threads) } };
}

Timeline timelineFromJson(const Json& j)
{
    Timeline timeline;
    timeline.intervalSeconds = j.at("interval_s").get<double>();
    timeline.samplerCpu = fromSeconds(j.value("sampler_cpu_s", 0.0));
    const auto& t = j.at("t_s");
    const auto& rss = j.at("rss_bytes");
    const auto& cpu = j.at("cpu_percent");
    const auto& threads = j.at("threads");
    if (rss.size() != t.size() || cpu.size() != t.size() || threads.size() != t.size())
        throw InputError("timeline columns differ in length");
    timeline.samples.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        timeline.samples.push_back(
            { rss[i].get<std::int64_t>(), t[i].get<float>(), cpu[i].get<float>(), threads[i].get<std::int32_t>() });
    }
    return timeline;
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
    probe.missing = j.value("missing", std::string());
    if (const auto events = j.find("gc_events"); events != j.end()) {
        std::vector<GcEvent> list;
        for (const auto& e : *events) {
            list.push_back({ e.at("t_s").get<double>(), e.at("duration_s").get<double>(), e.at("generation").get<int>(),
                e.at("collected").get<std::int64_t>(), e.at("uncollectable").get<std::int64_t>() });
        }
        probe.gcEvents = std::move(list);
        probe.gcEventsDropped = j.value("gc_events_dropped", std::int64_t { 0 });
    }
    if (const auto t = j.find("tracemalloc"); t != j.end())
        probe.tracemalloc = allocationsFromJson(*t);
    if (const auto p = j.find("profile"); p != j.end())
        probe.profile = profileFromJson(*p);
    for (const auto& r : j.at("runs")) {
        ProbeRun run;
        run.instruments = ProbeSettings::fromNames(r.at("instruments").get<std::vector<std::string>>());
        run.run = runFromJson(r);
        if (const auto& missing = r.at("missing"); !missing.is_null())
            run.missing = missing.get<std::string>();
        run.forks = r.value("forks", 0);
        if (const auto& ended = r.at("ended_by"); !ended.is_null())
            run.endedBy = ended.get<std::string>();
        run.scriptStartSeconds = r.value("script_start_s", 0.0);
        run.scriptEndSeconds = r.value("script_end_s", 0.0);
        probe.runs.push_back(std::move(run));
    }
    return probe;
}

} // namespace pyrometer
