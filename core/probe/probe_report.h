#pragma once

#include "core/model/results.h"

#include <string>

namespace pyrometer {

/// What the terminal shows of the inside of each benchmark that was sampled or probed: peak memory and its
/// timeline, garbage collections per generation, traced allocations and the ten functions with the most time of
/// their own. Empty when no benchmark was.
std::string probeReport(const Results& results);

} // namespace pyrometer
