#include "core/history/back_ends.h"

#include "core/model/error.h"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace pyrometer {

std::unique_ptr<HistoryStore> openStore(const std::string& location)
{
    if (location.empty())
        throw InputError("no history store given");
    if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
        return openPostgresStore(location);
    return openSqliteStore(location);
}

std::string defaultStoreLocation()
{
    if (const char* store = std::getenv("PYROMETER_STORE"); store && *store)
        return store;
    fs::path data;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/')
        data = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        data = fs::path(home) / ".local" / "share";
    else
        data = fs::current_path();
    return (data / "Pyrometer" / "Pyrometer" / "history.sqlite").string();
}

} // namespace pyrometer
