#include "core/formats/csv_export.h"

#include "core/model/units.h"
#include "core/probe/probe_summary.h"
#include "core/stats/benchmark_summary.h"

#include <initializer_list>

namespace pyrometer {
namespace {
std::string row(std::initializer_list<std::string> cells)
{
    std::string line;
    for (const auto& cell : cells) {
        if (!line.empty())
            line += ',';
        line += cell;
    }
    return line + "\r\n";
}

std::string integer(std::int64_t value)
{
    return std::to_string(value);
}
template <typename T> std::string optionalInteger(const std::optional<T>& value)
{
    return value ? std::to_string(*value) : std::string();
}
std::string boolean(bool value)
{
    return value ? "true" : "false";
}
} // namespace

std::string hotspotsCsv(const Profile& profile)
{
    std::string text = row({ "function", "file", "line", "calls", "primitive_calls", "own_s", "cumulative_s" });
    for (const auto i : topFunctions(profile, profile.functions.size())) {
        const auto& f = profile.functions[i];
        text += row({ csvCell(f.name), csvCell(f.file), integer(f.line), integer(f.calls), integer(f.primitiveCalls),
            exactNumber(f.totalSeconds), exactNumber(f.cumulativeSeconds) });
    }
    return text;
}

std::string csvCell(std::string_view text)
{
    std::string cell(text);
    if (!cell.empty()
        && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r'))
        cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string runsCsv(const Results& results)
{
    std::string csv = row({ "benchmark", "run", "warmup", "succeeded", "wall_s", "user_s", "sys_s", "max_rss_bytes",
        "minor_faults", "major_faults", "voluntary_switches", "involuntary_switches", "block_in", "block_out",
        "exit_code", "signal", "timed_out", "hash_seed", "stdout_bytes", "stderr_bytes" });
    for (const auto& benchmark : results.benchmarks) {
        const auto name = csvCell(benchmark.name);
        const auto& measured = benchmark.measured;
        // An empty cell for what the file did not hold: never a 0 that reads as measured.
        const auto cpu = [&](Duration t) { return measured.userAndSystem() ? exactNumber(toSeconds(t)) : ""; };
        const auto counter = [&](std::int64_t n) { return measured.counters ? integer(n) : ""; };
        std::size_t index = 0;
        for (const auto& run : benchmark.runs) {
            csv += row({ name, integer(static_cast<std::int64_t>(++index)), boolean(run.warmup),
                boolean(run.succeeded()), measured.wall ? exactNumber(toSeconds(run.wall)) : "", cpu(run.user),
                cpu(run.sys), measured.memory ? integer(run.maxRssBytes) : "", counter(run.minorFaults),
                counter(run.majorFaults), counter(run.voluntarySwitches), counter(run.involuntarySwitches),
                counter(run.blockInputs), counter(run.blockOutputs), optionalInteger(run.exitCode),
                optionalInteger(run.signal), boolean(run.timedOut), optionalInteger(run.hashSeed),
                std::to_string(run.stdoutBytes), std::to_string(run.stderrBytes) });
        }
    }
    return csv;
}

std::string summaryCsv(const Results& results)
{
    std::string csv = row({ "benchmark", "n", "failed_runs", "mean_s", "median_s", "median_ci95_low_s",
        "median_ci95_high_s", "stddev_s", "min_s", "max_s", "p5_s", "p25_s", "p75_s", "p95_s", "p99_s", "mad_s",
        "iqr_s", "cv", "user_median_s", "sys_median_s", "max_rss_median_bytes", "max_rss_max_bytes", "outliers_tukey",
        "outliers_tukey_severe", "outliers_modified_z" });
    for (const auto& benchmark : results.benchmarks) {
        const auto s = summarize(benchmark);
        const auto& w = s.wall;
        const auto time = [&](double value) { return benchmark.measured.wall ? exactNumber(value) : ""; };
        const auto ci = [&](const std::optional<double>& value) { return value ? time(*value) : ""; };
        csv += row({ csvCell(benchmark.name), std::to_string(w.n), std::to_string(s.failedRuns), time(w.mean),
            time(w.median), ci(w.medianCiLow), ci(w.medianCiHigh), time(w.stddev), time(w.min), time(w.max), time(w.p5),
            time(w.p25), time(w.p75), time(w.p95), time(w.p99), time(w.mad), time(w.iqr), time(w.cv),
            benchmark.measured.userAndSystem() ? exactNumber(s.userMedian) : "",
            benchmark.measured.userAndSystem() ? exactNumber(s.sysMedian) : "",
            benchmark.measured.memory ? exactNumber(s.maxRssMedian) : "",
            benchmark.measured.memory ? std::to_string(s.maxRssMax) : "", std::to_string(w.outliers.tukeyTotal()),
            std::to_string(w.outliers.tukeySevere()), std::to_string(w.outliers.modifiedZ) });
    }
    return csv;
}

std::string summaryCsvPathFor(const std::string& runsCsvPath)
{
    const std::string suffix = ".csv";
    if (runsCsvPath.size() > suffix.size() && runsCsvPath.ends_with(suffix))
        return runsCsvPath.substr(0, runsCsvPath.size() - suffix.size()) + ".summary.csv";
    return runsCsvPath + ".summary.csv";
}

} // namespace pyrometer
