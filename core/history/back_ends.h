#pragma once

#include "core/history/store.h"

#include <memory>
#include <string>

// The back ends behind openStore(), each in its file.
namespace pyrometer {

/// A SQLite file, created with its folder on first use.
std::unique_ptr<HistoryStore> openSqliteStore(const std::string& path);

/// A PostgreSQL database, named by a libpq connection URI (postgresql://user:password@host:port/database?…).
std::unique_ptr<HistoryStore> openPostgresStore(const std::string& uri);

} // namespace pyrometer
