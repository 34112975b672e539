#include "core/stats/two_sample_tests.h"

#include "core/stats/statistics.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
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

double median(std::vector<double>& values)
{
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2)
        return *middle;
    return (*middle + *std::max_element(values.begin(), middle)) / 2.0;
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

/// Draws bootstrap resamples of one sample and returns their medians. A resample is kept as a count per
/// order statistic: the median is found by walking the counts, in linear time and without sorting.
class Resampler
{
public:
    explicit Resampler(std::span<const double> sample)
        : m_sorted(sample.begin(), sample.end())
        , m_counts(sample.size())
    {
        std::sort(m_sorted.begin(), m_sorted.end());
    }

    double median() const { return quantile(m_sorted, 0.5); }

    double resampledMedian(std::mt19937_64& random)
    {
        std::fill(m_counts.begin(), m_counts.end(), 0u);
        // Two picks from each 64-bit draw, by multiply-and-shift (Lemire 2019): a pick is off by at most
        // n / 2^32 in probability (2e-7 for a thousand runs), far below what 10,000 resamples resolve.
        const std::size_t n = m_sorted.size();
        for (std::size_t i = 0; i < n; i += 2) {
            const std::uint64_t draw = random();
            ++m_counts[((draw & 0xffffffffu) * n) >> 32];
            if (i + 1 < n)
                ++m_counts[((draw >> 32) * n) >> 32];
        }
        // 0-based ranks of the middle value(s) of the resample, which has as many values as the sample.
        const std::size_t upper = n / 2, lower = n % 2 ? upper : upper - 1;
        std::size_t seen = 0, i = 0;
        while (seen + m_counts[i] <= lower)
            seen += m_counts[i++];
        const double low = m_sorted[i];
        while (seen + m_counts[i] <= upper)
            seen += m_counts[i++];
        return (low + m_sorted[i]) / 2.0;
    }

private:
    std::vector<double> m_sorted;
    std::vector<std::uint32_t> m_counts;
};
} // namespace

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
    std::sort(pooled.begin(), pooled.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double rankSumFirst = 0, tieTerm = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && pooled[j].first == pooled[i].first)
            ++j;
        const double midrank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            if (pooled[k].second)
                rankSumFirst += midrank;
        }
        const double t = static_cast<double>(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    const double m1 = static_cast<double>(n1), m2 = static_cast<double>(n2), total = static_cast<double>(n);
    const double u1 = rankSumFirst - m1 * (m1 + 1) / 2.0;
    result.statistic = u1;
    const double smaller = std::min(u1, m1 * m2 - u1);
    if (tieTerm == 0 && n <= 60) {
        result.exact = true;
        result.pValue = std::min(1.0, 2.0 * exactLowerTail(static_cast<int>(n1), static_cast<int>(n2), smaller));
        return result;
    }
    const double sd = std::sqrt(m1 * m2 / 12.0 * ((total + 1) - tieTerm / (total * (total - 1))));
    if (sd == 0)
        return result; // every value equal: no evidence of a difference
    const double z = std::max(0.0, std::abs(u1 - m1 * m2 / 2.0) - 0.5) / sd;
    result.pValue
        = std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<>(), z)));
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
    std::vector<double> differences;
    differences.reserve(first.size() * second.size());
    for (double a : first) {
        for (double b : second)
            differences.push_back(b - a);
    }
    if (differences.empty())
        return std::numeric_limits<double>::quiet_NaN();
    return median(differences);
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
    auto sorted = result.replicates;
    std::sort(sorted.begin(), sorted.end());
    result.low = quantile(sorted, (1.0 - level) / 2.0);
    result.high = quantile(sorted, 1.0 - (1.0 - level) / 2.0);
    return result;
}

} // namespace pyrometer
