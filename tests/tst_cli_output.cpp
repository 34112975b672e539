// Where the command line writes: an export named "-" goes to standard output whole, and what Pyrometer prints for
// people moves to standard error, as hyperfine's and jq's users expect (pyrometer run --export-json - | jq).
#include "tests/cli_support.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pyrometer::test;

class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void runExportsToStandardOutput()
    {
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("--no-progress"), QStringLiteral("--export-json"), QStringLiteral("-"),
            QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const auto json = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + r.out.left(200)));
        QCOMPARE(json[QStringLiteral("schema")].toString(), QStringLiteral("pyrometer.run/1"));
        QCOMPARE(json[QStringLiteral("benchmarks")].toArray().size(), 1);
        // The report is still shown, on standard error; no file named "-", no journal left behind.
        QVERIFY2(r.err.contains(QStringLiteral("Benchmark 1/1: /bin/true")), qPrintable(r.err));
        QVERIFY(!QFile::exists(QStringLiteral("-")));

        // The CSV of the runs alone (its summary would be a second file on the same stream).
        const auto csv = runPyrometer({ QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"),
            QStringLiteral("4"), QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--no-progress"),
            QStringLiteral("--export-csv"), QStringLiteral("-"), QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(csv.exitCode, 0);
        const auto lines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.front().startsWith(QStringLiteral("benchmark,run,warmup")));
    }

    void compareAndHistoryToo()
    {
        QTemporaryDir dir;
        const auto results = dir.filePath(QStringLiteral("r.json"));
        QCOMPARE(runPyrometer(
                     { QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"), QStringLiteral("5"),
                         QStringLiteral("--no-progress"), QStringLiteral("--export-json"), results,
                         QStringLiteral("--save"), QStringLiteral("--store"), dir.filePath(QStringLiteral("h.sqlite")),
                         QStringLiteral("--"), QStringLiteral("/bin/true") })
                     .exitCode,
            0);
        auto r = runPyrometer(
            { QStringLiteral("compare"), results, results, QStringLiteral("--export-json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("schema")].toString(),
            QStringLiteral("pyrometer.compare/2"));
        QVERIFY2(r.err.contains(QStringLiteral("/bin/true")), qPrintable(r.err));
        r = runPyrometer(
            { QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("/bin/true"), QStringLiteral("--store"),
                dir.filePath(QStringLiteral("h.sqlite")), QStringLiteral("--export-json"), QStringLiteral("-") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("schema")].toString(),
            QStringLiteral("pyrometer.trend/1"));
    }

    // What Pyrometer keeps of its own goes to the XDG data folder, and nothing else is written: not in the home
    // folder, not in the working folder.
    void nothingOutsideTheXdgFolders()
    {
        QTemporaryDir dir;
        for (const char* folder : { "home", "data", "config", "work" })
            QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(folder)));
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PYROMETER_STORE"));
        environment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir.filePath(QStringLiteral("work")));
        process.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"), QStringLiteral("2"),
                QStringLiteral("--no-progress"), QStringLiteral("--save"), QStringLiteral("--"),
                QStringLiteral("/bin/true") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QStringList written;
        for (QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            written << QDir(dir.path()).relativeFilePath(it.next());
        QCOMPARE(written, QStringList { QStringLiteral("data/Pyrometer/Pyrometer/history.sqlite") });
    }

    // Two exports on one stream would interleave: refused before anything runs, in one line.
    void oneExportAtMostOnStandardOutput()
    {
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("--export-json"), QStringLiteral("-"), QStringLiteral("--export-csv"),
            QStringLiteral("-"), QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("pyrometer run: only one export can go to standard output (-)\n"));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
