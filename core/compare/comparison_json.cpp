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

Json testJson(const TestResult& test, const std::string& name)
{
    return { { "name", name }, { "statistic", test.statistic }, { "p_value", test.pValue }, { "exact", test.exact },
        { "floor", test.floor } };
}

Json metricJson(const MetricComparison& m, const std::string& testName)
{
    Json json { { "verdict", verdictText(m.verdict) } };
    if (m.verdict == Verdict::NotMeasured)
        return json;
    json["baseline"] = sideJson(m.baseline);
    json["candidate"] = sideJson(m.candidate);
    if (m.hasRatio()) {
        json["ratio"] = m.ratio.ratio;
        json["ratio_ci"] = { m.ratio.low, m.ratio.high };
        json["test"] = testJson(m.test, testName);
    }
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
            pair["test"] = testJson(p.test, testName(p));
            pair["welch"] = p.welch ? Json { { "t", p.welch->statistic }, { "p_value", p.welch->pValue } } : Json();
            pair["hodges_lehmann_shift"] = p.shiftSeconds;
        }
        pair["verdict"] = verdictText(p.verdict);
        pair["paired_by"] = p.pairedBy == PairedBy::Hand ? "hand" : p.pairedBy == PairedBy::Name ? "name" : "command";
        if (p.pairedRuns)
            pair["paired_runs"] = *p.pairedRuns;
        // Wall time above, as in /1; every metric in the same form here.
        Json metrics = Json::object();
        for (const auto metric : { Metric::Wall, Metric::Cpu, Metric::Memory })
            metrics[metricKey(metric)] = metricJson(p.metric(metric), testName(p));
        pair["metrics"] = std::move(metrics);
        pairs.push_back(std::move(pair));
    }
    Json differences = Json::array();
    for (const auto& d : c.environmentDifferences)
        differences.push_back({ { "what", d.what }, { "baseline", d.baseline }, { "candidate", d.candidate } });
    Json gate = Json::array();
    for (const auto metric : c.settings.gate)
        gate.push_back(metricKey(metric));
    Json json {
        { "schema", "pyrometer.compare/2" },
        { "baseline", sides.baseline },
        { "candidate", sides.candidate },
        { "method",
            { { "test", "two-sided Mann-Whitney U; Wilcoxon signed-rank for paired runs" },
                { "alpha", c.settings.alpha }, { "gate", std::move(gate) }, { "threshold", c.settings.threshold },
                { "confidence", c.settings.confidence }, { "resamples", c.settings.resamples },
                { "seed", c.settings.seed }, { "description", describeMethod(c.settings) } } },
        { "any_slower", c.anySlower() },
        { "pairs", std::move(pairs) },
        { "only_in_baseline", c.onlyInBaseline },
        { "only_in_candidate", c.onlyInCandidate },
        { "environment_differences", std::move(differences) },
        { "machine_warnings", c.machineWarnings },
        { "findings", c.noiseFindings },
    };
    if (c.geometricMean) {
        json["geometric_mean"] = { { "ratio", c.geometricMean->ratio },
            { "ratio_ci", { c.geometricMean->low, c.geometricMean->high } }, { "pairs", c.geometricMean->pairs } };
    }
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace pyrometer
