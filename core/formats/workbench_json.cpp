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
        Json benchmark {
            { "name", request.name },
            { "script", request.script ? Json(*request.script) : Json(nullptr) },
            { "command", request.command },
            { "arguments", request.arguments },
            { "interpreter", request.interpreter },
        };
        // The settings stand beside the target, as in every workbench file written so far.
        benchmark.update(settingsToJson(request.settings));
        benchmarks.push_back(std::move(benchmark));
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
    auto plan = within(path.string(), [&] { return readWorkbenchText(text); });
    // A workbench is shared with the files it names: what it names relatively lies beside it.
    std::error_code error;
    const auto folder = std::filesystem::absolute(path, error).parent_path();
    if (error)
        return plan;
    for (auto& request : plan.benchmarks) {
        auto& directory = request.settings.workingDirectory;
        if (!directory.empty() && std::filesystem::path(directory).is_relative()) {
            directory = (folder / directory).lexically_normal().string();
            if (directory.size() > 1 && directory.back() == '/')
                directory.pop_back();
        }
        if (request.script && std::filesystem::path(*request.script).is_relative())
            request.script = (folder / *request.script).lexically_normal().string();
        if (!request.command.empty() && request.command.front().find('/') != std::string::npos
            && std::filesystem::path(request.command.front()).is_relative())
            request.command.front()
                = ((directory.empty() ? folder : std::filesystem::path(directory)) / request.command.front())
                      .lexically_normal();
    }
    return plan;
}

namespace {
bool isWorkbenchJson(const Json& json)
{
    return json.is_object() && json.contains("schema") && json["schema"].is_string()
        && json["schema"].get<std::string>() == workbenchSchema;
}
} // namespace

bool isWorkbenchFile(const std::filesystem::path& path)
{
    try {
        return isWorkbenchJson(parseJson(readInputFile(path)));
    } catch (const std::exception&) {
        return false;
    }
}

RunPlan readWorkbenchText(std::string_view text)
{
    const auto json = parseJson(text);
    if (!isWorkbenchJson(json))
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
        request.settings = settingsFromJson(b);
        plan.benchmarks.push_back(std::move(request));
    });
    return plan;
}

} // namespace pyrometer
