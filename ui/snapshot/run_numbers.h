#pragma once

#include "core/model/results.h"

#include <QString>
#include <cstddef>
#include <optional>

namespace pyrometer::ui {

// Runs are numbered one way everywhere (tables, details, chart axes, tooltips): measured runs 1, 2, 3, … in the
// order they ran, failed ones included, and warmups apart ("warmup 1", "warmup 2").

/// The number of `benchmark.runs[run]` among the runs of its kind (measured or warmup), from 1.
std::size_t runNumber(const BenchmarkResult& benchmark, std::size_t run);
/// "run 3" or "warmup 1".
QString runLabel(const BenchmarkResult& benchmark, std::size_t run);
/// The index into `benchmark.runs` of measured run `number`; none when there is no such run.
std::optional<std::size_t> measuredRunIndex(const BenchmarkResult& benchmark, std::size_t number);

} // namespace pyrometer::ui
