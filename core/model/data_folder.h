#pragma once

#include <filesystem>

namespace pyrometer {

/// $XDG_DATA_HOME (or ~/.local/share)/Pyrometer/Pyrometer: where Pyrometer keeps what it knows between runs (the
/// history store, this machine's noise floor); the window's data folder too.
std::filesystem::path dataFolder();

} // namespace pyrometer
