#pragma once

#include "core/model/results.h"

#include <string>

namespace pyrometer {

/// The HTML report's Scaling section: how each function, script or command with a numeric parameter scales, its
/// fitted class in a sentence, and all of them on one log–log chart (medians with their 95% intervals and the fitted
/// curves); empty when no benchmark has such a parameter.
std::string scalingSection(const Results& results);

} // namespace pyrometer
