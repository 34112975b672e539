#pragma once

#include "core/model/probe_data.h"

#include <array>
#include <cstddef>
#include <cstdint>
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

/// The indices of the `count` functions with the most time of their own, most first (ties: most cumulative time).
std::vector<std::size_t> topFunctions(const Profile& profile, std::size_t count);

} // namespace pyrometer
