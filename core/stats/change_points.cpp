#include "core/stats/change_points.h"

#include "core/stats/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <tuple>

namespace pyrometer {

namespace {

struct Split
{
    std::size_t tau = 0;
    double statistic = -std::numeric_limits<double>::infinity();
};

/// The best split of one segment, and Q̂ at every split. Σ|xᵢ − xₖ| within the first τ points (and within the last
/// L − τ) grows by one point's distance to those before it (after it), which a Fenwick tree of counts and sums over
/// the values' ranks gives in O(log L); the cross term is the total less both. Buffers are kept between calls, as
/// each permutation of a test calls again with a segment of the same length.
class SplitSearch
{
public:
    /// `ranks` are the positions of `values` in ascending order, distinct (ties in any order: equal values are at
    /// distance 0 from each other on either side).
    Split best(std::span<const double> values, std::span<const std::uint32_t> ranks, std::size_t minimum,
        std::vector<double>* all = nullptr)
    {
        const std::size_t length = values.size();
        m_within.assign(length + 1, 0.0);
        m_withinAfter.assign(length + 1, 0.0);
        running(values, ranks, false);
        running(values, ranks, true);
        if (all)
            all->assign(length, 0.0);
        Split split;
        const double total = m_within[length];
        const double n = double(length);
        for (std::size_t tau = std::max<std::size_t>(2, minimum); tau + std::max<std::size_t>(2, minimum) <= length;
             ++tau) {
            const double t = double(tau);
            const double m = n - t;
            const double cross = total - m_within[tau] - m_withinAfter[tau];
            const double q = 2.0 * cross / n - 2.0 * m * m_within[tau] / (n * (t - 1))
                - 2.0 * t * m_withinAfter[tau] / (n * (m - 1));
            if (all)
                (*all)[tau] = q;
            if (q > split.statistic)
                split = { tau, q };
        }
        return split;
    }

private:
    /// m_within[τ] = Σ|xᵢ − xₖ| over i < k < τ (forward), or m_withinAfter[τ] over τ ≤ i < k (backward).
    void running(std::span<const double> values, std::span<const std::uint32_t> ranks, bool backward)
    {
        const std::size_t length = values.size();
        m_count.assign(length + 1, 0);
        m_sum.assign(length + 1, 0.0);
        double seenSum = 0;
        for (std::size_t step = 0; step < length; ++step) {
            const std::size_t i = backward ? length - 1 - step : step;
            const double x = values[i];
            std::uint32_t below = 0;
            double belowSum = 0;
            for (std::size_t p = ranks[i]; p > 0; p &= p - 1) {
                below += m_count[p];
                belowSum += m_sum[p];
            }
            const double distance = (double(below) * x - belowSum) + ((seenSum - belowSum) - double(step - below) * x);
            for (std::size_t p = ranks[i] + 1; p <= length; p += p & (~p + 1)) {
                ++m_count[p];
                m_sum[p] += x;
            }
            seenSum += x;
            if (backward)
                m_withinAfter[i] = m_withinAfter[i + 1] + distance;
            else
                m_within[i + 1] = m_within[i] + distance;
        }
    }

