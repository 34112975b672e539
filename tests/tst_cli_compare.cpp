// End-to-end tests of `pyrometer compare` and `run --baseline`: verdicts, exit statuses, pairing, as a user
// sees them.

#include "tests/cli_support.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace pyrometer::test;

class TestCliCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compareVerdictsAndExitCodes()
    {
        QTemporaryDir dir;
        const auto path = [&](const char* name) { return dir.filePath(QString::fromUtf8(name)); };
        writeResults(path("base.json"), { { "fib.py", 0.050 }, { "gone.py", 0.020 } });
        writeResults(path("slower.json"), { { "fib.py", 0.055 } });
        writeResults(path("same.json"), { { "fib.py", 0.050 } });
        writeResults(path("other.json"), { { "other.py", 0.050 } });

        auto r = runPyrometer({ QStringLiteral("compare"), path("base.json"), path("slower.json") });
        QCOMPARE(r.exitCode, 0); // a regression fails only when asked to
        QVERIFY2(
            r.out.contains(QStringLiteral("+10.0%")) && r.out.contains(QStringLiteral("slower")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Only in the baseline: gone.py")));

        r = runPyrometer(
            { QStringLiteral("compare"), path("base.json"), path("slower.json"), QStringLiteral("--fail-on-regression"),
                QStringLiteral("--export-html"), path("r.html"), QStringLiteral("--export-markdown"), path("r.md"),
                QStringLiteral("--export-junit"), path("r.xml"), QStringLiteral("--export-json"), path("r.json") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("regression")), qPrintable(r.err));
        for (const char* report : { "r.html", "r.md", "r.xml", "r.json" })
            QVERIFY2(QFile(path(report)).size() > 200, report);
        QCOMPARE(readJson(path("r.json")).value(QStringLiteral("any_slower")).toBool(), true);

        // A threshold above the change turns "slower" into "significant, but not shown to exceed 15%".
        r = runPyrometer({ QStringLiteral("compare"), path("base.json"), path("slower.json"),
            QStringLiteral("--fail-on-regression"), QStringLiteral("--threshold=15%") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("significant, but not shown to exceed 15%")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("threshold of 15%")));

        r = runPyrometer({ QStringLiteral("compare"), path("base.json"), path("same.json"),
            QStringLiteral("--fail-on-regression") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("no significant change")));

        r = runPyrometer({ QStringLiteral("compare"), path("base.json"), path("other.json") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("pyrometer compare: no benchmark in common")));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        r = runPyrometer({ QStringLiteral("compare"), path("base.json"), path("other.json"), QStringLiteral("--pair"),
            QStringLiteral("fib.py=other.py") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("fib.py → other.py")));

        // One file, two of its benchmarks: only the pair given is compared.
        writeResults(path("both.json"), { { "old.py", 0.050 }, { "new.py", 0.055 } });
        r = runPyrometer({ QStringLiteral("compare"), path("both.json"), QStringLiteral("--pair"),
            QStringLiteral("old.py=new.py"), QStringLiteral("--fail-on-regression") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("old.py → new.py")), qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral("old.py")), r.out.count(QStringLiteral("old.py → new.py")));
        // Two benchmarks of one file ran interleaved: their runs are compared pair by pair.
        QVERIFY2(r.out.contains(QStringLiteral("Wilcoxon signed-rank, ")), qPrintable(r.out));
    }

    void hyperfineAndPyrometerPairByCommand()
    {
        // hyperfine keeps "/usr/bin/python3 sleep_50ms.py" as typed; Pyrometer the argv, script absolute. Their
        // names differ; the program and its argument are the same, and the report says how they were paired.
        QTemporaryDir dir;
        const auto fixtures = QFileInfo(fixture("sleep_50ms.py")).absolutePath();
        const auto baseline = dir.filePath(QStringLiteral("hyperfine.json"));
        QProcess hyperfine;
        hyperfine.setWorkingDirectory(fixtures);
        hyperfine.start(QStringLiteral("hyperfine"),
            { QStringLiteral("-N"), QStringLiteral("--runs"), QStringLiteral("3"), QStringLiteral("--export-json"),
                baseline, QStringLiteral("/usr/bin/python3 sleep_50ms.py") });
        QVERIFY(hyperfine.waitForFinished(60'000));
        QCOMPARE(hyperfine.exitCode(), 0);
        const auto candidate = dir.filePath(QStringLiteral("pyrometer.json"));
        auto r = runPyrometer({ QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("--no-progress"), QStringLiteral("--python"),
            QStringLiteral("/usr/bin/python3"), QStringLiteral("--export-json"), candidate });
        QCOMPARE(r.exitCode, 0);
        r = runPyrometer({ QStringLiteral("compare"), baseline, candidate }, fixtures);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Paired by command (the same program and arguments): /usr/bin/python3 "
                                               "sleep_50ms.py → ")
                     + fixture("sleep_50ms.py")),
            qPrintable(r.out));
        // hyperfine holds no per-run CPU time and, before 1.20, no memory: no verdict, never one from 0.
        QVERIFY2(r.out.contains(QStringLiteral("not measured")), qPrintable(r.out));
    }

    void hyperfineBaselineAgainstARun()
    {
        // A baseline written by hyperfine, a candidate measured by Pyrometer: paired by name.
        QTemporaryDir dir;
        const auto baseline = dir.filePath(QStringLiteral("hyperfine.json"));
        QProcess hyperfine;
        hyperfine.start(QStringLiteral("hyperfine"),
            { QStringLiteral("-N"), QStringLiteral("--runs"), QStringLiteral("6"), QStringLiteral("--export-json"),
                baseline, QStringLiteral("-n"), fixture("sleep_50ms.py"), QStringLiteral("sleep 0.01") });
        QVERIFY(hyperfine.waitForFinished(60'000));
        QCOMPARE(hyperfine.exitCode(), 0);
        const auto r = runPyrometer({ QStringLiteral("run"), fixture("sleep_50ms.py"), QStringLiteral("-n"),
            QStringLiteral("6"), QStringLiteral("--no-progress"), QStringLiteral("--baseline"), baseline,
            QStringLiteral("--fail-on-regression"), QStringLiteral("--export-junit"),
            dir.filePath(QStringLiteral("j.xml")) });
        // 50 ms of sleep against 10 ms: slower, and the build fails.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Candidate: this run")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("slower")));
        QVERIFY(QFile(dir.filePath(QStringLiteral("j.xml"))).size() > 100);
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
