#include "core/formats/results_json.h"

#include "core/formats/json_input.h"
#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <cmath>
#include <limits>
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

Json summaryToJson(const BenchmarkResult& benchmark)
{
    const auto s = summarize(benchmark);
    const auto cpu = [&](double value) { return benchmark.measured.userAndSystem() ? number(value) : Json(nullptr); };
    const auto memory = [&](double value) { return benchmark.measured.memory ? number(value) : Json(nullptr); };
    // A benchmark of memory alone has no times: null, never 0.
    const auto time = [&](double value) { return benchmark.measured.wall ? number(value) : Json(nullptr); };
    const auto& w = s.wall;
    Json ci = nullptr;
    if (benchmark.measured.wall && w.medianCiLow && w.medianCiHigh)
        ci = Json::array({ *w.medianCiLow, *w.medianCiHigh });
    return Json {
        { "n", w.n },
        { "failed_runs", s.failedRuns },
        { "warmup_runs", s.warmupRuns },
        { "mean_s", time(w.mean) },
        { "median_s", time(w.median) },
        { "median_ci95_s", ci },
        { "median_ci_confidence", w.medianCiLow ? number(w.medianCiConfidence) : Json(nullptr) },
        { "stddev_s", time(w.stddev) },
        { "min_s", time(w.min) },
        { "max_s", time(w.max) },
        { "p5_s", time(w.p5) },
        { "p25_s", time(w.p25) },
        { "p75_s", time(w.p75) },
        { "p95_s", time(w.p95) },
        { "p99_s", time(w.p99) },
        { "mad_s", time(w.mad) },
        { "iqr_s", time(w.iqr) },
        { "cv", time(w.cv) },
        { "outliers",
            {
                { "tukey_mild_low", w.outliers.mildLow },
                { "tukey_mild_high", w.outliers.mildHigh },
                { "tukey_severe_low", w.outliers.severeLow },
                { "tukey_severe_high", w.outliers.severeHigh },
                { "modified_z", w.outliers.modifiedZ },
            } },
        { "user_median_s", cpu(s.userMedian) },
        { "sys_median_s", cpu(s.sysMedian) },
        { "max_rss_median_bytes", memory(s.maxRssMedian) },
        { "max_rss_max_bytes", benchmark.measured.memory ? Json(s.maxRssMax) : Json(nullptr) },
    };
}

const char* orderName(RunOrder order)
{
    return order == RunOrder::Sequential ? "sequential" : "interleaved";
}

} // namespace

Json settingsToJson(const BenchmarkSettings& s)
{
    Json environment = Json::object();
    for (const auto& [name, value] : s.environment)
        environment[name] = value;
    Json settings {
        { "runs", s.runs },
        { "warmups", s.warmups },
        { "timeout_s", s.timeout ? Json(toSeconds(*s.timeout)) : Json(nullptr) },
        { "env", environment },
        { "cwd", s.workingDirectory.empty() ? Json(nullptr) : Json(s.workingDirectory) },
        { "hash_seed", s.fixedHashSeed ? Json(*s.fixedHashSeed) : Json("random") },
        { "sample_hz", s.sampleHz },
        { "probe", s.probe.names() },
    };
    if (!s.cpus.empty())
        settings["cpus"] = s.cpus;
    if (s.nice)
        settings["nice"] = *s.nice;
    if (!s.runtime.empty())
        settings["runtime"] = s.runtime;
    for (const auto& [key, command] :
        { std::pair { "setup", &s.hooks.setup }, std::pair { "prepare", &s.hooks.prepare },
            std::pair { "conclude", &s.hooks.conclude }, std::pair { "cleanup", &s.hooks.cleanup } })
        if (!command->empty())
            settings["hooks"][key] = *command;
    if (const auto& a = s.adaptive)
        settings["adaptive"] = { { "min_runs", a->minRuns }, { "max_runs", a->maxRuns },
            { "min_time_s", a->minTimeSeconds },
            { "max_time_s", a->maxTimeSeconds ? Json(*a->maxTimeSeconds) : Json(nullptr) },
            { "precision", a->precision ? Json(*a->precision) : Json(nullptr) }, { "until_decided", a->untilDecided } };
    return settings;
}

