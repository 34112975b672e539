#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pyrometer {

/// Writes a file whole or not at all: into a temporary beside it, flushed, then renamed over the target. Throws
/// std::runtime_error naming the file and the reason.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

/// Checks, before any work, that a file can be written at `path`; throws InputError with the reason.
void checkWritable(const std::filesystem::path& path);

/// Refuses (InputError), before any work, to write a file that is one of the inputs, the same file under another
/// name or through a link included: an export must never replace the script or the results it was made from.
void checkNotAnInput(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs);

} // namespace pyrometer
