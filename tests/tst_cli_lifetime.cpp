// Nothing measured is lost and nothing started is left behind: a run interrupted or killed keeps its runs (in the
// results, or in a journal that 'pyrometer recover' turns into results), and whatever a run started ends with it or
// with Pyrometer, however Pyrometer ends. End-to-end, on the `pyrometer` executable.
#include "tests/cli_support.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <csignal>

using namespace pyrometer::test;

class TestCliLifetime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interruptedRunsKeepTheirResults()
    {
        QTemporaryDir dir;
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"), QStringLiteral("500"),
                QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--export-json"), QStringLiteral("i.json") });
        const auto journal = dir.filePath(QStringLiteral("i.json.journal"));
        // The header and at least three runs.
        QTRY_VERIFY_WITH_TIMEOUT(lineCount(journal) >= 4, 30000);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 130);
        const auto json = readJson(dir.filePath(QStringLiteral("i.json")));
        QVERIFY(!json.value(QStringLiteral("complete")).toBool());
        const auto runs
            = json.value(QStringLiteral("benchmarks")).toArray()[0].toObject().value(QStringLiteral("runs")).toArray();
        QVERIFY(runs.size() >= 3 && runs.size() < 500);
        QVERIFY(!QFile::exists(journal));
    }

    void aDaemonStartedByARunEndsWithIt()
    {
        // A script that double-forks a daemon (setsid, fork) ends normally; the daemon once lived on under init.
        QTemporaryDir dir;
        const auto pidFile = dir.filePath(QStringLiteral("daemon.pid"));
        const auto r
            = runPyrometer({ QStringLiteral("run"), QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("-w"),
                               QStringLiteral("0"), fixture("daemonizes.py"), QStringLiteral("--"), pidFile },
                dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto pids = pidsIn(pidFile);
        QCOMPARE(pids.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(gone(pids.front()), 5000);
    }

    void nothingOutlivesAKilledPyrometer_data()
    {
        QTest::addColumn<bool>("window");
        QTest::addColumn<int>("signal");
        QTest::newRow("run, SIGKILL") << false << int(SIGKILL);
        QTest::newRow("run, SIGTERM") << false << int(SIGTERM);
        QTest::newRow("window, SIGKILL") << true << int(SIGKILL);
        QTest::newRow("window, SIGTERM") << true << int(SIGTERM);
        QTest::newRow("window, SIGINT") << true << int(SIGINT);
        QTest::newRow("window, SIGHUP") << true << int(SIGHUP);
    }

    void nothingOutlivesAKilledPyrometer()
    {
        // The running script and a child it started in a session of its own once lived on under init.
        QFETCH(bool, window);
        QFETCH(int, signal);
        QTemporaryDir dir;
        const auto pidFile = dir.filePath(QStringLiteral("pids"));
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PIDFILE"), pidFile);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir.path());
        const auto script = fixture("waits_with_a_child.py");
        process.start(QStringLiteral(PYROMETER_BINARY),
            window ? QStringList { script }
                   : QStringList { QStringLiteral("run"), QStringLiteral("-n"), QStringLiteral("1"),
                       QStringLiteral("-w"), QStringLiteral("0"), script });
        QTRY_COMPARE_WITH_TIMEOUT(pidsIn(pidFile).size(), 2, 30000);
        const auto pids = pidsIn(pidFile);
        QVERIFY(!gone(pids[0]) && !gone(pids[1]));
        ::kill(static_cast<pid_t>(process.processId()), signal);
        QVERIFY(process.waitForFinished(20000));
        QTRY_VERIFY_WITH_TIMEOUT(gone(pids[0]), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(gone(pids[1]), 5000);
    }

    void aKilledRunCanBeRecovered()
    {
        QTemporaryDir dir;
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"), QStringLiteral("500"),
                QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--export-json"), QStringLiteral("k.json") });
        const auto journal = dir.filePath(QStringLiteral("k.json.journal"));
        QTRY_VERIFY_WITH_TIMEOUT(lineCount(journal) >= 6, 30000);
        process.kill(); // SIGKILL: no chance to write anything more
        QVERIFY(process.waitForFinished(10000));
        const int runsInJournal = lineCount(journal) - 1;
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("k.json"))));

        // The same command again must not truncate the journal of the killed run (it once lost every run so).
        const auto again
            = runPyrometer({ QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"), QStringLiteral("1"),
                               QStringLiteral("--export-json"), QStringLiteral("k.json") },
                dir.path());
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("k.json.journal holds %1 run(s) of a run that did not finish; "
                                                   "turn it into results with 'pyrometer recover")
                                        .arg(runsInJournal)),
            qPrintable(again.err));
        QCOMPARE(lineCount(journal) - 1, runsInJournal);

        const auto r = runPyrometer({ QStringLiteral("recover"), journal }, dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Incomplete")));
        const auto json = readJson(dir.filePath(QStringLiteral("k.json")));
        const auto runs
            = json.value(QStringLiteral("benchmarks")).toArray()[0].toObject().value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), runsInJournal);

        const auto bad
            = runPyrometer({ QStringLiteral("recover"), dir.filePath(QStringLiteral("k.json")) }, dir.path());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("journal")), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLifetime)
#include "tst_cli_lifetime.moc"
