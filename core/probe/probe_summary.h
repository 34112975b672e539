#pragma once

#include "core/model/probe_data.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace pyrometer {

/// Collections of one generation.
struct GcGenerationSummary
{
    std::size_t collections = 0;
    double pauseSeconds = 0;
    std::int64_t collected = 0;
    std::int64_t uncollectable = 0;
};
/// Generations 0, 1 and 2 of CPython's collector.
std::array<GcGenerationSummary, 3> summarizeGc(const std::vector<GcEvent>& events);

/// The totals of a runtime's collections: how many, the time its threads were stopped in all and at most, and the
/// most heap any collection found live.
struct RuntimeGcSummary
{
    std::size_t collections = 0;
    double pauseSeconds = 0;
    double longestPauseSeconds = 0;
    std::optional<std::int64_t> peakLiveBytes;
};
RuntimeGcSummary summarizeRuntimeGc(const RuntimeTrace& trace);

/// The indices of the `count` functions with the most time of their own, most first (ties: most cumulative time).
std::vector<std::size_t> topFunctions(const Profile& profile, std::size_t count);

} // namespace pyrometer
