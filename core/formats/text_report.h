#pragma once

#include "core/model/results.h"

#include <string>

namespace pyrometer {

/// The terminal report: for each benchmark its median with CI, mean ± sd, range, CPU times, peak RSS, outlier
/// warnings and failures; with several benchmarks, how many times faster the fastest is than each other one.
std::string textReport(const Results& results);

} // namespace pyrometer
