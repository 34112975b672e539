#include "core/measure/environment_capture.h"

#include "core/measure/executable_lookup.h"
#include "core/measure/machine_checks.h"
#include "core/measure/process_launcher.h"
#include "core/model/error.h"
#include "core/model/version.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>

namespace pyrometer {
namespace {
std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

/// A value from a "key=value" file like /etc/os-release, unquoted.
std::optional<std::string> keyValue(const std::filesystem::path& path, const std::string& key)
{
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key + '=', 0) != 0)
            continue;
        auto value = line.substr(key.size() + 1);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
            value = value.substr(1, value.size() - 2);
        return value;
    }
    return std::nullopt;
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("model name", 0) == 0 || line.rfind("Model", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(line.find_first_not_of(" \t", colon + 1));
        }
    }
    return "unknown";
}

std::string isoDateUtc()
{
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc {};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}
} // namespace

std::array<double, 3> loadAverage()
{
    std::array<double, 3> load {};
    if (::getloadavg(load.data(), 3) != 3)
        load = {};
    return load;
}

Environment captureEnvironment()
{
    Environment env;
    env.pyrometerVersion = PYROMETER_VERSION;
    env.date = isoDateUtc();
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0)
        env.hostname = host;
    utsname names {};
    if (::uname(&names) == 0) {
        env.kernel = std::string(names.sysname) + ' ' + names.release + ' ' + names.machine;
        env.os = keyValue("/etc/os-release", "PRETTY_NAME").value_or(names.sysname);
    }
    env.cpuModel = cpuModel();
    env.logicalCores = std::max(1u, std::thread::hardware_concurrency());
    env.cpuGovernor = readFirstLine("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
    env.loadAverageStart = loadAverage();
    // The doctor's quick subset: what changes from minute to minute, read in well under a millisecond.
    for (auto& check : checkMachine()) {
        if (check.changing)
            env.machine.push_back(std::move(check));
    }
    return env;
}

std::optional<GitInfo> gitInfoFor(const std::filesystem::path& path)
{
    std::error_code ec;
    auto dir = std::filesystem::is_directory(path, ec) ? path : path.parent_path();
    if (dir.empty())
        dir = ".";
    // Outside any work tree (a command in /usr/bin, a script in /tmp) git is not asked: five git processes would
    // cost some 10 ms, more than the whole of a short run. GIT_DIR names a repository anywhere; then git is asked.
    const auto inWorkTree = [&] {
        for (auto folder = std::filesystem::absolute(dir, ec);; folder = folder.parent_path()) {
            if (std::filesystem::exists(folder / ".git", ec))
                return true;
            if (folder == folder.parent_path())
                return false;
        }
    };
    const char* gitDir = std::getenv("GIT_DIR");
    if (!(gitDir && *gitDir) && !inWorkTree())
        return std::nullopt;
    if (!findExecutable("git"))
        return std::nullopt;
    const auto head = capture({ "git", "rev-parse", "HEAD" }, dir.string());
    if (head.exitCode != 0)
        return std::nullopt;
    GitInfo info;
    info.commit = firstLine(head.out);
    info.branch = firstLine(capture({ "git", "rev-parse", "--abbrev-ref", "HEAD" }, dir.string()).out);
    const auto status = capture({ "git", "status", "--porcelain", "--untracked-files=no" }, dir.string());
    info.dirty = status.exitCode == 0 && !status.out.empty();
    const auto commit = capture({ "git", "log", "-1", "--format=%cI%n%s" }, dir.string());
    if (commit.exitCode == 0) {
        info.commitDate = firstLine(commit.out);
        const auto end = commit.out.find('\n');
        info.subject = end == std::string::npos ? "" : firstLine(commit.out.substr(end + 1));
    }
    const auto remote = capture({ "git", "remote", "get-url", "origin" }, dir.string());
    info.project = firstLine(
        remote.exitCode == 0 ? remote.out : capture({ "git", "rev-parse", "--show-toplevel" }, dir.string()).out);
    return info;
}

InterpreterInfo resolveInterpreter(const std::string& requested)
{
    const auto found = findExecutable(requested);
    if (!found)
        throw InputError("interpreter not found: " + requested);
    // Importing nothing keeps this query at the cost of a bare interpreter start.
    const auto answer = capture({ *found, "-c",
        "import sys\n"
        "print(sys.executable)\n"
        "print({'cpython': 'CPython', 'pypy': 'PyPy'}.get(sys.implementation.name, sys.implementation.name))\n"
        "print(sys.version.split()[0])" });
    if (!answer.error.empty()) {
        std::string detail = firstLine(answer.err.empty() ? answer.error : answer.err);
        throw InputError("interpreter not runnable: " + requested + ": " + detail);
    }
    std::istringstream lines(answer.out);
    InterpreterInfo info;
    info.requested = requested;
    std::getline(lines, info.path);
    std::getline(lines, info.implementation);
    std::getline(lines, info.version);
    if (info.path.empty() || info.version.empty())
        throw InputError("interpreter not runnable: " + requested + ": it did not report sys.executable");
    return info;
}

} // namespace pyrometer
