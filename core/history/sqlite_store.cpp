#include "core/history/back_ends.h"
#include "core/history/run_set_row.h"

#include "core/model/error.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace pyrometer {
namespace {
/// "PYRE": marks a SQLite file as a Pyrometer store (PRAGMA application_id).
constexpr int applicationId = 0x50595245;

/// Each schema version's statements, applied in order from the store's version to storeSchemaVersion, in one
/// transaction. Version 1: run sets with their context and whole results file; each benchmark's summary, for trends.
/// Version 2: the git project, commit date and subject, the CPU governor and Python version of each run set (taken
/// from the results kept whole, for the run sets of version 1), where an imported one came from and its fingerprint
/// (so that an import is not added twice), and each benchmark's median peak RSS; the results kept whole move to a
/// table of their own, compressed from then on, so that reading the run sets for a trend never reads them.
const char* const migrations[] = {
    R"sql(
CREATE TABLE run_sets (
    id INTEGER PRIMARY KEY,
    saved_at TEXT NOT NULL,
    measured_at TEXT NOT NULL,
    git_commit TEXT NOT NULL,
    branch TEXT NOT NULL,
    dirty INTEGER NOT NULL,
    host TEXT NOT NULL,
    cpu TEXT NOT NULL,
    cores INTEGER NOT NULL,
    tags TEXT NOT NULL,
    results TEXT NOT NULL
);
CREATE TABLE benchmarks (
    run_set INTEGER NOT NULL REFERENCES run_sets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    runs INTEGER NOT NULL,
    median_s REAL,
    ci_low_s REAL,
    ci_high_s REAL,
    PRIMARY KEY (run_set, name)
);
CREATE INDEX benchmarks_by_name ON benchmarks(name, run_set);
)sql",
    R"sql(
ALTER TABLE run_sets ADD COLUMN project TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN commit_date TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN governor TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN python TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE run_sets ADD COLUMN fingerprint TEXT;
CREATE UNIQUE INDEX run_sets_by_fingerprint ON run_sets(fingerprint);
UPDATE run_sets SET
    governor = coalesce(json_extract(results, '$.environment.cpu_governor'), ''),
    python = coalesce(json_extract(results, '$.benchmarks[0].interpreter.version'), '');
CREATE TABLE run_set_results (
    run_set INTEGER PRIMARY KEY REFERENCES run_sets(id) ON DELETE CASCADE,
    encoding TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO run_set_results SELECT id, 'json', length(CAST(results AS BLOB)), CAST(results AS BLOB) FROM run_sets;
ALTER TABLE run_sets DROP COLUMN results;
ALTER TABLE benchmarks ADD COLUMN median_rss_bytes REAL;
)sql",
};
static_assert(std::size(migrations) == storeSchemaVersion);

class Statement
{
public:
    Statement(sqlite3* db, const char* sql, const std::string& location)
        : m_location(location)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK)
            throw InputError(location + ": " + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text)
    {
        sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bindBlob(int index, const std::string& bytes)
    {
        sqlite3_bind_blob(m_statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, std::int64_t value)
    {
        sqlite3_bind_int64(m_statement, index, value);
        return *this;
    }
    Statement& bind(int index, std::optional<double> value)
    {
        if (value)
            sqlite3_bind_double(m_statement, index, *value);
        else
            sqlite3_bind_null(m_statement, index);
        return *this;
    }
    /// True while there is a row; throws on an error.
    bool step()
    {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            throw InputError(m_location + ": " + sqlite3_errmsg(sqlite3_db_handle(m_statement)));
        return false;
    }
    /// Ready for the next row to insert.
    void reset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    std::optional<double> real(int column) const
    {
        if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(m_statement, column);
    }
    std::string blob(int column) const
    {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))) : "";
    }
    std::string text(int column) const
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))) : "";
    }

private:
    sqlite3_stmt* m_statement = nullptr;
    std::string m_location;
};

