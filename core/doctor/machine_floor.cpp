#include "core/doctor/machine_floor.h"

#include "core/formats/file_output.h"
#include "core/formats/json_input.h"
#include "core/formats/results_json.h"
#include "core/model/data_folder.h"
#include "core/model/units.h"

#include <fstream>

namespace pyrometer {
std::filesystem::path machineFloorPath()
{
    return dataFolder() / "machine-floor.json";
}

void rememberMachineFloor(const DoctorReport& report, const std::filesystem::path& path)
{
    if (!report.noise)
        return;
    MachineFloor floor;
    floor.cv = report.noise->cv;
    floor.detectableChange = report.noise->detectableChange;
    floor.runsPerSide = report.noise->runsPerSide;
    floor.measuredAt = report.date;
    std::filesystem::create_directories(path.parent_path());
    const Json json { { "schema", "pyrometer.machine-floor/1" }, { "hostname", report.hostname },
        { "noise_floor", machineFloorToJson(floor) } };
    writeFileAtomically(path, indentedJson(json));
}

std::optional<MachineFloor> machineFloorFor(
    const std::string& hostname, std::time_t now, const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    try {
        const auto json = Json::parse(in);
        if (textField(json, "schema") != "pyrometer.machine-floor/1" || textField(json, "hostname") != hostname)
            return std::nullopt;
        auto floor = machineFloorFromJson(field(json, "noise_floor"));
        const auto measured = parseIsoUtc(floor.measuredAt);
        if (!measured || *measured > now + 3600 || now - *measured > machineFloorLifetimeSeconds)
            return std::nullopt;
        return floor;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace pyrometer
