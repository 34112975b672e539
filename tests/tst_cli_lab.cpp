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
        QVERIFY2(r.out.contains(QStringLiteral("Verdict: noisy. judged from the checks alone")), qPrintable(r.out));
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
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_cli_lab.moc"
