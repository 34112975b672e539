#include "cli/compare_arguments.h"
#include "cli/run_arguments.h"

#include "core/model/error.h"

#include <QTest>

using namespace pyrometer;
using namespace pyrometer::cli;

class TestRunArguments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scriptsOptionsAndScriptArguments()
    {
        const auto a = parseRunArguments({ "a.py", "-n", "20", "-w0", "--timeout=2.5", "--python", "/opt/py", "--env",
            "K=V=W", "--env", "EMPTY=", "--cwd", "/tmp", "b.py", "--sequential", "-i", "--hash-seed", "7",
            "--export-json", "r.json", "--", "--size", "3" });
        QCOMPARE(a.plan.benchmarks.size(), std::size_t(2));
        const auto& first = a.plan.benchmarks[0];
        QCOMPARE(*first.script, std::string("a.py"));
        QCOMPARE(first.interpreter, std::string("/opt/py"));
        QCOMPARE(first.arguments, (std::vector<std::string> { "--size", "3" }));
        QCOMPARE(first.settings.runs, 20);
        QCOMPARE(first.settings.warmups, 0);
        QCOMPARE(first.settings.timeout->count(), 2'500'000'000LL);
        QCOMPARE(first.settings.environment.at("K"), std::string("V=W"));
        QCOMPARE(first.settings.environment.at("EMPTY"), std::string());
        QCOMPARE(first.settings.workingDirectory, std::string("/tmp"));
        QCOMPARE(*first.settings.fixedHashSeed, 7u);
        QCOMPARE(*a.plan.benchmarks[1].script, std::string("b.py"));
        QCOMPARE(a.plan.order, RunOrder::Sequential);
        QVERIFY(a.plan.ignoreFailure);
        QCOMPARE(a.exportJson, std::string("r.json"));
    }

    void defaults()
    {
        const auto a = parseRunArguments({ "a.py" });
        const auto& b = a.plan.benchmarks.at(0);
        QCOMPARE(b.settings.runs, 10);
        QCOMPARE(b.settings.warmups, 1);
        QVERIFY(!b.settings.timeout);
        QVERIFY(!b.settings.fixedHashSeed);
        QCOMPARE(b.interpreter, std::string("python3"));
        QCOMPARE(a.plan.order, RunOrder::Interleaved);
        QVERIFY(!a.plan.ignoreFailure);
    }

    void commandsBesideScripts()
    {
        const auto a = parseRunArguments(
            { "a.py", "--name", "python", "--name", "native", "--command", "--", "./native", "--fast" });
        QCOMPARE(a.plan.benchmarks.size(), std::size_t(2));
        QVERIFY(a.plan.benchmarks[0].arguments.empty());
        QVERIFY(!a.plan.benchmarks[1].script);
        QCOMPARE(a.plan.benchmarks[1].command, (std::vector<std::string> { "./native", "--fast" }));
        QCOMPARE(a.plan.benchmarks[0].name, std::string("python"));
        QCOMPARE(a.plan.benchmarks[1].name, std::string("native"));
    }

    void failOnRegressionChoosesTheGatingMetrics()
    {
        QCOMPARE(parseRunArguments({ "a.py", "--baseline", "b.json", "--fail-on-regression" }).compare.settings.gate,
            (std::vector<Metric> { Metric::Wall }));
        const auto a = parseRunArguments({ "a.py", "--baseline", "b.json", "--fail-on-regression=memory,wall,memory" });
        QVERIFY(a.compare.failOnRegression);
        QCOMPARE(a.compare.settings.gate, (std::vector<Metric> { Metric::Memory, Metric::Wall }));
        const auto c = parseCompareArguments({ "x.json", "y.json", "--fail-on-regression=cpu" });
        QCOMPARE(c.options.settings.gate, (std::vector<Metric> { Metric::Cpu }));
    }

    // hyperfine's parameter scans: one benchmark per value, {NAME} replaced in arguments, commands and --env
    // values, named NAME[PARAMETER=VALUE], the value kept as the benchmark's parameter; scale names in a list.
    void parameterScans()
    {
        const auto scan = parseRunArguments({ "a.py", "--parameter-scan", "n", "1000", "3000", "--parameter-step-size",
            "1000", "--env", "SIZE={n}", "--", "--size", "{n}" });
        QCOMPARE(scan.plan.benchmarks.size(), std::size_t(3));
        const auto& last = scan.plan.benchmarks[2];
        QCOMPARE(last.name, std::string("a.py[n=3000]"));
        QCOMPARE(last.arguments, (std::vector<std::string> { "--size", "3000" }));
        QCOMPARE(last.settings.environment.at("SIZE"), std::string("3000"));
        QCOMPARE(last.parameters.at("n"), std::string("3000"));
        const auto list = parseRunArguments(
            { "--parameter-list", "rows", "small,5,xlarge", "--command", "--", "./load", "--rows={rows}" });
        QCOMPARE(list.plan.benchmarks.size(), std::size_t(3));
        QCOMPARE(list.plan.benchmarks[0].command, (std::vector<std::string> { "./load", "--rows=100" }));
        QCOMPARE(list.plan.benchmarks[2].name, std::string("./load --rows={rows}[rows=10000000]"));
        const auto fractions = parseRunArguments(
            { "a.py", "--parameter-scan", "t", "0.1", "0.3", "--parameter-step-size", "0.1", "--", "{t}" });
        QCOMPARE(fractions.plan.benchmarks.size(), std::size_t(3));
        QCOMPARE(fractions.plan.benchmarks[1].arguments.front(), std::string("0.2"));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero runs") << QStringList { QStringLiteral("a.py"), QStringLiteral("-n"), QStringLiteral("0") }
                                   << QStringLiteral("--runs must be a positive whole number, not '0'");
        QTest::newRow("negative runs") << QStringList { QStringLiteral("a.py"), QStringLiteral("--runs=-3") }
                                       << QStringLiteral("--runs must be a positive whole number, not '-3'");
        QTest::newRow("word runs") << QStringList { QStringLiteral("a.py"), QStringLiteral("-n"),
            QStringLiteral("ten") } << QStringLiteral("--runs must be a positive whole number, not 'ten'");
        QTest::newRow("fraction runs") << QStringList { QStringLiteral("a.py"), QStringLiteral("-n2.5") }
                                       << QStringLiteral("--runs must be a positive whole number, not '2.5'");
        QTest::newRow("no value") << QStringList { QStringLiteral("a.py"), QStringLiteral("-n") }
                                  << QStringLiteral("-n needs a value");
        QTest::newRow("env") << QStringList { QStringLiteral("a.py"), QStringLiteral("--env"),
            QStringLiteral("NOVALUE") }
                             << QStringLiteral("malformed --env 'NOVALUE': expected NAME=VALUE");
        QTest::newRow("env name") << QStringList { QStringLiteral("a.py"),
            QStringLiteral("--env=") + QStringLiteral("=x") }
                                  << QStringLiteral("malformed --env '=x': expected NAME=VALUE");
        QTest::newRow("timeout") << QStringList { QStringLiteral("a.py"), QStringLiteral("--timeout"),
            QStringLiteral("0") } << QStringLiteral("--timeout must be a positive number of seconds, not '0'");
        QTest::newRow("seed") << QStringList {
            QStringLiteral("a.py"), QStringLiteral("--hash-seed"), QStringLiteral("-1")
        } << QStringLiteral("--hash-seed must be 'random' or a number from 0 to 4294967295, not '-1'");
        QTest::newRow("unknown") << QStringList { QStringLiteral("a.py"), QStringLiteral("--fast") }
                                 << QStringLiteral("unknown option --fast");
        QTest::newRow("nothing") << QStringList {} << QStringLiteral("nothing to run");
        QTest::newRow("gate") << QStringList { QStringLiteral("a.py"), QStringLiteral("--baseline"),
            QStringLiteral("b.json"), QStringLiteral("--fail-on-regression=speed") }
                              << QStringLiteral("--fail-on-regression takes metrics from wall, cpu and memory");
        QTest::newRow("empty gate") << QStringList { QStringLiteral("a.py"), QStringLiteral("--baseline"),
            QStringLiteral("b.json"), QStringLiteral("--fail-on-regression=") }
                                    << QStringLiteral("--fail-on-regression takes metrics from wall, cpu and memory");
        QTest::newRow("command") << QStringList { QStringLiteral("--command") }
                                 << QStringLiteral("--command needs the command after --");
        QTest::newRow("scan unused") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-scan"),
            QStringLiteral("n"), QStringLiteral("1"), QStringLiteral("3") }
                                     << QStringLiteral(
                                            "the scanned parameter {n} appears in no argument, command or --env");
        QTest::newRow("scan backwards") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-scan"),
            QStringLiteral("n"), QStringLiteral("9"), QStringLiteral("3") }
                                        << QStringLiteral("--parameter-scan: MIN 9 is above MAX 3");
        QTest::newRow("scan too long") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-scan"),
            QStringLiteral("n"), QStringLiteral("1"), QStringLiteral("1e9") }
                                       << QStringLiteral("--parameter-scan makes 1000000000 values; at most 10000");
        QTest::newRow("scan not a number") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-scan"),
            QStringLiteral("n"), QStringLiteral("one"), QStringLiteral("3") }
                                           << QStringLiteral("--parameter-scan needs numbers, not 'one'");
        QTest::newRow("step alone") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-step-size"),
            QStringLiteral("2") } << QStringLiteral("--parameter-step-size goes with --parameter-scan");
        QTest::newRow("zero step") << QStringList { QStringLiteral("a.py"), QStringLiteral("--parameter-scan"),
            QStringLiteral("n"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("--parameter-step-size"),
            QStringLiteral("0") } << QStringLiteral("--parameter-step-size must be positive");
        QTest::newRow("names") << QStringList { QStringLiteral("a.py"), QStringLiteral("--name"), QStringLiteral("x"),
            QStringLiteral("--name"), QStringLiteral("y") }
                               << QStringLiteral("more --name options than benchmarks");
    }

    void badUsage()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, message);
        std::vector<std::string> argv;
        for (const auto& word : words)
            argv.push_back(word.toStdString());
        try {
            parseRunArguments(argv);
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
        }
    }

    // A workbench brings its benchmarks, their settings and its order; --sequential beside it holds.
    void aWorkbenchAndItsOrder()
    {
        const std::string workbench = PYROMETER_FIXTURES "/../../examples/alloc/alloc.workbench.json";
        auto a = parseRunArguments({ "--workbench", workbench });
        QCOMPARE(a.plan.benchmarks.size(), std::size_t(6));
        QCOMPARE(a.plan.benchmarks[0].settings.probe.names(), (std::vector<std::string> { "gc", "heap" }));
        QVERIFY(a.plan.order == RunOrder::Interleaved);
        a = parseRunArguments({ "--workbench", workbench, "--sequential" });
        QVERIFY(a.plan.order == RunOrder::Sequential);
    }
};

QTEST_APPLESS_MAIN(TestRunArguments)
#include "tst_run_arguments.moc"
