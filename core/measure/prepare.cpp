#include "core/measure/prepare.h"

#include "core/measure/environment_capture.h"
#include "core/measure/executable_lookup.h"
#include "core/measure/machine_checks.h"
#include "core/measure/output_tail.h"
#include "core/measure/resource_sampler.h"
#include "core/model/error.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

namespace pyrometer {
namespace fs = std::filesystem;

namespace {
/// A hook's program must be there: the first word of its command, unless the shell knows it (a builtin, a keyword,
/// an assignment) or the command is more shell than a program (quotes, substitutions, redirections up front).
void checkHook(const char* option, const std::string& command)
{
    if (command.empty())
        return;
    const auto start = command.find_first_not_of(" \t\n");
    if (start == std::string::npos)
        throw InputError(std::string(option) + " has an empty command");
    const auto word = command.substr(start, command.find_first_of(" \t\n;&|<>()", start) - start);
    static const std::set<std::string> shellWords { ".", ":", "[", "alias", "break", "case", "cd", "command",
        "continue", "echo", "eval", "exec", "exit", "export", "false", "for", "getopts", "hash", "if", "kill", "printf",
        "pwd", "read", "readonly", "return", "set", "shift", "test", "times", "trap", "true", "type", "ulimit", "umask",
        "unalias", "unset", "until", "wait", "while", "{", "!" };
    if (word.empty() || shellWords.contains(word) || word.find_first_of("='\"$`\\*?~") != std::string::npos)
        return;
    if (!findExecutable(word))
        throw InputError(
            std::string(option) + ": " + word + " not found" + (word.find('/') == std::string::npos ? " in PATH" : ""));
}

void checkSettings(const BenchmarkSettings& settings)
{
    if (settings.runs <= 0)
        throw InputError("runs must be a positive number, not " + std::to_string(settings.runs));
    if (settings.warmups < 0)
        throw InputError("warmup runs must not be negative, not " + std::to_string(settings.warmups));
    if (settings.sampleHz < 0 || settings.sampleHz > maxSampleHz)
        throw InputError("sampling rate must be from 1 to " + std::to_string(maxSampleHz) + " per second, not "
            + std::to_string(settings.sampleHz));
    if (settings.timeout && settings.timeout->count() <= 0)
        throw InputError("timeout must be a positive number of seconds");
    for (const auto& [name, value] : settings.environment) {
        if (name.empty() || name.find('=') != std::string::npos)
            throw InputError("malformed environment variable name: '" + name + "'");
    }
    if (!settings.workingDirectory.empty()) {
        std::error_code ec;
        if (!fs::is_directory(settings.workingDirectory, ec))
            throw InputError("working directory not found: " + settings.workingDirectory);
    }
    if (const auto problem = placementProblem(settings.cpus, settings.nice); !problem.empty())
        throw InputError(problem);
    const auto& hooks = settings.hooks;
    for (const auto& [name, command] :
        { std::pair { "--setup", &hooks.setup }, std::pair { "--prepare", &hooks.prepare },
            std::pair { "--conclude", &hooks.conclude }, std::pair { "--cleanup", &hooks.cleanup } })
        checkHook(name, *command);
    if (const auto& a = settings.adaptive) {
        if (a->minRuns < 1)
            throw InputError("--min-runs must be at least 1, not " + std::to_string(a->minRuns));
        if (a->maxRuns < a->minRuns)
            throw InputError(
                "--max-runs " + std::to_string(a->maxRuns) + " is below --min-runs " + std::to_string(a->minRuns));
        if (a->precision && !(*a->precision > 0 && *a->precision < 1))
            throw InputError("--precision must be above 0% and below 100%");
        if (a->maxTimeSeconds && *a->maxTimeSeconds < a->minTimeSeconds)
            throw InputError("--max-time is below --min-time");
    }
}

std::string checkedScript(const std::string& script)
{
    std::error_code ec;
    const auto status = fs::status(script, ec);
    if (!fs::exists(status))
        throw InputError("script not found: " + script);
    if (fs::is_directory(status))
        throw InputError("script is a directory: " + script);
    if (::access(script.c_str(), R_OK) != 0 || !std::ifstream(script))
        throw InputError("script not readable: " + script);
    return fs::absolute(script).lexically_normal().string();
}

std::string joined(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

/// Paths, words and names are kept as UTF-8 text in results files; other bytes would come back as U+FFFD, and the
/// file would name a script that is not there.
void checkUtf8(const BenchmarkRequest& request)
{
    const auto check = [](const std::string& text, const char* what) {
        if (sanitizeUtf8(text) != text)
            throw InputError(std::string(what) + " is not valid UTF-8 text, which results files hold: '"
                + sanitizeUtf8(text) + "'; rename it or run it through a link with a UTF-8 name");
    };
    check(request.name, "the name");
    if (request.script)
        check(*request.script, "the script path");
    for (const auto& word : request.command)
        check(word, "a word of the command");
    for (const auto& word : request.arguments)
        check(word, "an argument");
    check(request.interpreter, "the interpreter");
    check(request.settings.workingDirectory, "the working directory");
    for (const auto& [name, value] : request.settings.environment)
        check(name + "=" + value, "an environment variable");
}

BenchmarkResult prepareBenchmark(const BenchmarkRequest& request, std::map<std::string, InterpreterInfo>& interpreters)
{
    checkUtf8(request);
    checkSettings(request.settings);
    BenchmarkResult benchmark;
    benchmark.settings = request.settings;
    benchmark.parameters = request.parameters;
    if (request.script) {
        const auto script = checkedScript(*request.script);
        auto known = interpreters.find(request.interpreter);
        if (known == interpreters.end())
            known = interpreters.emplace(request.interpreter, resolveInterpreter(request.interpreter)).first;
        benchmark.interpreter = known->second;
        benchmark.script = script;
        benchmark.command = { known->second.path, script };
        benchmark.command.insert(benchmark.command.end(), request.arguments.begin(), request.arguments.end());
        benchmark.name = benchmarkName(request);
        benchmark.git = gitInfoFor(script);
        if (request.function) {
            if (request.function->minTimeNs <= 0)
                throw InputError("the least time of a value must be positive");
            if (request.function->loops < 0)
                throw InputError("loops must not be negative");
            benchmark.function = request.function;
            // The worker's CPU time and counters are those of the whole process (import, setup, calibration), not
            // of a call: not figures of the function. Its peak RSS is the worker's, as pyperf reports it.
            benchmark.measured.cpu = false;
            benchmark.measured.counters = false;
        }
        return benchmark;
    }
    if (request.command.empty())
        throw InputError("empty command");
    const auto executable = findExecutable(request.command.front());
    if (!executable)
        throw InputError("command not found: " + request.command.front());
    benchmark.command = request.command;
    benchmark.command.front() = *executable;
    benchmark.name = benchmarkName(request);
    if (request.command.front().find('/') != std::string::npos)
        benchmark.git = gitInfoFor(*executable);
    return benchmark;
}
} // namespace

std::string benchmarkName(const BenchmarkRequest& request)
{
    if (!request.name.empty())
        return request.name;
    if (request.script && request.function)
        return *request.script + "::" + request.function->function;
    return request.script ? *request.script : joined(request.command);
}

RunPlan planToRunAgain(const Results& results)
{
    RunPlan plan;
    plan.order = results.order;
    plan.ignoreFailure = results.ignoreFailure;
    for (const auto& benchmark : results.benchmarks) {
        if (benchmark.command.empty())
            continue;
        BenchmarkRequest request;
        request.name = benchmark.name;
        request.settings = benchmark.settings;
        // A script's command is the interpreter, the script, then the script's arguments.
        if (benchmark.script && benchmark.command.size() >= 2) {
            request.script = benchmark.script;
            request.interpreter = benchmark.interpreter ? benchmark.interpreter->path : benchmark.command.front();
            request.arguments.assign(benchmark.command.begin() + 2, benchmark.command.end());
            request.function = benchmark.function;
            request.parameters = benchmark.parameters;
        } else {
            request.command = benchmark.command;
            request.parameters = benchmark.parameters;
        }
        plan.benchmarks.push_back(std::move(request));
    }
    return plan;
}

Results prepare(const RunPlan& plan)
{
    if (plan.benchmarks.empty())
        throw InputError("nothing to run: give a script or a command");
    Results results;
    results.order = plan.order;
    results.ignoreFailure = plan.ignoreFailure;
    std::map<std::string, InterpreterInfo> interpreters;
    std::vector<PlanError::Problem> problems;
    for (std::size_t i = 0; i < plan.benchmarks.size(); ++i) {
        try {
            results.benchmarks.push_back(prepareBenchmark(plan.benchmarks[i], interpreters));
        } catch (const InputError& e) {
            problems.push_back({ i, e.what() });
        }
    }
    if (!problems.empty())
        throw PlanError(std::move(problems));
    makeNamesUnique(results);
    results.environment = captureEnvironment();
    return results;
}

} // namespace pyrometer
