#include "core/compare/comparison_report.h"

#include "core/formats/results_json.h"

namespace pyrometer {
namespace {
Json sideJson(const Summary& s)
{
    Json json { { "runs", s.n } };
    if (s.n > 0) {
        json["median"] = s.median;
        json["mean"] = s.mean;
        json["min"] = s.min;
        json["max"] = s.max;
    }
    if (s.medianCiLow)
        json["median_ci"] = { *s.medianCiLow, *s.medianCiHigh };
    return json;
}
} // namespace

std::string comparisonJson(const Comparison& c, const ComparisonSides& sides)
{
    Json pairs = Json::array();
    for (const auto& p : c.pairs) {
        Json pair { { "name", p.name }, { "baseline_name", p.baselineName }, { "candidate_name", p.candidateName },
            { "baseline", sideJson(p.baseline) }, { "candidate", sideJson(p.candidate) } };
        if (p.baseline.n > 0 && p.candidate.n > 0) {
            pair["ratio"] = p.ratio.ratio;
            pair["ratio_ci"] = { p.ratio.low, p.ratio.high };
            pair["mann_whitney"] = { { "u", p.mannWhitney.statistic }, { "p_value", p.mannWhitney.pValue },
                { "exact", p.mannWhitney.exact } };
            pair["welch"] = p.welch ? Json { { "t", p.welch->statistic }, { "p_value", p.welch->pValue } } : Json();
            pair["hodges_lehmann_shift"] = p.shiftSeconds;
        }
        pair["verdict"] = verdictText(p.verdict);
        pairs.push_back(std::move(pair));
    }
    Json differences = Json::array();
    for (const auto& d : c.environmentDifferences)
        differences.push_back({ { "what", d.what }, { "baseline", d.baseline }, { "candidate", d.candidate } });
    Json json {
        { "schema", "pyrometer.compare/1" },
        { "baseline", sides.baseline },
        { "candidate", sides.candidate },
        { "method",
            { { "test", "two-sided Mann-Whitney U" }, { "alpha", c.settings.alpha },
                { "threshold", c.settings.threshold }, { "confidence", c.settings.confidence },
                { "resamples", c.settings.resamples }, { "seed", c.settings.seed },
                { "description", describeMethod(c.settings) } } },
        { "any_slower", c.anySlower() },
        { "pairs", std::move(pairs) },
        { "only_in_baseline", c.onlyInBaseline },
        { "only_in_candidate", c.onlyInCandidate },
        { "environment_differences", std::move(differences) },
    };
    if (c.geometricMean) {
        json["geometric_mean"] = { { "ratio", c.geometricMean->ratio },
            { "ratio_ci", { c.geometricMean->low, c.geometricMean->high } }, { "pairs", c.geometricMean->pairs } };
    }
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace pyrometer
