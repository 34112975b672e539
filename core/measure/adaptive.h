#pragma once

#include "core/model/results.h"

#include <optional>
#include <string>

namespace pyrometer {

/// How precisely the successful measured runs of `benchmark` place its median wall time: the larger distance from
/// the median to an end of its 95% distribution-free interval (medianConfidenceRanks), relative to the median.
/// Empty below 6 runs, where no such interval exists, and for a median of 0.
std::optional<double> medianPrecision(const BenchmarkResult& benchmark);

/// For a benchmark with adaptive runs: why the runs so far are enough ("±1.8% reached after 34 runs"), or nothing
/// while more are needed. Counts measured runs, failed ones too, and their wall time.
std::optional<std::string> adaptiveStop(const BenchmarkResult& benchmark);

} // namespace pyrometer
