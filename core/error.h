#pragma once

#include <stdexcept>
#include <string>

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

} // namespace pyrometer
