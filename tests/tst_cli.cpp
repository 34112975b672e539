#include "core/formats/results_file.h"
#include "core/formats/results_json.h"

#include "cli/terminal_text.h"
#include "tests/cli_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <signal.h>

// End-to-end tests of the `pyrometer` executable: exit statuses, messages and files, as a user sees them.
// Comparing is in tst_cli_compare; interrupted and killed runs, and what they leave, in tst_cli_lifetime.
using namespace pyrometer::test;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const auto r = runPyrometer({ QStringLiteral("--version") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("pyrometer ")));
        const auto help = runPyrometer({ QStringLiteral("run"), QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--export-json")));
        // Every subcommand answers --help and --version (open refused --help with exit 2); after "--" a word is
        // the benchmark's own.
        for (const auto* command : { "run", "compare", "recover", "history", "bisect", "open" }) {
            const auto name = QString::fromLatin1(command);
            const auto usage = runPyrometer({ name, QStringLiteral("--help") });
            QVERIFY2(usage.exitCode == 0 && usage.out.startsWith(QStringLiteral("Usage: pyrometer ") + name),
                qPrintable(name + QLatin1Char(' ') + usage.out.left(80) + usage.err));
            const auto version = runPyrometer({ name, QStringLiteral("--version") });
            QVERIFY2(version.exitCode == 0 && version.out == r.out, qPrintable(name + QLatin1Char(' ') + version.out));
        }
        const auto passed = runPyrometer(
            { QStringLiteral("run"), QStringLiteral("no_such.py"), QStringLiteral("--"), QStringLiteral("--version") });
        QCOMPARE(passed.exitCode, 2);
    }

    // Without its spawn helper beside it, Pyrometer refuses to measure (one line, exit 2) rather than fold its own
    // size into every run's peak RSS (/bin/true read 4.0 MiB instead of 1).
    void noSpawnHelperNoRun()
    {
        QTemporaryDir dir;
        const auto lone = dir.filePath(QStringLiteral("pyrometer"));
        QVERIFY(QFile::copy(QStringLiteral(PYROMETER_BINARY), lone));
        QProcess process;
        process.start(lone,
            { QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"), QStringLiteral("1"),
                QStringLiteral("--"), QStringLiteral("/bin/true") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
            QStringLiteral("pyrometer run: the spawn helper is missing (looked for ")
                + dir.filePath(QStringLiteral("pyrometer-spawn-helper")) + QStringLiteral(" or ")
                + dir.filePath(QStringLiteral("../libexec/pyrometer/pyrometer-spawn-helper"))
                + QStringLiteral("): measured without it, every run's peak RSS would hold Pyrometer's own size; "
                                 "install Pyrometer whole\n"));
        QVERIFY(process.readAllStandardOutput().isEmpty());
        // With the helper there, /bin/true's runs read its own size: under 3 MiB (Pyrometer's would be 4 or more).
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("--no-progress"), QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 0);
        const auto peak = QRegularExpression(QStringLiteral("Peak RSS:\\s+([0-9.]+) (KiB|MiB)")).match(r.out);
        QVERIFY2(peak.hasMatch(), qPrintable(r.out));
        QVERIFY(peak.captured(2) == QLatin1String("KiB") || peak.captured(1).toDouble() < 3.0);
    }

    void runsAndExports()
    {
        QTemporaryDir dir;
        const auto r = runPyrometer(
            { QStringLiteral("run"), fixture("sleep_50ms.py"), fixture("path with spaces/grüße ünïcode.py"),
                QStringLiteral("-n"), QStringLiteral("6"), QStringLiteral("-w"), QStringLiteral("1"),
                QStringLiteral("--export-json"), QStringLiteral("r.json"), QStringLiteral("--export-csv"),
                QStringLiteral("r.csv"), QStringLiteral("--export-markdown"), QStringLiteral("r.md"),
                QStringLiteral("--export-html"), QStringLiteral("r.html") },
            dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Benchmark 1/2: ") + fixture("sleep_50ms.py")));
        QVERIFY(r.out.contains(QStringLiteral("grüße ünïcode.py")));
        QVERIFY(r.out.contains(QStringLiteral("Median:")));
        QVERIFY(r.out.contains(QStringLiteral("95% CI")));
        QVERIFY(r.out.contains(QStringLiteral("Peak RSS:")));
        QVERIFY(r.out.contains(QStringLiteral("times faster than")));

        const auto json = readJson(dir.filePath(QStringLiteral("r.json")));
        QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("pyrometer.run/1"));
        QVERIFY(json.value(QStringLiteral("complete")).toBool());
        const auto benchmarks = json.value(QStringLiteral("benchmarks")).toArray();
        QCOMPARE(benchmarks.size(), 2);
        const auto sleep = benchmarks[0].toObject();
        QCOMPARE(sleep.value(QStringLiteral("runs")).toArray().size(), 7);
        const auto summary = sleep.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("n")).toInt(), 6);
        const double median = summary.value(QStringLiteral("median_s")).toDouble();
        QVERIFY2(median >= 0.050 && median < 1.0, qPrintable(QString::number(median)));
        QCOMPARE(summary.value(QStringLiteral("median_ci95_s")).toArray().size(), 2);
        // The interpreter was resolved and recorded.
        const auto interpreter = sleep.value(QStringLiteral("interpreter")).toObject();
        QCOMPARE(interpreter.value(QStringLiteral("requested")).toString(), QStringLiteral("python3"));
        QVERIFY(interpreter.value(QStringLiteral("path")).toString().startsWith(QLatin1Char('/')));

        // A real file, read back by Pyrometer and written again, is the same file.
        QFile written(dir.filePath(QStringLiteral("r.json")));
        QVERIFY(written.open(QIODevice::ReadOnly));
        const auto reread = pyrometer::resultsJsonText(pyrometer::readResultsFile(written.fileName().toStdString()));
        QCOMPARE(QByteArray::fromStdString(reread), written.readAll());

        QCOMPARE(lineCount(dir.filePath(QStringLiteral("r.csv"))), 1 + 2 * 7);
        QCOMPARE(lineCount(dir.filePath(QStringLiteral("r.summary.csv"))), 1 + 2);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("r.md"))));
        // Without --baseline, --export-html is the report of this run: both benchmarks, each charted.
        QFile html(dir.filePath(QStringLiteral("r.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const auto page = QString::fromUtf8(html.readAll());
        QVERIFY(page.contains(QStringLiteral("<h1>Pyrometer results</h1>")));
        QVERIFY(page.contains(QStringLiteral("grüße ünïcode.py</h3>")));
        QCOMPARE(page.count(QStringLiteral("aria-label=\"Wall time per run\"")), 2);
        // The journal is gone once the results are safe.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.json.journal"))));
    }

    void aFailingScriptStopsWithItsStderr()
    {
        QTemporaryDir dir;
        const auto r = runPyrometer(
            { QStringLiteral("run"), fixture("exit_3.py"), fixture("sleep_50ms.py"), QStringLiteral("-n"),
                QStringLiteral("3"), QStringLiteral("--export-json"), QStringLiteral("f.json") },
            dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     QStringLiteral("warmup run 1 failed: exit code 3: ValueError: the fixture fails on purpose")),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("| first line of the complaint")));
        // The other benchmark still ran, and the failed run is in the file.
        const auto benchmarks
            = readJson(dir.filePath(QStringLiteral("f.json"))).value(QStringLiteral("benchmarks")).toArray();
        QCOMPARE(
            benchmarks[1].toObject().value(QStringLiteral("summary")).toObject().value(QStringLiteral("n")).toInt(), 3);
        const auto failedRun = benchmarks[0].toObject().value(QStringLiteral("runs")).toArray()[0].toObject();
        QCOMPARE(failedRun.value(QStringLiteral("exit_code")).toInt(), 3);
        QVERIFY(failedRun.value(QStringLiteral("stderr_tail")).toString().contains(QStringLiteral("ValueError")));
    }

    void syntaxErrorFails()
    {
        const auto r = runPyrometer(
            { QStringLiteral("run"), fixture("syntax_error.py"), QStringLiteral("-n"), QStringLiteral("2") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("SyntaxError")), qPrintable(r.err));
    }

    void timeoutIsAFailure()
    {
        const auto r = runPyrometer(
            { QStringLiteral("run"), fixture("loop_forever.py"), QStringLiteral("-n"), QStringLiteral("1"),
                QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--timeout"), QStringLiteral("1") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("run 1 failed: timed out")), qPrintable(r.err));
    }

    void ignoringFailuresKeepsGoing()
    {
        // Every run fails: nothing to summarise, so the exit status still says failure.
        const auto r = runPyrometer({ QStringLiteral("run"), fixture("exit_3.py"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--ignore-failure") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("Failed runs:   3")));
    }

    void commandsAreMeasuredToo()
    {
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("-n"), QStringLiteral("3"),
            QStringLiteral("--command"), QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("0.05") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Benchmark 1/1: sleep 0.05")));
    }

    void insideTheProcess()
    {
        QTemporaryDir dir;
        const auto json = dir.filePath(QStringLiteral("r.json"));
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("-n"), QStringLiteral("2"),
            QStringLiteral("--memory"), QStringLiteral("--gc"), QStringLiteral("--profile"), fixture("hot_function.py"),
            fixture("cyclic_garbage.py"), QStringLiteral("--export-json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Inside ") + fixture("hot_function.py")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("hot_loop  (hot_function.py:7)")));
        QVERIFY(r.out.contains(QStringLiteral("Timeline:")));
        QVERIFY(r.out.contains(QStringLiteral("generation 2:")));
        const auto benchmarks = readJson(json).value(QStringLiteral("benchmarks")).toArray();
        QCOMPARE(benchmarks.size(), 2);
        const auto first = benchmarks.at(0).toObject();
        QVERIFY(first.value(QStringLiteral("runs")).toArray().at(0).toObject().contains(QStringLiteral("timeline")));
        const auto probe = benchmarks.at(1).toObject().value(QStringLiteral("probe")).toObject();
        QVERIFY(probe.value(QStringLiteral("gc_events")).toArray().size() > 100);
        QVERIFY(probe.contains(QStringLiteral("profile")));
        QCOMPARE(probe.value(QStringLiteral("runs")).toArray().size(), 1);
    }

    // A benchmark file and a folder: functions timed per call at their sizes, the scaling and its class on the
    // terminal, and kept in the JSON export as functions.
    void benchmarkFunctions()
    {
        QTemporaryDir dir;
        const auto json = dir.filePath(QStringLiteral("suite.json"));
        const auto r
            = runPyrometer({ QStringLiteral("run"), QStringLiteral(PYROMETER_FIXTURES "/suite/bench_sorting.py"),
                QStringLiteral(PYROMETER_FIXTURES "/suite/nested"), QStringLiteral("-k"),
                QStringLiteral("sort[ or lookup"), QStringLiteral("-n"), QStringLiteral("3"),
                QStringLiteral("--min-time"), QStringLiteral("0.005"), QStringLiteral("--export-json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("bench_sorting.py::bench_sort[10000]")));
        QVERIFY(r.out.contains(QStringLiteral("nested/lookup_bench.py::bench_lookup")));
        QVERIFY(!r.out.contains(QStringLiteral("bench_scan")));
        QVERIFY(r.out.contains(QStringLiteral("a value, in a fresh worker each run")));
        // Two sizes: a scaling, but no class.
        QVERIFY(r.out.contains(QStringLiteral(
            "Scaling of " PYROMETER_FIXTURES "/suite/bench_sorting.py::bench_sort (time per call against n)")));
        QVERIFY(
            r.out.contains(QStringLiteral("cannot tell: too few sizes to tell the class: 2 (at least 4 are needed)")));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = file.readAll();
        QVERIFY(text.contains("\"kind\": \"function\""));
        QVERIFY(text.contains("\"per_call_s\""));
    }

    // Results kept in the history store: saved after the run (the journal removed only then), listed by `history`;
    // a store that cannot be used is refused before any run, with one line and exit 2.
    void saveToTheHistory()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("h/history.sqlite"));
        const auto script = fixture("sleep_50ms.py");
        auto r = runPyrometer(
            { QStringLiteral("run"), script, QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--no-progress"),
                QStringLiteral("--store"), store, QStringLiteral("--tag"), QStringLiteral("first") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("saved to the history as run set 1 in ") + store), qPrintable(r.err));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("h"))).entryList(QDir::Files),
            QStringList { QStringLiteral("history.sqlite") });
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("History in ") + store + QStringLiteral(": 1 run set\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(script + QStringLiteral("   1\n")));
        r = runPyrometer(
            { QStringLiteral("history"), QStringLiteral("show"), script, QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(script + QStringLiteral(" in ") + store + QStringLiteral(": 1 run set\n")),
            qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4); // the heading, the columns, one run set, no change of level
        QVERIFY(r.out.endsWith(
            QStringLiteral("No change of level of 2% or more (E-Divisive, p ≤ 0.01, at least 5 run sets a level).\n")));
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("nope.py"),
            QStringLiteral("--store"), store });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err,
            QStringLiteral("pyrometer history: no benchmark named 'nope.py' in ") + store
                + QStringLiteral(" ('pyrometer history' lists them)\n"));

        QFile bad(dir.filePath(QStringLiteral("bad.sqlite")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(200, 'x'));
        bad.close();
        r = runPyrometer({ QStringLiteral("run"), script, QStringLiteral("-n"), QStringLiteral("2"),
            QStringLiteral("--no-progress"), QStringLiteral("--store"), bad.fileName() });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err,
            QStringLiteral("pyrometer run: ") + bad.fileName()
                + QStringLiteral(": not a Pyrometer history store (not a SQLite database)\n"));
        QVERIFY(r.out.isEmpty()); // nothing ran
        r = runPyrometer({ QStringLiteral("history"), QStringLiteral("--store"), bad.fileName() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(runPyrometer({ QStringLiteral("history"), QStringLiteral("--help") })
                    .out.startsWith(QStringLiteral("Usage: pyrometer history")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto sleep = fixture("sleep_50ms.py");
        const auto run = QStringLiteral("run");
        QTest::newRow("missing script") << QStringList { run, QStringLiteral("no_such_script.py") }
                                        << QStringLiteral("script not found: no_such_script.py");
        QTest::newRow("directory without benchmark files")
            << QStringList { run, QStringLiteral(PYROMETER_FIXTURES "/parts") }
            << QStringLiteral(PYROMETER_FIXTURES "/parts: no benchmark files (bench_*.py or *_bench.py) in it");
        const auto suite = QStringLiteral(PYROMETER_FIXTURES "/suite/bench_sorting.py");
        QTest::newRow("benchmark file that does not import")
            << QStringList { run, QStringLiteral(PYROMETER_FIXTURES "/suite/broken/bench_syntax.py") }
            << QStringLiteral(PYROMETER_FIXTURES "/suite/broken/bench_syntax.py: SyntaxError: invalid syntax");
        QTest::newRow("params not a list")
            << QStringList { run, QStringLiteral(PYROMETER_FIXTURES "/suite/broken/bench_params.py") }
            << QStringLiteral("bench_params.py: TypeError: bench_x.params must be a non-empty list, not int");
        QTest::newRow("unknown scale") << QStringList { run, suite, QStringLiteral("--scales"),
            QStringLiteral("small,huge") }
                                       << QStringLiteral("--scales: unknown scale 'huge'");
        QTest::newRow("-k selects nothing") << QStringList { run, suite, QStringLiteral("-k"), QStringLiteral("zzz") }
                                            << QStringLiteral("-k 'zzz' selects no benchmark");
        QTest::newRow("-k malformed") << QStringList { run, suite, QStringLiteral("-k"), QStringLiteral("sort and") }
                                      << QStringLiteral("-k 'sort and': ends where a word was expected");
        QTest::newRow("prediction not a size") << QStringList { run, suite, QStringLiteral("--predict"),
            QStringLiteral("-5") } << QStringLiteral("--predict must be a positive size, not '-5'");
        QTest::newRow("no least time") << QStringList { run, suite, QStringLiteral("--min-time"), QStringLiteral("0") }
                                       << QStringLiteral("--min-time must be a positive number of seconds, not '0'");
        QTest::newRow("interpreter not found") << QStringList { run, sleep, QStringLiteral("--python"),
            QStringLiteral("python9.99") } << QStringLiteral("interpreter not found: python9.99");
        QTest::newRow("interpreter not runnable") << QStringList { run, sleep, QStringLiteral("--python"),
            QStringLiteral("/bin/false") } << QStringLiteral("interpreter not runnable: /bin/false");
        QTest::newRow("zero runs") << QStringList { run, sleep, QStringLiteral("-n"), QStringLiteral("0") }
                                   << QStringLiteral("--runs must be a positive whole number, not '0'");
        QTest::newRow("runs not a number") << QStringList { run, sleep, QStringLiteral("-n"), QStringLiteral("many") }
                                           << QStringLiteral("--runs must be a positive whole number, not 'many'");
        QTest::newRow("malformed env") << QStringList { run, sleep, QStringLiteral("--env"),
            QStringLiteral("JUSTNAME") }
                                       << QStringLiteral("malformed --env 'JUSTNAME': expected NAME=VALUE");
        QTest::newRow("missing cwd") << QStringList { run, sleep, QStringLiteral("--cwd"),
            QStringLiteral("/no/such/dir") }
                                     << QStringLiteral("working directory not found: /no/such/dir");
        QTest::newRow("export not writable")
            << QStringList { run, sleep, QStringLiteral("--export-json"), QStringLiteral("/no/such/dir/r.json") }
            << QStringLiteral("export path not writable: /no/such/dir/r.json: no such directory");
        QTest::newRow("csv summary not writable") << QStringList { run, sleep, QStringLiteral("--export-csv"),
            QStringLiteral("/proc/r.csv") } << QStringLiteral("export path not writable: /proc/r.csv");
        QTest::newRow("command not found")
            << QStringList { run, QStringLiteral("--command"), QStringLiteral("--"), QStringLiteral("no-such-program") }
            << QStringLiteral("command not found: no-such-program");
        QTest::newRow("sampling too fast") << QStringList { run, sleep, QStringLiteral("--sample-hz"),
            QStringLiteral("5000") } << QStringLiteral("--sample-hz must be a whole number from 1 to 1000, not '5000'");
        QTest::newRow("sampling rate not a number") << QStringList { run, sleep, QStringLiteral("--sample-hz"),
            QStringLiteral("fast") } << QStringLiteral("--sample-hz must be a whole number from 1 to 1000, not 'fast'");
        QTest::newRow("unknown option") << QStringList { run, sleep, QStringLiteral("--fastest") }
                                        << QStringLiteral("unknown option --fastest");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("sprint") }
                                         << QStringLiteral("unknown command 'sprint'");
        const auto compare = QStringLiteral("compare");
        const auto results = fixture("results_three_benchmarks.json");
        QTest::newRow("compare one file")
            << QStringList { compare, results } << QStringLiteral("missing results files: give BASELINE and CANDIDATE");
        QTest::newRow("compare missing file") << QStringList { compare, results, QStringLiteral("nothere.json") }
                                              << QStringLiteral("cannot open nothere.json: No such file or directory");
        QTest::newRow("compare a /proc file")
            << QStringList { compare, results, QStringLiteral("/proc/self/cmdline") }
            << QStringLiteral("/proc/self/cmdline: not valid JSON: unexpected text at line 1, column 1");
        QTest::newRow("compare a directory") << QStringList { compare, results, QStringLiteral("/tmp") }
                                             << QStringLiteral("pyrometer compare: /tmp is a directory, not a file");
        QTest::newRow("open an empty file for a screenshot") << QStringList { QStringLiteral("open"),
            QStringLiteral("/dev/null"), QStringLiteral("--screenshot"),
            QStringLiteral("out.png") } << QStringLiteral("pyrometer open: /dev/null: the file is empty");
        QTest::newRow("open a directory for a screenshot") << QStringList {
            QStringLiteral("open"), QStringLiteral("/tmp"), QStringLiteral("--screenshot"), QStringLiteral("out.png")
        } << QStringLiteral("pyrometer open: /tmp is a directory, not a file");
        QTest::newRow("compare a script")
            << QStringList { compare, results, sleep } << sleep + QStringLiteral(": not valid JSON");
        QTest::newRow("compare bad threshold")
            << QStringList { compare, results, results, QStringLiteral("--threshold"), QStringLiteral("-3%") }
            << QStringLiteral("--threshold must be a percentage from 0 to 100, as in 2%, not '-3%'");
        QTest::newRow("compare bad alpha") << QStringList { compare, results, results, QStringLiteral("--alpha"),
            QStringLiteral("5") } << QStringLiteral("--alpha must be a significance level above 0, up to 0.5, not '5'");
        QTest::newRow("compare unknown pair") << QStringList { compare, results, results, QStringLiteral("--pair"),
            QStringLiteral("a=b") } << QStringLiteral("--pair: no benchmark 'a' in the baseline");
        QTest::newRow("baseline missing")
            << QStringList { run, sleep, QStringLiteral("--baseline"), QStringLiteral("nothere.json") }
            << QStringLiteral("cannot open nothere.json");
        QTest::newRow("baseline in common with nothing") << QStringList { run, sleep, QStringLiteral("--baseline"),
            results } << QStringLiteral("no benchmark in common with the baseline");
        QTest::newRow("regression without baseline") << QStringList { run, sleep,
            QStringLiteral("--fail-on-regression") } << QStringLiteral("need a comparison: --baseline FILE");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto r = runPyrometer(arguments, dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
        // Nothing was started, so nothing was written.
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void controlCharactersAreMadeVisible_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("title and bell") << QByteArray("\x1b]0;t\x07") << QByteArray("\\x1b]0;t\\x07");
        QTest::newRow("newline and tab stay") << QByteArray("a\tb\n") << QByteArray("a\tb\n");
        QTest::newRow("carriage return, DEL") << QByteArray("a\rb\x7f") << QByteArray("a\\x0db\\x7f");
        QTest::newRow("C1 CSI") << QByteArray("x\xc2\x9b"
                                              "31m")
                                << QByteArray("x\\u009b31m");
        QTest::newRow("other UTF-8 stays") << QByteArray("\xc2\xb5s \xc3\x82") << QByteArray("\xc2\xb5s \xc3\x82");
    }

    void controlCharactersAreMadeVisible()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(pyrometer::cli::escapeControls(text.toStdString())), shown);
        // Written in pieces of one byte, a C1 control split between two writes is still recognised.
        pyrometer::cli::ControlEscaper escaper;
        std::string pieces;
        for (const char c : text.toStdString())
            pieces += escaper.feed(std::string_view(&c, 1));
        pieces += escaper.finish();
        QCOMPARE(QByteArray::fromStdString(pieces), shown);
    }

    void nothingReachesTheTerminalRaw()
    {
        // A failing script's stderr is printed three times (the failure line, its excerpt, the report), a
        // benchmark's name more often: each used to carry the escape sequences through.
        QTemporaryDir dir;
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("-n"), QStringLiteral("1"),
                                        QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--name"),
                                        QStringLiteral("\x1b[31mred"), fixture("escape_sequences.py") },
            dir.path());
        QCOMPARE(r.exitCode, 1);
        for (const auto& text : { r.out, r.err }) {
            for (const QChar c : text)
                QVERIFY2(c.unicode() >= 0x20 ? !(c.unicode() >= 0x7F && c.unicode() <= 0x9F)
                                             : (c == QLatin1Char('\n') || c == QLatin1Char('\t')),
                    qPrintable(QString::number(c.unicode(), 16)));
        }
        QVERIFY2(r.err.contains(QStringLiteral("\\x1b]0;retitled\\x07\\x1b[2J")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("\\x1b[31mred")));
    }

    void anExportNeverReplacesAnInput()
    {
        // Copies, so that a regression destroys nothing of the repository's.
        QTemporaryDir dir;
        const auto script = dir.filePath(QStringLiteral("s.py"));
        const auto results = dir.filePath(QStringLiteral("r.json"));
        QVERIFY(QFile::copy(fixture("sleep_50ms.py"), script));
        QVERIFY(QFile::copy(fixture("results_three_benchmarks.json"), results));
        QVERIFY(QFile::link(script, dir.filePath(QStringLiteral("link.csv"))));
        const auto contentOf = [](const QString& path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const auto scriptText = contentOf(script);
        const auto resultsText = contentOf(results);
        const QList<QStringList> cases {
            { QStringLiteral("run"), script, QStringLiteral("--export-json"), script },
            { QStringLiteral("run"), script, QStringLiteral("--export-csv"), QStringLiteral("link.csv") },
            { QStringLiteral("run"), script, QStringLiteral("--export-html"), script },
            { QStringLiteral("run"), script, QStringLiteral("--baseline"), results, QStringLiteral("--export-markdown"),
                results },
            { QStringLiteral("compare"), results, results, QStringLiteral("--export-json"), results },
            { QStringLiteral("compare"), results, results, QStringLiteral("--export-html"), results },
        };
        for (const auto& arguments : cases) {
            const auto r = runPyrometer(arguments, dir.path());
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral(": it is the input ")), qPrintable(r.err));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        }
        QCOMPARE(contentOf(script), scriptText);
        QCOMPARE(contentOf(results), resultsText);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
