#include "core/measure/suite.h"

#include "core/measure/executable_lookup.h"
#include "core/measure/output_tail.h"
#include "core/measure/worker_source.h"
#include "core/model/error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stop_token>

namespace pyrometer {
namespace fs = std::filesystem;

namespace {
bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// A parameter value as its name shows it: numbers and strings as they read, anything else as the worker's repr.
std::string valueText(const nlohmann::json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

/// The worker's report: its one JSON line.
nlohmann::json reportOf(const RunRecord& record, const std::string& path)
{
    const auto end = record.probeReport.find('\n');
    const auto line = record.probeReport.substr(0, end);
    if (!record.launchError.empty())
        throw InputError(path + ": the interpreter did not start: " + record.launchError);
    if (record.timedOut)
        throw InputError(path + ": importing it took too long (" + record.outcome() + ")");
    if (line.empty()) {
        const auto said = record.lastErrorLine();
        throw InputError(path + ": the worker ended without a report (" + record.outcome() + ")"
            + (said.empty() ? std::string() : ": " + said));
    }
    auto report = nlohmann::json::parse(line, nullptr, false);
    if (report.is_discarded() || !report.is_object())
        throw InputError(path + ": the worker's report is not JSON");
    return report;
}

/// pytest's -k expressions, by recursive descent: or of ands of (not) words or parenthesised expressions.
class KeywordMatcher
{
public:
    KeywordMatcher(const std::string& expression, const std::string& name)
        : m_expression(expression)
        , m_name(lower(name))
    {
        std::string word;
        for (const char c : expression) {
            if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
                if (!word.empty())
                    m_tokens.push_back(std::exchange(word, {}));
                if (c == '(' || c == ')')
                    m_tokens.emplace_back(1, c);
            } else {
                word += c;
            }
        }
        if (!word.empty())
            m_tokens.push_back(word);
    }

    bool match()
    {
        if (m_tokens.empty())
            return true;
        const bool result = orExpression();
        if (m_at != m_tokens.size())
            fail("unexpected '" + m_tokens[m_at] + "'");
        return result;
    }

private:
    static std::string lower(std::string text)
    {
        for (auto& c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }
    [[noreturn]] void fail(const std::string& why) const { throw InputError("-k '" + m_expression + "': " + why); }
    bool next(const char* token)
    {
        if (m_at < m_tokens.size() && m_tokens[m_at] == token) {
            ++m_at;
            return true;
        }
        return false;
    }
    bool orExpression()
    {
        bool result = andExpression();
        while (next("or"))
            result = andExpression() || result;
        return result;
    }
    bool andExpression()
    {
        bool result = notExpression();
        while (next("and"))
            result = notExpression() && result;
        return result;
    }
    bool notExpression()
    {
        if (next("not"))
            return !notExpression();
        if (next("(")) {
            const bool result = orExpression();
            if (!next(")"))
                fail("a '(' is not closed");
            return result;
        }
        if (m_at >= m_tokens.size())
            fail("ends where a word was expected");
        const auto& word = m_tokens[m_at];
        if (word == ")" || word == "and" || word == "or")
            fail("'" + word + "' where a word was expected");
        ++m_at;
        return m_name.find(lower(word)) != std::string::npos;
    }

    std::string m_expression;
    std::string m_name;
    std::vector<std::string> m_tokens;
    std::size_t m_at = 0;
};
} // namespace

bool isBenchmarkFileName(std::string_view name)
{
    return endsWith(name, ".py") && (name.starts_with("bench_") || endsWith(name, "_bench.py"));
}

std::vector<std::string> findBenchmarkFiles(const std::string& path)
{
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status))
        throw InputError(path + ": no such file or directory");
    if (!fs::is_directory(status))
        return { path };
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error)
        throw InputError(path + ": " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error)
            throw InputError(path + ": " + error.message());
        const auto name = it->path().filename().string();
        if (it->is_directory(error)) {
            if (name.starts_with(".") || name == "__pycache__")
                it.disable_recursion_pending();
            continue;
        }
        if (isBenchmarkFileName(name) && it->is_regular_file(error))
            files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> workerCommand(const std::string& interpreter, const std::vector<std::string>& arguments)
{
    std::vector<std::string> argv { interpreter, "-c", builtInWorkerSource };
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return argv;
}

