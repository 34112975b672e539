#include "core/formats/results_json.h"

#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <cmath>
#include <sstream>

namespace pyrometer {
namespace {
Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

template <typename T> Json optional(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

template <typename T> std::optional<T> optionalFrom(const Json& json, const char* key)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return std::nullopt;
    return it->template get<T>();
}

Json summaryToJson(const BenchmarkResult& benchmark)
{
    const auto s = summarize(benchmark);
    const auto& w = s.wall;
    Json ci = nullptr;
    if (w.medianCiLow && w.medianCiHigh)
        ci = Json::array({ *w.medianCiLow, *w.medianCiHigh });
    return Json {
        { "n", w.n },
        { "failed_runs", s.failedRuns },
        { "warmup_runs", s.warmupRuns },
        { "mean_s", number(w.mean) },
        { "median_s", number(w.median) },
        { "median_ci95_s", ci },
        { "median_ci_confidence", w.medianCiLow ? number(w.medianCiConfidence) : Json(nullptr) },
        { "stddev_s", number(w.stddev) },
        { "min_s", number(w.min) },
        { "max_s", number(w.max) },
        { "p5_s", number(w.p5) },
        { "p25_s", number(w.p25) },
        { "p75_s", number(w.p75) },
        { "p95_s", number(w.p95) },
        { "p99_s", number(w.p99) },
        { "mad_s", number(w.mad) },
        { "iqr_s", number(w.iqr) },
        { "cv", number(w.cv) },
        { "outliers",
            {
                { "tukey_mild_low", w.outliers.mildLow },
                { "tukey_mild_high", w.outliers.mildHigh },
                { "tukey_severe_low", w.outliers.severeLow },
                { "tukey_severe_high", w.outliers.severeHigh },
                { "modified_z", w.outliers.modifiedZ },
            } },
        { "user_median_s", number(s.userMedian) },
        { "sys_median_s", number(s.sysMedian) },
        { "max_rss_median_bytes", number(s.maxRssMedian) },
        { "max_rss_max_bytes", s.maxRssMax },
    };
}

const char* orderName(RunOrder order)
{
    return order == RunOrder::Sequential ? "sequential" : "interleaved";
}

/// Runs a reader and turns any type or key error into one InputError naming the place.
template <typename F> auto checked(const std::string& where, F&& read)
{
    try {
        return read();
    } catch (const nlohmann::json::exception& e) {
        throw InputError("not a valid Pyrometer results file: " + where + ": " + e.what());
    }
}
} // namespace

Json environmentToJson(const Environment& e)
{
    Json loadEnd = nullptr;
    if (e.loadAverageEnd)
        loadEnd = *e.loadAverageEnd;
    return Json {
        { "pyrometer_version", e.pyrometerVersion },
        { "date", e.date },
        { "hostname", e.hostname },
        { "os", e.os },
        { "kernel", e.kernel },
        { "cpu_model", e.cpuModel },
        { "logical_cores", e.logicalCores },
        { "cpu_governor", optional(e.cpuGovernor) },
        { "load_average_start", e.loadAverageStart },
        { "load_average_end", loadEnd },
    };
}

Environment environmentFromJson(const Json& j)
{
    Environment e;
    e.pyrometerVersion = j.at("pyrometer_version").get<std::string>();
    e.date = j.at("date").get<std::string>();
    e.hostname = j.at("hostname").get<std::string>();
    e.os = j.at("os").get<std::string>();
    e.kernel = j.at("kernel").get<std::string>();
    e.cpuModel = j.at("cpu_model").get<std::string>();
    e.logicalCores = j.at("logical_cores").get<unsigned>();
    e.cpuGovernor = optionalFrom<std::string>(j, "cpu_governor");
    e.loadAverageStart = j.at("load_average_start").get<std::array<double, 3>>();
    e.loadAverageEnd = optionalFrom<std::array<double, 3>>(j, "load_average_end");
    return e;
}

Json runToJson(const RunRecord& r)
{
    Json j {
        { "warmup", r.warmup },
        { "wall_s", toSeconds(r.wall) },
        { "user_s", toSeconds(r.user) },
        { "sys_s", toSeconds(r.sys) },
        { "max_rss_bytes", r.maxRssBytes },
        { "minor_faults", r.minorFaults },
        { "major_faults", r.majorFaults },
        { "voluntary_switches", r.voluntarySwitches },
        { "involuntary_switches", r.involuntarySwitches },
        { "block_in", r.blockInputs },
        { "block_out", r.blockOutputs },
        { "exit_code", optional(r.exitCode) },
        { "signal", optional(r.signal) },
        { "timed_out", r.timedOut },
        { "hash_seed", optional(r.hashSeed) },
        { "stdout_bytes", r.stdoutBytes },
        { "stderr_bytes", r.stderrBytes },
    };
    // Output tails of every run would swell the file; those of failed runs explain the failure.
    if (!r.succeeded()) {
        j["stdout_tail"] = r.stdoutTail;
        j["stderr_tail"] = r.stderrTail;
    }
    if (!r.launchError.empty())
        j["launch_error"] = r.launchError;
    if (r.timeline)
        j["timeline"] = timelineToJson(*r.timeline);
    return j;
}

RunRecord runFromJson(const Json& j)
{
    RunRecord r;
    r.warmup = j.at("warmup").get<bool>();
    r.wall = fromSeconds(j.at("wall_s").get<double>());
    r.user = fromSeconds(j.at("user_s").get<double>());
    r.sys = fromSeconds(j.at("sys_s").get<double>());
    r.maxRssBytes = j.at("max_rss_bytes").get<std::int64_t>();
    r.minorFaults = j.value("minor_faults", std::int64_t { 0 });
    r.majorFaults = j.value("major_faults", std::int64_t { 0 });
    r.voluntarySwitches = j.value("voluntary_switches", std::int64_t { 0 });
    r.involuntarySwitches = j.value("involuntary_switches", std::int64_t { 0 });
    r.blockInputs = j.value("block_in", std::int64_t { 0 });
    r.blockOutputs = j.value("block_out", std::int64_t { 0 });
    r.exitCode = optionalFrom<int>(j, "exit_code");
    r.signal = optionalFrom<int>(j, "signal");
    r.timedOut = j.at("timed_out").get<bool>();
    r.hashSeed = optionalFrom<std::uint32_t>(j, "hash_seed");
    r.stdoutBytes = j.value("stdout_bytes", std::uint64_t { 0 });
    r.stderrBytes = j.value("stderr_bytes", std::uint64_t { 0 });
    r.stdoutTail = j.value("stdout_tail", std::string());
    r.stderrTail = j.value("stderr_tail", std::string());
    r.launchError = j.value("launch_error", std::string());
    if (const auto timeline = j.find("timeline"); timeline != j.end())
        r.timeline = std::make_shared<const Timeline>(timelineFromJson(*timeline));
    return r;
}

Json benchmarkHeaderToJson(const BenchmarkResult& b)
{
    Json interpreter = nullptr;
    if (b.interpreter) {
        interpreter = Json { { "requested", b.interpreter->requested }, { "path", b.interpreter->path },
            { "implementation", b.interpreter->implementation }, { "version", b.interpreter->version } };
    }
    Json git = nullptr;
    if (b.git)
        git = Json { { "commit", b.git->commit }, { "branch", b.git->branch }, { "dirty", b.git->dirty } };
    const auto& s = b.settings;
    Json environment = Json::object();
    for (const auto& [name, value] : s.environment)
        environment[name] = value;
    return Json {
        { "name", b.name },
        { "command", b.command },
        { "script", optional(b.script) },
        { "interpreter", interpreter },
        { "git", git },
        { "settings",
            {
                { "runs", s.runs },
                { "warmups", s.warmups },
                { "timeout_s", s.timeout ? Json(toSeconds(*s.timeout)) : Json(nullptr) },
                { "env", environment },
                { "cwd", s.workingDirectory.empty() ? Json(nullptr) : Json(s.workingDirectory) },
                { "hash_seed", s.fixedHashSeed ? Json(*s.fixedHashSeed) : Json("random") },
                { "sample_hz", s.sampleHz },
                { "probe", s.probe.names() },
            } },
        { "failure", optional(b.failure) },
    };
}

BenchmarkResult benchmarkHeaderFromJson(const Json& j)
{
    BenchmarkResult b;
    b.name = j.at("name").get<std::string>();
    b.command = j.at("command").get<std::vector<std::string>>();
    b.script = optionalFrom<std::string>(j, "script");
    if (const auto& i = j.at("interpreter"); !i.is_null()) {
        b.interpreter = InterpreterInfo { i.at("requested").get<std::string>(), i.at("path").get<std::string>(),
            i.at("implementation").get<std::string>(), i.at("version").get<std::string>() };
    }
    if (const auto& g = j.at("git"); !g.is_null())
        b.git = GitInfo { g.at("commit").get<std::string>(), g.at("branch").get<std::string>(),
            g.at("dirty").get<bool>() };
    const auto& s = j.at("settings");
    b.settings.runs = s.at("runs").get<int>();
    b.settings.warmups = s.at("warmups").get<int>();
    if (const auto timeout = optionalFrom<double>(s, "timeout_s"))
        b.settings.timeout = fromSeconds(*timeout);
    for (const auto& [name, value] : s.at("env").items())
        b.settings.environment[name] = value.get<std::string>();
    b.settings.workingDirectory = optionalFrom<std::string>(s, "cwd").value_or("");
    if (const auto& seed = s.at("hash_seed"); seed.is_number())
        b.settings.fixedHashSeed = seed.get<std::uint32_t>();
    b.settings.sampleHz = s.value("sample_hz", 0);
    if (const auto probe = s.find("probe"); probe != s.end())
        b.settings.probe = ProbeSettings::fromNames(probe->get<std::vector<std::string>>());
    b.failure = optionalFrom<std::string>(j, "failure");
    return b;
}

Json toJson(const Results& results)
{
    Json benchmarks = Json::array();
    for (const auto& benchmark : results.benchmarks) {
        Json b = benchmarkHeaderToJson(benchmark);
        Json runs = Json::array();
        for (const auto& run : benchmark.runs)
            runs.push_back(runToJson(run));
        b["runs"] = std::move(runs);
        if (benchmark.probe)
            b["probe"] = probeToJson(*benchmark.probe);
        b["summary"] = summaryToJson(benchmark);
        benchmarks.push_back(std::move(b));
    }
    Json json {
        { "schema", Results::schema },
        { "complete", results.complete },
        { "order", orderName(results.order) },
        { "ignore_failure", results.ignoreFailure },
    };
    if (!results.importedFrom.empty())
        json["imported_from"] = results.importedFrom;
    json["environment"] = environmentToJson(results.environment);
    json["benchmarks"] = std::move(benchmarks);
    return json;
}

Results resultsFromJson(const Json& json)
{
    if (!json.is_object() || !json.contains("schema"))
        throw InputError("not a Pyrometer results file: no \"schema\" key");
    const auto& schema = json.at("schema");
    if (!schema.is_string() || schema.get<std::string>() != Results::schema) {
        throw InputError(
            "unsupported results schema " + schema.dump() + " (this Pyrometer reads \"" + Results::schema + "\")");
    }
    Results results;
    checked("top level", [&] {
        results.complete = json.at("complete").get<bool>();
        results.order
            = json.at("order").get<std::string>() == "sequential" ? RunOrder::Sequential : RunOrder::Interleaved;
        results.ignoreFailure = json.at("ignore_failure").get<bool>();
        results.importedFrom = json.value("imported_from", std::string());
        results.environment = environmentFromJson(json.at("environment"));
        return 0;
    });
    const auto found = json.find("benchmarks");
    if (found == json.end() || !found->is_array())
        throw InputError("not a valid Pyrometer results file: no \"benchmarks\" array");
    const auto& benchmarks = *found;
    for (std::size_t i = 0; i < benchmarks.size(); ++i) {
        checked("benchmark " + std::to_string(i + 1), [&] {
            auto benchmark = benchmarkHeaderFromJson(benchmarks[i]);
            for (const auto& run : benchmarks[i].at("runs"))
                benchmark.runs.push_back(runFromJson(run));
            if (const auto probe = benchmarks[i].find("probe"); probe != benchmarks[i].end())
                benchmark.probe = probeFromJson(*probe);
            results.benchmarks.push_back(std::move(benchmark));
            return 0;
        });
    }
    return results;
}

namespace {
void writeIndented(const Json& json, std::string& out, int depth)
{
    const auto flat = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
    if (!json.is_structured() || json.empty()) {
        out += flat(json);
        return;
    }
    bool leaf = true;
    bool numbers = true;
    for (const auto& item : json) {
        leaf = leaf && !item.is_structured();
        numbers = numbers && (item.is_number() || item.is_null());
    }
    if (leaf) {
        auto line = flat(json);
        if (numbers || line.size() <= 160) {
            out += line;
            return;
        }
    }
    const bool object = json.is_object();
    const std::string inner(static_cast<std::size_t>(2 * (depth + 1)), ' ');
    out += object ? "{\n" : "[\n";
    bool first = true;
    for (auto it = json.begin(); it != json.end(); ++it) {
        out += first ? "" : ",\n";
        first = false;
        out += inner;
        if (object)
            out += flat(Json(it.key())) + ": ";
        writeIndented(*it, out, depth + 1);
    }
    out += '\n' + std::string(static_cast<std::size_t>(2 * depth), ' ') + (object ? '}' : ']');
}
} // namespace

std::string indentedJson(const Json& json)
{
    std::string out;
    writeIndented(json, out, 0);
    return out;
}

std::string resultsJsonText(const Results& results)
{
    return indentedJson(toJson(results)) + '\n';
}

} // namespace pyrometer
