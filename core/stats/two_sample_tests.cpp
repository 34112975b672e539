#include "core/stats/two_sample_tests.h"

#include "core/stats/statistics.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace pyrometer {
namespace {
double mean(std::span<const double> x)
{
    return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double variance(std::span<const double> x, double m)
{
    double sum = 0;
    for (double v : x)
        sum += (v - m) * (v - m);
    return sum / static_cast<double>(x.size() - 1);
}

/// The k-th smallest (0-based) of the differences b[j] - a[i] of two sorted samples, without forming the m·n of
/// them: a randomised selection over the implicit difference matrix, whose rows rise with j and whose columns
/// fall with i (Monahan 1984, Algorithm 616; Johnson & Mizoguchi 1978). Each round takes a random remaining
/// difference as pivot, counts the differences below and up to it row by row with one pointer that only moves
/// forward, and keeps the side that holds rank k: O((m + n) log(m·n)) expected time, O(m) memory.
double differenceOfRank(std::span<const double> a, std::span<const double> b, std::uint64_t k)
{
    const std::size_t m = a.size(), n = b.size();
    std::vector<std::size_t> left(m, 0), right(m, n); // row i's candidates are columns [left[i], right[i])
    std::vector<std::size_t> below(m), upTo(m);
    std::mt19937_64 random(0x48'4c); // fixed: the estimate is the same on every call
    for (;;) {
        std::uint64_t candidates = 0, smaller = 0;
        for (std::size_t i = 0; i < m; ++i) {
            candidates += right[i] - left[i];
            smaller += left[i];
        }
        if (candidates <= std::uint64_t(4 * (m + n))) {
            std::vector<double> rest;
            rest.reserve(static_cast<std::size_t>(candidates));
            for (std::size_t i = 0; i < m; ++i) {
                for (std::size_t j = left[i]; j < right[i]; ++j)
                    rest.push_back(b[j] - a[i]);
            }
            const auto nth = rest.begin() + static_cast<std::ptrdiff_t>(k - smaller);
            std::nth_element(rest.begin(), nth, rest.end());
            return *nth;
        }
        std::uint64_t pick = std::uniform_int_distribution<std::uint64_t>(0, candidates - 1)(random);
        std::size_t row = 0;
        while (pick >= right[row] - left[row]) {
            pick -= right[row] - left[row];
            ++row;
        }
        const double pivot = b[left[row] + static_cast<std::size_t>(pick)] - a[row];
        // Differences are computed the same way everywhere, so the counts agree with the pivot exactly; as a[i]
        // rises, b[j] - a[i] falls, so the boundaries only move right from one row to the next.
        std::uint64_t countBelow = 0, countUpTo = 0;
        std::size_t lo = 0, hi = 0;
        for (std::size_t i = 0; i < m; ++i) {
            while (lo < n && b[lo] - a[i] < pivot)
                ++lo;
            while (hi < n && b[hi] - a[i] <= pivot)
                ++hi;
            below[i] = lo;
            upTo[i] = hi;
            countBelow += lo;
            countUpTo += hi;
        }
        if (k < countBelow) {
            for (std::size_t i = 0; i < m; ++i)
                right[i] = std::min(right[i], below[i]);
        } else if (k >= countUpTo) {
            for (std::size_t i = 0; i < m; ++i)
                left[i] = std::max(left[i], upTo[i]);
        } else {
            return pivot;
        }
    }
}

/// P(U <= u) for sample sizes m and n without ties: the coefficients of the Gaussian binomial
/// [m+n choose m]_q count the arrangements with each U. long double holds them exactly while m+n <= 60.
double exactLowerTail(int m, int n, double u)
{
    const int top = m * n;
    std::vector<long double> counts(static_cast<std::size_t>(top + 1), 0.0L);
    counts[0] = 1.0L;
    // prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i), one factor at a time.
    for (int i = 1; i <= m; ++i) {
        for (int k = top; k >= n + i; --k)
            counts[static_cast<std::size_t>(k)] -= counts[static_cast<std::size_t>(k - n - i)];
        for (int k = i; k <= top; ++k)
            counts[static_cast<std::size_t>(k)] += counts[static_cast<std::size_t>(k - i)];
    }
    long double below = 0, total = 0;
    for (int k = 0; k <= top; ++k) {
        total += counts[static_cast<std::size_t>(k)];
        if (k <= u)
            below += counts[static_cast<std::size_t>(k)];
    }
    return static_cast<double>(below / total);
}

/// Draws the medians of bootstrap resamples of one sample, each in constant time whatever the sample's size. A
/// resample is n draws x(floor(n·U) + 1) with U uniform, so its order statistics are those of n uniforms mapped
/// through the sorted sample: the k-th is Beta(k, n + 1 - k) distributed, and the next one lies above it by the
/// smallest of the n - k uniforms left (David & Nagaraja 2003, ch. 2). Drawing these two gives the resample's
/// middle values exactly as resampling would, without resampling.
class Resampler
{
public:
    explicit Resampler(std::span<const double> sample)
        : m_sorted(sample.begin(), sample.end())
    {
        std::sort(m_sorted.begin(), m_sorted.end());
        const std::size_t n = m_sorted.size();
        m_lowerRank = n % 2 ? n / 2 + 1 : n / 2; // 1-based rank of the lower middle value of a resample
        m_above = std::gamma_distribution<double>(static_cast<double>(n + 1 - m_lowerRank));
        m_atOrBelow = std::gamma_distribution<double>(static_cast<double>(m_lowerRank));
    }

    double median() const { return quantile(m_sorted, 0.5); }

    double resampledMedian(std::mt19937_64& random)
    {
        const std::size_t n = m_sorted.size();
        const double x = m_atOrBelow(random), y = m_above(random);
        const double lower = x / (x + y); // the lower middle uniform, Beta(k, n + 1 - k)
        const double low = valueAt(lower);
        if (n % 2)
            return low;
        // The next uniform: the least of the n - k above `lower`.
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
        const double next
            = lower + (1.0 - lower) * (1.0 - std::pow(1.0 - u, 1.0 / static_cast<double>(n - m_lowerRank)));
        return (low + valueAt(next)) / 2.0;
    }

private:
    double valueAt(double uniform) const
    {
        const auto index = static_cast<std::size_t>(uniform * static_cast<double>(m_sorted.size()));
        return m_sorted[std::min(index, m_sorted.size() - 1)];
    }

    std::vector<double> m_sorted;
    std::size_t m_lowerRank = 1;
    std::gamma_distribution<double> m_atOrBelow, m_above;
};

/// Ranks `values` (midranks for ties) and returns the sum of the ranks of those marked true, and the tie term
/// sum(t^3 - t) over the groups of t tied values that corrects the variance of rank statistics. Sorts `values`.
std::pair<double, double> rankSum(std::vector<std::pair<double, bool>>& values)
{
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t n = values.size();
    double marked = 0, tieTerm = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && values[j].first == values[i].first)
            ++j;
        const double midrank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            if (values[k].second)
                marked += midrank;
        }
        const double t = static_cast<double>(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    return { marked, tieTerm };
}

/// The percentile interval at `level` of the replicates.
void setPercentileInterval(BootstrapRatio& result, double level)
{
    auto sorted = result.replicates;
    std::sort(sorted.begin(), sorted.end());
    result.low = quantile(sorted, (1.0 - level) / 2.0);
    result.high = quantile(sorted, 1.0 - (1.0 - level) / 2.0);
}

/// P(W+ <= w) for n differences without ties: the number of subsets of the ranks 1..n with each sum, over 2^n.
/// long double holds the counts exactly for n <= 50 (at most 2^50).
double signedRankLowerTail(int n, double w)
{
    const int top = n * (n + 1) / 2;
    std::vector<long double> counts(static_cast<std::size_t>(top + 1), 0.0L);
    counts[0] = 1.0L;
    for (int rank = 1; rank <= n; ++rank) {
        for (int sum = rank * (rank + 1) / 2; sum >= rank; --sum)
            counts[static_cast<std::size_t>(sum)] += counts[static_cast<std::size_t>(sum - rank)];
    }
    long double below = 0;
    for (int sum = 0; sum <= top && sum <= w; ++sum)
        below += counts[static_cast<std::size_t>(sum)];
    return static_cast<double>(below / std::pow(2.0L, n));
}
} // namespace

double smallestPossiblePValue(std::size_t m, std::size_t n)
{
    // 2 / C(m+n, m) through lgamma: the extreme arrangement is one of C(m+n, m), on either side.
    const double logChoose = std::lgamma(static_cast<double>(m + n) + 1) - std::lgamma(static_cast<double>(m) + 1)
        - std::lgamma(static_cast<double>(n) + 1);
    return std::min(1.0, 2.0 * std::exp(-logChoose));
}

TestResult mannWhitney(std::span<const double> first, std::span<const double> second)
{
    TestResult result;
    const std::size_t n1 = first.size(), n2 = second.size(), n = n1 + n2;
    if (n1 == 0 || n2 == 0)
        return result;
    // Midranks of the pooled sample; the sizes of tied groups feed the variance correction.
    std::vector<std::pair<double, bool>> pooled;
    pooled.reserve(n);
    for (double x : first)
        pooled.emplace_back(x, true);
    for (double x : second)
        pooled.emplace_back(x, false);
    const auto [rankSumFirst, tieTerm] = rankSum(pooled);
    const double m1 = static_cast<double>(n1), m2 = static_cast<double>(n2), total = static_cast<double>(n);
    const double u1 = rankSumFirst - m1 * (m1 + 1) / 2.0;
    result.statistic = u1;
    const double smaller = std::min(u1, m1 * m2 - u1);
    if (tieTerm == 0 && n <= 60) {
        result.exact = true;
        result.pValue = std::min(1.0, 2.0 * exactLowerTail(static_cast<int>(n1), static_cast<int>(n2), smaller));
        result.floor = smallestPossiblePValue(n1, n2);
        return result;
    }
    const double sd = std::sqrt(m1 * m2 / 12.0 * ((total + 1) - tieTerm / (total * (total - 1))));
    if (sd == 0) {
        // Every value equal: no evidence of a difference, from as many runs as an exact test would need.
        result.floor = smallestPossiblePValue(n1, n2);
        return result;
    }
    const auto twoSided = [&](double distance) {
        const double z = std::max(0.0, distance - 0.5) / sd;
        return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<>(), z)));
    };
    result.pValue = twoSided(std::abs(u1 - m1 * m2 / 2.0));
    // The farthest U can lie from its mean is m·n/2 (complete separation); the approximation never goes lower.
    result.floor = twoSided(m1 * m2 / 2.0);
    return result;
}