BenchmarkSettings settingsFromJson(const Json& s)
{
    BenchmarkSettings settings;
    settings.runs = static_cast<int>(integerField(s, "runs", 0, std::numeric_limits<int>::max()));
    settings.warmups = static_cast<int>(integerField(s, "warmups", 0, std::numeric_limits<int>::max()));
    if (optionalField(s, "timeout_s"))
        settings.timeout = nanosecondsFromSeconds(secondsField(s, "timeout_s"));
    settings.environment = textMapField(s, "env");
    settings.workingDirectory = optionalTextField(s, "cwd").value_or("");
    if (const auto& seed = field(s, "hash_seed"); !seed.is_string())
        settings.fixedHashSeed = static_cast<std::uint32_t>(integerField(s, "hash_seed", 0, 4294967295));
    settings.sampleHz = static_cast<int>(optionalIntegerField(s, "sample_hz", 0, 1'000'000).value_or(0));
    if (optionalField(s, "probe"))
        settings.probe = ProbeSettings::fromNames(textListField(s, "probe"));
    if (optionalField(s, "cpus")) {
        const auto& cpus = arrayField(s, "cpus");
        for (std::size_t i = 0; i < cpus.size(); ++i)
            settings.cpus.push_back(static_cast<int>(integerValue(cpus[i], "CPU " + std::to_string(i + 1), 0, 65535)));
    }
    if (const auto nice = optionalIntegerField(s, "nice", -20, 19))
        settings.nice = static_cast<int>(*nice);
    settings.runtime = optionalTextField(s, "runtime").value_or("");
    if (const auto* hooks = optionalField(s, "hooks")) {
        within("hooks", [&] {
            auto& h = settings.hooks;
            for (const auto& [key, command] : { std::pair { "setup", &h.setup }, std::pair { "prepare", &h.prepare },
                     std::pair { "conclude", &h.conclude }, std::pair { "cleanup", &h.cleanup } })
                *command = optionalTextField(*hooks, key).value_or("");
            return 0;
        });
    }
    if (const auto* adaptive = optionalField(s, "adaptive")) {
        settings.adaptive = within("adaptive", [&] {
            AdaptiveRuns a;
            a.minRuns = static_cast<int>(integerField(*adaptive, "min_runs", 0, std::numeric_limits<int>::max()));
            a.maxRuns = static_cast<int>(integerField(*adaptive, "max_runs", 0, std::numeric_limits<int>::max()));
            a.minTimeSeconds = secondsField(*adaptive, "min_time_s");
            a.maxTimeSeconds = optionalSecondsField(*adaptive, "max_time_s");
            a.precision = optionalNumberField(*adaptive, "precision", 0, 1);
            a.untilDecided = optionalField(*adaptive, "until_decided") && flagField(*adaptive, "until_decided");
            return a;
        });
    }
    return settings;
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
    if (!r.failure.empty())
        j["failure"] = r.failure;
    if (r.timeline)
        j["timeline"] = timelineToJson(*r.timeline);
    if (r.spawnedAtNs > 0)
        j["spawned_at_ns"] = r.spawnedAtNs; // CLOCK_MONOTONIC: the runs' order and gaps in time, within one file
    if (r.process)
        j["process"] = *r.process;
    if (r.loops > 0) {
        // wall_s is the time per call too, so that every reader of runs reads the function's figure.
        j["loops"] = r.loops;
        j["per_call_s"] = toSeconds(r.wall);
    }
    return j;
}

RunRecord runFromJson(const Json& j)
{
    RunRecord r;
    r.warmup = flagField(j, "warmup");
    r.wall = fromSeconds(secondsField(j, "wall_s"));
    r.user = fromSeconds(secondsField(j, "user_s"));
    r.sys = fromSeconds(secondsField(j, "sys_s"));
    r.maxRssBytes = integerField(j, "max_rss_bytes", 0, maxCount);
    const auto count = [&](const char* key) { return optionalIntegerField(j, key, 0, maxCount).value_or(0); };
    r.minorFaults = count("minor_faults");
    r.majorFaults = count("major_faults");
    r.voluntarySwitches = count("voluntary_switches");
    r.involuntarySwitches = count("involuntary_switches");
    r.blockInputs = count("block_in");
    r.blockOutputs = count("block_out");
    if (const auto code = optionalIntegerField(j, "exit_code", 0, 255))
        r.exitCode = static_cast<int>(*code);
    if (const auto signal = optionalIntegerField(j, "signal", 1, 64))
        r.signal = static_cast<int>(*signal);
    r.timedOut = flagField(j, "timed_out");
    if (const auto seed = optionalIntegerField(j, "hash_seed", 0, 4294967295))
        r.hashSeed = static_cast<std::uint32_t>(*seed);
    r.stdoutBytes = static_cast<std::uint64_t>(count("stdout_bytes"));
    r.stderrBytes = static_cast<std::uint64_t>(count("stderr_bytes"));
    r.stdoutTail = optionalTextField(j, "stdout_tail").value_or("");
    r.stderrTail = optionalTextField(j, "stderr_tail").value_or("");
    r.launchError = optionalTextField(j, "launch_error").value_or("");
    r.failure = optionalTextField(j, "failure").value_or("");
    if (const auto process = optionalIntegerField(j, "process", 1, 4294967295))
        r.process = static_cast<std::uint32_t>(*process);
    r.loops = optionalIntegerField(j, "loops", 1, maxLoops).value_or(0);
    r.spawnedAtNs = optionalIntegerField(j, "spawned_at_ns", 1, std::numeric_limits<std::int64_t>::max()).value_or(0);
    if (const auto* timeline = optionalField(j, "timeline"))
        r.timeline = std::make_shared<const Timeline>(within("timeline", [&] { return timelineFromJson(*timeline); }));
    return r;
}

