#pragma once

#include "results.h"

#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// One benchmark as the user describes it: a Python script, or any command.
struct BenchmarkRequest
{
    std::string name; ///< empty: derived from the script or command
    std::optional<std::string> script; ///< a Python script run by `interpreter`
    std::vector<std::string> command; ///< for a command: its argv; unused for a script
    std::vector<std::string> arguments; ///< passed to the script
    std::string interpreter = "python3";
    BenchmarkSettings settings;
};

/// What the user asked to run, before anything was checked.
struct RunPlan
{
    std::vector<BenchmarkRequest> benchmarks;
    RunOrder order = RunOrder::Interleaved;
    bool ignoreFailure = false;
};

/// Checks a plan and resolves it into results with no runs yet: scripts and working directories exist,
/// interpreters and commands are found and run, settings make sense. Records the environment and each script's
/// git state. Throws PlanError listing the problem of every benchmark that has one (what() names the first),
/// before anything is measured; InputError when the plan is empty.
Results prepare(const RunPlan& plan);

} // namespace pyrometer
