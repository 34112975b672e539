#include "core/history/back_ends.h"

#include "core/model/data_folder.h"
#include "core/model/error.h"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace pyrometer {

namespace {
bool isPostgres(const std::string& location)
{
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}
} // namespace

std::unique_ptr<HistoryStore> openStore(const std::string& location)
{
    if (location.empty())
        throw InputError("no history store given");
    if (isPostgres(location))
        return openPostgresStore(location);
    return openSqliteStore(location);
}

std::string defaultStoreLocation()
{
    if (const char* store = std::getenv("PYROMETER_STORE"); store && *store)
        return store;
    return (dataFolder() / "history.sqlite").string();
}

std::string journalPathFor(const std::string& location, long pid)
{
    const auto suffix = ".run-" + std::to_string(pid) + ".journal";
    if (!isPostgres(location))
        return location + suffix;
    std::error_code error;
    fs::create_directories(dataFolder(), error); // a failure shows when the journal cannot be made
    return (dataFolder() / ("postgresql-store" + suffix)).string();
}

} // namespace pyrometer
