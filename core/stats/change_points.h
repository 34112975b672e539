#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pyrometer {

/// How change points are found: how sure each must be, and how short a level may be.
struct ChangePointSettings
{
    double alpha = 0.01; ///< significance level of each change's permutation test
    int permutations = 199; ///< permutations per test; the smallest p-value is 1 / (permutations + 1)
    std::size_t minimumSegment = 5; ///< points on each side of a change, at least 2
    std::uint64_t seed = 0x5eed; ///< the permutations' seed: the same series always gives the same changes
    /// Changes of the median smaller than this (relative: 0.02 = 2%) are not reported: the segments either side are
    /// merged, the smallest first, as a significant but immaterial step is not a change of level to a reader.
    double minimumChange = 0;
};

/// Where a series changes level: the first point of the new level, the statistic that found it, how sure it is and
/// the levels either side.
struct ChangePoint
{
    std::size_t index = 0; ///< the first point after the change
    double statistic = 0; ///< Q̂ of the split within its segment
    double pValue = 1; ///< the permutation test's
    double before = 0; ///< median of the segment before the change (up to the previous change)
    double after = 0; ///< median of the segment after it (up to the next change)

    double relativeChange() const { return after / before - 1.0; } ///< +0.10: the level rose by 10%
};

/// The E-Divisive statistic of every split of `series` into [0, τ) and [τ, n): Q̂(τ) = τ(n−τ)/n · Ê, with Ê the
/// energy distance 2/(τ(n−τ)) Σ|xᵢ−yⱼ| − 2/(τ(τ−1)) Σ|xᵢ−xₖ| − 2/((n−τ)(n−τ−1)) Σ|yⱼ−yₖ| (α = 1; Matteson & James
/// 2014). 0 where a side has fewer than two points. Computed in O(n log n) with running sums over value ranks.
std::vector<double> divergenceStatistics(std::span<const double> series);

/// The changes of level in `series`, in order of position: E-Divisive with means (Matteson & James 2014, "A
/// nonparametric approach for multiple change point analysis of multivariate data"; α = 1, as MongoDB's CI uses it,
/// Daly et al. ICPE 2020). The best split of any segment is proposed; a permutation test of that segment (its points
/// shuffled, the best split's Q̂ taken each time) accepts it when p ≤ settings.alpha, and the search goes on in the
/// segments either side; the first split refused ends it. Then changes below settings.minimumChange are merged away.
/// Values that are not finite numbers are refused by the caller.
std::vector<ChangePoint> findChangePoints(std::span<const double> series, const ChangePointSettings& settings = {});

} // namespace pyrometer
