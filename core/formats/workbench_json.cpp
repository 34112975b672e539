#include "core/formats/workbench_json.h"

#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <fstream>

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
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open workbench file: " + path.string());
    RunPlan plan;
    try {
        const auto json = Json::parse(in);
        if (!json.is_object() || json.value("schema", std::string()) != workbenchSchema)
            throw InputError("not a Pyrometer workbench file: " + path.string());
        plan.order = json.at("order").get<std::string>() == "sequential" ? RunOrder::Sequential : RunOrder::Interleaved;
        plan.ignoreFailure = json.at("ignore_failure").get<bool>();
        for (const auto& b : json.at("benchmarks")) {
            BenchmarkRequest request;
            request.name = b.at("name").get<std::string>();
            if (!b.at("script").is_null())
                request.script = b.at("script").get<std::string>();
            request.command = b.at("command").get<std::vector<std::string>>();
            request.arguments = b.at("arguments").get<std::vector<std::string>>();
            request.interpreter = b.at("interpreter").get<std::string>();
            request.settings.runs = b.at("runs").get<int>();
            request.settings.warmups = b.at("warmups").get<int>();
            if (!b.at("timeout_s").is_null())
                request.settings.timeout = fromSeconds(b.at("timeout_s").get<double>());
            for (const auto& [name, value] : b.at("env").items())
                request.settings.environment[name] = value.get<std::string>();
            request.settings.workingDirectory = b.at("cwd").get<std::string>();
            if (b.at("hash_seed").is_number())
                request.settings.fixedHashSeed = b.at("hash_seed").get<std::uint32_t>();
            request.settings.sampleHz = b.value("sample_hz", 0);
            request.settings.probe = ProbeSettings::fromNames(b.value("probe", std::vector<std::string>()));
            plan.benchmarks.push_back(std::move(request));
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError("not a valid Pyrometer workbench file: " + path.string() + ": " + e.what());
    }
    return plan;
}

} // namespace pyrometer
