#pragma once

#include <optional>
#include <string>

namespace pyrometer {

/// Finds an executable as a shell would: a name containing '/' is taken as a path, any other name is looked up
/// in $PATH. Returns the path found (not resolved through links), or nothing when no executable file matches.
std::optional<std::string> findExecutable(const std::string& name);

} // namespace pyrometer
