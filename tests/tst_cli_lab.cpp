// End-to-end tests of what makes Pyrometer measure like a lab: `pyrometer doctor`, and the control of runs.

#include "cli_support.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace pyrometer::test;

class TestCliLab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data; ///< XDG_DATA_HOME of every pyrometer started here: the doctor's floor goes there

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path())); }

    void doctorOnThisMachine()
    {
        const auto r = runPyrometer({ QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--python"),
            QStringLiteral("/usr/bin/python3") });
        QCOMPARE(r.exitCode, 0);
        const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("schema")].toString(), QStringLiteral("pyrometer.doctor/1"));
        QVERIFY(QStringList({ QStringLiteral("quiet"), QStringLiteral("noisy"), QStringLiteral("unusable") })
                    .contains(json[QStringLiteral("verdict")].toString()));
        QCOMPARE(json[QStringLiteral("checks")].toArray().size(), 11);
        QCOMPARE(json[QStringLiteral("noise")][QStringLiteral("wall_seconds")].toArray().size(), 30);
        QVERIFY(json[QStringLiteral("floors")][QStringLiteral("spawn_seconds")].toDouble() > 0);
        // Peak RSS and CPU time are the kernel's accounting, and hold on a loaded machine too; wall times of
        // sleeps do not, and are only required to be there.
        const auto validations = json[QStringLiteral("validations")].toArray();
        QCOMPARE(validations.size(), 4);
        for (const auto& value : validations) {
            const auto check = value.toObject();
            QVERIFY(check[QStringLiteral("measured")].toDouble() > 0);
            if (check[QStringLiteral("unit")].toString() == QStringLiteral("B")
                || check[QStringLiteral("key")].toString().startsWith(QStringLiteral("cpu")))
                QVERIFY2(
                    check[QStringLiteral("passed")].toBool(), qPrintable(check[QStringLiteral("problem")].toString()));
        }
        // Under 10 s, as promised.
        QVERIFY2(json[QStringLiteral("seconds")].toDouble() < 10, qPrintable(r.out));

        // Its noise floor is kept, and the next run records it for its findings.
        QVERIFY(QFile::exists(m_data.filePath(QStringLiteral("Pyrometer/Pyrometer/machine-floor.json"))));
        QTemporaryDir dir;
        const auto results = dir.filePath(QStringLiteral("r.json"));
        const auto run = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"), QStringLiteral("-n"),
            QStringLiteral("3"), QStringLiteral("--export-json"), results, QStringLiteral("--command"),
            QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(run.exitCode, 0);
        const auto floor = readJson(results)[QStringLiteral("environment")][QStringLiteral("noise_floor")].toObject();
        QCOMPARE(
            floor[QStringLiteral("cv")].toDouble(), json[QStringLiteral("noise")][QStringLiteral("cv")].toDouble());
        QCOMPARE(floor[QStringLiteral("measured_at")].toString(), json[QStringLiteral("date")].toString());
    }

    void doctorReadsAnotherMachinesTree()
    {
        const auto r = runPyrometer({ QStringLiteral("doctor"), QStringLiteral("--root"), fixture("machines/loaded") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Verdict: noisy — judged from the checks alone")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("1. Load: stop what is busy")));
        QVERIFY(r.out.contains(QStringLiteral("powersave on 4 of 4 CPUs")));
        QVERIFY(!r.out.contains(QStringLiteral("Timer resolution"))); // this machine's timer is not the tree's
    }

    void doctorRefusesBadInput()
    {
        const auto cases = QList<QStringList> {
            { QStringLiteral("doctor"), QStringLiteral("--frobnicate") },
            { QStringLiteral("doctor"), QStringLiteral("--python") },
            { QStringLiteral("doctor"), QStringLiteral("--root"), QStringLiteral("/nonexistent") },
            { QStringLiteral("doctor"), QStringLiteral("extra") },
        };
        for (const auto& arguments : cases) {
            const auto r = runPyrometer(arguments);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
            QVERIFY2(r.err.startsWith(QStringLiteral("pyrometer doctor: ")), qPrintable(r.err));
        }
    }

    void runsArePinnedAndNiced()
    {
        QTemporaryDir dir;
        const auto seen = dir.filePath(QStringLiteral("seen.txt"));
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"), QStringLiteral("--cpu"),
            QStringLiteral("0"), QStringLiteral("--nice"), QStringLiteral("7"), QStringLiteral("-n"),
            QStringLiteral("2"), QStringLiteral("-w"), QStringLiteral("0"), QStringLiteral("--setup"),
            QStringLiteral("echo setup >> ") + seen, QStringLiteral("--command"), QStringLiteral("--"),
            QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("grep Cpus_allowed_list /proc/self/status >> %1; cut -d' ' -f19 /proc/self/stat >> %1")
                .arg(seen) });
        QCOMPARE(r.exitCode, 0);
        QFile file(seen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // The setup hook ran once, first, and both runs ran on CPU 0 at niceness 7.
        QCOMPARE(lines,
            (QStringList { QStringLiteral("setup"), QStringLiteral("Cpus_allowed_list:\t0"), QStringLiteral("7"),
                QStringLiteral("Cpus_allowed_list:\t0"), QStringLiteral("7") }));
    }

    void aFailingHookFailsItsBenchmark()
    {
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"), QStringLiteral("-n"),
            QStringLiteral("2"), QStringLiteral("--prepare"), QStringLiteral("echo no fixtures here >&2; exit 4"),
            QStringLiteral("--command"), QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral("Stopped:       the --prepare hook failed (exit code 4): no fixtures here")),
            qPrintable(r.out));
    }

    void badControlIsRefusedBeforeAnyRun()
    {
        QTemporaryDir dir;
        const auto marker = dir.filePath(QStringLiteral("ran"));
        const QStringList command { QStringLiteral("--command"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
            QStringLiteral("-c"), QStringLiteral("touch ") + marker };
        const auto cases = QList<QPair<QStringList, QString>> {
            { { QStringLiteral("--cpu"), QStringLiteral("4096") }, QStringLiteral("CPU 4096 does not exist") },
            { { QStringLiteral("--cpu"), QStringLiteral("0-") }, QStringLiteral("--cpu must list CPUs") },
            { { QStringLiteral("--nice"), QStringLiteral("20") },
                QStringLiteral("--nice must be a whole number from -20 to 19") },
            { { QStringLiteral("--nice"), QStringLiteral("x") }, QStringLiteral("--nice must be") },
            { { QStringLiteral("--precision"), QStringLiteral("0%") },
                QStringLiteral("--precision must be a percentage") },
            { { QStringLiteral("--precision"), QStringLiteral("100") },
                QStringLiteral("--precision must be a percentage") },
            { { QStringLiteral("--precision"), QStringLiteral("-3%") },
                QStringLiteral("--precision must be a percentage") },
            { { QStringLiteral("--setup"), QStringLiteral("no-such-program-here --now") },
                QStringLiteral("--setup: no-such-program-here not found in PATH") },
            { { QStringLiteral("--cleanup"), QStringLiteral("/no/such/tool") },
                QStringLiteral("--cleanup: /no/such/tool not found") },
            { { QStringLiteral("--prepare"), QStringLiteral(" ") }, QStringLiteral("--prepare needs a command") },
            { { QStringLiteral("--min-runs"), QStringLiteral("8"), QStringLiteral("--max-runs"), QStringLiteral("4") },
                QStringLiteral("--max-runs 4 is below --min-runs 8") },
            { { QStringLiteral("-n"), QStringLiteral("5"), QStringLiteral("--precision"), QStringLiteral("2%") },
                QStringLiteral("give one or the other") },
            { { QStringLiteral("--until-decided") }, QStringLiteral("--until-decided needs a comparison to decide") },
            { { QStringLiteral("--until-decided"), QStringLiteral("--pair"), QStringLiteral("a=b") },
                QStringLiteral("--pair: no benchmark 'a' in this run") },
        };
        for (const auto& [options, message] : cases) {
            const auto r = runPyrometer(QStringList { QStringLiteral("run") } + options + command);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.startsWith(QStringLiteral("pyrometer run: ")) && r.err.contains(message), qPrintable(r.err));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
            QVERIFY2(!QFile::exists(marker), qPrintable(options.join(QLatin1Char(' '))));
        }
    }

    void adaptiveRunsSayWhyTheyStopped()
    {
        QTemporaryDir dir;
        const auto json = dir.filePath(QStringLiteral("r.json"));
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"),
            QStringLiteral("--precision"), QStringLiteral("50%"), QStringLiteral("--min-runs"), QStringLiteral("6"),
            QStringLiteral("--export-json"), json, QStringLiteral("--command"), QStringLiteral("--"),
            QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Runs chosen:   ±")), qPrintable(r.out));
        const auto benchmark = readJson(json)[QStringLiteral("benchmarks")].toArray()[0].toObject();
        QVERIFY(benchmark[QStringLiteral("stop_reason")].toString().contains(QStringLiteral("reached after")));
        const auto adaptive = benchmark[QStringLiteral("settings")][QStringLiteral("adaptive")].toObject();
        QCOMPARE(adaptive[QStringLiteral("min_runs")].toInt(), 6);
        QCOMPARE(adaptive[QStringLiteral("precision")].toDouble(), 0.5);
    }

    // Two benchmarks of one interleaved run, paired with --pair and no baseline: a sleep four times as long is
    // decided slower at a planned look, from the paired runs, and both benchmarks stop there together. (Fifteen
    // runs is the first look a decision can happen at: the exact Wilcoxon test of 10 pairs cannot reach
    // α = 0.01 / 7 = 0.0014, its smallest p being 2 / 2^10 = 0.002.)
    void untilDecidedWithinOneRun()
    {
        QTemporaryDir dir;
        const auto fast = dir.filePath(QStringLiteral("fast.py")), slow = dir.filePath(QStringLiteral("slow.py"));
        write(fast, "import time\ntime.sleep(0.005)\n");
        write(slow, "import time\ntime.sleep(0.02)\n");
        const auto json = dir.filePath(QStringLiteral("r.json"));
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"),
            QStringLiteral("--python"), QStringLiteral("/usr/bin/python3"), fast, slow, QStringLiteral("--name"),
            QStringLiteral("fast"), QStringLiteral("--name"), QStringLiteral("slow"), QStringLiteral("--pair"),
            QStringLiteral("fast=slow"), QStringLiteral("--until-decided"), QStringLiteral("--export-json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("fast → slow .* slower +Wilcoxon signed-rank, "
                                                                  "(\\d+) paired runs"))),
            qPrintable(r.out));
        const auto benchmarks = readJson(json)[QStringLiteral("benchmarks")].toArray();
        QCOMPARE(benchmarks.size(), 2);
        const auto runs = [](const QJsonValue& benchmark) {
            int measured = 0;
            for (const auto& run : benchmark[QStringLiteral("runs")].toArray())
                measured += run[QStringLiteral("warmup")].toBool() ? 0 : 1;
            return measured;
        };
        QCOMPARE(runs(benchmarks[0]), runs(benchmarks[1]));
        QVERIFY2(runs(benchmarks[0]) >= 15 && runs(benchmarks[0]) < 100, qPrintable(r.out));
        for (const auto& benchmark : benchmarks) {
            const auto reason = benchmark[QStringLiteral("stop_reason")].toString();
            QVERIFY2(reason.startsWith(
                         QStringLiteral("decided: slower at the look at %1 paired runs").arg(runs(benchmarks[0]))),
                qPrintable(reason));
        }
    }

    // With the history as the baseline: the script made five times slower is decided at the first look, 10 runs
    // (Mann–Whitney of 6 against 10 runs, all apart: p = 2 / C(16, 6) = 0.00025 < 0.0014).
    void untilDecidedAgainstTheHistory()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath(QStringLiteral("history.sqlite"));
        const auto script = dir.filePath(QStringLiteral("work.py"));
        write(script, "import time\ntime.sleep(0.01)\n");
        auto r = runPyrometer({ QStringLiteral("run"), script, QStringLiteral("-n"), QStringLiteral("6"),
            QStringLiteral("--no-progress"), QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList decided { QStringLiteral("run"), script, QStringLiteral("--no-progress"),
            QStringLiteral("--store"), store, QStringLiteral("--baseline-from-history"),
            QStringLiteral("--until-decided") };
        write(script, "import time\ntime.sleep(0.05)\n");
        r = runPyrometer(decided);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("decided: slower at the look at 10 runs")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("work.py .*\\(6\\) .*\\(10\\) .* slower"))),
            qPrintable(r.out));

        // An empty history has nothing to decide against: refused before any run, and nothing is saved.
        const auto empty = dir.filePath(QStringLiteral("empty.sqlite"));
        r = runPyrometer({ QStringLiteral("run"), script, QStringLiteral("--no-progress"), QStringLiteral("--store"),
            empty, QStringLiteral("--baseline-from-history"), QStringLiteral("--until-decided") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("pyrometer run: --until-decided: nothing to compare with")),
            qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
    }

    void untilDecidedWithinOneRunMustInterleave()
    {
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--sequential"),
            QStringLiteral("--until-decided"), QStringLiteral("--pair"), QStringLiteral("a=b"),
            QStringLiteral("--command"), QStringLiteral("--"), QStringLiteral("/bin/true") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("leave out --sequential")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_cli_lab.moc"
