#include "core/stats/complexity.h"

#include "core/stats/statistics.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>
#include <set>
#include <sstream>

namespace pyrometer {
namespace {
/// No median is known better than this share of itself across sizes (see fitComplexity()).
constexpr double systematicRelativeError = 0.05;

struct Weighted
{
    double n;
    double t;
    double weight; ///< 1/σ²
};

std::vector<Weighted> usable(std::span<const ScalingPoint> points, std::size_t& leftOut)
{
    std::vector<Weighted> kept;
    for (const auto& p : points) {
        if (!(p.n > 0) || !std::isfinite(p.n) || !std::isfinite(p.median) || !(p.median >= 0) || !std::isfinite(p.error)
            || !(p.error >= 0)) {
            ++leftOut;
            continue;
        }
        // The run-to-run error and the systematic one, independent: their variances add.
        const double systematic = systematicRelativeError * p.median;
        const double variance = p.error * p.error + systematic * systematic;
        // A median of exactly 0 with no spread: weighted as one of 5% of the largest, below.
        kept.push_back({ p.n, p.median, variance > 0 ? 1 / variance : 0 });
    }
    double largest = 0;
    for (const auto& w : kept)
        largest = std::max(largest, w.t);
    for (auto& w : kept) {
        if (w.weight == 0) {
            const double error = systematicRelativeError * (largest > 0 ? largest : 1);
            w.weight = 1 / (error * error);
        }
    }
    return kept;
}

/// Weighted least squares of t = a + b g, with a, b ≥ 0; g scaled to at most 1 for a well-conditioned sum.
ComplexityFit fit(Complexity complexity, const std::vector<Weighted>& points)
{
    ComplexityFit f;
    f.complexity = complexity;
    std::vector<double> g;
    double scale = 0;
    for (const auto& p : points) {
        g.push_back(growth(complexity, p.n));
        scale = std::max(scale, std::abs(g.back()));
    }
    double sw = 0, mg = 0, mt = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        sw += points[i].weight;
        mg += points[i].weight * g[i] / scale;
        mt += points[i].weight * points[i].t;
    }
    mg /= sw;
    mt /= sw;
    if (complexity == Complexity::Constant) {
        f.constant = mt;
        f.parameters = 1;
    } else {
        f.parameters = 2;
        // Centred sums: n³ at n = 10⁷ would otherwise cancel away in W Σwg² − (Σwg)².
        double sgg = 0, sgt = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double dg = g[i] / scale - mg;
            sgg += points[i].weight * dg * dg;
            sgt += points[i].weight * dg * (points[i].t - mt);
        }
        double b = sgg > 0 ? sgt / sgg : 0;
        double a = mt - b * mg;
        if (b < 0) { // shrinks with n: the best this class can do is to stay level
            b = 0;
            a = mt;
        } else if (a < 0) { // below zero at small n: through the origin
            double sg2 = 0, sg = 0;
            for (std::size_t i = 0; i < points.size(); ++i) {
                sg2 += points[i].weight * (g[i] / scale) * (g[i] / scale);
                sg += points[i].weight * (g[i] / scale) * points[i].t;
            }
            a = 0;
            b = sg2 > 0 ? sg / sg2 : 0;
        }
        f.constant = a;
        f.coefficient = b / scale;
    }
    double rss = 0, relative = 0;
    std::size_t relatives = 0;
    for (const auto& p : points) {
        const double residual = p.t - f.predict(p.n);
        rss += p.weight * residual * residual;
        if (p.t > 0) {
            relative += (residual / p.t) * (residual / p.t);
            ++relatives;
        }
    }
    f.weightedRss = rss;
    f.relativeRms = relatives ? std::sqrt(relative / static_cast<double>(relatives)) : 0;
    const double m = static_cast<double>(points.size());
    const double k = f.parameters;
    // A perfect fit would give ln 0: residuals below a millionth of their error count as that.
    const double floor = m * 1e-12;
    f.aic = m * std::log(std::max(rss, floor) / m) + 2 * k;
    f.aicc = f.aic + (m - k - 1 > 0 ? 2 * k * (k + 1) / (m - k - 1) : std::numeric_limits<double>::infinity());
    return f;
}

/// A size or a percentage as people write it: whole numbers in full ("1000000", never "1e+06"), else three digits.
std::string number(double value)
{
    std::ostringstream out;
    if (value == std::floor(value) && std::abs(value) < 1e15)
        out << static_cast<long long>(value);
    else
        out << std::setprecision(3) << value;
    return out.str();
}
} // namespace

