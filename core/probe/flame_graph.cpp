#include "core/probe/flame_graph.h"

#include <algorithm>

namespace pyrometer {
namespace {
struct Builder
{
    const Profile& profile;
    std::vector<std::vector<const ProfileEdge*>> callees;
    double minSeconds = 0;
    std::size_t maxBoxes = 0;
    std::vector<std::size_t> path;
    FlameGraph graph;

    void add(std::size_t function, int depth, double start, double seconds)
    {
        if (seconds <= minSeconds || graph.boxes.size() >= maxBoxes)
            return;
        graph.boxes.push_back({ function, depth, start, seconds });
        graph.depth = std::max(graph.depth, depth + 1);
        const double cumulative = profile.functions[function].cumulativeSeconds;
        if (cumulative <= 0)
            return;
        path.push_back(function);
        // This box stands for `seconds` of the function's cumulative time; its callees get their edges' share.
        double scale = seconds / cumulative;
        double children = 0;
        for (const auto* edge : callees[function])
            children += edge->cumulativeSeconds * scale;
        // Recursion counts time twice in the edges; the children never outgrow their parent.
        if (children > seconds)
            scale *= seconds / children;
        double at = start;
        for (const auto* edge : callees[function]) {
            if (std::find(path.begin(), path.end(), edge->callee) != path.end())
                continue;
            const double width = edge->cumulativeSeconds * scale;
            add(edge->callee, depth + 1, at, width);
            at += width;
        }
        path.pop_back();
    }
};
} // namespace

FlameGraph flameGraph(
    const Profile& profile, std::optional<std::size_t> focus, double minFraction, std::size_t maxBoxes)
{
    Builder builder { profile, std::vector<std::vector<const ProfileEdge*>>(profile.functions.size()), 0, 0, {}, {} };
    std::vector<bool> called(profile.functions.size(), false);
    for (const auto& edge : profile.edges) {
        if (edge.caller == edge.callee)
            continue;
        builder.callees[edge.caller].push_back(&edge);
        called[edge.callee] = true;
    }
    for (auto& list : builder.callees) {
        std::sort(list.begin(), list.end(),
            [](const ProfileEdge* a, const ProfileEdge* b) { return a->cumulativeSeconds > b->cumulativeSeconds; });
    }
    std::vector<std::size_t> roots;
    if (focus && *focus < profile.functions.size()) {
        roots.push_back(*focus);
    } else {
        for (std::size_t i = 0; i < profile.functions.size(); ++i) {
            if (!called[i])
                roots.push_back(i);
        }
        std::sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
            return profile.functions[a].cumulativeSeconds > profile.functions[b].cumulativeSeconds;
        });
    }
    for (const auto root : roots)
        builder.graph.totalSeconds += profile.functions[root].cumulativeSeconds;
    builder.minSeconds = builder.graph.totalSeconds * minFraction;
    builder.maxBoxes = maxBoxes;
    double at = 0;
    for (const auto root : roots) {
        builder.add(root, 0, at, profile.functions[root].cumulativeSeconds);
        at += profile.functions[root].cumulativeSeconds;
    }
    return std::move(builder.graph);
}

} // namespace pyrometer
