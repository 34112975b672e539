#include "core/formats/results_json.h"
#include "core/history/store.h"

#include "tests/cli_support.h"
#include "tests/postgres_cluster.h"
#include "tests/synthetic_results.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <fstream>
#include <signal.h>

// End-to-end tests of `pyrometer history` as a user meets it: importing the files of Pyrometer, pytest-benchmark
// and asv, the trend with its changes of level and its exports, and the nightly gate of `history check`.
using namespace pyrometer;
using namespace pyrometer::test;

namespace {
/// A Pyrometer results file of one run set: `name` at `seconds` a run (30 runs, 1.00–1.04 times it), commit
/// `commit` on main, measured on day `day` of December 2026 on the host "ci".
QByteArray runSetFile(
    const std::string& name, double seconds, int day, const std::string& commit, const std::string& host = "ci")
{
    Results results;
    results.environment.hostname = host;
    char date[32];
    std::snprintf(date, sizeof date, "2026-12-%02dT03:00:00Z", day);
    results.environment.date = date;
    auto benchmark = benchmarkOf(name, seconds, 30);
    benchmark.git = GitInfo { commit, "main", false, "https://example.org/p.git", date, "Commit " + commit };
    results.benchmarks.push_back(benchmark);
    return QByteArray::fromStdString(resultsJsonText(results));
}

/// pytest-benchmark's file as `pytest --benchmark-autosave` keeps it, for one commit.
QByteArray pytestBenchmarkFile(const char* commit, const char* data, const char* datetime)
{
    return QByteArray(R"({"machine_info": {"node": "ci-7", "system": "Linux", "release": "6.1.0",
   "python_implementation": "CPython", "python_version": "3.11.2", "cpu": {"brand_raw": "Test CPU", "count": 2}},
 "commit_info": {"id": ")")
        + commit + R"(", "time": "2026-11-01T09:00:00+00:00", "branch": "main",
   "dirty": false, "project": "p"},
 "benchmarks": [{"group": null, "name": "test_sort", "fullname": "tests/test_sort.py::test_sort",
   "stats": {"min": 0.001, "max": 0.003, "mean": 0.002, "median": 0.002, "rounds": 4, "iterations": 1,
             "data": )"
        + data + R"(}}],
 "datetime": ")"
        + datetime + R"(", "version": "4.0.0"})";
}
} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;