std::string complexityName(Complexity complexity)
{
    switch (complexity) {
    case Complexity::Constant:
        return "O(1)";
    case Complexity::Logarithmic:
        return "O(log n)";
    case Complexity::Linear:
        return "O(n)";
    case Complexity::Linearithmic:
        return "O(n log n)";
    case Complexity::Quadratic:
        return "O(n²)";
    case Complexity::Cubic:
        return "O(n³)";
    case Complexity::Exponential:
        return "O(2ⁿ)";
    }
    return {};
}

std::string complexityTerm(Complexity complexity)
{
    const auto name = complexityName(complexity);
    return complexity == Complexity::Constant ? std::string() : name.substr(2, name.size() - 3);
}

double growth(Complexity complexity, double n)
{
    switch (complexity) {
    case Complexity::Constant:
        return 1;
    case Complexity::Logarithmic:
        return std::log2(n);
    case Complexity::Linear:
        return n;
    case Complexity::Linearithmic:
        return n * std::log2(n);
    case Complexity::Quadratic:
        return n * n;
    case Complexity::Cubic:
        return n * n * n;
    case Complexity::Exponential:
        return std::exp2(n);
    }
    return 1;
}

double ComplexityFit::predict(double n) const
{
    return complexity == Complexity::Constant ? constant : constant + coefficient * growth(complexity, n);
}

std::pair<double, double> medianInterval(const ScalingPoint& point)
{
    return { std::max(point.median - 1.96 * point.error, point.median / 100), point.median + 1.96 * point.error };
}

ScalingPoint scalingPoint(double n, std::span<const double> values)
{
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    ScalingPoint point { n, sorted.empty() ? std::nan("") : quantile(sorted, 0.5), 0 };
    if (sorted.size() > 1) {
        std::vector<double> deviations;
        for (const double v : sorted)
            deviations.push_back(std::abs(v - point.median));
        std::sort(deviations.begin(), deviations.end());
        point.error = 1.2533 * 1.4826 * quantile(deviations, 0.5) / std::sqrt(static_cast<double>(sorted.size()));
    }
    return point;
}

const ComplexityFit* ScalingAnalysis::find(Complexity complexity) const
{
    for (const auto& f : fits) {
        if (f.complexity == complexity)
            return &f;
    }
    return nullptr;
}

namespace {
/// Every class fitted to `kept` and ranked: by AICc (AIC below four points), ties to the slower-growing class, and
/// growing classes whose curve rises by less than smallestGrowth across the sizes after every other (marked
/// immaterial). `lead` is the criterion of the next class that is not immaterial minus the best's (infinite when there
/// is none).
struct Ranking
{
    std::vector<ComplexityFit> fits;
    std::vector<bool> immaterial;
    double lead = 0;
};
Ranking rank(const std::vector<Weighted>& kept)
{
    Ranking ranking;
    for (const auto complexity : allComplexities) {
        bool finite = true;
        for (const auto& p : kept)
            finite = finite && std::isfinite(growth(complexity, p.n));
        if (finite && kept.size() >= 2)
            ranking.fits.push_back(fit(complexity, kept));
    }
    if (ranking.fits.empty())
        return ranking;
    double smallest = kept.front().n, largest = kept.front().n;
    for (const auto& p : kept) {
        smallest = std::min(smallest, p.n);
        largest = std::max(largest, p.n);
    }
    const auto immaterial = [&](const ComplexityFit& f) {
        const double low = f.predict(smallest), high = f.predict(largest);
        return f.complexity != Complexity::Constant && low > 0 && high < low * (1 + smallestGrowth);
    };
    const bool corrected = kept.size() >= minimumScalingSizes;
    const auto criterion = [corrected](const ComplexityFit& f) { return corrected ? f.aicc : f.aic; };
    // Ties go to the slower-growing class: the simpler explanation.
    std::stable_sort(ranking.fits.begin(), ranking.fits.end(), [&](const ComplexityFit& a, const ComplexityFit& b) {
        const bool ia = immaterial(a), ib = immaterial(b);
        return ia != ib ? ib : criterion(a) < criterion(b);
    });
    for (const auto& f : ranking.fits)
        ranking.immaterial.push_back(immaterial(f));
    ranking.lead = std::numeric_limits<double>::infinity();
    if (ranking.fits.size() >= 2 && !ranking.immaterial[1])
        ranking.lead = criterion(ranking.fits[1]) - criterion(ranking.fits[0]);
    return ranking;
}
} // namespace

