#include "core/model/data_folder.h"

#include <cstdlib>

namespace pyrometer {

std::filesystem::path dataFolder()
{
    std::filesystem::path data;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/')
        data = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        data = std::filesystem::path(home) / ".local" / "share";
    else
        data = std::filesystem::current_path();
    return data / "Pyrometer" / "Pyrometer";
}

} // namespace pyrometer
