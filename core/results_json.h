#pragma once

#include "results.h"

#include <nlohmann/json.hpp>
#include <string>

namespace pyrometer {

using Json = nlohmann::ordered_json;

/// The `pyrometer.run/1` schema: times in seconds, memory in bytes. Writing what was read gives the same text.
Json toJson(const Results& results);
/// Throws InputError naming what is wrong when `json` is not a pyrometer.run/1 document.
Results resultsFromJson(const Json& json);

/// A benchmark without its runs and summary, and one run: the pieces a journal is made of.
Json benchmarkHeaderToJson(const BenchmarkResult& benchmark);
BenchmarkResult benchmarkHeaderFromJson(const Json& json);
Json runToJson(const RunRecord& run);
RunRecord runFromJson(const Json& json);
Json environmentToJson(const Environment& environment);
Environment environmentFromJson(const Json& json);

/// The document as text, indented, ending in a newline.
std::string resultsJsonText(const Results& results);

} // namespace pyrometer