ScalingAnalysis fitComplexity(std::span<const ScalingPoint> points)
{
    ScalingAnalysis analysis;
    const auto kept = usable(points, analysis.leftOut);
    std::set<double> sizes;
    for (const auto& p : kept)
        sizes.insert(p.n);
    if (sizes.empty()) {
        analysis.undecided = "no sizes measured";
        return analysis;
    }
    auto ranking = rank(kept);
    analysis.fits = std::move(ranking.fits);
    analysis.lead = ranking.lead;
    analysis.noMaterialGrowth = analysis.fits.size() >= 2 && ranking.immaterial[1];
    if (analysis.fits.empty())
        return analysis;
    const auto& best = analysis.fits[0];
    const double smallest = *sizes.begin(), largest = *sizes.rbegin();
    if (sizes.size() < minimumScalingSizes) {
        analysis.undecided = "too few sizes to tell the class: " + std::to_string(sizes.size()) + " (at least "
            + std::to_string(minimumScalingSizes) + " are needed)";
        return analysis;
    }
    if (largest < 10 * smallest) {
        analysis.undecided = "the sizes span less than a decade (" + number(smallest) + " to " + number(largest)
            + ") to tell the class";
        return analysis;
    }
    if (analysis.fits.size() >= 2 && !(analysis.lead >= 2)) {
        analysis.undecided = complexityName(best.complexity) + " and " + complexityName(analysis.fits[1].complexity)
            + " fit about equally well (AICc within 2)";
        return analysis;
    }
    if (best.relativeRms > poorFit) {
        analysis.undecided = "no class fits within " + number(poorFit * 100) + "% of the medians (the closest, "
            + complexityName(best.complexity) + ", is off by " + number(analysis.fits[0].relativeRms * 100)
            + "% on average)";
        return analysis;
    }
    // One size must not decide the class: with any one left out, no other class that fits may come first.
    // Past 50 sizes no one size carries much weight, and the check would cost as many fits as sizes again.
    if (sizes.size() > minimumScalingSizes && sizes.size() <= 50) {
        for (const double size : sizes) {
            std::vector<Weighted> others;
            for (const auto& p : kept) {
                if (p.n != size)
                    others.push_back(p);
            }
            // Another class counts only where it fits and is clearly ahead (2 of AICc, as the best must be): a
            // constant under a steep curve is no other answer, nor one named for want of growth over the narrower
            // sizes that are left, nor one that noise sets a little ahead.
            const auto without = rank(others);
            const bool lessGrowth = without.fits.size() >= 2 && without.immaterial[1];
            if (!without.fits.empty() && without.fits[0].complexity != best.complexity
                && without.fits[0].relativeRms <= poorFit && !lessGrowth && without.lead >= 2) {
                analysis.undecided = "the class rests on the size " + number(size) + " alone (without it, "
                    + complexityName(without.fits[0].complexity) + " fits best)";
                return analysis;
            }
        }
    }
    return analysis;
}

ScalingPrediction predictScaling(
    std::span<const ScalingSample> samples, Complexity complexity, double n, int resamples, std::uint64_t seed)
{
    ScalingPrediction prediction;
    prediction.n = n;
    std::vector<ScalingPoint> points;
    double smallest = std::numeric_limits<double>::infinity(), largest = 0;
    for (const auto& s : samples) {
        if (s.values.empty())
            continue;
        points.push_back(scalingPoint(s.n, s.values));
        smallest = std::min(smallest, s.n);
        largest = std::max(largest, s.n);
    }
    const auto fitOf = [&](std::span<const ScalingPoint> curve) {
        std::size_t leftOut = 0;
        const auto kept = usable(curve, leftOut);
        return kept.size() >= 2 ? std::optional(fit(complexity, kept)) : std::nullopt;
    };
    const auto whole = fitOf(points);
    if (!whole) {
        prediction.value = prediction.low = prediction.high = std::nan("");
        return prediction;
    }
    prediction.value = whole->predict(n);
    prediction.farOutside = n > 10 * largest || n < smallest / 10;
    // Each resample keeps every size's standard error from the data, so that the weights stay those of the fit.
    std::mt19937_64 random(seed);
    std::vector<double> predicted;
    std::vector<ScalingPoint> resampled = points;
    std::size_t used = 0;
    for (int r = 0; r < resamples; ++r) {
        used = 0;
        for (const auto& s : samples) {
            if (s.values.empty())
                continue;
            std::uniform_int_distribution<std::size_t> pick(0, s.values.size() - 1);
            std::vector<double> draw(s.values.size());
            for (auto& v : draw)
                v = s.values[pick(random)];
            std::sort(draw.begin(), draw.end());
            resampled[used++].median = quantile(draw, 0.5);
        }
        if (const auto f = fitOf(resampled))
            predicted.push_back(f->predict(n));
    }
    std::sort(predicted.begin(), predicted.end());
    prediction.low = predicted.empty() ? prediction.value : quantile(predicted, 0.025);
    prediction.high = predicted.empty() ? prediction.value : quantile(predicted, 0.975);
    return prediction;
}

} // namespace pyrometer
