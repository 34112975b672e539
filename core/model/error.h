#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace pyrometer {

/// Bad input found before or while preparing a run: a missing script, an interpreter that does not start, a
/// malformed file. The message is one line a user can act on.
class InputError : public std::runtime_error
{
public:
    explicit InputError(const std::string& message)
        : std::runtime_error(message)
    {
    }
};

/// Problems of a plan, each with the index of the benchmark it concerns. what() is the first one, so that a
/// command line can print one line; a window can show each next to its benchmark.
class PlanError : public InputError
{
public:
    struct Problem
    {
        std::size_t benchmark;
        std::string message;
    };
    explicit PlanError(std::vector<Problem> problems)
        : InputError(problems.empty() ? std::string("invalid plan") : problems.front().message)
        , m_problems(std::move(problems))
    {
    }
    const std::vector<Problem>& problems() const { return m_problems; }

private:
    std::vector<Problem> m_problems;
};

} // namespace pyrometer
