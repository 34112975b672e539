#include "core/stats/statistics.h"

#include <algorithm>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/count.hpp>
#include <boost/accumulators/statistics/max.hpp>
#include <boost/accumulators/statistics/mean.hpp>
#include <boost/accumulators/statistics/min.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <boost/accumulators/statistics/variance.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

namespace pyrometer {
namespace acc = boost::accumulators;

double quantile(std::span<const double> sorted, double p)
{
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double h = (static_cast<double>(sorted.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::optional<OrderStatisticInterval> medianConfidenceRanks(std::size_t n, double level)
{
    if (n == 0)
        return std::nullopt;
    const boost::math::binomial_distribution<double> below(static_cast<double>(n), 0.5);
    // Coverage of [x(l), x(n+1-l)] is 1 - 2 P(B <= l - 1), falling as l grows; the answer is the largest l that
    // still reaches `level`. Start from the normal approximation and step to the exact answer, so that large
    // samples cost a few CDF evaluations instead of n/2.
    const auto coverage
        = [&](std::size_t l) { return 1.0 - 2.0 * boost::math::cdf(below, static_cast<double>(l - 1)); };
    const double nd = static_cast<double>(n);
    const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + level / 2.0);
    const std::size_t highest = (n + 1) / 2;
    auto l = static_cast<std::size_t>(
        std::clamp(std::floor(nd / 2.0 - z * std::sqrt(nd) / 2.0), 1.0, static_cast<double>(highest)));
    if (coverage(1) < level)
        return std::nullopt;
    while (l > 1 && coverage(l) < level)
        --l;
    while (l < highest && coverage(l + 1) >= level)
        ++l;
    return OrderStatisticInterval { l, n + 1 - l, coverage(l) };
}

Summary summarize(std::vector<double> sample)
{
    Summary s;
    s.n = sample.size();
    if (sample.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        s.mean = s.stddev = s.min = s.max = s.median = s.p5 = s.p25 = s.p75 = s.p95 = s.p99 = s.mad = s.iqr = s.cv
            = nan;
        return s;
    }
    acc::accumulator_set<double,
        acc::stats<acc::tag::count, acc::tag::mean, acc::tag::variance, acc::tag::min, acc::tag::max>>
        moments;
    for (double x : sample)
        moments(x);
    const double n = static_cast<double>(s.n);
    s.mean = acc::mean(moments);
    // Boost's variance is the population variance; scale it to the unbiased sample variance.
    s.stddev = s.n > 1 ? std::sqrt(acc::variance(moments) * n / (n - 1.0)) : std::numeric_limits<double>::quiet_NaN();
    s.min = acc::min(moments);
    s.max = acc::max(moments);
    s.cv = s.stddev / s.mean;

    std::sort(sample.begin(), sample.end());
    s.median = quantile(sample, 0.5);
    s.p5 = quantile(sample, 0.05);
    s.p25 = quantile(sample, 0.25);
    s.p75 = quantile(sample, 0.75);
    s.p95 = quantile(sample, 0.95);
    s.p99 = quantile(sample, 0.99);
    s.iqr = s.p75 - s.p25;

    std::vector<double> deviations(sample.size());
    std::transform(sample.begin(), sample.end(), deviations.begin(), [&](double x) { return std::abs(x - s.median); });
    std::sort(deviations.begin(), deviations.end());
    s.mad = quantile(deviations, 0.5);

    if (const auto ranks = medianConfidenceRanks(s.n)) {
        s.medianCiLow = sample[ranks->lower - 1];
        s.medianCiHigh = sample[ranks->upper - 1];
        s.medianCiConfidence = ranks->confidence;
    }

    const double mildLow = s.p25 - 1.5 * s.iqr, mildHigh = s.p75 + 1.5 * s.iqr;
    const double severeLow = s.p25 - 3.0 * s.iqr, severeHigh = s.p75 + 3.0 * s.iqr;
    for (double x : sample) {
        if (x < severeLow)
            ++s.outliers.severeLow;
        else if (x < mildLow)
            ++s.outliers.mildLow;
        else if (x > severeHigh)
            ++s.outliers.severeHigh;
        else if (x > mildHigh)
            ++s.outliers.mildHigh;
        // With MAD = 0 (over half the sample identical) the score is undefined; no outlier is claimed.
        if (s.mad > 0 && std::abs(0.6745 * (x - s.median) / s.mad) > 3.5)
            ++s.outliers.modifiedZ;
    }
    return s;
}

} // namespace pyrometer
