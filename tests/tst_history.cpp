#include "core/history/store.h"

#include "core/formats/results_json.h"
#include "core/model/error.h"
#include "tests/postgres_cluster.h"
#include "tests/synthetic_results.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sqlite3.h>
#include <thread>

using namespace pyrometer;

namespace {
Results runSet(const std::string& branch, const std::string& host)
{
    Results results;
    results.environment.hostname = host;
    results.environment.date = "2026-12-02T12:00:00Z";
    for (const auto* name : { "a.py", "b.py" }) {
        auto b = test::benchmarkOf(name, 0.01, 5);
        b.git = GitInfo { "0123abcd", branch, false, "https://example.org/p.git", "2026-12-01T10:00:00Z", "A commit" };
        results.benchmarks.push_back(b);
    }
    return results;
}

std::string inputError(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

void sql(const std::string& path, const char* statements)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, statements, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}
} // namespace

// The history store on SQLite and on PostgreSQL (a throwaway server started here): created on first use, run sets
// saved whole and counted, stores it cannot read refused with one line that names them, and saves from two writers
// at once all kept. The tests that take a "backend" run against both.
class TestHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::PostgresCluster> m_postgres;
    int m_databases = 0;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    /// A new store for this test on the backend of its row: a file named `name`, or a new database.
    std::string newStore(const char* name)
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("sqlite"))
            return path(name);
        const auto database = QStringLiteral("t%1").arg(++m_databases);
        if (!m_postgres->createDatabase(database))
            return {};
        return m_postgres->uri(database).toStdString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_postgres = std::make_unique<test::PostgresCluster>();
        QVERIFY2(m_postgres->running(), qPrintable(m_postgres->error()));
    }

    void savedRunSetsAreCounted_data() { addBackends(); }
    void savedRunSetsAreCounted()
    {
        QFETCH(QString, backend);
        const bool sqlite = backend == QLatin1String("sqlite");
        const auto location
            = sqlite ? path("nested/folder/history.sqlite") : newStore(""); // its folder made on first use
        {
            auto store = openStore(location);
            QCOMPARE(store->overview().runSets, std::int64_t(0));
            QCOMPARE(store->save(runSet("main", "vm"), { "nightly" }).id, std::int64_t(1));
            QCOMPARE(store->save(runSet("main", "vm"), {}).id, std::int64_t(2));
        }
        // Opened again: all there.
        auto store = openStore(location);
        QCOMPARE(store->save(runSet("feature", "laptop"), {}).id, std::int64_t(3));
        const auto overview = store->overview();
        QCOMPARE(overview.runSets, std::int64_t(3));
        QCOMPARE(overview.benchmarks.size(), std::size_t(2));
        QCOMPARE(overview.benchmarks[0].name, std::string("a.py"));
        QCOMPARE(overview.benchmarks[0].runSets, std::int64_t(3));
        QCOMPARE(overview.branches.size(), std::size_t(2));
        QCOMPARE(overview.branches[0].name, std::string("feature"));
        QCOMPARE(overview.branches[1].runSets, std::int64_t(2));
        QCOMPARE(overview.machines[1].name, std::string("vm"));
        QCOMPARE(overview.projects.size(), std::size_t(1));
        QCOMPARE(store->load(1).benchmarks[0].runs.size(), std::size_t(5));
        QCOMPARE(*store->trend("a.py", {}).front().median, 0.0102); // runs at 1.00 … 1.04 × 10 ms: 1.02 × 10 ms
        if (!sqlite)
            return;

        // Every run's values are kept (the whole results file), and each benchmark's median for trends.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(location.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db,
                     "SELECT (SELECT size FROM run_set_results WHERE run_set = 1), tags, (SELECT median_s FROM "
                     "benchmarks WHERE run_set = 1 AND name = 'a.py') FROM run_sets WHERE id = 1",
                     -1, &s, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QVERIFY(sqlite3_column_int(s, 0) > 500);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(s, 1))), QByteArray("[\"nightly\"]"));
        QCOMPARE(sqlite3_column_double(s, 2), 0.0102); // runs at 1.00 … 1.04 × 10 ms: the median 1.02 × 10 ms
        sqlite3_finalize(s);
        sqlite3_close(db);
    }

    // A store written by the first Pyrometer with history (schema version 1, made here with its statements) opens
    // and is migrated to version 2 in one transaction: its run set kept, the new columns filled from the results
    // kept whole (the governor), and the run set can be loaded back with every run.
    void olderStoreIsMigrated()
    {
        const auto location = path("version1.sqlite");
        auto results = runSet("main", "vm");
        results.environment.cpuGovernor = "performance";
        std::string text = resultsJsonText(results);
        std::string quoted;
        for (const char c : text)
            quoted += c == '\'' ? std::string("''") : std::string(1, c);
        sql(location,
            (R"sql(
CREATE TABLE run_sets (id INTEGER PRIMARY KEY, saved_at TEXT NOT NULL, measured_at TEXT NOT NULL,
    git_commit TEXT NOT NULL, branch TEXT NOT NULL, dirty INTEGER NOT NULL, host TEXT NOT NULL, cpu TEXT NOT NULL,
    cores INTEGER NOT NULL, tags TEXT NOT NULL, results TEXT NOT NULL);
CREATE TABLE benchmarks (run_set INTEGER NOT NULL REFERENCES run_sets(id) ON DELETE CASCADE, name TEXT NOT NULL,
    runs INTEGER NOT NULL, median_s REAL, ci_low_s REAL, ci_high_s REAL, PRIMARY KEY (run_set, name));
CREATE INDEX benchmarks_by_name ON benchmarks(name, run_set);
INSERT INTO run_sets VALUES (1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', '0123abcd', 'main', 0, 'vm', '', 2,
    '[]', ')sql" + quoted
                + R"sql(');
INSERT INTO benchmarks VALUES (1, 'a.py', 5, 0.0102, NULL, NULL);
PRAGMA application_id = 1348031045;
PRAGMA user_version = 1;
)sql")
                .c_str());
        auto store = openStore(location);
        QCOMPARE(store->overview().runSets, std::int64_t(1));
        QCOMPARE(store->trend("a.py", {}).size(), std::size_t(1));
        const auto loaded = store->load(1);
        QCOMPARE(loaded.benchmarks.size(), std::size_t(2));
        QCOMPARE(loaded.benchmarks[0].runs.size(), std::size_t(5));
        QCOMPARE(*loaded.environment.cpuGovernor, std::string("performance"));
        QCOMPARE(store->save(runSet("main", "vm"), {}).id, std::int64_t(2));
        store.reset();
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(location.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db,
                     "SELECT (SELECT governor FROM run_sets WHERE id = 1), (SELECT project FROM run_sets WHERE id = 2)",
                     -1, &s, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))), QByteArray("performance"));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(s, 1))),
            QByteArray("https://example.org/p.git"));
        sqlite3_finalize(s);
        sqlite3_close(db);
        QCOMPARE(QString::fromStdString(inputError([&] { openStore(location)->load(7); })),
            QString::fromStdString(location + ": no run set 7"));
    }

    // An import is added once: the same results again are found by their fingerprint; a run measured now is
    // always added, even with the same figures.
    void importsAreAddedOnce_data() { addBackends(); }
    void importsAreAddedOnce()
    {
        auto store = openStore(newStore("imports.sqlite"));
        const auto results = runSet("main", "vm");
        QVERIFY(store->save(results, {}, "/data/a.json").added);
        const auto again = store->save(results, {}, "/data/copy-of-a.json");
        QVERIFY(!again.added);
        QCOMPARE(again.id, std::int64_t(1));
        QVERIFY(store->save(results, {}).added);
        QVERIFY(store->save(results, {}).added);
        QCOMPARE(store->overview().runSets, std::int64_t(3));
        QCOMPARE(store->latest({})->runSet, std::int64_t(3));
        QVERIFY(!store->latest({ "nope", "", "", 0 }));
    }

    // A benchmark's trend: its run sets oldest first, taken by branch, machine, date and count.
    void trendOfABenchmark_data() { addBackends(); }
    void trendOfABenchmark()
    {
        auto store = openStore(newStore("trend.sqlite"));
        const std::pair<const char*, const char*> sets[]
            = { { "main", "2026-11-01T10:00:00Z" }, { "feature", "2026-11-02T10:00:00Z" },
                  { "main", "2026-11-03T10:00:00Z" }, { "main", "2026-11-04T10:00:00Z" } };
        for (const auto& [branch, date] : sets) {
            auto results = runSet(branch, "vm");
            results.environment.date = date;
            store->save(results, {});
        }
        auto all = store->trend("a.py", {});
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(all.front().measuredAt, std::string("2026-11-01T10:00:00Z"));
        QCOMPARE(all.back().runSet, std::int64_t(4));
        QCOMPARE(all[1].branch, std::string("feature"));
        QCOMPARE(all[0].runs, std::int64_t(5));
        QVERIFY(all[0].median && !all[0].ciLow); // five runs: too few for the interval
        const auto main = store->trend("a.py", { "main", "", "", 2 });
        QCOMPARE(main.size(), std::size_t(2));
        QCOMPARE(main[0].measuredAt, std::string("2026-11-03T10:00:00Z")); // the last two, oldest first
        QCOMPARE(store->trend("a.py", { "", "", "2026-11-02", 0 }).size(), std::size_t(3));
        QVERIFY(store->trend("a.py", { "", "laptop", "", 0 }).empty());
        QVERIFY(store->trend("c.py", {}).empty());
    }

    void storesItCannotReadAreRefused()
    {
        // Written by a newer Pyrometer: both versions named.
        const auto newer = path("newer.sqlite");
        openStore(newer);
        sql(newer, "PRAGMA user_version = 7");
        QCOMPARE(inputError([&] { openStore(newer); }),
            newer + ": written by a newer Pyrometer (store version 7; this Pyrometer reads up to version 2)");

        const auto text = path("text.sqlite");
        std::ofstream(text) << "not a database at all, but long enough to be read as a header........";
        QCOMPARE(
            inputError([&] { openStore(text); }), text + ": not a Pyrometer history store (not a SQLite database)");

        const auto other = path("other.sqlite");
        sql(other, "CREATE TABLE notes (text TEXT)");
        QCOMPARE(inputError([&] { openStore(other); }),
            other + ": not a Pyrometer history store (a database with other tables)");

        const auto marked = path("marked.sqlite");
        sql(marked, "CREATE TABLE notes (text TEXT); PRAGMA user_version = 1");
        QCOMPARE(inputError([&] { openStore(marked); }), marked + ": not a Pyrometer history store");

        QVERIFY(inputError([] {
            openStore("/proc/no/such/history.sqlite");
        }).starts_with("/proc/no/such/history.sqlite: cannot open the history store ("));
        // Nothing was written into the files it refused.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(other.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &s, nullptr);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(s, 0), 1);
        sqlite3_finalize(s);
        sqlite3_close(db);
    }

    // A PostgreSQL store it cannot use: a wrong password (the message never shows a password), no server there, a
    // database of something else, a store of a newer Pyrometer; each one line that names it.
    void postgresStoresItCannotUseAreRefused()
    {
        QVERIFY(m_postgres->createDatabase(QStringLiteral("refusals")));
        const auto wrong = m_postgres->uri(QStringLiteral("refusals"), QStringLiteral("wrong-password")).toStdString();
        const auto message = inputError([&] { openStore(wrong); });
        const auto shown = wrong.substr(0, wrong.find("wrong-password")) + "***" + wrong.substr(wrong.find('@'));
        QVERIFY2(message.starts_with(shown + ": cannot connect to the history store ("), message.c_str());
        QVERIFY2(message.find("password authentication failed") != std::string::npos, message.c_str());
        QVERIFY(message.find("wrong-password") == std::string::npos);

        const auto nowhere = std::string("postgresql://pyrometer:s3cret@/x?host=") + path("no-server") + "&port=1";
        QVERIFY2(inputError([&] {
            openStore(nowhere);
        }).starts_with("postgresql://pyrometer:***@/x?host=" + path("no-server") + "&port=1: cannot connect"),
            inputError([&] { openStore(nowhere); }).c_str());

        const auto good = m_postgres->uri(QStringLiteral("refusals")).toStdString();
        const auto redacted = good.substr(0, good.find("s3cret")) + "***" + good.substr(good.find('@'));
        QVERIFY(m_postgres->execute(QString::fromStdString(good), QStringLiteral("CREATE TABLE notes (text TEXT)")));
        QCOMPARE(inputError([&] { openStore(good); }),
            redacted + ": not a Pyrometer history store (a database with other tables)");

        QVERIFY(m_postgres->createDatabase(QStringLiteral("newer")));
        const auto newer = m_postgres->uri(QStringLiteral("newer")).toStdString();
        QCOMPARE(openStore(newer)->overview().runSets, std::int64_t(0));
        QVERIFY(m_postgres->execute(
            QString::fromStdString(newer), QStringLiteral("UPDATE pyrometer_store SET version = 7")));
        QCOMPARE(inputError([&] { openStore(newer); }),
            newer.substr(0, newer.find("s3cret")) + "***" + newer.substr(newer.find('@'))
                + ": written by a newer Pyrometer (store version 7; this Pyrometer reads up to version 2)");
    }

    // Two writers at once, each with its own connection as two `pyrometer run --save` have: they wait for each
    // other, and every run set is kept.
    void concurrentSavesLoseNothing_data() { addBackends(); }
    void concurrentSavesLoseNothing()
    {
        const auto location = newStore("shared.sqlite");
        openStore(location);
        const auto writer = [&] {
            auto store = openStore(location);
            for (int i = 0; i < 25; ++i)
                store->save(runSet("main", "vm"), {});
        };
        std::thread one(writer), two(writer);
        one.join();
        two.join();
        QCOMPARE(openStore(location)->overview().runSets, std::int64_t(50));
    }

    void defaultLocationFollowsXdg()
    {
        const QByteArray saved = qgetenv("PYROMETER_STORE"), xdg = qgetenv("XDG_DATA_HOME"), home = qgetenv("HOME");
        unsetenv("PYROMETER_STORE");
        setenv("XDG_DATA_HOME", "/data/home", 1);
        QCOMPARE(defaultStoreLocation(), std::string("/data/home/Pyrometer/Pyrometer/history.sqlite"));
        setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
        setenv("HOME", "/home/u", 1);
        QCOMPARE(defaultStoreLocation(), std::string("/home/u/.local/share/Pyrometer/Pyrometer/history.sqlite"));
        setenv("PYROMETER_STORE", "/team/history.sqlite", 1);
        QCOMPARE(defaultStoreLocation(), std::string("/team/history.sqlite"));
        for (const auto& [name, value] :
            { std::pair { "PYROMETER_STORE", saved }, { "XDG_DATA_HOME", xdg }, { "HOME", home } }) {
            if (value.isEmpty())
                unsetenv(name);
            else
                setenv(name, value.constData(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
