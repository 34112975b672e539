#pragma once

#include "core/model/results.h"

#include <map>
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
    /// For a benchmark function of the file `script`: which, and how it is timed.
    std::optional<FunctionBenchmark> function;
    /// For a benchmark function: its parameters' names and values, kept with the results.
    std::map<std::string, std::string> parameters;
};

/// What the user asked to run, before anything was checked.
struct RunPlan
{
    std::vector<BenchmarkRequest> benchmarks;
    RunOrder order = RunOrder::Interleaved;
    bool ignoreFailure = false;
};

} // namespace pyrometer
