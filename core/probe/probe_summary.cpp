#include "core/probe/probe_summary.h"

#include <algorithm>

namespace pyrometer {

std::array<GcGenerationSummary, 3> summarizeGc(const std::vector<GcEvent>& events)
{
    std::array<GcGenerationSummary, 3> generations {};
    for (const auto& e : events) {
        auto& g = generations[static_cast<std::size_t>(std::clamp(e.generation, 0, 2))];
        ++g.collections;
        g.pauseSeconds += e.durationSeconds;
        g.collected += e.collected;
        g.uncollectable += e.uncollectable;
    }
    return generations;
}

std::vector<std::size_t> topFunctions(const Profile& profile, std::size_t count)
{
    std::vector<std::size_t> order(profile.functions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto n = std::min(count, order.size());
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), [&](std::size_t a, std::size_t b) {
            const auto& fa = profile.functions[a];
            const auto& fb = profile.functions[b];
            if (fa.totalSeconds != fb.totalSeconds)
                return fa.totalSeconds > fb.totalSeconds;
            return fa.cumulativeSeconds != fb.cumulativeSeconds ? fa.cumulativeSeconds > fb.cumulativeSeconds : a < b;
        });
    order.resize(n);
    return order;
}

RuntimeGcSummary summarizeRuntimeGc(const RuntimeTrace& trace)
{
    RuntimeGcSummary summary;
    for (const auto& event : trace.events) {
        ++summary.collections;
        summary.pauseSeconds += event.pauseSeconds;
        summary.longestPauseSeconds = std::max(summary.longestPauseSeconds, event.pauseSeconds);
        if (event.liveBytes)
            summary.peakLiveBytes = std::max(summary.peakLiveBytes.value_or(0), *event.liveBytes);
    }
    return summary;
}

} // namespace pyrometer
