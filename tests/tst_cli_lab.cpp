// End-to-end tests of what makes Pyrometer measure like a lab: `pyrometer doctor`, and the control of runs.

#include "cli_support.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace pyrometer::test;

class TestCliLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
            { { QStringLiteral("--until-decided") }, QStringLiteral("--until-decided needs --baseline FILE") },
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
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_cli_lab.moc"
