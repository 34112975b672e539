#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace pyrometer {

/// The complexity classes a scaling curve is fitted with, in order of growth.
enum class Complexity {
    Constant,
    Logarithmic,
    Linear,
    Linearithmic,
    Quadratic,
    Cubic,
    Exponential,
};
inline constexpr std::array allComplexities { Complexity::Constant, Complexity::Logarithmic, Complexity::Linear,
    Complexity::Linearithmic, Complexity::Quadratic, Complexity::Cubic, Complexity::Exponential };

/// "O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n²)", "O(n³)", "O(2ⁿ)".
std::string complexityName(Complexity complexity);
/// What the coefficient multiplies, for "≈ 42 ns · n log n": "", "log n", "n", "n log n", "n²", "n³", "2ⁿ".
std::string complexityTerm(Complexity complexity);
/// g(n) of the class: 1, log₂ n, n, n log₂ n, n², n³, 2ⁿ (infinite where 2ⁿ overflows).
double growth(Complexity complexity, double n);

/// One size of a scaling curve: the parameter n (> 0), the median there (seconds per call, or bytes) and the
/// median's standard error, which weights the fit (1/σ²).
struct ScalingPoint
{
    double n = 0;
    double median = 0;
    double error = 0;
};

/// The median's 95% interval from its standard error (normal approximation), kept above zero (at a hundredth of the
/// median at least) for logarithmic axes.
std::pair<double, double> medianInterval(const ScalingPoint& point);

/// The median of `values` at size `n`, with its standard error from the median absolute deviation
/// (σ ≈ 1.4826 MAD, the median's standard error ≈ 1.2533 σ / √k for k values).
ScalingPoint scalingPoint(double n, std::span<const double> values);

/// t(n) = constant + coefficient · g(n), fitted by weighted least squares with both terms kept ≥ 0 (a time or a
/// size never shrinks with n, nor is it below zero at no n).
struct ComplexityFit
{
    Complexity complexity = Complexity::Constant;
    double constant = 0;
    double coefficient = 0;
    int parameters = 1; ///< 1 for O(1), 2 for the others
    double weightedRss = 0; ///< Σ ((tᵢ − f(nᵢ)) / σᵢ)²
    double aic = 0; ///< Akaike information criterion of the weighted fit; lower is better
    double aicc = 0; ///< the same corrected for few points; infinite below k + 2 points
    double relativeRms = 0; ///< root mean square of (f(nᵢ) − tᵢ) / tᵢ: 0.03 reads "within 3% on average"

    double predict(double n) const;
};

/// Every class fitted to one curve, and which describes it best.
struct ScalingAnalysis
{
    /// Fitted classes, best (lowest AICc; below four points, AIC) first; a class that cannot be evaluated at the sizes
    /// (2ⁿ past n = 1000) is left out.
    std::vector<ComplexityFit> fits;
    /// AICc of the second best minus that of the best: above 2 the best is clearly ahead; its evidence against
    /// the second best is exp(lead / 2) to 1 (Burnham & Anderson 2002).
    double lead = 0;
    /// Why the data cannot tell the class, in a sentence, or empty when they can: too few sizes, sizes spanning
    /// less than a decade, the best two classes within 2 of AICc, none within poorFit of the medians, or (from five
    /// to 50 sizes) another class clearly best (2 of AICc ahead, within poorFit) once any one size is left out.
    std::string undecided;
    /// Points left out (n ≤ 0, or a median or error that is not a finite number ≥ 0).
    std::size_t leftOut = 0;
    /// Every growing class rises by less than smallestGrowth across the sizes: O(1) is named for want of growth the
    /// data show, and `lead` is infinite.
    bool noMaterialGrowth = false;

    bool decided() const { return !fits.empty() && undecided.empty(); }
    const ComplexityFit* best() const { return fits.empty() ? nullptr : &fits.front(); }
    const ComplexityFit* find(Complexity complexity) const;
};

/// The fewest distinct sizes a class is decided on: a two-term fit's AICc needs four.
inline constexpr std::size_t minimumScalingSizes = 4;
/// The best class must come this close to the medians (root mean square of the relative residuals) to be named:
/// a curve none of the classes follows is said to be one. Measured Python is rarely within 15%: the cost per
/// element of a sort grows threefold from 100 to 30,000 elements as the data outgrow the caches, and a loop over
/// range(n) runs faster below n = 257 (CPython's cached small integers); such fits are named and called loose.
inline constexpr double poorFit = 0.5;
inline constexpr double looseFit = 0.15;
/// A growing class whose fitted curve rises by less than this across the sizes is not told apart from O(1): a dict
/// lookup measured 37 ns at 10 entries and 44 ns at 3,000 (the dict's index grows wider), which O(log n) and even
/// O(n) with a tiny coefficient describe better than a constant; with each run's process placing it differently, a
/// fit of O(log n) to such a step rose by 27% (36 → 46 ns, 100 to 30,000 entries), so 25% was not enough. A real
/// O(log n), bisect on a list, rose from 95 ns at 100 elements to 199 ns at 30,000.
inline constexpr double smallestGrowth = 0.30;

/// Fits every class to `points` (any order; one point per size, or several, all used) and ranks them by AICc,
/// where the weighted residuals stand for the likelihood: AIC = m ln(RSS/m) + 2k, corrected for m points
/// with + 2k(k+1)/(m−k−1) (Hurvich & Tsai 1989). Each median's error is its standard error and a systematic 5% of
/// it, independent (σ² = SE² + (0.05 t)²): medians from separate processes at separate sizes differ by a few
/// percent for reasons no class describes (memory layout, caches), and without it the most precise sizes alone
/// decided the class (a sort of 100 to 30,000 elements came out O(n²)). Growing classes that rise by less than
/// smallestGrowth rank after the others.
ScalingAnalysis fitComplexity(std::span<const ScalingPoint> points);

/// What `complexity` predicts at size `n`, with a 95% percentile interval from a bootstrap over the runs: each
/// size's values resampled with replacement, the class fitted again, and its prediction taken.
struct ScalingPrediction
{
    double n = 0;
    double value = 0;
    double low = 0;
    double high = 0;
    /// n lies more than tenfold beyond the measured sizes (either way): the interval assumes the class holds there.
    bool farOutside = false;
};
struct ScalingSample
{
    double n = 0;
    std::vector<double> values;
};
ScalingPrediction predictScaling(std::span<const ScalingSample> samples, Complexity complexity, double n,
    int resamples = 1000, std::uint64_t seed = 1);

} // namespace pyrometer
