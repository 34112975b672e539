#pragma once

#include "core/model/run_plan.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace pyrometer {

/// A saved setup, schema `pyrometer.workbench/1`: the benchmarks with their interpreter, arguments,
/// environment and working directory, and the run settings, so that a setup can be reused and shared.
std::string workbenchJsonText(const RunPlan& plan);
/// Throws InputError with a one-line reason when the file is not a workbench file. Relative paths in it (scripts,
/// working directories, a program given with a slash) are taken from the file's folder — a program's from its
/// working directory when it has one. A benchmark with no working directory runs in the current one.
RunPlan readWorkbenchFile(const std::filesystem::path& path);
/// Whether `path` is a workbench file by its schema (not whether the rest of it is sound); false for anything that
/// cannot be read or is not JSON.
bool isWorkbenchFile(const std::filesystem::path& path);
/// The same for a file's text, already read; errors do not name a file.
RunPlan readWorkbenchText(std::string_view text);

} // namespace pyrometer
