#pragma once

#include "core/model/results.h"

#include <filesystem>
#include <string_view>

namespace pyrometer {

/// Reads a results file of any format Pyrometer knows, recognised by its content rather than its name:
/// Pyrometer's own JSON, hyperfine's --export-json, pyperf's JSON (plain or gzip-compressed) and
/// pytest-benchmark's --benchmark-json. Throws InputError with one line naming the file and the problem.
Results readResultsFile(const std::filesystem::path& path);
/// The same for a file's text, already read (and decompressed); errors do not name a file.
Results readResultsText(std::string_view text);

} // namespace pyrometer
