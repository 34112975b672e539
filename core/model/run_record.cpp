#include "core/model/run_record.h"

#include <cstring>

namespace pyrometer {

std::string RunRecord::outcome() const
{
    if (!launchError.empty())
        return "could not start: " + launchError;
    if (!failure.empty())
        return failure;
    if (timedOut)
        return "timed out";
    if (signal) {
        const char* name = ::sigdescr_np(*signal);
        return "killed by signal " + std::to_string(*signal) + (name ? " (" + std::string(name) + ")" : "");
    }
    if (exitCode)
        return "exit code " + std::to_string(*exitCode);
    return "cancelled";
}

std::string RunRecord::lastErrorLine() const
{
    const auto end = stderrTail.find_last_not_of("\r\n \t");
    if (end == std::string::npos)
        return {};
    const auto newline = stderrTail.rfind('\n', end);
    const auto begin = newline == std::string::npos ? 0 : newline + 1;
    return stderrTail.substr(begin, end - begin + 1);
}

} // namespace pyrometer
