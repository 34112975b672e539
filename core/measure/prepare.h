#pragma once

#include "core/model/results.h"
#include "core/model/run_plan.h"

namespace pyrometer {

/// Checks a plan and resolves it into results with no runs yet: scripts and working directories exist,
/// interpreters and commands are found and run, settings make sense. Records the environment and each script's
/// git state. Throws PlanError listing the problem of every benchmark that has one (what() names the first),
/// before anything is measured; InputError when the plan is empty.
Results prepare(const RunPlan& plan);

/// The name the results give the benchmark `request` asks for: its own name, else the script as given, else the
/// command's words.
std::string benchmarkName(const BenchmarkRequest& request);

/// The plan that runs `results`' benchmarks again, with their names, settings, interpreters and arguments; a
/// benchmark with no command (another tool's file that names none) is left out.
RunPlan planToRunAgain(const Results& results);

} // namespace pyrometer
