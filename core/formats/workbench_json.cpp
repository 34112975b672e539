#include "core/formats/workbench_json.h"

#include "core/formats/json_input.h"
#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <limits>

namespace pyrometer {
namespace {
constexpr const char* workbenchSchema = "pyrometer.workbench/1";
}

std::string workbenchJsonText(const RunPlan& plan)
{
    Json benchmarks = Json::array();
    for (const auto& request : plan.benchmarks) {
        const auto& s = request.settings;
        Json environment = Json::object();
        for (const auto& [name, value] : s.environment)
            environment[name] = value;
        benchmarks.push_back(Json {
            { "name", request.name },
            { "script", request.script ? Json(*request.script) : Json(nullptr) },
            { "command", request.command },
            { "arguments", request.arguments },
            { "interpreter", request.interpreter },
            { "runs", s.runs },
            { "warmups", s.warmups },
            { "timeout_s", s.timeout ? Json(toSeconds(*s.timeout)) : Json(nullptr) },
            { "env", environment },
            { "cwd", s.workingDirectory },
            { "hash_seed", s.fixedHashSeed ? Json(*s.fixedHashSeed) : Json("random") },
            { "sample_hz", s.sampleHz },
            { "probe", s.probe.names() },
        });
    }
    const Json json {
        { "schema", workbenchSchema },
        { "order", plan.order == RunOrder::Sequential ? "sequential" : "interleaved" },
        { "ignore_failure", plan.ignoreFailure },
        { "benchmarks", std::move(benchmarks) },
    };
    return json.dump(2) + '\n';
}

RunPlan readWorkbenchFile(const std::filesystem::path& path)
{
    const auto text = readInputFile(path);
    return within(path.string(), [&] { return readWorkbenchText(text); });
}

RunPlan readWorkbenchText(std::string_view text)
{
    const auto json = parseJson(text);
    if (!json.is_object() || descriptiveText(json, "schema") != workbenchSchema)
        throw InputError("not a Pyrometer workbench file");
    RunPlan plan;
    plan.order = orderFromJson(json);
    plan.ignoreFailure = flagField(json, "ignore_failure");
    forEachItem(json, "benchmarks", "benchmark", [&](const Json& b) {
        BenchmarkRequest request;
        request.name = textField(b, "name");
        request.script = optionalTextField(b, "script");
        request.command = textListField(b, "command");
        request.arguments = textListField(b, "arguments");
        request.interpreter = textField(b, "interpreter");
        constexpr auto maxInt = std::numeric_limits<int>::max();
        request.settings.runs = static_cast<int>(integerField(b, "runs", 0, maxInt));
        request.settings.warmups = static_cast<int>(integerField(b, "warmups", 0, maxInt));
        if (optionalField(b, "timeout_s"))
            request.settings.timeout = nanosecondsFromSeconds(secondsField(b, "timeout_s"));
        request.settings.environment = textMapField(b, "env");
        request.settings.workingDirectory = textField(b, "cwd");
        if (!field(b, "hash_seed").is_string())
            request.settings.fixedHashSeed = static_cast<std::uint32_t>(integerField(b, "hash_seed", 0, 4294967295));
        request.settings.sampleHz = static_cast<int>(optionalIntegerField(b, "sample_hz", 0, 1'000'000).value_or(0));
        if (optionalField(b, "probe"))
            request.settings.probe = ProbeSettings::fromNames(textListField(b, "probe"));
        plan.benchmarks.push_back(std::move(request));
    });
    return plan;
}

} // namespace pyrometer
