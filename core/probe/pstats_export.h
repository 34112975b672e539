#pragma once

#include "core/probe/probe.h"

#include <string>

namespace pyrometer {

/// A profile as the bytes of a .pstats file: the dictionary cProfile's dump_stats() writes, in Python's marshal
/// format (version 4), which `python -m pstats` and snakeviz open.
std::string pstatsBytes(const Profile& profile);

} // namespace pyrometer