SuiteFile discoverFile(
    Launcher& launcher, const std::string& interpreter, const std::string& path, std::chrono::nanoseconds timeout)
{
    LaunchRequest request;
    request.argv = workerCommand(interpreter, { "discover", path });
    request.probeChannel = true;
    request.timeout = timeout;
    const auto record = launcher.launch(request, std::stop_token());
    const auto report = reportOf(record, path);
    if (const auto error = report.find("error"); error != report.end() && error->is_string())
        throw InputError(error->get<std::string>());
    const auto discovered = report.find("discovered");
    if (discovered == report.end() || !discovered->is_object() || !discovered->contains("benchmarks")
        || !(*discovered)["benchmarks"].is_array())
        throw InputError(path + ": the worker's report lists no benchmarks");
    SuiteFile file { path, {} };
    try {
        for (const auto& entry : (*discovered)["benchmarks"]) {
            SuiteFunction function;
            function.function = entry.at("function").get<std::string>();
            function.line = entry.value("line", 0);
            function.takesSize = entry.value("takes_size", false);
            for (const auto& name : entry.at("param_names"))
                function.paramNames.push_back(valueText(name));
            for (const auto& values : entry.at("params")) {
                function.params.emplace_back();
                for (const auto& value : values)
                    function.params.back().push_back(valueText(value));
            }
            for (const auto& id : entry.at("cases"))
                function.cases.push_back(id.get<std::string>());
            file.functions.push_back(std::move(function));
        }
    } catch (const nlohmann::json::exception&) {
        throw InputError(path + ": the worker's report is malformed");
    }
    return file;
}

std::vector<std::string> workerTimeCommand(
    const std::string& interpreter, const std::string& file, const FunctionBenchmark& function)
{
    return workerCommand(interpreter,
        { "time", file, function.function, function.caseId, std::to_string(function.loops), "1", "1",
            std::to_string(function.minTimeNs), function.gcOff ? "off" : "on" });
}

void takeWorkerReport(RunRecord& record, FunctionBenchmark& function)
{
    std::istringstream lines(record.probeReport);
    bool valued = false;
    std::string failure;
    for (std::string line; std::getline(lines, line);) {
        const auto report = nlohmann::json::parse(line, nullptr, false);
        if (!report.is_object())
            continue;
        try {
            if (const auto it = report.find("calibrated"); it != report.end()) {
                if (function.loops == 0)
                    function.loops = it->at("loops").get<std::int64_t>();
            } else if (const auto values = report.find("values"); values != report.end()) {
                const auto loops = values->at("loops").get<std::int64_t>();
                const auto& ns = values->at("ns");
                if (loops <= 0 || !ns.is_array() || ns.empty())
                    continue;
                double total = 0;
                for (const auto& value : ns)
                    total += value.get<double>();
                record.loops = loops;
                record.wall = fromSeconds(total / static_cast<double>(ns.size()) / static_cast<double>(loops) / 1e9);
                function.harnessSeconds = values->at("empty_ns").get<double>() / static_cast<double>(loops) / 1e9;
                valued = true;
            } else if (const auto failed = report.find("failed"); failed != report.end()) {
                failure = failed->at("stage").get<std::string>() + " failed: " + failed->at("error").get<std::string>();
            }
        } catch (const nlohmann::json::exception&) {
            failure = "the worker's report is malformed";
        }
    }
    record.probeReport.clear();
    if (!failure.empty())
        record.failure = sanitizeUtf8(failure);
    else if (!valued && record.succeeded())
        record.failure = "the worker ended without a value";
}

std::string suiteBenchmarkName(const std::string& path, const std::string& function, const std::string& caseName)
{
    return path + "::" + function + (caseName.empty() ? std::string() : "[" + caseName + "]");
}

std::vector<std::int64_t> parseScales(const std::string& text)
{
    static const std::map<std::string, std::int64_t> named { { "small", 100 }, { "medium", 10'000 },
        { "large", 1'000'000 }, { "xlarge", 10'000'000 } };
    std::vector<std::int64_t> sizes;
    std::istringstream words(text);
    for (std::string word; std::getline(words, word, ',');) {
        if (const auto it = named.find(word); it != named.end()) {
            sizes.push_back(it->second);
            continue;
        }
        std::int64_t size = 0;
        const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), size);
        if (error != std::errc() || end != word.data() + word.size() || size < 1)
            throw InputError(
                "--scales: unknown scale '" + word + "' (small, medium, large, xlarge, or a positive whole number)");
        sizes.push_back(size);
    }
    if (sizes.empty())
        throw InputError("--scales needs at least one scale");
    return sizes;
}