std::optional<TestResult> welch(std::span<const double> first, std::span<const double> second)
{
    if (first.size() < 2 || second.size() < 2)
        return std::nullopt;
    const double n1 = static_cast<double>(first.size()), n2 = static_cast<double>(second.size());
    const double mean1 = mean(first), mean2 = mean(second);
    const double a = variance(first, mean1) / n1, b = variance(second, mean2) / n2;
    if (a + b == 0)
        return std::nullopt;
    TestResult result;
    result.statistic = (mean2 - mean1) / std::sqrt(a + b);
    // Welch–Satterthwaite degrees of freedom.
    const double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    result.pValue = 2.0
        * boost::math::cdf(
            boost::math::complement(boost::math::students_t_distribution<>(df), std::abs(result.statistic)));
    result.exact = true;
    return result;
}

double hodgesLehmann(std::span<const double> first, std::span<const double> second)
{
    if (first.empty() || second.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> a(first.begin(), first.end()), b(second.begin(), second.end());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const std::uint64_t count = std::uint64_t(a.size()) * b.size();
    const double upper = differenceOfRank(a, b, count / 2);
    return count % 2 ? upper : (differenceOfRank(a, b, count / 2 - 1) + upper) / 2.0;
}

TestResult wilcoxonSignedRank(std::span<const double> differences)
{
    TestResult result;
    std::vector<std::pair<double, bool>> nonzero;
    for (double d : differences) {
        if (d != 0 && !std::isnan(d))
            nonzero.emplace_back(std::abs(d), d > 0);
    }
    const std::size_t n = nonzero.size();
    if (n == 0) {
        // Every difference 0 (peak RSS often is): no evidence of a change, from as many pairs as there were.
        const auto pairs = static_cast<double>(
            std::count_if(differences.begin(), differences.end(), [](double d) { return !std::isnan(d); }));
        result.floor = std::min(1.0, 2.0 * std::pow(0.5, pairs));
        return result;
    }
    const auto [positiveRankSum, tieTerm] = rankSum(nonzero);
    const double m = static_cast<double>(n), total = m * (m + 1) / 2.0;
    result.statistic = positiveRankSum;
    if (tieTerm == 0 && n <= 50) {
        result.exact = true;
        const double smaller = std::min(positiveRankSum, total - positiveRankSum);
        result.pValue = std::min(1.0, 2.0 * signedRankLowerTail(static_cast<int>(n), smaller));
        result.floor = std::min(1.0, 2.0 * std::pow(0.5, m)); // all differences of one sign
        return result;
    }
    const double sd = std::sqrt(m * (m + 1) * (2 * m + 1) / 24.0 - tieTerm / 48.0);
    if (sd == 0)
        return result;
    const auto twoSided = [&](double distance) {
        const double z = std::max(0.0, distance - 0.5) / sd;
        return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<>(), z)));
    };
    result.pValue = twoSided(std::abs(positiveRankSum - total / 2.0));
    // W+ lies at most total/2 from its mean (every difference of one sign), whatever the ties.
    result.floor = twoSided(total / 2.0);
    return result;
}

BootstrapRatio bootstrapPairedRatio(std::span<const double> logRatios, int resamples, double level, std::uint64_t seed)
{
    BootstrapRatio result;
    if (logRatios.empty())
        return result;
    std::mt19937_64 random(seed);
    Resampler d(logRatios);
    result.ratio = std::exp(d.median());
    result.replicates.reserve(static_cast<std::size_t>(resamples));
    for (int r = 0; r < resamples; ++r)
        result.replicates.push_back(std::exp(d.resampledMedian(random)));
    setPercentileInterval(result, level);
    return result;
}

BootstrapRatio bootstrapRatioOfMedians(
    std::span<const double> first, std::span<const double> second, int resamples, double level, std::uint64_t seed)
{
    BootstrapRatio result;
    if (first.empty() || second.empty())
        return result;
    std::mt19937_64 random(seed);
    Resampler a(first), b(second);
    result.ratio = b.median() / a.median();
    result.replicates.reserve(static_cast<std::size_t>(resamples));
    for (int r = 0; r < resamples; ++r) {
        const double medianFirst = a.resampledMedian(random);
        result.replicates.push_back(b.resampledMedian(random) / medianFirst);
    }
    setPercentileInterval(result, level);
    return result;
}

} // namespace pyrometer
