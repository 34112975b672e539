#pragma once

#include <filesystem>
#include <string_view>

namespace pyrometer {

/// Writes a file whole or not at all: into a temporary beside it, flushed, then renamed over the target. Throws
/// std::runtime_error naming the file and the reason.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

/// Checks, before any work, that a file can be written at `path`; throws InputError with the reason.
void checkWritable(const std::filesystem::path& path);

} // namespace pyrometer
