#include "core/formats/results_json.h"

// The machine a set of results was measured on, and its noise floor, in the results file (pyrometer.run/1).

#include "core/formats/json_input.h"
#include "core/model/error.h"

#include <array>
#include <cmath>
#include <string>

namespace pyrometer {
namespace {
std::array<double, 3> loadAverageFrom(const Json& value, const char* key)
{
    if (!value.is_array() || value.size() != 3)
        throw InputError(std::string("field '") + key + "' should be an array of three numbers");
    std::array<double, 3> load {};
    for (std::size_t i = 0; i < 3; ++i) {
        if (!value[i].is_number() || !std::isfinite(value[i].get<double>()) || value[i].get<double>() < 0)
            throw InputError(std::string("field '") + key + "' should hold three numbers, none negative");
        load[i] = value[i].get<double>();
    }
    return load;
}
} // namespace

Json machineFloorToJson(const MachineFloor& floor)
{
    return Json { { "cv", floor.cv },
        { "detectable_change", floor.detectableChange ? Json(*floor.detectableChange) : Json(nullptr) },
        { "runs_per_side", floor.runsPerSide }, { "measured_at", floor.measuredAt } };
}

MachineFloor machineFloorFromJson(const Json& j)
{
    return within("noise_floor", [&] {
        MachineFloor floor;
        floor.cv = numberField(j, "cv", 0, 100);
        floor.detectableChange = optionalNumberField(j, "detectable_change", 0, 100);
        floor.runsPerSide = static_cast<std::size_t>(integerField(j, "runs_per_side", 2, 1'000'000));
        floor.measuredAt = textField(j, "measured_at");
        return floor;
    });
}

Json environmentToJson(const Environment& e)
{
    Json loadEnd = nullptr;
    if (e.loadAverageEnd)
        loadEnd = *e.loadAverageEnd;
    Json machine = Json::array();
    for (const auto& check : e.machine)
        machine.push_back({ { "key", check.key }, { "title", check.title }, { "rating", ratingKey(check.rating) },
            { "observed", check.observed }, { "why", check.why }, { "fix", check.fix } });
    return Json {
        { "pyrometer_version", e.pyrometerVersion },
        { "date", e.date },
        { "hostname", e.hostname },
        { "os", e.os },
        { "kernel", e.kernel },
        { "cpu_model", e.cpuModel },
        { "logical_cores", e.logicalCores },
        { "cpu_governor", e.cpuGovernor ? Json(*e.cpuGovernor) : Json(nullptr) },
        { "load_average_start", e.loadAverageStart },
        { "load_average_end", loadEnd },
        { "steal_during_run", e.stealDuringRun ? Json(*e.stealDuringRun) : Json(nullptr) },
        { "machine", machine },
        { "noise_floor", e.floor ? machineFloorToJson(*e.floor) : Json(nullptr) },
    };
}

Environment environmentFromJson(const Json& j)
{
    return within("environment", [&] {
        Environment e;
        e.pyrometerVersion = textField(j, "pyrometer_version");
        e.date = textField(j, "date");
        e.hostname = textField(j, "hostname");
        e.os = textField(j, "os");
        e.kernel = textField(j, "kernel");
        e.cpuModel = textField(j, "cpu_model");
        e.logicalCores = static_cast<unsigned>(integerField(j, "logical_cores", 0, 1 << 20));
        e.cpuGovernor = optionalTextField(j, "cpu_governor");
        e.loadAverageStart = loadAverageFrom(field(j, "load_average_start"), "load_average_start");
        if (const auto* end = optionalField(j, "load_average_end"))
            e.loadAverageEnd = loadAverageFrom(*end, "load_average_end");
        e.stealDuringRun = optionalNumberField(j, "steal_during_run", 0, 1);
        if (optionalField(j, "machine")) {
            forEachItem(j, "machine", "machine check", [&](const Json& item) {
                MachineCheck check;
                check.key = textField(item, "key");
                check.title = textField(item, "title");
                const auto rating = textField(item, "rating");
                if (rating != "good" && rating != "notice" && rating != "bad")
                    throw InputError("rating '" + rating + "' is none of good, notice, bad");
                check.rating = rating == "bad" ? Rating::Bad : rating == "notice" ? Rating::Notice : Rating::Good;
                check.observed = textField(item, "observed");
                check.why = optionalTextField(item, "why").value_or("");
                check.fix = optionalTextField(item, "fix").value_or("");
                check.changing = true;
                e.machine.push_back(std::move(check));
            });
        }
        if (const auto* floor = optionalField(j, "noise_floor"))
            e.floor = machineFloorFromJson(*floor);
        return e;
    });
}

} // namespace pyrometer