private Q_SLOTS:
    // The data folder (where a PostgreSQL store's runs keep their journal) is this suite's own.
    void initTestCase() { qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path())); }

    // Files of three tools brought in at once: a pytest-benchmark .benchmarks folder (two commits), an asv results
    // folder (its machine.json and benchmarks.json passed over, NaN accepted) and a Pyrometer file; imported again,
    // nothing is added twice; a file that is not there gives its line and exit 2, the others still imported.
    void importsWhatUsersHave()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto benchmarks = dir.filePath(QStringLiteral("project/.benchmarks/Linux-CPython-3.11-64bit"));
        write(benchmarks + QStringLiteral("/0001_aaaa1111_20261101_090000.json"),
            pytestBenchmarkFile("aaaa1111", "[0.0010, 0.0011, 0.0010, 0.0012]", "2026-11-01T09:10:00.000000"));
        write(benchmarks + QStringLiteral("/0002_bbbb2222_20261102_090000.json"),
            pytestBenchmarkFile("bbbb2222", "[0.0020, 0.0021, 0.0020, 0.0022]", "2026-11-02T09:10:00.000000"));
        const auto asv = dir.filePath(QStringLiteral("asv/results"));
        write(asv + QStringLiteral("/benchmarks.json"), R"({"bench.time_a": {"name": "bench.time_a"}, "version": 2})");
        write(asv + QStringLiteral("/box/machine.json"), R"({"machine": "box", "version": 1})");
        write(asv + QStringLiteral("/box/cccc3333-virtualenv-py3.11.json"),
            R"json({"commit_hash": "cccc3333", "env_name": "virtualenv-py3.11", "date": 1762000000000,
 "params": {"machine": "box", "cpu": "Test CPU", "num_cpu": "4", "os": "Linux"}, "python": "3.11",
 "result_columns": ["result", "params", "version", "started_at", "duration", "stats_ci_99_a", "stats_ci_99_b",
   "stats_q_25", "stats_q_75", "stats_number", "stats_repeat", "samples", "profile"],
 "results": {"bench.time_a": [[0.001, NaN], [["1", "2"]], "h", 1762000000000, 1.0, null, null, null, null,
   null, null, [[0.001, 0.0011, 0.0009], null]]}, "durations": {}, "version": 2})json");
        const auto own = dir.filePath(QStringLiteral("saved/run.json"));
        write(own, runSetFile("work.py", 0.01, 1, "dddd4444"));

        const QStringList import { QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"),
            store, dir.filePath(QStringLiteral("project/.benchmarks")), asv, own };
        auto r = runPyrometer(import);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Imported 4 run sets into ") + store + QStringLiteral("\n")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Passed over 2 files that are not results:")), qPrintable(r.out));
        r = runPyrometer(import);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(
                     QStringLiteral("Imported 0 run sets into ") + store + QStringLiteral("; 4 already there\n")),
            qPrintable(r.out));

        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("--store"), store });
        QVERIFY2(r.out.contains(QStringLiteral("History in ") + store + QStringLiteral(": 4 run sets\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("tests/test_sort.py::test_sort   2\n")));
        QVERIFY(r.out.contains(QStringLiteral("bench.time_a(1)")));
        QVERIFY(r.out.contains(QStringLiteral("https://example.org/p.git")));

        // The pytest-benchmark trend: two commits, the median doubled.
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"),
            QStringLiteral("tests/test_sort.py::test_sort"), QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("aaaa1111")) && r.out.contains(QStringLiteral("bbbb2222")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("+95.2%")), qPrintable(r.out)); // 2.05 ms / 1.05 ms

        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), store,
            dir.filePath(QStringLiteral("missing.json")), own });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err,
            QStringLiteral("pyrometer history import: ") + dir.filePath(QStringLiteral("missing.json"))
                + QStringLiteral(": no such file or folder\n"));
        QVERIFY(r.out.contains(QStringLiteral("; 1 already there")));
    }

    // Twelve nightly run sets at 10 ms, then eight at 12 ms: `show` finds the change of level where it is, with its
    // commit range, and exports it; `check` of the newest (at the new level) passes, as does a run set at the old
    // level, and one at 12 ms after twelve at 10 ms is a regression (exit 1).
    void trendChangesAndTheNightlyGate()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto import = [&](const std::string& name, double seconds, int day) {
            const auto file = dir.filePath(QStringLiteral("run-%1-%2.json").arg(QString::fromStdString(name)).arg(day));
            char commit[16];
            std::snprintf(commit, sizeof commit, "c%07d", day);
            write(file, runSetFile(name, seconds, day, commit));
            const auto r = runPyrometer(
                { QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), store, file });
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        };
        // Each night a little different (±0.2%), as machines are.
        for (int day = 1; day <= 12; ++day)
            import("a.py", 0.010 * (1 + 0.002 * (day % 3 - 1)), day);
        auto r = runPyrometer({ QStringLiteral("history"), QStringLiteral("check"), QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("No regression.")), qPrintable(r.out));

        import("a.py", 0.012, 13);
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("check"), QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(
                     QStringLiteral("a.py: 12.24 ms against 10.20 ms (12 run sets, the highest 10.22 ms): +20.0%")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("slower — REGRESSION")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Regressed: 1 of 1 benchmark.")));

        for (int day = 14; day <= 20; ++day)
            import("a.py", 0.012 * (1 + 0.002 * (day % 3 - 1)), day);
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("a.py"),
            QStringLiteral("--store"), store, QStringLiteral("--export-json"), dir.filePath(QStringLiteral("t.json")),
            QStringLiteral("--export-csv"), dir.filePath(QStringLiteral("t.csv")), QStringLiteral("--export-markdown"),
            dir.filePath(QStringLiteral("t.md")), QStringLiteral("--export-html"),
            dir.filePath(QStringLiteral("t.html")) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("Change of level: +20.0% (10.20 ms → 12.24 ms) from c0000012 to c0000013 "
                                          "(run sets 12 → 13), p = 0.005")),
            qPrintable(r.out));
        const auto json = readJson(dir.filePath(QStringLiteral("t.json")));
        QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("pyrometer.trend/1"));
        QCOMPARE(json.value(QStringLiteral("points")).toArray().size(), 20);
        const auto changes = json.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].toObject().value(QStringLiteral("commit")).toString(), QStringLiteral("c0000013"));
        QFile csv(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const auto rows = csv.readAll().split('\n');
        QCOMPARE(rows.size(), 22); // header, 20 run sets, the empty end
        QVERIFY(rows[13].endsWith(",1")); // run set 13 starts the new level
        QFile html(dir.filePath(QStringLiteral("t.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const auto page = html.readAll();
        QVERIFY(page.contains("<svg") && page.contains("<polygon") && page.contains("(new level)"));

        // The newest is at the new level now: no regression against its own level.
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("check"), QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("last change of level: +20.0%")), qPrintable(r.out));

        // A run set of another machine, the newest: show looks at that machine alone unless asked for all.
        write(dir.filePath(QStringLiteral("laptop.json")), runSetFile("a.py", 0.02, 21, "c0000021", "laptop"));
        QCOMPARE(runPyrometer({ QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), store,
                                  dir.filePath(QStringLiteral("laptop.json")) })
                     .exitCode,
            0);
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("a.py"),
            QStringLiteral("--store"), store });
        QVERIFY2(r.out.startsWith(QStringLiteral("Machine laptop, the newest run set's (--machine HOST for another, "
                                                 "--all-machines for every one)\na.py in ")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral(": 1 run set\n")));
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("a.py"),
            QStringLiteral("--store"), store, QStringLiteral("--all-machines") });
        QVERIFY2(r.out.startsWith(QStringLiteral("a.py in ")) && r.out.contains(QStringLiteral(": 21 run sets\n")),
            qPrintable(r.out));

        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("check"), QStringLiteral("nope.py"),
            QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("pyrometer history: run set 21 has no benchmark named 'nope.py'\n"));
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("check"), QStringLiteral("--branch"),
            QStringLiteral("nope"), QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is taken by --branch and --machine")), qPrintable(r.err));
    }

    // A CI job with no baseline file: the first run finds nothing to compare with (one line, exit 2) and is saved;
    // the next, of the script made slower, is compared with it, with the verdicts and exit status of `compare`.
    void baselineFromHistory()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto script = dir.filePath(QStringLiteral("work.py"));
        write(script, "import time\ntime.sleep(0.02)\n");
        const QStringList run { QStringLiteral("run"), script, QStringLiteral("-n"), QStringLiteral("6"),
            QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--no-progress"), QStringLiteral("--store"),
            store, QStringLiteral("--baseline-from-history"), QStringLiteral("--fail-on-regression") };
        auto r = runPyrometer(run);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("pyrometer run: nothing to compare with: no benchmark of this run is in "
                                               "the history of every branch on ")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("saved to the history as run set 1")), qPrintable(r.err));
        // The same script made five times slower: compared with its history, a regression, exit 1 (a change of the
        // size a machine's drift between two runs never makes, so that the verdict is certain).
        write(script, "import time\ntime.sleep(0.1)\n");
        r = runPyrometer(run);
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("since its last change (run sets 1)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("slower")), qPrintable(r.out));
        QVERIFY(r.err.contains(QStringLiteral("saved to the history as run set 2")));

        r = runPyrometer({ QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("--baseline"),
            QStringLiteral("x.json"), QStringLiteral("--baseline-from-history") });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("pyrometer run: give --baseline FILE or --baseline-from-history, not both\n"));
    }

    // A team's store on PostgreSQL (a throwaway server): `run --save` and `history show` through the URI, the
    // password never printed; two imports of 20 files each at once, by two processes, keep all 40.
    void aTeamStoreOnPostgres()
    {
        test::PostgresCluster postgres;
        QVERIFY2(postgres.running(), qPrintable(postgres.error()));
        QVERIFY(postgres.createDatabase(QStringLiteral("team")));
        const auto uri = postgres.uri(QStringLiteral("team"));
        auto r = runPyrometer({ QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--no-progress"),
            QStringLiteral("--store"), uri });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("saved to the history as run set 1 in postgresql://pyrometer:***@/team")),
            qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("s3cret")) && !r.out.contains(QStringLiteral("s3cret")));
        // Its journal stood in the data folder until the save, and is gone.
        QVERIFY(QDir(m_data.filePath(QStringLiteral("Pyrometer/Pyrometer"))).exists());
        QCOMPARE(QDir(m_data.filePath(QStringLiteral("Pyrometer/Pyrometer"))).entryList(QDir::Files), QStringList());
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"), fixture("sleep_50ms.py"),
            QStringLiteral("--store"), uri });
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral(": 1 run set\n")), qPrintable(r.out + r.err));

        QTemporaryDir dir;
        for (int side = 0; side < 2; ++side)
            for (int k = 1; k <= 20; ++k)
                write(dir.filePath(QStringLiteral("side%1/run-%2.json").arg(side).arg(k)),
                    runSetFile("a.py", 0.01, k, "s" + std::to_string(side) + "c" + std::to_string(k)));
        QProcess one, two;
        for (int side = 0; side < 2; ++side)
            (side ? two : one)
                .start(QStringLiteral(PYROMETER_BINARY),
                    { QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), uri,
                        dir.filePath(QStringLiteral("side%1").arg(side)) });
        QVERIFY(one.waitForFinished(60000) && two.waitForFinished(60000));
        QCOMPARE(one.exitCode(), 0);
        QCOMPARE(two.exitCode(), 0);
        QCOMPARE(openStore(uri.toStdString())->overview().runSets, std::int64_t(41));
        QCOMPARE(openStore(uri.toStdString())->trend("a.py", {}).size(), std::size_t(40));
    }

    // The store goes bad while the run measures (here the benchmark itself overwrites it): the save fails with one
    // line and exit 2, and nothing measured is lost: the export is written, the journal kept.
    void aStoreThatFailsAfterTheRunLosesNothing()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto script = dir.filePath(QStringLiteral("spoil.py"));
        write(script, "import sys\nwith open(sys.argv[1], 'r+b') as f:\n    f.write(b'not a database ' * 512)\n");
        const auto r = runPyrometer(
            { QStringLiteral("run"), script, QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("-w"),
                QStringLiteral("0"), QStringLiteral("--no-progress"), QStringLiteral("--store"), store,
                QStringLiteral("--export-json"), dir.filePath(QStringLiteral("r.json")), QStringLiteral("--"), store });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("pyrometer run: cannot save to the history: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("every run is still in ")), qPrintable(r.err));
        const auto json = readJson(dir.filePath(QStringLiteral("r.json")));
        QCOMPARE(json.value(QStringLiteral("benchmarks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("runs"))
                     .toArray()
                     .size(),
            2);
    }

    // `pyrometer history import` of 60 files killed with SIGKILL at 12 moments while it saves: the store is always
    // readable, and every run set in it is whole (its results load with all their runs, its benchmark row is there);
    // never half of one.
    void killedWhileSavingLeavesNoHalfRunSet()
    {
        QTemporaryDir dir;
        const auto files = dir.filePath(QStringLiteral("files"));
        for (int day = 1; day <= 60; ++day)
            write(files + QStringLiteral("/run-%1.json").arg(day, 2, 10, QLatin1Char('0')),
                runSetFile("a.py", 0.01, 1 + day % 28, "c" + std::to_string(day)));
        // The kills are spread over the time a whole import takes on this machine, measured first.
        QElapsedTimer whole;
        whole.start();
        QCOMPARE(runPyrometer({ QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"),
                                  dir.filePath(QStringLiteral("whole.sqlite")), files })
                     .exitCode,
            0);
        const auto wholeMs = whole.elapsed();
        int killedMidway = 0, midImport = 0;
        QString location;
        for (int attempt = 0; attempt < 12; ++attempt) {
            location = dir.filePath(QStringLiteral("history-%1.sqlite").arg(attempt)); // all 60 to import each time
            QProcess import;
            import.start(QStringLiteral(PYROMETER_BINARY),
                { QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), location, files });
            QVERIFY(import.waitForStarted());
            QThread::msleep(static_cast<unsigned long>(wholeMs * (attempt + 1) / 13));
            ::kill(static_cast<pid_t>(import.processId()), SIGKILL);
            import.waitForFinished();
            killedMidway += import.exitStatus() == QProcess::CrashExit ? 1 : 0;

            auto store = openStore(location.toStdString());
            const auto overview = store->overview();
            const auto trend = store->trend("a.py", {});
            QCOMPARE(std::int64_t(trend.size()), overview.runSets); // a benchmark row for every run set
            midImport += overview.runSets > 0 && overview.runSets < 60 ? 1 : 0;
            for (const auto& point : trend) {
                QCOMPARE(point.runs, std::int64_t(30));
                QCOMPARE(store->load(point.runSet).benchmarks.at(0).runs.size(), std::size_t(30));
            }
        }
        // Most were stopped mid-import, with some run sets in and others not: the moments the test is about.
        QVERIFY2(killedMidway >= 6 && midImport >= 3,
            qPrintable(QStringLiteral("%1 killed, %2 mid-import").arg(killedMidway).arg(midImport)));
        // What is not in yet comes in whole: 60 files, each once.
        const auto r = runPyrometer(
            { QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--store"), location, files });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(openStore(location.toStdString())->overview().runSets, std::int64_t(60));
    }

    // A throwaway repository made here: eight commits of work.py, the fifth one twice as slow (a longer sleep), the
    // sixth one's build broken. Bisect names the fifth, having skipped the sixth, measures every step against the
    // good and the bad commit, puts its measurements in the history, and leaves the working tree and the list of
    // worktrees as they were.
    void bisectFindsThePlantedCommit()
    {
        QTemporaryDir dir;
        const auto repository = dir.filePath(QStringLiteral("repo"));
        QDir().mkpath(repository);
        const auto git = [&](const QStringList& arguments) {
            QProcess process;
            process.setWorkingDirectory(repository);
            process.start(QStringLiteral("git"),
                QStringList { QStringLiteral("-c"), QStringLiteral("user.name=Test"), QStringLiteral("-c"),
                    QStringLiteral("user.email=test@example.org") }
                    + arguments);
            process.waitForFinished();
            return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        };
        git({ QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") });
        QStringList commits;
        for (int k = 1; k <= 8; ++k) {
            write(repository + QStringLiteral("/work.py"),
                QStringLiteral("import time\ntime.sleep(%1)  # commit %2\n").arg(k >= 5 ? 0.06 : 0.03).arg(k).toUtf8());
            if (k == 6)
                write(repository + QStringLiteral("/broken"), "the build fails here\n");
            if (k == 7)
                QFile::remove(repository + QStringLiteral("/broken"));
            git({ QStringLiteral("add"), QStringLiteral("-A") });
            git({ QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("Commit %1").arg(k) });
            commits << git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") });
        }
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto r
            = runPyrometer({ QStringLiteral("bisect"), QStringLiteral("--good"), commits[0], QStringLiteral("--bad"),
                               commits[7], QStringLiteral("--build"), QStringLiteral("test ! -e broken"),
                               QStringLiteral("-n"), QStringLiteral("12"), QStringLiteral("-w"), QStringLiteral("1"),
                               QStringLiteral("--store"), store, QStringLiteral("work.py") },
                repository);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("First bad commit: ") + commits[4].left(8) + QStringLiteral(" Commit 5\n")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("skipped: the build failed")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("bad against good +")), qPrintable(r.out));
        QCOMPARE(git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
        QCOMPARE(git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") }), commits[7]);
        QCOMPARE(git({ QStringLiteral("worktree"), QStringLiteral("list") }).count(QLatin1Char('\n')), 0);
        const auto history = openStore(store.toStdString());
        QVERIFY(history->overview().runSets >= 9); // three commits a step, three steps at least
        QCOMPARE(history->trend("work.py", {}).size(), std::size_t(history->overview().runSets));

        const auto refused
            = runPyrometer({ QStringLiteral("bisect"), QStringLiteral("--good"), commits[7], QStringLiteral("--bad"),
                               commits[0], QStringLiteral("work.py"), QStringLiteral("--store"), store },
                repository);
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err,
            QStringLiteral("pyrometer bisect: ") + commits[0] + QStringLiteral(" is not a descendant of ") + commits[7]
                + QStringLiteral("\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
