#pragma once

#include <array>
#include <optional>
#include <string>

namespace pyrometer {

/// The Python that runs a script: the name the user asked for and what it really is.
struct InterpreterInfo
{
    std::string requested; ///< as given: "python3", "/opt/py/bin/python3"
    std::string path; ///< sys.executable of that interpreter
    std::string implementation; ///< "CPython", "PyPy"
    std::string version; ///< "3.11.2"
};

/// Where a script's source stands in git, when it lives in a repository.
struct GitInfo
{
    std::string commit;
    std::string branch; ///< "HEAD" when detached
    bool dirty = false;
    std::string project; ///< the remote "origin"'s URL, else the repository's root folder; "" when not known
    std::string commitDate; ///< the commit's committer date, ISO 8601; "" when not known
    std::string subject; ///< the first line of the commit's message
};

/// The machine and the moment a set of results was measured on.
struct Environment
{
    std::string pyrometerVersion;
    std::string date; ///< ISO 8601, UTC
    std::string hostname;
    std::string os;
    std::string kernel;
    std::string cpuModel;
    unsigned logicalCores = 0;
    std::optional<std::string> cpuGovernor;
    std::array<double, 3> loadAverageStart {};
    std::optional<std::array<double, 3>> loadAverageEnd;
};

} // namespace pyrometer
