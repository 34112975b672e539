#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace pyrometer {

/// Outliers of a sample, counted by two methods.
struct OutlierCounts
{
    /// Tukey (1977) fences: mild beyond 1.5 IQR from the quartiles, severe beyond 3 IQR. Mild excludes severe.
    std::size_t mildLow = 0;
    std::size_t mildHigh = 0;
    std::size_t severeLow = 0;
    std::size_t severeHigh = 0;
    /// Iglewicz & Hoaglin (1993) modified Z-score, |0.6745 (x - median) / MAD| > 3.5.
    std::size_t modifiedZ = 0;

    std::size_t tukeyTotal() const { return mildLow + mildHigh + severeLow + severeHigh; }
    std::size_t tukeySevere() const { return severeLow + severeHigh; }
};

/// A distribution-free confidence interval for the median: the order statistics x(lower) and x(upper), 1-based.
struct OrderStatisticInterval
{
    std::size_t lower = 0;
    std::size_t upper = 0;
    double confidence = 0; ///< exact coverage, at least the level asked for
};

/// Descriptive statistics of one sample. All values are in the sample's unit; with n == 0 they are NaN, and
/// stddev, cv are NaN with n == 1.
struct Summary
{
    std::size_t n = 0;
    double mean = 0;
    double stddev = 0; ///< sample standard deviation (n - 1)
    double min = 0;
    double max = 0;
    double median = 0;
    double p5 = 0;
    double p25 = 0;
    double p75 = 0;
    double p95 = 0;
    double p99 = 0;
    double mad = 0; ///< median absolute deviation from the median, unscaled
    double iqr = 0; ///< p75 - p25
    double cv = 0; ///< stddev / mean
    /// 95% interval for the median; empty when the sample is too small for one (n < 6).
    std::optional<double> medianCiLow;
    std::optional<double> medianCiHigh;
    double medianCiConfidence = 0;
    OutlierCounts outliers;
};

/// Quantile of an ascending sample by linear interpolation between order statistics (Hyndman & Fan 1996,
/// definition 7; the default of R and NumPy). p in [0, 1].
double quantile(std::span<const double> sorted, double p);

/// Order statistics that bound the median with at least `level` confidence, from the Binomial(n, 1/2)
/// distribution of the number of observations below it (Conover 1999, sec. 3.2). Empty when even
/// [x(1), x(n)] falls short of `level`.
std::optional<OrderStatisticInterval> medianConfidenceRanks(std::size_t n, double level = 0.95);

/// Everything in Summary for one sample, in any order.
Summary summarize(std::vector<double> sample);

} // namespace pyrometer
