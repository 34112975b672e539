#pragma once

#include "core/model/results.h"

#include <optional>
#include <string>

namespace pyrometer {

/// The terminal report: for each benchmark its median with CI, mean ± sd, range, CPU times, peak RSS, outlier
/// warnings and failures; with several benchmarks, how many times faster the fastest is than each other one.
/// Then the scaling of every benchmark function timed at several sizes (scalingReport()), and the findings.
std::string textReport(const Results& results, std::optional<double> predictAt = {});

/// For each benchmark function timed at several values of one numeric parameter: the median per call at each,
/// and the complexity class that fits best with its curve and how clearly, or why the data cannot tell; with
/// `predictAt`, what the class predicts at that size, with a bootstrap interval over the runs.
std::string scalingReport(const Results& results, std::optional<double> predictAt = {});

/// "Findings": what the data shows that changes how the figures read (findings()), each with its evidence and what
/// to do; "" when there is nothing. The end of textReport().
std::string findingsReport(const Results& results);

} // namespace pyrometer
