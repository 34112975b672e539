#include "core/measure/executable_lookup.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <unistd.h>

namespace pyrometer {
namespace {
bool isExecutableFile(const std::filesystem::path& path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}
} // namespace

std::optional<std::string> findExecutable(const std::string& name)
{
    if (name.empty())
        return std::nullopt;
    if (name.find('/') != std::string::npos) {
        if (!isExecutableFile(name))
            return std::nullopt;
        return std::filesystem::absolute(name).lexically_normal().string();
    }
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        const auto colon = dirs.find(':');
        const auto dir = dirs.substr(0, colon);
        const auto candidate = std::filesystem::path(dir.empty() ? "." : std::string(dir)) / name;
        if (isExecutableFile(candidate))
            return std::filesystem::absolute(candidate).lexically_normal().string();
        if (colon == std::string_view::npos)
            return std::nullopt;
        dirs.remove_prefix(colon + 1);
    }
}

} // namespace pyrometer
