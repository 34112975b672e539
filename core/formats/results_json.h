#pragma once

#include "core/model/results.h"

#include <nlohmann/json.hpp>
#include <string>

namespace pyrometer {

using Json = nlohmann::ordered_json;

/// The `pyrometer.run/1` schema: times in seconds, memory in bytes. Writing what was read gives the same text.
Json toJson(const Results& results);
/// Throws InputError naming what is wrong when `json` is not a pyrometer.run/1 document.
Results resultsFromJson(const Json& json);

/// The field 'order' of a results file, journal or workbench: "interleaved" or "sequential"; else InputError.
RunOrder orderFromJson(const Json& json);

/// A benchmark without its runs and summary, and one run: the pieces a journal is made of.
Json benchmarkHeaderToJson(const BenchmarkResult& benchmark);
BenchmarkResult benchmarkHeaderFromJson(const Json& json);
Json runToJson(const RunRecord& run);
RunRecord runFromJson(const Json& json);
/// How a benchmark's runs are started: runs, warmups, timeout, environment, folder, hash seed, sampling, probe, and
/// when set, CPUs, niceness, hooks and adaptive runs. Results files and workbench files both hold it.
Json settingsToJson(const BenchmarkSettings& settings);
BenchmarkSettings settingsFromJson(const Json& json);

Json machineFloorToJson(const MachineFloor& floor);
MachineFloor machineFloorFromJson(const Json& json);
Json environmentToJson(const Environment& environment);
Environment environmentFromJson(const Json& json);

/// A run's timeline as columns: `t_s`, `rss_bytes`, `cpu_percent`, `threads`.
Json timelineToJson(const Timeline& timeline);
Timeline timelineFromJson(const Json& json);
/// A benchmark's instrumented runs and what they saw: `gc_events`, `tracemalloc`, `profile`, `runs`.
Json runtimeTraceToJson(const RuntimeTrace& trace);
RuntimeTrace runtimeTraceFromJson(const Json& json);
Json probeToJson(const ProbeData& probe);
ProbeData probeFromJson(const Json& json);
/// A benchmark's memory across runtimes (memoryProfile()): peaks, RSS − live heap, collections, allocations and how
/// each was known; null when neither its live heap nor its collections were traced. Written, never read back: it
/// is computed from the timeline and the traces.
Json memorySummaryToJson(const BenchmarkResult& benchmark);

/// `json` as text indented by two spaces, except that arrays and objects holding no other are kept on one line
/// when they are short or hold only numbers: timelines and events stay readable, one per line.
std::string indentedJson(const Json& json);

/// The document as text, indented, ending in a newline.
std::string resultsJsonText(const Results& results);

} // namespace pyrometer