class SqliteStore final : public HistoryStore
{
public:
    explicit SqliteStore(const std::string& location)
        : m_location(location)
    {
        std::error_code error;
        const auto folder = fs::path(location).parent_path();
        if (!folder.empty())
            fs::create_directories(folder, error); // a failure shows as the open's below
        if (sqlite3_open_v2(location.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK) {
            const std::string reason = m_db ? sqlite3_errmsg(m_db) : "out of memory";
            sqlite3_close(m_db);
            throw InputError(location + ": cannot open the history store (" + reason + ")");
        }
        // Two runs saving at once wait for each other rather than fail.
        sqlite3_busy_timeout(m_db, 30'000);
        try {
            execute("PRAGMA foreign_keys = ON");
            migrate();
        } catch (const InputError& e) {
            const bool notADatabase = sqlite3_errcode(m_db) == SQLITE_NOTADB;
            sqlite3_close(m_db);
            if (notADatabase)
                throw InputError(location + ": not a Pyrometer history store (not a SQLite database)");
            throw;
        } catch (...) {
            sqlite3_close(m_db);
            throw;
        }
    }
    ~SqliteStore() override { sqlite3_close(m_db); }

    const std::string& location() const override { return m_location; }

    SavedRunSet save(const Results& results, const std::vector<std::string>& tags, const std::string& origin) override
    {
        const auto row = runSetRow(results, tags, origin);
        Transaction transaction(*this);
        if (!row.fingerprint.empty()) {
            Statement known(m_db, "SELECT id FROM run_sets WHERE fingerprint = ?", m_location);
            known.bind(1, row.fingerprint);
            if (known.step())
                return { known.integer(0), false };
        }
        Statement runSet(m_db,
            "INSERT INTO run_sets (saved_at, measured_at, git_commit, branch, dirty, host, cpu, cores, tags, "
            "project, commit_date, subject, governor, python, origin, fingerprint) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            m_location);
        runSet.bind(1, row.savedAt)
            .bind(2, row.measuredAt)
            .bind(3, row.commit)
            .bind(4, row.branch)
            .bind(5, std::int64_t(row.dirty ? 1 : 0))
            .bind(6, row.host)
            .bind(7, row.cpu)
            .bind(8, row.cores)
            .bind(9, row.tags)
            .bind(10, row.project)
            .bind(11, row.commitDate)
            .bind(12, row.subject)
            .bind(13, row.governor)
            .bind(14, row.python)
            .bind(15, row.origin);
        if (!row.fingerprint.empty())
            runSet.bind(16, row.fingerprint);
        runSet.step();
        const auto id = sqlite3_last_insert_rowid(m_db);
        Statement kept(
            m_db, "INSERT INTO run_set_results (run_set, encoding, size, data) VALUES (?, ?, ?, ?)", m_location);
        kept.bind(1, id).bind(2, row.encoding).bind(3, row.size).bindBlob(4, row.data);
        kept.step();
        Statement benchmark(m_db,
            "INSERT OR REPLACE INTO benchmarks (run_set, name, runs, median_s, ci_low_s, ci_high_s, median_rss_bytes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            m_location);
        for (const auto& b : row.benchmarks) {
            benchmark.reset();
            benchmark.bind(1, id)
                .bind(2, b.name)
                .bind(3, b.runs)
                .bind(4, b.median)
                .bind(5, b.ciLow)
                .bind(6, b.ciHigh)
                .bind(7, b.medianRss)
                .step();
        }
        transaction.commit();
        return { id, true };
    }

    Results load(std::int64_t id) override
    {
        Statement s(m_db, "SELECT encoding, size, data FROM run_set_results WHERE run_set = ?", m_location);
        s.bind(1, id);
        if (!s.step())
            throw InputError(m_location + ": no run set " + std::to_string(id));
        return resultsFromKept(s.text(0), s.integer(1), s.blob(2), m_location, id);
    }

    HistoryOverview overview() override
    {
        HistoryOverview overview;
        Statement count(m_db, "SELECT count(*) FROM run_sets", m_location);
        if (count.step())
            overview.runSets = count.integer(0);
        const auto counts = [&](const char* sql) {
            std::vector<HistoryOverview::Count> rows;
            Statement s(m_db, sql, m_location);
            while (s.step())
                rows.push_back({ s.text(0), s.integer(1) });
            return rows;
        };
        overview.projects = counts("SELECT project, count(*) FROM run_sets GROUP BY project ORDER BY project");
        overview.benchmarks = counts("SELECT name, count(*) FROM benchmarks GROUP BY name ORDER BY name");
        overview.branches = counts("SELECT branch, count(*) FROM run_sets GROUP BY branch ORDER BY branch");
        overview.machines = counts("SELECT host, count(*) FROM run_sets GROUP BY host ORDER BY host");
        return overview;
    }

    std::vector<TrendPoint> trend(const std::string& name, const TrendFilter& filter) override
    {
        // The last N of those taken: the newest N, then put oldest first.
        Statement s(m_db,
            "SELECT * FROM (SELECT r.id, r.measured_at, r.git_commit, r.branch, r.dirty, r.commit_date, r.subject, "
            "r.host, b.runs, b.median_s, b.ci_low_s, b.ci_high_s FROM benchmarks b JOIN run_sets r ON r.id = b.run_set "
            "WHERE b.name = ? "
            "AND (? = '' OR r.branch = ?) AND (? = '' OR r.host = ?) AND (? = '' OR r.measured_at >= ?) "
            "ORDER BY r.measured_at DESC, r.id DESC LIMIT ?) ORDER BY measured_at, id",
            m_location);
        s.bind(1, name)
            .bind(2, filter.branch)
            .bind(3, filter.branch)
            .bind(4, filter.host)
            .bind(5, filter.host)
            .bind(6, filter.since)
            .bind(7, filter.since)
            .bind(8, filter.last > 0 ? filter.last : std::int64_t(-1));
        std::vector<TrendPoint> points;
        while (s.step())
            points.push_back({ s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0, s.text(5), s.text(6),
                s.text(7), s.integer(8), s.real(9), s.real(10), s.real(11) });
        return points;
    }

    std::optional<TrendPoint> latest(const TrendFilter& filter) override
    {
        Statement s(m_db,
            "SELECT id, measured_at, git_commit, branch, dirty, commit_date, subject, host FROM run_sets "
            "WHERE (? = '' OR branch = ?) AND (? = '' OR host = ?) AND (? = '' OR measured_at >= ?) "
            "ORDER BY measured_at DESC, id DESC LIMIT 1",
            m_location);
        s.bind(1, filter.branch)
            .bind(2, filter.branch)
            .bind(3, filter.host)
            .bind(4, filter.host)
            .bind(5, filter.since)
            .bind(6, filter.since);
        if (!s.step())
            return std::nullopt;
        return TrendPoint { s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0, s.text(5), s.text(6),
            s.text(7), 0, {}, {}, {} };
    }

private:
    /// BEGIN IMMEDIATE … COMMIT, or ROLLBACK when left without commit() (an exception).
    class Transaction
    {
    public:
        explicit Transaction(SqliteStore& store)
            : m_store(store)
        {
            m_store.execute("BEGIN IMMEDIATE");
        }
        ~Transaction()
        {
            if (!m_done)
                sqlite3_exec(m_store.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        void commit()
        {
            m_store.execute("COMMIT");
            m_done = true;
        }

    private:
        SqliteStore& m_store;
        bool m_done = false;
    };

    void execute(const char* sql)
    {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string reason = message ? message : sqlite3_errmsg(m_db);
            sqlite3_free(message);
            throw InputError(m_location + ": " + reason);
        }
    }

    int pragma(const char* name)
    {
        Statement s(m_db, (std::string("PRAGMA ") + name).c_str(), m_location);
        return s.step() ? static_cast<int>(s.integer(0)) : 0;
    }

    void migrate()
    {
        const int version = pragma("user_version");
        if (version > storeSchemaVersion)
            throw InputError(m_location + ": written by a newer Pyrometer (store version " + std::to_string(version)
                + "; this Pyrometer reads up to version " + std::to_string(storeSchemaVersion) + ")");
        if (version > 0 && pragma("application_id") != applicationId)
            throw InputError(m_location + ": not a Pyrometer history store");
        if (version == storeSchemaVersion)
            return;
        Transaction transaction(*this);
        if (version == 0) {
            Statement tables(m_db, "SELECT count(*) FROM sqlite_schema", m_location);
            if (tables.step() && tables.integer(0) > 0)
                throw InputError(m_location + ": not a Pyrometer history store (a database with other tables)");
        }
        for (int v = version; v < storeSchemaVersion; ++v)
            execute(migrations[v]);
        execute(("PRAGMA application_id = " + std::to_string(applicationId)).c_str());
        execute(("PRAGMA user_version = " + std::to_string(storeSchemaVersion)).c_str());
        transaction.commit();
    }

    sqlite3* m_db = nullptr;
    std::string m_location;
};
} // namespace

std::unique_ptr<HistoryStore> openSqliteStore(const std::string& location)
{
    return std::make_unique<SqliteStore>(location);
}

} // namespace pyrometer
