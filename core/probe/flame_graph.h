#pragma once

#include "core/probe/probe.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace pyrometer {

/// One box of an icicle graph: a function on one call path, as wide as the time spent in it on that path.
struct FlameBox
{
    std::size_t function = 0; ///< index into Profile::functions
    int depth = 0; ///< 0 for the roots, at the top
    double startSeconds = 0; ///< from the left edge
    double seconds = 0; ///< width
};

/// An icicle graph built from a profile's caller → callee edges, as snakeviz does: cProfile keeps no stacks, so a
/// callee's time under a caller is the edge's cumulative time, and its own callees share that time in the
/// proportions of their edges. Roots are the functions nobody called (the script's module), or `focus` alone
/// when zoomed. A function already on the path is not entered again (recursion), boxes narrower than
/// `minFraction` of the whole are left out, and at most `maxBoxes` are made.
struct FlameGraph
{
    std::vector<FlameBox> boxes; ///< parents before their children
    double totalSeconds = 0; ///< the width of the whole graph
    int depth = 0; ///< rows
};
FlameGraph flameGraph(const Profile& profile, std::optional<std::size_t> focus = std::nullopt,
    double minFraction = 0.001, std::size_t maxBoxes = 20000);

} // namespace pyrometer
