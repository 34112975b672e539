#include "core/history/back_ends.h"
#include "core/history/run_set_row.h"

#include "core/model/error.h"

#include <dlfcn.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace pyrometer {
namespace {
/// The store's schema on PostgreSQL, the same tables and columns as on SQLite at each version (TEXT for times, as
/// ISO 8601 in the "C" collation, so that both order and compare them alike). Each entry brings a store at the
/// version before it to its own; a new database starts at the first, which makes version 2 whole.
struct Migration
{
    int version;
    const char* sql;
};
const Migration migrations[] = {
    { 2, R"sql(
CREATE TABLE pyrometer_store (application TEXT NOT NULL, version INTEGER NOT NULL);
CREATE TABLE run_sets (
    id BIGSERIAL PRIMARY KEY,
    saved_at TEXT COLLATE "C" NOT NULL,
    measured_at TEXT COLLATE "C" NOT NULL,
    git_commit TEXT COLLATE "C" NOT NULL,
    branch TEXT COLLATE "C" NOT NULL,
    dirty INTEGER NOT NULL,
    host TEXT COLLATE "C" NOT NULL,
    cpu TEXT NOT NULL,
    cores BIGINT NOT NULL,
    tags TEXT NOT NULL,
    project TEXT COLLATE "C" NOT NULL DEFAULT '',
    commit_date TEXT COLLATE "C" NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    governor TEXT NOT NULL DEFAULT '',
    python TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    fingerprint TEXT UNIQUE
);
CREATE INDEX run_sets_by_time ON run_sets(measured_at, id);
CREATE TABLE run_set_results (
    run_set BIGINT PRIMARY KEY REFERENCES run_sets(id) ON DELETE CASCADE,
    encoding TEXT NOT NULL,
    size BIGINT NOT NULL,
    data BYTEA NOT NULL
);
CREATE TABLE benchmarks (
    run_set BIGINT NOT NULL REFERENCES run_sets(id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL,
    runs BIGINT NOT NULL,
    median_s DOUBLE PRECISION,
    ci_low_s DOUBLE PRECISION,
    ci_high_s DOUBLE PRECISION,
    median_rss_bytes DOUBLE PRECISION,
    PRIMARY KEY (run_set, name)
);
CREATE INDEX benchmarks_by_name ON benchmarks(name, run_set);
INSERT INTO pyrometer_store VALUES ('pyrometer', 2);
)sql" },
};

/// The URI with its password replaced: what is shown and kept as the store's location.
std::string redacted(const std::string& uri)
{
    const auto scheme = uri.find("://");
    const auto at = uri.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme == std::string::npos || at == std::string::npos)
        return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return uri;
    return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

std::string firstLine(const char* message)
{
    std::string text = message ? message : "";
    text = text.substr(0, text.find('\n'));
    return text.empty() ? "unknown error" : text;
}

/// libpq, loaded when a PostgreSQL store is first opened. Linked, it would bring some twenty libraries (TLS,
/// Kerberos, LDAP) into every start of pyrometer, `pyrometer --version` included: 3 ms of its 5.
struct LibPq
{
    decltype(&::PQclear) clear = nullptr;
    decltype(&::PQconnectdbParams) connectdbParams = nullptr;
    decltype(&::PQerrorMessage) errorMessage = nullptr;
    decltype(&::PQexec) exec = nullptr;
    decltype(&::PQexecParams) execParams = nullptr;
    decltype(&::PQfinish) finish = nullptr;
    decltype(&::PQgetisnull) getisnull = nullptr;
    decltype(&::PQgetlength) getlength = nullptr;
    decltype(&::PQgetvalue) getvalue = nullptr;
    decltype(&::PQntuples) ntuples = nullptr;
    decltype(&::PQresultStatus) resultStatus = nullptr;
    decltype(&::PQstatus) status = nullptr;
};

LibPq loadLibPq()
{
    void* handle = ::dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw InputError(std::string("cannot use a PostgreSQL history store: ") + ::dlerror()
            + " (on Debian, install the package libpq5)");
    LibPq library;
    const auto bind = [&](auto& function, const char* name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(::dlsym(handle, name));
        if (!function)
            throw InputError(std::string("cannot use a PostgreSQL history store: libpq.so.5 has no ") + name);
    };
    bind(library.clear, "PQclear");
    bind(library.connectdbParams, "PQconnectdbParams");
    bind(library.errorMessage, "PQerrorMessage");
    bind(library.exec, "PQexec");
    bind(library.execParams, "PQexecParams");
    bind(library.finish, "PQfinish");
    bind(library.getisnull, "PQgetisnull");
    bind(library.getlength, "PQgetlength");
    bind(library.getvalue, "PQgetvalue");
    bind(library.ntuples, "PQntuples");
    bind(library.resultStatus, "PQresultStatus");
    bind(library.status, "PQstatus");
    return library; // the handle stays open: the functions are used until Pyrometer exits
}

const LibPq& pq()
{
    static const LibPq library = loadLibPq(); // thrown again at the next call when it failed
    return library;
}

using Result = std::unique_ptr<PGresult, decltype(&::PQclear)>;

/// A parameter: text, or NULL.
struct Value
{
    std::optional<std::string> text;
    bool binary = false;
};
Value value(const std::string& text)
{
    return { text, false };
}
Value value(std::int64_t number)
{
    return { std::to_string(number), false };
}
Value value(std::optional<double> number)
{
    if (!number)
        return { std::nullopt, false };
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", *number);
    return { std::string(text), false };
}

class PostgresStore final : public HistoryStore
{
public:
    explicit PostgresStore(const std::string& uri)
        : m_location(redacted(uri))
    {
        // A server that does not answer is given up after 10 s, unless the URI says otherwise.
        const char* keywords[] = { "connect_timeout", "dbname", nullptr };
        const char* values[] = { "10", uri.c_str(), nullptr };
        m_connection = pq().connectdbParams(keywords, values, 1);
        if (pq().status(m_connection) != CONNECTION_OK) {
            const auto reason = firstLine(pq().errorMessage(m_connection));
            pq().finish(m_connection);
            throw InputError(m_location + ": cannot connect to the history store (" + reason + ")");
        }
        try {
            migrate();
        } catch (...) {
            pq().finish(m_connection);
            throw;
        }
    }
    ~PostgresStore() override { pq().finish(m_connection); }

    const std::string& location() const override { return m_location; }

    SavedRunSet save(const Results& results, const std::vector<std::string>& tags, const std::string& origin) override
    {
        const auto row = runSetRow(results, tags, origin);
        Transaction transaction(*this);
        if (!row.fingerprint.empty()) {
            const auto known = query("SELECT id FROM run_sets WHERE fingerprint = $1", { value(row.fingerprint) });
            if (pq().ntuples(known.get()) > 0)
                return { integer(known, 0, 0), false };
        }
        const auto inserted = query(
            "INSERT INTO run_sets (saved_at, measured_at, git_commit, branch, dirty, host, cpu, cores, tags, project, "
            "commit_date, subject, governor, python, origin, fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
            "$10, $11, $12, $13, $14, $15, $16) RETURNING id",
            { value(row.savedAt), value(row.measuredAt), value(row.commit), value(row.branch),
                value(std::int64_t(row.dirty ? 1 : 0)), value(row.host), value(row.cpu), value(row.cores),
                value(row.tags), value(row.project), value(row.commitDate), value(row.subject), value(row.governor),
                value(row.python), value(row.origin), row.fingerprint.empty() ? Value {} : value(row.fingerprint) });
        const auto id = integer(inserted, 0, 0);
        query("INSERT INTO run_set_results (run_set, encoding, size, data) VALUES ($1, $2, $3, $4)",
            { value(id), value(row.encoding), value(row.size), Value { row.data, true } });
        for (const auto& b : row.benchmarks)
            query("INSERT INTO benchmarks (run_set, name, runs, median_s, ci_low_s, ci_high_s, median_rss_bytes) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_set, name) DO UPDATE SET runs = "
                  "excluded.runs, median_s = excluded.median_s, ci_low_s = excluded.ci_low_s, ci_high_s = "
                  "excluded.ci_high_s, median_rss_bytes = excluded.median_rss_bytes",
                { value(id), value(b.name), value(b.runs), value(b.median), value(b.ciLow), value(b.ciHigh),
                    value(b.medianRss) });
        transaction.commit();
        return { id, true };
    }

    Results load(std::int64_t id) override
    {
        const auto kept
            = query("SELECT encoding, size, data FROM run_set_results WHERE run_set = $1", { value(id) }, 1);
        if (pq().ntuples(kept.get()) == 0)
            throw InputError(m_location + ": no run set " + std::to_string(id));
        // Binary results: the text as its bytes, the size as 8 bytes in network order.
        std::int64_t size = 0;
        const auto* sizeBytes = reinterpret_cast<const unsigned char*>(pq().getvalue(kept.get(), 0, 1));
        for (int i = 0; i < 8 && pq().getlength(kept.get(), 0, 1) == 8; ++i)
            size = (size << 8) | sizeBytes[i];
        return resultsFromKept(text(kept, 0, 0), size,
            std::string(pq().getvalue(kept.get(), 0, 2), std::size_t(pq().getlength(kept.get(), 0, 2))), m_location,
            id);
    }

    HistoryOverview overview() override
    {
        HistoryOverview overview;
        overview.runSets = integer(query("SELECT count(*) FROM run_sets", {}), 0, 0);
        const auto counts = [&](const char* sql) {
            std::vector<HistoryOverview::Count> rows;
            const auto r = query(sql, {});
            for (int i = 0; i < pq().ntuples(r.get()); ++i)
                rows.push_back({ text(r, i, 0), integer(r, i, 1) });
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
        const auto r = query(
            "SELECT * FROM (SELECT r.id, r.measured_at, r.git_commit, r.branch, r.dirty, r.commit_date, r.subject, "
            "r.host, b.runs, b.median_s, b.ci_low_s, b.ci_high_s FROM benchmarks b JOIN run_sets r ON r.id = "
            "b.run_set WHERE b.name = $1 AND ($2::text = '' OR r.branch = $2) AND ($3::text = '' OR r.host = $3) AND "
            "($4::text = '' OR r.measured_at >= $4) ORDER BY r.measured_at DESC, r.id DESC LIMIT $5::bigint) AS newest "
            "ORDER BY measured_at, id",
            { value(name), value(filter.branch), value(filter.host), value(filter.since),
                filter.last > 0 ? value(filter.last) : Value {} });
        std::vector<TrendPoint> points;
        for (int i = 0; i < pq().ntuples(r.get()); ++i)
            points.push_back(
                { integer(r, i, 0), text(r, i, 1), text(r, i, 2), text(r, i, 3), integer(r, i, 4) != 0, text(r, i, 5),
                    text(r, i, 6), text(r, i, 7), integer(r, i, 8), real(r, i, 9), real(r, i, 10), real(r, i, 11) });
        return points;
    }

    std::optional<TrendPoint> latest(const TrendFilter& filter) override
    {
        const auto r = query("SELECT id, measured_at, git_commit, branch, dirty, commit_date, subject, host FROM "
                             "run_sets WHERE ($1::text = '' OR branch = $1) AND ($2::text = '' OR host = $2) AND "
                             "($3::text = '' OR measured_at >= $3) ORDER BY measured_at DESC, id DESC LIMIT 1",
            { value(filter.branch), value(filter.host), value(filter.since) });
        if (pq().ntuples(r.get()) == 0)
            return std::nullopt;
        return TrendPoint { integer(r, 0, 0), text(r, 0, 1), text(r, 0, 2), text(r, 0, 3), integer(r, 0, 4) != 0,
            text(r, 0, 5), text(r, 0, 6), text(r, 0, 7), 0, {}, {}, {} };
    }

private:
    class Transaction
    {
    public:
        explicit Transaction(PostgresStore& store)
            : m_store(store)
        {
            m_store.query("BEGIN", {});
        }
        ~Transaction()
        {
            if (!m_done)
                pq().clear(pq().exec(m_store.m_connection, "ROLLBACK"));
        }
        void commit()
        {
            m_store.query("COMMIT", {});
            m_done = true;
        }

    private:
        PostgresStore& m_store;
        bool m_done = false;
    };

    /// Runs `sql` with its parameters ($1, $2, …); results in text, or binary with `resultFormat` 1. Throws
    /// InputError naming the store and the server's reason.
    Result query(const char* sql, const std::vector<Value>& values, int resultFormat = 0)
    {
        std::vector<const char*> pointers;
        std::vector<int> lengths, formats;
        for (const auto& v : values) {
            pointers.push_back(v.text ? v.text->data() : nullptr);
            lengths.push_back(v.text ? static_cast<int>(v.text->size()) : 0);
            formats.push_back(v.binary ? 1 : 0);
        }
        Result result(pq().execParams(m_connection, sql, static_cast<int>(values.size()), nullptr, pointers.data(),
                          lengths.data(), formats.data(), resultFormat),
            pq().clear);
        const auto status = pq().resultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            throw InputError(m_location + ": " + firstLine(pq().errorMessage(m_connection)));
        return result;
    }

    static std::string text(const Result& r, int row, int column)
    {
        return std::string(pq().getvalue(r.get(), row, column), std::size_t(pq().getlength(r.get(), row, column)));
    }
    static std::int64_t integer(const Result& r, int row, int column)
    {
        return std::strtoll(pq().getvalue(r.get(), row, column), nullptr, 10);
    }
    static std::optional<double> real(const Result& r, int row, int column)
    {
        if (pq().getisnull(r.get(), row, column))
            return std::nullopt;
        return std::strtod(pq().getvalue(r.get(), row, column), nullptr);
    }

    /// Brings the database to storeSchemaVersion under an advisory lock, so that two first runs at once do not
    /// both create it; refuses a database of something else and a store of a newer Pyrometer.
    void migrate()
    {
        Transaction transaction(*this);
        query("SELECT pg_advisory_xact_lock(1348031045)", {}); // "PYRE", the SQLite store's application id
        const auto ours = query("SELECT to_regclass('pyrometer_store') IS NOT NULL", {});
        int version = 0;
        if (text(ours, 0, 0) == "t") {
            const auto row = query("SELECT application, version FROM pyrometer_store", {});
            if (pq().ntuples(row.get()) != 1 || text(row, 0, 0) != "pyrometer")
                throw InputError(m_location + ": not a Pyrometer history store");
            version = static_cast<int>(integer(row, 0, 1));
        } else {
            const auto tables = query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", {});
            if (integer(tables, 0, 0) > 0)
                throw InputError(m_location + ": not a Pyrometer history store (a database with other tables)");
        }
        if (version > storeSchemaVersion)
            throw InputError(m_location + ": written by a newer Pyrometer (store version " + std::to_string(version)
                + "; this Pyrometer reads up to version " + std::to_string(storeSchemaVersion) + ")");
        for (const auto& migration : migrations) {
            if (migration.version > version) {
                for (const auto* sql = migration.sql; *sql;) {
                    // One statement at a time: PQexecParams takes one.
                    const char* end = std::strchr(sql, ';');
                    const std::string statement(sql, end ? std::size_t(end - sql) : std::strlen(sql));
                    if (statement.find_first_not_of(" \n") != std::string::npos)
                        query(statement.c_str(), {});
                    sql = end ? end + 1 : sql + statement.size();
                }
                query("UPDATE pyrometer_store SET version = $1", { value(std::int64_t(migration.version)) });
            }
        }
        transaction.commit();
    }

    PGconn* m_connection = nullptr;
    std::string m_location;
};
} // namespace

std::unique_ptr<HistoryStore> openPostgresStore(const std::string& uri)
{
    return std::make_unique<PostgresStore>(uri);
}

} // namespace pyrometer