bool isSuitePath(const std::string& path)
{
    std::error_code error;
    return fs::is_directory(path, error) || isBenchmarkFileName(fs::path(path).filename().string());
}

std::vector<SuiteFile> discoverSuites(
    Launcher& launcher, const std::string& interpreter, const std::string& path, std::chrono::nanoseconds timeout)
{
    const auto files = findBenchmarkFiles(path);
    std::error_code error;
    if (files.empty() && fs::is_directory(path, error))
        throw InputError(path + ": no benchmark files (bench_*.py or *_bench.py) in it");
    std::vector<SuiteFile> suites;
    for (const auto& file : files)
        suites.push_back(discoverFile(launcher, interpreter, file, timeout));
    return suites;
}

std::vector<BenchmarkRequest> functionRequests(
    const BenchmarkRequest& base, const std::string& path, const SuiteFunction& function, const SuiteOptions& options)
{
    std::vector<BenchmarkRequest> requests;
    const auto add = [&](const std::string& caseId, const std::string& caseName,
                         std::map<std::string, std::string> parameters) {
        BenchmarkRequest benchmark = base;
        benchmark.script = path;
        benchmark.name = suiteBenchmarkName(path, function.function, caseName);
        benchmark.arguments.clear();
        benchmark.function = FunctionBenchmark { function.function, caseId, 0, options.minTimeNs, options.gcOff, {} };
        benchmark.parameters = std::move(parameters);
        requests.push_back(std::move(benchmark));
    };
    if (!function.cases.empty()) {
        // The k-th case is the k-th combination, the last parameter varying fastest.
        for (std::size_t k = 0; k < function.cases.size(); ++k) {
            std::map<std::string, std::string> parameters;
            std::size_t rest = k;
            for (std::size_t p = function.params.size(); p-- > 0;) {
                const auto& values = function.params[p];
                parameters[function.paramNames[p]] = values[rest % values.size()];
                rest /= values.size();
            }
            add("#" + std::to_string(k), function.cases[k], std::move(parameters));
        }
    } else if (function.takesSize) {
        for (const auto size : options.sizes.empty() ? defaultSizes : options.sizes)
            add("=" + std::to_string(size), std::to_string(size), { { "n", std::to_string(size) } });
    } else {
        add("-", "", {});
    }
    return requests;
}

RunPlan expandSuites(const RunPlan& plan, const SuiteOptions& options, Launcher& launcher)
{
    RunPlan expanded = plan;
    expanded.benchmarks.clear();
    bool anyFunction = false;
    for (const auto& request : plan.benchmarks) {
        if (!request.script || request.function || !isSuitePath(*request.script)) {
            expanded.benchmarks.push_back(request);
            continue;
        }
        std::error_code error;
        const bool directory = fs::is_directory(*request.script, error);
        // "python3" as the runs will find it on PATH.
        const auto interpreter = findExecutable(request.interpreter).value_or(request.interpreter);
        for (const auto& file : discoverSuites(launcher, interpreter, *request.script, options.discoveryTimeout)) {
            if (file.functions.empty() && !directory) {
                expanded.benchmarks.push_back(request); // a plain script, timed as a whole
                continue;
            }
            for (const auto& function : file.functions) {
                for (auto& benchmark : functionRequests(request, file.path, function, options)) {
                    anyFunction = true;
                    if (options.keyword.empty() || matchesKeyword(options.keyword, benchmark.name))
                        expanded.benchmarks.push_back(std::move(benchmark));
                }
            }
        }
    }
    if (expanded.benchmarks.empty() && anyFunction)
        throw InputError("-k '" + options.keyword + "' selects no benchmark");
    return expanded;
}

bool matchesKeyword(const std::string& expression, const std::string& name)
{
    return KeywordMatcher(expression, name).match();
}

} // namespace pyrometer