namespace {
/// "not_measured": what another tool's file did not hold; absent for Pyrometer's own runs, which hold all.
void writeNotMeasured(Json& header, const Measured& measured)
{
    if (measured.all())
        return;
    Json missing = Json::array();
    for (const auto& [name, held] : { std::pair { "cpu", measured.cpu }, std::pair { "memory", measured.memory },
             std::pair { "counters", measured.counters }, std::pair { "wall", measured.wall },
             std::pair { "cpu_split", measured.cpuSplit } }) {
        if (!held)
            missing.push_back(name);
    }
    header["not_measured"] = std::move(missing);
}

/// The figures another tool stated ("stated"), in seconds; absent fields were not stated.
constexpr std::pair<const char*, std::optional<double> StatedSummary::*> statedTimes[] = {
    { "user_mean_s", &StatedSummary::userMean },
    { "system_mean_s", &StatedSummary::systemMean },
    { "mean_s", &StatedSummary::mean },
    { "stddev_s", &StatedSummary::stddev },
    { "median_s", &StatedSummary::median },
    { "min_s", &StatedSummary::min },
    { "max_s", &StatedSummary::max },
    { "q1_s", &StatedSummary::q1 },
    { "q3_s", &StatedSummary::q3 },
};

Json statedToJson(const StatedSummary& stated)
{
    Json json = Json::object();
    for (const auto& [key, member] : statedTimes) {
        if (stated.*member)
            json[key] = *(stated.*member);
    }
    if (stated.runs)
        json["runs"] = *stated.runs;
    return json;
}

StatedSummary statedFromJson(const Json& json)
{
    StatedSummary stated;
    for (const auto& [key, member] : statedTimes)
        stated.*member = optionalSecondsField(json, key);
    stated.runs = optionalIntegerField(json, "runs", 0, maxCount);
    return stated;
}

Measured notMeasuredFrom(const Json& header)
{
    Measured measured;
    if (!optionalField(header, "not_measured"))
        return measured;
    for (const auto& name : textListField(header, "not_measured")) {
        if (name == "cpu")
            measured.cpu = false;
        else if (name == "memory")
            measured.memory = false;
        else if (name == "counters")
            measured.counters = false;
        else if (name == "wall")
            measured.wall = false;
        else if (name == "cpu_split")
            measured.cpuSplit = false; // user_s holds user + system
        else
            throw InputError("field 'not_measured' names '" + name + "', not cpu, memory, counters, wall or cpu_split");
    }
    return measured;
}
} // namespace

Json benchmarkHeaderToJson(const BenchmarkResult& b)
{
    Json interpreter = nullptr;
    if (b.interpreter) {
        interpreter = Json { { "requested", b.interpreter->requested }, { "path", b.interpreter->path },
            { "implementation", b.interpreter->implementation }, { "version", b.interpreter->version } };
        if (b.interpreter->startupSeconds)
            interpreter["startup_s"] = *b.interpreter->startupSeconds;
    }
    Json git = nullptr;
    if (b.git) {
        git = Json { { "commit", b.git->commit }, { "branch", b.git->branch }, { "dirty", b.git->dirty } };
        for (const auto& [key, value] : { std::pair { "project", &b.git->project },
                 std::pair { "commit_date", &b.git->commitDate }, std::pair { "subject", &b.git->subject } })
            if (!value->empty())
                git[key] = *value;
    }
    const auto settings = settingsToJson(b.settings);

    Json header {
        { "name", b.name },
        { "command", b.command },
        { "script", optional(b.script) },
        { "interpreter", interpreter },
        { "git", git },
        { "settings", settings },
        { "failure", optional(b.failure) },
    };
    if (!b.stopReason.empty())
        header["stop_reason"] = b.stopReason;
    writeNotMeasured(header, b.measured);
    if (b.stated)
        header["stated"] = statedToJson(*b.stated);
    if (!b.parameters.empty())
        header["parameters"] = b.parameters;
    if (const auto& f = b.function) {
        header["kind"] = "function";
        header["function"] = {
            { "name", f->function },
            { "case", f->caseId },
            { "loops", f->loops },
            { "min_time_s", static_cast<double>(f->minTimeNs) / 1e9 },
            { "gc", f->gcOff ? "off" : "on" },
            { "harness_s", f->harnessSeconds ? Json(*f->harnessSeconds) : Json(nullptr) },
        };
    }
    return header;
}

