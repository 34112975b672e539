#pragma once

#include "core/model/probe_data.h"

#include <string>
#include <vector>

namespace pyrometer {

/// The instrument sets of the runs that together cover `settings`.
std::vector<ProbeSettings> probeRunPlan(const ProbeSettings& settings);

/// The Python source of the probe: the one built into Pyrometer, or the file PYROMETER_PROBE_FILE names.
std::string probeSource();
/// The version a probe must report for its data to be taken.
std::string probeVersion();

/// The command of an instrumented run of `command` (interpreter, script, arguments): the probe runs the script.
std::vector<std::string> probeCommand(const std::vector<std::string>& command);
/// The environment variable naming the instruments of a run.
inline constexpr const char* probeInstrumentsVariable = "PYROMETER_PROBE_INSTRUMENTS";

/// Reads what a run's probe reported into `data` (and `probeRun`): the data, or why there is none.
void takeProbeReport(ProbeRun& probeRun, ProbeData& data);

} // namespace pyrometer
