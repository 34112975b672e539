#pragma once

#include "core/model/results.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// The version of the store's schema this Pyrometer writes; older stores are migrated on opening, newer ones refused.
inline constexpr int storeSchemaVersion = 2;

/// What a store holds, counted: how many run sets, and for each benchmark, branch and machine in how many of them.
struct HistoryOverview
{
    std::int64_t runSets = 0;
    struct Count
    {
        std::string name;
        std::int64_t runSets = 0;
    };
    std::vector<Count> projects; ///< remote URL or repository root; "" for run sets outside git
    std::vector<Count> benchmarks; ///< by name
    std::vector<Count> branches; ///< by name; "" for run sets outside git
    std::vector<Count> machines; ///< host names
};

/// One run set's figures of one benchmark, a point of its trend.
struct TrendPoint
{
    std::int64_t runSet = 0;
    std::string measuredAt; ///< ISO 8601, UTC
    std::string commit; ///< "" outside git
    std::string branch;
    bool dirty = false;
    std::string commitDate; ///< the commit's date, ISO 8601; "" when not known
    std::string subject; ///< the first line of the commit's message
    std::string host;
    std::int64_t runs = 0; ///< successful measured runs
    std::optional<double> median, ciLow, ciHigh; ///< seconds
};

/// Which run sets a trend takes: of one branch, one machine, measured since a date; the last `last` of them.
struct TrendFilter
{
    std::string branch; ///< "" for all
    std::string host; ///< "" for all
    std::string since; ///< ISO 8601 date or time, "" for all
    std::int64_t last = 0; ///< 0 for all
};

/// What save() did: the run set's id, and whether it was added (false: an import already in the store).
struct SavedRunSet
{
    std::int64_t id = 0;
    bool added = true;
};

/// Results kept over time: every run set with its environment, git state, tags and every run's values (its whole
/// results file), and each benchmark's median with its interval for trends. One interface for every back end.
class HistoryStore
{
public:
    virtual ~HistoryStore() = default;
    /// Writes `results` as one run set, all of it or nothing (one transaction). `origin` names an imported file
    /// ("pytest-benchmark: .benchmarks/…/0001_x.json"); an import whose results are already in the store, byte for
    /// byte, is not added again. Empty for a run measured now, which is always added.
    virtual SavedRunSet save(
        const Results& results, const std::vector<std::string>& tags, const std::string& origin = {})
        = 0;
    /// The whole results of run set `id`, every run's values, as they were saved. Throws InputError for an unknown id.
    virtual Results load(std::int64_t id) = 0;
    virtual HistoryOverview overview() = 0;
    /// The benchmark named `name` in each run set that `filter` takes, oldest first.
    virtual std::vector<TrendPoint> trend(const std::string& name, const TrendFilter& filter) = 0;
    /// The newest run set that `filter` takes (its benchmark fields left empty), or none.
    virtual std::optional<TrendPoint> latest(const TrendFilter& filter) = 0;
    /// Where the store is, as the user named it.
    virtual const std::string& location() const = 0;
};

/// The store at `location`: a file path for SQLite, created on first use with its folder. Throws InputError naming the
/// location and the problem: a file that is not a Pyrometer store (or not a database), one written by a newer
/// Pyrometer (both versions named), a path that cannot be written, a PostgreSQL URL (not supported yet).
std::unique_ptr<HistoryStore> openStore(const std::string& location);

/// Where a run that saves into the store at `location` keeps its journal until the save is done: beside a store
/// file ("history.sqlite.run-PID.journal"), or for a PostgreSQL store in the user's data folder, where the window
/// keeps its saved runs ("…/Pyrometer/Pyrometer/postgresql-store.run-PID.journal"), made if missing.
std::string journalPathFor(const std::string& location, long pid);

/// PYROMETER_STORE when set, else history.sqlite beside the window's saved runs: $XDG_DATA_HOME (or
/// ~/.local/share)/Pyrometer/Pyrometer/history.sqlite.
std::string defaultStoreLocation();

} // namespace pyrometer
