#include "core/doctor/doctor.h"

#include "core/measure/environment_capture.h"
#include "core/measure/executable_lookup.h"
#include "core/model/error.h"
#include "core/model/units.h"
#include "core/stats/statistics.h"
#include "core/stats/two_sample_tests.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <stop_token>

namespace pyrometer {
namespace {
using Clock = std::chrono::steady_clock;
constexpr double mebibyte = 1024.0 * 1024.0;

std::string percent(double fraction)
{
    return formatPercent(fraction, fraction < 0.1 ? 1 : 0);
}

std::string formatValue(double value, const std::string& unit)
{
    return unit == "B" ? formatBytes(value) : formatDuration(value);
}

/// Runs `argv` `count` times through the launcher and returns the successful runs.
/// Stops early, with the runs so far, when `stop` is requested.
std::vector<RunRecord> runTimes(
    Launcher& launcher, const std::vector<std::string>& argv, std::size_t count, std::stop_token stop)
{
    std::vector<RunRecord> runs;
    for (std::size_t i = 0; i < count && !stop.stop_requested(); ++i) {
        LaunchRequest request;
        request.argv = argv;
        request.tailBytes = 4096;
        request.timeout = std::chrono::seconds(10);
        auto run = launcher.launch(request, stop);
        if (run.succeeded())
            runs.push_back(std::move(run));
    }
    return runs;
}

template <typename Value> std::optional<double> medianOf(const std::vector<RunRecord>& runs, Value value)
{
    if (runs.empty())
        return std::nullopt;
    std::vector<double> values;
    for (const auto& run : runs)
        values.push_back(value(run));
    return summarize(std::move(values)).median;
}

double wallOf(const RunRecord& run)
{
    return toSeconds(run.wall);
}

void measureFloors(Launcher& launcher, const DoctorOptions& options, DoctorReport& report)
{
    auto& floors = report.floors;
    floors.python = options.python;
    if (const auto truePath = findExecutable("true"))
        floors.spawn = medianOf(runTimes(launcher, { *truePath }, 20, options.stop), wallOf);
    // The interpreter itself, as runs of scripts use it: a wrapper in front of it (pyenv's shim) is not timed.
    try {
        floors.pythonPath = resolveInterpreter(options.python).path;
    } catch (const InputError& error) {
        floors.pythonMissing = error.what();
        return;
    }
    const auto python = std::optional(floors.pythonPath);
    const auto plain = runTimes(launcher, { *python, "-c", "pass" }, 10, options.stop);
    const auto noSite = runTimes(launcher, { *python, "-S", "-c", "pass" }, 10, options.stop);
    if (plain.empty() || noSite.empty()) {
        floors.pythonMissing = options.python + " -c pass did not succeed";
        return;
    }
    floors.pythonStart = medianOf(plain, wallOf);
    floors.pythonStartNoSite = medianOf(noSite, wallOf);
    floors.pythonPeakRss = medianOf(noSite, [](const RunRecord& run) { return static_cast<double>(run.maxRssBytes); });
}

/// A loop of `count` decrements in `python -S`: fixed CPU-bound work with no I/O and no allocation.
std::vector<std::string> loopCommand(const std::string& python, long count)
{
    return { python, "-S", "-c", "n = " + std::to_string(count) + "\nwhile n:\n    n -= 1" };
}

void measureNoise(Launcher& launcher, const DoctorOptions& options, DoctorReport& report)
{
    const auto& python = report.floors.pythonPath;
    if (python.empty() || !report.floors.pythonStartNoSite)
        return;
    // Sized so that the loop itself takes about 20 ms, from the fastest of five runs of a million decrements, which
    // also warm the machine up (a CPU that was idle clocks up over the first runs).
    constexpr long probeCount = 1'000'000;
    const auto probes = runTimes(launcher, loopCommand(python, probeCount), 5, options.stop);
    if (probes.empty())
        return;
    double fastest = wallOf(probes.front());
    for (const auto& run : probes)
        fastest = std::min(fastest, wallOf(run));
    const double perDecrement = std::max(1e-9, (fastest - *report.floors.pythonStartNoSite) / probeCount);
    const long count = std::clamp(static_cast<long>(0.020 / perDecrement), 1000L, 1'000'000'000L);
    const auto runs = runTimes(launcher, loopCommand(python, count), options.noiseRuns, options.stop);
    if (runs.size() < 6)
        return;
    NoiseFloor noise;
    for (const auto& run : runs)
        noise.wall.push_back(wallOf(run));
    const auto summary = summarize(noise.wall);
    noise.cv = summary.cv;
    noise.medianSeconds = summary.median;
    noise.runsPerSide = 30;
    noise.detectableChange = detectableChange(noise.wall, noise.runsPerSide, options.comparison);
    report.noise = std::move(noise);
}

Validation validate(std::string key, std::string title, std::string unit, std::optional<double> expected,
    std::optional<double> measured, double tolerance, const std::string& whatIsOff)
{
    Validation check { std::move(key), std::move(title), std::move(unit), expected, measured, tolerance, false, {} };
    if (!measured || !expected) {
        check.problem = !measured ? "not measured: the runs did not succeed" : "not measured: " + whatIsOff;
        return check;
    }
    check.passed = std::abs(*measured - *expected) <= tolerance;
    if (!check.passed)
        check.problem = "reads " + formatValue(*measured, check.unit) + ", "
            + formatValue(std::abs(check.error()), check.unit) + (check.error() > 0 ? " more" : " less") + " than the "
            + formatValue(*expected, check.unit) + " expected, beyond the tolerance of "
            + formatValue(tolerance, check.unit) + ": " + whatIsOff;
    return check;
}

void validateInstrument(Launcher& launcher, const DoctorOptions& options, DoctorReport& report)
{
    const auto spawn = report.floors.spawn;
    if (const auto sleep = findExecutable("sleep")) {
        for (const auto& [seconds, runs] : { std::pair { 0.010, 5 }, std::pair { 0.100, 3 } }) {
            const auto measured
                = medianOf(runTimes(launcher, { *sleep, formatFixed(seconds, 3) }, runs, options.stop), wallOf);
            const std::string ms = formatFixed(seconds * 1000, 0);
            report.validations.push_back(validate("sleep-" + ms + "ms", "Wall time of a " + ms + " ms sleep", "s",
                spawn ? std::optional(seconds + *spawn) : std::nullopt, measured, 0.001 + 0.02 * seconds,
                spawn ? "wall time is off (the clock, or a scheduler that wakes sleepers late: a loaded CPU, or a "
                        "virtual machine's)"
                      : "no spawn floor to add to the sleep"));
        }
    }
    const auto python = std::optional(report.floors.pythonPath);
    if (python->empty())
        return;
    constexpr double cpuSeconds = 0.2;
    const auto cpu
        = medianOf(runTimes(launcher,
                       { *python, "-S", "-c",
                           "import time\nwhile time.process_time() < " + formatFixed(cpuSeconds, 1) + ":\n    pass" },
                       3, options.stop),
            [](const RunRecord& run) { return toSeconds(run.user + run.sys); });
    report.validations.push_back(validate("cpu-200ms", "CPU time of 200 ms of CPU work", "s", cpuSeconds, cpu,
        0.005 + 0.02 * cpuSeconds, "CPU time is off (the kernel's accounting of user and system time)"));
    constexpr double allocated = 100 * mebibyte;
    const auto peak = medianOf(runTimes(launcher, { *python, "-S", "-c", "b = b'x' * (100 << 20)" }, 3, options.stop),
        [](const RunRecord& run) { return static_cast<double>(run.maxRssBytes); });
    const auto floor = report.floors.pythonPeakRss;
    report.validations.push_back(validate("memory-100MiB", "Peak RSS of 100 MiB written", "B",
        floor ? std::optional(*floor + allocated) : std::nullopt, peak, 2 * mebibyte + 0.02 * allocated,
        floor ? "peak RSS is off (the spawn helper is missing, or the kernel counts resident memory differently)"
              : "no peak RSS of " + options.python + " alone to add to"));
}

std::string checkLine(const MachineCheck& check)
{
    return check.title + ": " + check.observed;
}
} // namespace

const char* machineVerdictKey(MachineVerdict verdict)
{
    switch (verdict) {
    case MachineVerdict::Quiet:
        return "quiet";
    case MachineVerdict::Noisy:
        return "noisy";
    case MachineVerdict::Unusable:
        return "unusable";
    }
    return "quiet";
}

const char* machineVerdictText(MachineVerdict verdict)
{
    return verdict == MachineVerdict::Unusable ? "unusable for small changes" : machineVerdictKey(verdict);
}

std::optional<double> detectableChange(
    std::span<const double> sample, std::size_t runsPerSide, const ComparisonSettings& settings, int trials)
{
    if (sample.size() < 2 || runsPerSide < 2)
        return std::nullopt;
    std::mt19937_64 random(settings.seed);
    std::uniform_int_distribution<std::size_t> pick(0, sample.size() - 1);
    std::vector<double> baseline(runsPerSide), candidate(runsPerSide);
    for (const double change : { 0.01, 0.02, 0.03, 0.05, 0.075, 0.10, 0.15, 0.20, 0.30, 0.50, 1.00 }) {
        if (change < settings.threshold)
            continue;
        int detected = 0;
        for (int trial = 0; trial < trials; ++trial) {
            for (std::size_t i = 0; i < runsPerSide; ++i) {
                baseline[i] = sample[pick(random)];
                candidate[i] = sample[pick(random)] * (1 + change);
            }
            const auto test = mannWhitney(baseline, candidate);
            const auto ratio = bootstrapRatioOfMedians(baseline, candidate, 1000, settings.confidence, random());
            if (verdictFor(test, ratio, settings) == Verdict::Slower)
                ++detected;
            // Once 80% cannot be reached any more, the next change is tried.
            if (trials - (trial + 1) + detected < (trials * 4 + 4) / 5)
                break;
        }
        if (detected * 5 >= trials * 4)
            return change;
    }
    return std::nullopt;
}

DoctorReport runDoctor(Launcher& launcher, const DoctorOptions& options)
{
    const auto started = Clock::now();
    DoctorReport report;
    const auto environment = captureEnvironment();
    report.date = environment.date;
    report.hostname = environment.hostname;
    report.logicalCores = environment.logicalCores;
    const auto ticks = readCpuTicks(options.root);
    measureFloors(launcher, options, report);
    measureNoise(launcher, options, report);
    validateInstrument(launcher, options, report);
    // Read last, so that steal time covers the doctor's own runs.
    report.checks = checkMachine(options.root, ticks);
    report.checks.push_back(checkTimer());
    decideVerdict(report);
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
}

DoctorReport checkOnlyDoctor(const std::filesystem::path& root)
{
    const auto started = Clock::now();
    DoctorReport report;
    const auto environment = captureEnvironment();
    report.date = environment.date;
    report.hostname = environment.hostname;
    report.logicalCores = static_cast<unsigned>(onlineCpus(root).size());
    report.checks = checkMachine(root);
    if (root == "/")
        report.checks.push_back(checkTimer());
    decideVerdict(report);
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
}

void decideVerdict(DoctorReport& report)
{
    Rating worst = Rating::Good;
    const MachineCheck* worstCheck = nullptr;
    for (const auto& check : report.checks) {
        if (!worstCheck || static_cast<int>(check.rating) > static_cast<int>(worstCheck->rating))
            worstCheck = &check;
        worst = worse(worst, check.rating);
    }
    const Validation* failed = nullptr;
    for (const auto& validation : report.validations) {
        if (!validation.passed && validation.measured && validation.expected && !failed)
            failed = &validation;
    }

    if (report.noise) {
        const auto& noise = *report.noise;
        const auto change = noise.detectableChange;
        report.verdict = !change || *change > 0.10 ? MachineVerdict::Unusable
            : *change > 0.03                       ? MachineVerdict::Noisy
                                                   : MachineVerdict::Quiet;
        report.reason = "runs of a fixed 20 ms loop vary by " + percent(noise.cv)
            + " (CV): " + std::to_string(noise.runsPerSide) + " runs a side "
            + (change ? "detect a change of " + percent(*change) + " or more"
                      : "do not reliably detect even a change of 100%");
    } else {
        report.verdict = MachineVerdict::Quiet;
        report.reason = "judged from the checks alone: the noise floor was not measured"
            + (report.floors.pythonMissing.empty() ? std::string() : " (" + report.floors.pythonMissing + ")");
    }
    if (worst == Rating::Bad && report.verdict == MachineVerdict::Quiet) {
        report.verdict = MachineVerdict::Noisy;
        report.reason += "; but " + checkLine(*worstCheck);
    }
    if (failed) {
        report.verdict = std::max(report.verdict, MachineVerdict::Noisy);
        report.reason += "; and a measurement of something known is off: " + failed->title + " " + failed->problem;
    }

    report.fixes.clear();
    // The worst first; of one rating, what changes from minute to minute (load, pressure) before the configuration.
    for (const Rating rating : { Rating::Bad, Rating::Notice }) {
        for (const bool changing : { true, false }) {
            for (const auto& check : report.checks) {
                if (check.rating == rating && check.changing == changing && !check.fix.empty()
                    && report.fixes.size() < 3)
                    report.fixes.push_back(check.title + ": " + check.fix);
            }
        }
    }
}

std::string doctorText(const DoctorReport& report)
{
    std::string text = "Pyrometer doctor: " + report.hostname + ", " + std::to_string(report.logicalCores) + " CPUs, "
        + report.date + "\n\n";
    text += "Verdict: " + std::string(machineVerdictText(report.verdict)) + " — " + report.reason + ".\n";
    if (!report.fixes.empty()) {
        text += "Fix first:\n";
        for (std::size_t i = 0; i < report.fixes.size(); ++i)
            text += "  " + std::to_string(i + 1) + ". " + report.fixes[i] + "\n";
    }
    text += "\nThe machine\n";
    for (const auto& check : report.checks) {
        char head[160];
        std::snprintf(head, sizeof head, "  %-6s %-36s ", ratingKey(check.rating), check.title.c_str());
        text += head + check.observed + "\n";
        if (!check.why.empty())
            text += "         why: " + check.why + "\n";
        if (check.rating != Rating::Good && !check.fix.empty())
            text += "         fix: " + check.fix + "\n";
    }
    const auto& floors = report.floors;
    if (floors.spawn || floors.pythonStart || !floors.pythonMissing.empty()) {
        text += "\nFloors (medians, through Pyrometer's launcher)\n";
        const auto line = [&](const std::string& label, const std::string& value) {
            char head[160];
            std::snprintf(head, sizeof head, "  %-34s ", label.c_str());
            text += head + value + "\n";
        };
        if (floors.spawn)
            line("/bin/true", formatDuration(*floors.spawn));
        if (floors.pythonStart)
            line(floors.python + " -c pass", formatDuration(*floors.pythonStart) + "  (" + floors.pythonPath + ")");
        if (floors.pythonStartNoSite)
            line(floors.python + " -S -c pass",
                formatDuration(*floors.pythonStartNoSite) + ", peak RSS " + formatBytes(*floors.pythonPeakRss));
        if (!floors.pythonMissing.empty())
            line("Python", floors.pythonMissing);
    }
    if (report.noise) {
        const auto& noise = *report.noise;
        text += "\nNoise floor: " + std::to_string(noise.wall.size()) + " runs of a fixed 20 ms loop: median "
            + formatDuration(noise.medianSeconds) + ", CV " + percent(noise.cv) + "\n";
        text += "  smallest change " + std::to_string(noise.runsPerSide) + " runs a side detect (80% of the time): "
            + (noise.detectableChange ? percent(*noise.detectableChange) : std::string("more than 100%")) + "\n";
    }
    if (!report.validations.empty()) {
        text += "\nThe instrument, against what is known\n";
        for (const auto& check : report.validations) {
            char head[160];
            std::snprintf(head, sizeof head, "  %-6s %-36s ", check.passed ? "good" : "bad", check.title.c_str());
            text += head;
            if (check.passed)
                text += formatValue(*check.measured, check.unit) + " (expected "
                    + formatValue(*check.expected, check.unit) + " ± " + formatValue(check.tolerance, check.unit)
                    + ")\n";
            else
                text += check.problem + "\n";
        }
    }
    if (report.seconds > 0)
        text += "\nTook " + formatFixed(report.seconds, 1) + " s.\n";
    return text;
}

std::string doctorJson(const DoctorReport& report)
{
    using Json = nlohmann::ordered_json;
    const auto optional = [](const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); };
    Json json;
    json["schema"] = "pyrometer.doctor/1";
    json["date"] = report.date;
    json["hostname"] = report.hostname;
    json["logical_cores"] = report.logicalCores;
    json["verdict"] = machineVerdictKey(report.verdict);
    json["reason"] = report.reason;
    json["fixes"] = report.fixes;
    Json checks = Json::array();
    for (const auto& check : report.checks)
        checks.push_back({ { "key", check.key }, { "title", check.title }, { "rating", ratingKey(check.rating) },
            { "observed", check.observed }, { "why", check.why }, { "fix", check.fix } });
    json["checks"] = checks;
    const auto& floors = report.floors;
    json["floors"] = { { "spawn_seconds", optional(floors.spawn) }, { "python", floors.python },
        { "python_path", floors.pythonPath }, { "python_start_seconds", optional(floors.pythonStart) },
        { "python_start_no_site_seconds", optional(floors.pythonStartNoSite) },
        { "python_peak_rss_bytes", optional(floors.pythonPeakRss) }, { "python_missing", floors.pythonMissing } };
    if (report.noise)
        json["noise"] = { { "wall_seconds", report.noise->wall }, { "cv", report.noise->cv },
            { "median_seconds", report.noise->medianSeconds }, { "runs_per_side", report.noise->runsPerSide },
            { "detectable_change", optional(report.noise->detectableChange) } };
    else
        json["noise"] = nullptr;
    Json validations = Json::array();
    for (const auto& check : report.validations)
        validations.push_back({ { "key", check.key }, { "title", check.title }, { "unit", check.unit },
            { "expected", optional(check.expected) }, { "measured", optional(check.measured) },
            { "tolerance", check.tolerance }, { "passed", check.passed }, { "problem", check.problem } });
    json["validations"] = validations;
    json["seconds"] = report.seconds;
    return json.dump(2) + "\n";
}

} // namespace pyrometer