    std::vector<double> m_within, m_withinAfter, m_sum;
    std::vector<std::uint32_t> m_count;
};

std::vector<std::uint32_t> ranksOf(std::span<const double> values)
{
    std::vector<std::uint32_t> order(values.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(
        order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
    std::vector<std::uint32_t> ranks(values.size());
    for (std::uint32_t r = 0; r < order.size(); ++r)
        ranks[order[r]] = r;
    return ranks;
}

double medianOf(std::span<const double> values)
{
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return quantile(sorted, 0.5);
}

/// A segment [begin, end) of the series with its best split, found once.
struct Segment
{
    std::size_t begin = 0;
    std::size_t end = 0;
    Split split; ///< tau relative to begin; none when too short to split
    bool refused = false; ///< its best split failed the test: not proposed again
};

Segment searched(
    std::span<const double> series, std::size_t begin, std::size_t end, std::size_t minimum, SplitSearch& search)
{
    Segment segment { begin, end, {}, false };
    if (end - begin >= 2 * minimum) {
        const auto values = series.subspan(begin, end - begin);
        segment.split = search.best(values, ranksOf(values), minimum);
    }
    return segment;
}

/// p of the segment's best split: the share of shuffles of its points whose best split is at least as strong,
/// counting the observed order as one of them (Davison & Hinkley 1997, eq. 4.11). Stops as soon as p must exceed α.
double permutationPValue(std::span<const double> values, double observed, const ChangePointSettings& settings,
    std::mt19937_64& random, SplitSearch& search)
{
    std::vector<std::pair<double, std::uint32_t>> shuffled;
    const auto ranks = ranksOf(values);
    for (std::size_t i = 0; i < values.size(); ++i)
        shuffled.emplace_back(values[i], ranks[i]);
    std::vector<double> permutedValues(values.size());
    std::vector<std::uint32_t> permutedRanks(values.size());
    const double hopeless = settings.alpha * double(settings.permutations + 1);
    int atLeast = 0;
    for (int r = 0; r < settings.permutations; ++r) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        for (std::size_t i = 0; i < shuffled.size(); ++i)
            std::tie(permutedValues[i], permutedRanks[i]) = shuffled[i];
        // A shuffle that ties the observed statistic counts against the change (the relative margin absorbs rounding).
        if (search.best(permutedValues, permutedRanks, settings.minimumSegment).statistic >= observed * (1 - 1e-12))
            ++atLeast;
        if (atLeast + 1 > hopeless) // p ≥ (atLeast + 1) / (permutations + 1) > α whatever the rest: refused
            return double(atLeast + 1) / double(settings.permutations + 1);
    }
    return double(atLeast + 1) / double(settings.permutations + 1);
}

} // namespace

std::vector<double> divergenceStatistics(std::span<const double> series)
{
    std::vector<double> all;
    SplitSearch().best(series, ranksOf(series), 2, &all);
    return all;
}

std::vector<ChangePoint> findChangePoints(std::span<const double> series, const ChangePointSettings& settings)
{
    ChangePointSettings checked = settings;
    checked.minimumSegment = std::max<std::size_t>(2, settings.minimumSegment);
    checked.permutations = std::max(1, settings.permutations);
    SplitSearch search;
    std::mt19937_64 random(settings.seed);
    std::vector<Segment> segments { searched(series, 0, series.size(), checked.minimumSegment, search) };
    std::vector<std::pair<std::size_t, double>> accepted; // index, statistic
    std::vector<double> pValues;
    for (;;) {
        auto candidate = segments.end();
        for (auto it = segments.begin(); it != segments.end(); ++it)
            if (!it->refused && it->split.tau > 0
                && (candidate == segments.end() || it->split.statistic > candidate->split.statistic))
                candidate = it;
        if (candidate == segments.end() || !(candidate->split.statistic > 0))
            break;
        const auto values = series.subspan(candidate->begin, candidate->end - candidate->begin);
        const double p = permutationPValue(values, candidate->split.statistic, checked, random, search);
        if (p > checked.alpha)
            break; // the strongest split left is not significant, so no weaker one is tested
        const std::size_t at = candidate->begin + candidate->split.tau;
        accepted.emplace_back(at, candidate->split.statistic);
        pValues.push_back(p);
        const Segment left = searched(series, candidate->begin, at, checked.minimumSegment, search);
        const Segment right = searched(series, at, candidate->end, checked.minimumSegment, search);
        *candidate = left;
        segments.push_back(right);
    }

    std::vector<ChangePoint> changes;
    for (std::size_t k = 0; k < accepted.size(); ++k)
        changes.push_back({ accepted[k].first, accepted[k].second, pValues[k], 0, 0 });
    std::sort(
        changes.begin(), changes.end(), [](const ChangePoint& a, const ChangePoint& b) { return a.index < b.index; });
    for (;;) {
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const std::size_t begin = k == 0 ? 0 : changes[k - 1].index;
            const std::size_t end = k + 1 < changes.size() ? changes[k + 1].index : series.size();
            changes[k].before = medianOf(series.subspan(begin, changes[k].index - begin));
            changes[k].after = medianOf(series.subspan(changes[k].index, end - changes[k].index));
        }
        const auto smallest
            = std::min_element(changes.begin(), changes.end(), [](const ChangePoint& a, const ChangePoint& b) {
                  return std::abs(a.relativeChange()) < std::abs(b.relativeChange());
              });
        if (smallest == changes.end() || !(std::abs(smallest->relativeChange()) < settings.minimumChange))
            return changes;
        changes.erase(smallest);
    }
}

} // namespace pyrometer
