#include "core/formats/results_file.h"

#include "core/formats/importers.h"
#include "core/formats/json_input.h"
#include "core/formats/results_json.h"
#include "core/model/error.h"

namespace pyrometer {
namespace {
Results fromJson(const Json& json)
{
    if (json.is_object() && json.contains("schema"))
        return resultsFromJson(json);
    if (isHyperfineJson(json))
        return within("hyperfine JSON", [&] { return resultsFromHyperfine(json); });
    if (isPyperfJson(json))
        return within("pyperf JSON", [&] { return resultsFromPyperf(json); });
    if (isPytestBenchmarkJson(json))
        return within("pytest-benchmark JSON", [&] { return resultsFromPytestBenchmark(json); });
    if (isAsvJson(json))
        return within("asv JSON", [&] { return resultsFromAsv(json); });
    if (isGoogleBenchmarkJson(json))
        return within("Google Benchmark JSON", [&] { return resultsFromGoogleBenchmark(json); });
    throw InputError("not a results file of Pyrometer, hyperfine, pyperf, pytest-benchmark, asv or Google Benchmark");
}
} // namespace

Results readResultsText(std::string_view text)
{
    // Python's json module writes NaN and Infinity (asv does, for a failed benchmark): read as null, which every
    // field that needs a number refuses by name.
    auto results = fromJson(parseJson(text, {}, true));
    makeNamesUnique(results);
    return results;
}

Results readResultsFile(const std::filesystem::path& path)
{
    const auto text = readInputFile(path);
    return within(path.string(), [&] { return readResultsText(text); });
}

} // namespace pyrometer
