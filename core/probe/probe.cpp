#include "core/probe/probe.h"

#include "core/model/version.h"
#include "core/probe/probe_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pyrometer {
namespace {
using Json = nlohmann::json;

double seconds(std::int64_t nanoseconds)
{
    return static_cast<double>(nanoseconds) * 1e-9;
}

/// Why a run that reported nothing has no data, from how it ended.
std::string silenceReason(const RunRecord& run, bool started, const std::string& exitNote)
{
    if (!run.launchError.empty())
        return "the run did not start: " + run.launchError;
    if (run.probeReportCut)
        return "the probe's report was larger than " + std::to_string(maxProbeReportBytes >> 20) + " MiB";
    if (!exitNote.empty())
        return "the script called " + exitNote + ", which ends the process before the probe can report";
    const auto line = run.lastErrorLine();
    if (line.starts_with("pyrometer probe: "))
        return line.substr(17);
    if (run.timedOut)
        return "the run timed out before the probe could report";
    if (run.signal)
        return std::string("the interpreter was ") + run.outcome() + " before the probe could report";
    if (!started)
        return "the probe did not start (" + run.outcome() + (line.empty() ? "" : ": " + line) + ")";
    return "the script ended without the probe reporting (" + run.outcome() + ")";
}

void readReport(const Json& report, ProbeRun& probeRun, ProbeData& data)
{
    const auto spawned = probeRun.run.spawnedAtNs;
    probeRun.scriptStartSeconds = seconds(report.at("start_ns").get<std::int64_t>() - spawned);
    probeRun.scriptEndSeconds = seconds(report.at("end_ns").get<std::int64_t>() - spawned);
    probeRun.forks = report.value("forks", 0);
    probeRun.endedBy = report.value("ended_by", std::string());
    if (const auto gc = report.find("gc"); gc != report.end()) {
        std::vector<GcEvent> events;
        for (const auto& e : gc->at("events")) {
            events.push_back({ seconds(e.at(0).get<std::int64_t>() - spawned), seconds(e.at(1).get<std::int64_t>()),
                e.at(2).get<int>(), e.at(3).get<std::int64_t>(), e.at(4).get<std::int64_t>() });
        }
        data.gcEvents = std::move(events);
        data.gcEventsDropped = gc->value("dropped", std::int64_t { 0 });
    }
    if (const auto t = report.find("tracemalloc"); t != report.end()) {
        AllocationReport allocations;
        allocations.peakBytes = t->at("peak_bytes").get<std::int64_t>();
        allocations.currentBytes = t->at("current_bytes").get<std::int64_t>();
        allocations.blocks = t->at("blocks").get<std::int64_t>();
        allocations.sites = t->at("sites").get<std::int64_t>();
        for (const auto& s : t->at("top")) {
            allocations.top.push_back({ s.at("file").get<std::string>(), s.at("line").get<int>(),
                s.at("size_bytes").get<std::int64_t>(), s.at("count").get<std::int64_t>() });
        }
        data.tracemalloc = std::move(allocations);
    }
    if (const auto p = report.find("profile"); p != report.end()) {
        Profile profile;
        for (const auto& f : p->at("functions")) {
            profile.functions.push_back({ f.at(0).get<std::string>(), f.at(1).get<int>(), f.at(2).get<std::string>(),
                f.at(3).get<std::int64_t>(), f.at(4).get<std::int64_t>(), f.at(5).get<double>(),
                f.at(6).get<double>() });
        }
        for (const auto& e : p->at("edges")) {
            ProfileEdge edge { e.at(0).get<std::size_t>(), e.at(1).get<std::size_t>(), e.at(2).get<std::int64_t>(),
                e.at(3).get<std::int64_t>(), e.at(4).get<double>(), e.at(5).get<double>() };
            if (edge.caller >= profile.functions.size() || edge.callee >= profile.functions.size())
                throw std::out_of_range("a call edge names a function the profile does not have");
            profile.edges.push_back(edge);
        }
        data.profile = std::move(profile);
    }
}
} // namespace

std::vector<ProbeSettings> probeRunPlan(const ProbeSettings& settings)
{
    ProbeSettings first = settings;
    first.gc = settings.gc || settings.heap;
    if (settings.profile && settings.tracemalloc) {
        first.tracemalloc = false;
        return { first, ProbeSettings { false, false, true, false } };
    }
    if (settings.any())
        return { first };
    return {};
}

std::string probeSource()
{
    if (const char* file = std::getenv("PYROMETER_PROBE_FILE"); file && *file) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    return std::string(builtInProbeSource);
}

std::string probeVersion()
{
    return PYROMETER_VERSION;
}

std::vector<std::string> probeCommand(const std::vector<std::string>& command)
{
    std::vector<std::string> argv;
    if (command.empty())
        return argv;
    argv = { command.front(), "-c", probeSource() };
    argv.insert(argv.end(), command.begin() + 1, command.end());
    return argv;
}

void takeProbeReport(ProbeRun& probeRun, ProbeData& data)
{
    auto& run = probeRun.run;
    bool started = false;
    bool reported = false;
    std::string exitNote;
    std::istringstream lines(run.probeReport);
    std::string line;
    try {
        while (std::getline(lines, line)) {
            if (line.empty())
                continue;
            const auto message = Json::parse(line);
            if (const auto hello = message.find("hello"); hello != message.end()) {
                const auto version = hello->value("probe_version", std::string("unknown"));
                if (version != probeVersion()) {
                    probeRun.missing = "the probe is version " + version + ", this Pyrometer is version "
                        + probeVersion() + "; its report is ignored";
                    break;
                }
                started = true;
            } else if (const auto exit = message.find("exit"); exit != message.end()) {
                exitNote = exit->get<std::string>();
            } else if (const auto report = message.find("report"); report != message.end() && started) {
                readReport(*report, probeRun, data);
                reported = true;
            }
        }
    } catch (const std::exception& e) {
        probeRun.missing = std::string("the probe's report is malformed: ") + e.what();
    }
    if (probeRun.missing.empty() && !reported)
        probeRun.missing = silenceReason(run, started, exitNote);
    // The report is parsed; the run keeps only its measurement.
    run.probeReport.clear();
    run.probeReport.shrink_to_fit();
}

} // namespace pyrometer
