#pragma once

#include "core/doctor/doctor.h"
#include "core/model/environment.h"

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace pyrometer {

/// Where the doctor keeps the noise floor it last measured on this machine: machine-floor.json in dataFolder().
std::filesystem::path machineFloorPath();

/// How long a floor stands for the machine: after 30 days (a new kernel, other tenants, a new governor) it is
/// measured again rather than trusted.
inline constexpr std::time_t machineFloorLifetimeSeconds = 30 * 24 * 3600;

/// Keeps the full doctor's noise floor for the runs to come, with the host it was measured on; nothing when the
/// doctor measured none. Throws std::runtime_error when the file cannot be written.
void rememberMachineFloor(const DoctorReport& report, const std::filesystem::path& path = machineFloorPath());

/// The floor the doctor measured on `hostname` in the last 30 days before `now`; empty when there is none, it was
/// another host's, it is older, or the file cannot be read (a run never fails for it).
std::optional<MachineFloor> machineFloorFor(const std::string& hostname, std::time_t now = std::time(nullptr),
    const std::filesystem::path& path = machineFloorPath());

} // namespace pyrometer
