#pragma once

#include "core/model/results.h"

#include <array>
#include <filesystem>
#include <optional>

namespace pyrometer {

/// Reads the machine's facts now: host, OS, kernel, CPU, governor, load average, time.
Environment captureEnvironment();

/// The 1, 5 and 15 minute load averages.
std::array<double, 3> loadAverage();

/// Commit, branch and dirty state of the repository holding `path`, when git is there and it is in one.
std::optional<GitInfo> gitInfoFor(const std::filesystem::path& path);

/// Asks an interpreter what it is; throws InputError when it is not found or does not run.
InterpreterInfo resolveInterpreter(const std::string& requested);

} // namespace pyrometer
