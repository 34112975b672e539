#pragma once

#include "core/model/results.h"

#include <string>

namespace pyrometer {

/// The HTML report's Memory section, for programs in different runtimes side by side: one small chart per benchmark
/// on shared axes (RSS solid, the live heap dashed, a tick below for each collection), the share of RSS that is not
/// live heap over time for all of them on one chart, and a table of their totals (memoryFigures()). Empty when no
/// benchmark's live heap was counted nor a collector other than CPython's traced.
std::string memorySection(const Results& results);

} // namespace pyrometer