BenchmarkResult benchmarkHeaderFromJson(const Json& j)
{
    BenchmarkResult b;
    b.name = textField(j, "name");
    b.command = textListField(j, "command");
    b.script = optionalTextField(j, "script");
    if (const auto* i = optionalField(j, "interpreter")) {
        b.interpreter = within("interpreter", [&] {
            return InterpreterInfo { textField(*i, "requested"), textField(*i, "path"), textField(*i, "implementation"),
                textField(*i, "version"), optionalSecondsField(*i, "startup_s") };
        });
    }
    if (const auto* g = optionalField(j, "git"))
        b.git = within("git", [&] {
            return GitInfo { textField(*g, "commit"), textField(*g, "branch"), flagField(*g, "dirty"),
                optionalTextField(*g, "project").value_or(""), optionalTextField(*g, "commit_date").value_or(""),
                optionalTextField(*g, "subject").value_or("") };
        });
    b.settings = within("settings", [&] { return settingsFromJson(field(j, "settings")); });
    b.failure = optionalTextField(j, "failure");
    b.stopReason = optionalTextField(j, "stop_reason").value_or("");
    b.measured = notMeasuredFrom(j);
    if (const auto* stated = optionalField(j, "stated"))
        b.stated = within("stated", [&] { return statedFromJson(*stated); });
    if (optionalField(j, "parameters"))
        b.parameters = textMapField(j, "parameters");
    if (const auto kind = optionalTextField(j, "kind"); kind && *kind != "function")
        throw InputError("field 'kind' is '" + *kind + "'; this Pyrometer knows 'function' (or none, for a script)");
    else if (kind) {
        b.function = within("function", [&] {
            const auto& f = field(j, "function");
            FunctionBenchmark function;
            function.function = textField(f, "name");
            function.caseId = textField(f, "case");
            function.loops = integerField(f, "loops", 0, maxLoops);
            function.minTimeNs = nanosecondsFromSeconds(secondsField(f, "min_time_s")).count();
            const auto gc = textField(f, "gc");
            if (gc != "on" && gc != "off")
                throw InputError("field 'gc' is '" + gc + "', neither 'on' nor 'off'");
            function.gcOff = gc == "off";
            if (optionalField(f, "harness_s"))
                function.harnessSeconds = secondsField(f, "harness_s");
            return function;
        });
        if (!b.script)
            throw InputError("a benchmark function names no 'script' (its file)");
    }
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
        if (auto memory = memorySummaryToJson(benchmark); !memory.is_null())
            b["summary"]["memory"] = std::move(memory);
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

RunOrder orderFromJson(const Json& json)
{
    const auto order = textField(json, "order");
    if (order != "sequential" && order != "interleaved")
        throw InputError("field 'order' is '" + order + "', neither 'interleaved' nor 'sequential'");
    return order == "sequential" ? RunOrder::Sequential : RunOrder::Interleaved;
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
    results.complete = flagField(json, "complete");
    results.order = orderFromJson(json);
    results.ignoreFailure = flagField(json, "ignore_failure");
    results.importedFrom = optionalTextField(json, "imported_from").value_or("");
    results.environment = environmentFromJson(field(json, "environment"));
    const auto& benchmarks = field(json, "benchmarks");
    if (!benchmarks.is_array())
        throw InputError("field 'benchmarks' should be an array, not " + jsonKind(benchmarks));
    for (std::size_t i = 0; i < benchmarks.size(); ++i) {
        within("benchmark " + std::to_string(i + 1), [&] {
            auto benchmark = benchmarkHeaderFromJson(benchmarks[i]);
            within("'" + benchmark.name + "'", [&] {
                const auto& runs = field(benchmarks[i], "runs");
                if (!runs.is_array())
                    throw InputError("field 'runs' should be an array, not " + jsonKind(runs));
                for (std::size_t k = 0; k < runs.size(); ++k)
                    benchmark.runs.push_back(
                        within("run " + std::to_string(k + 1), [&] { return runFromJson(runs[k]); }));
                if (const auto* probe = optionalField(benchmarks[i], "probe"))
                    benchmark.probe = within("probe", [&] { return probeFromJson(*probe); });
                return 0;
            });
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
