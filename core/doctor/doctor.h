#pragma once

#include "core/compare/comparison.h"
#include "core/measure/launcher.h"
#include "core/measure/machine_checks.h"

#include <filesystem>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace pyrometer {

/// The least time the machine needs to run anything, measured through Pyrometer's own launcher. Seconds.
struct Floors
{
    std::optional<double> spawn; ///< median wall of /bin/true
    std::optional<double> pythonStart; ///< median wall of `python -c pass`
    std::optional<double> pythonStartNoSite; ///< median wall of `python -S -c pass`
    std::optional<double> pythonPeakRss; ///< median peak RSS of `python -S -c pass`, bytes
    std::string python; ///< the interpreter asked for
    std::string pythonPath; ///< what it is (sys.executable): the runs use this, as runs of scripts do
    std::string pythonMissing; ///< why there is no Python figure ("" when there is)
};

/// How much the run times of a fixed piece of CPU work vary here, and what that lets a comparison see.
struct NoiseFloor
{
    std::vector<double> wall; ///< seconds, one a run, in the order they ran
    double cv = 0; ///< standard deviation / mean
    double medianSeconds = 0;
    std::size_t runsPerSide = 30;
    /// The smallest slowdown that `runsPerSide` runs a side call "slower" in at least 80% of comparisons, when run
    /// times vary as they did here; empty when even the largest change tried (100%) was not.
    std::optional<double> detectableChange;
};

/// "Is the instrument right?": one measurement of something known.
struct Validation
{
    std::string key; ///< "sleep-10ms", "sleep-100ms", "cpu-200ms", "memory-100MiB"
    std::string title; ///< "Wall time of a 10 ms sleep"
    std::string unit; ///< "s" or "B"
    std::optional<double> expected;
    std::optional<double> measured; ///< median of the runs
    double tolerance = 0;
    bool passed = false;
    std::string problem; ///< what is off, when it failed or could not be measured
    double error() const { return measured && expected ? *measured - *expected : 0; }
};

enum class MachineVerdict { Quiet, Noisy, Unusable };
const char* machineVerdictKey(MachineVerdict verdict); ///< "quiet", "noisy", "unusable"
/// "quiet", "noisy", "unusable for small changes"
const char* machineVerdictText(MachineVerdict verdict);

/// Everything `pyrometer doctor` found.
struct DoctorReport
{
    std::string date; ///< ISO 8601, UTC
    std::string hostname;
    unsigned logicalCores = 0;
    std::vector<MachineCheck> checks;
    Floors floors;
    std::optional<NoiseFloor> noise;
    std::vector<Validation> validations;
    MachineVerdict verdict = MachineVerdict::Quiet;
    std::string reason; ///< one sentence: why the verdict
    std::vector<std::string> fixes; ///< the most useful commands first
    double seconds = 0; ///< how long the doctor took
};

struct DoctorOptions
{
    std::filesystem::path root = "/"; ///< where /proc and /sys are read from
    std::string python = "python3";
    std::size_t noiseRuns = 30;
    ComparisonSettings comparison; ///< the verdict machinery the detectable change is measured with
    std::stop_token stop; ///< ends the measuring early (the report is then incomplete)
};

/// The smallest slowdown (from a grid: 1%, 2%, 3%, 5%, 7.5%, 10%, 15%, 20%, 30%, 50%, 100%) that `runsPerSide`
/// runs a side call "slower" in at least 80% of `trials` comparisons, when run times vary as in `sample`: each
/// trial draws both sides from `sample` (with replacement), scales the candidate's by 1 + change, and takes the
/// verdict compare() gives (Mann–Whitney U at α, the bootstrap interval of the ratio beyond the threshold; with
/// 1,000 resamples instead of 10,000, for speed). Deterministic: the draws have a fixed seed.
std::optional<double> detectableChange(
    std::span<const double> sample, std::size_t runsPerSide, const ComparisonSettings& settings = {}, int trials = 40);

/// The full doctor: the machine checks, the timer, the floors, the noise floor and the validations, then the
/// verdict. Runs every process through `launcher`; about 5 s.
DoctorReport runDoctor(Launcher& launcher, const DoctorOptions& options = {});

/// The checks alone (and the timer, when `root` is this machine's "/"), rated: nothing is run.
DoctorReport checkOnlyDoctor(const std::filesystem::path& root = "/");

/// The verdict and its reason from the checks and, when measured, the noise floor and the validations.
void decideVerdict(DoctorReport& report);

/// The report as text for a terminal, and as JSON (schema "pyrometer.doctor/1").
std::string doctorText(const DoctorReport& report);
std::string doctorJson(const DoctorReport& report);

} // namespace pyrometer
