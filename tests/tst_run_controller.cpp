#include "ui/run/run_controller.h"

#include "core/measure/spawn_helper.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrometer;
using namespace pyrometer::ui;

namespace {
std::string fixture(const char* name)
{
    return std::string(PYROMETER_FIXTURES "/") + name;
}

RunPlan planFor(std::initializer_list<const char*> scripts, int runs)
{
    RunPlan plan;
    for (const char* script : scripts) {
        BenchmarkRequest request;
        request.script = fixture(script);
        request.interpreter = "/usr/bin/python3";
        request.settings.runs = runs;
        request.settings.warmups = 0;
        plan.benchmarks.push_back(request);
    }
    return plan;
}
} // namespace

class TestRunController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aRealRunDeliversSnapshotsAndFinishes()
    {
        QTemporaryDir dir;
        RunController controller(dir.path());
        QSignalSpy snapshots(&controller, &RunController::snapshotAvailable);
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(planFor({ "sleep_50ms.py" }, 8));
        QVERIFY(controller.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(!controller.isRunning());
        // Throttled to 20 a second, 8 runs of ~70 ms give several snapshots, each immutable and growing.
        QVERIFY2(snapshots.count() >= 2, qPrintable(QString::number(snapshots.count())));
        std::size_t previous = 0;
        for (const auto& arguments : snapshots) {
            const auto snapshot = arguments.at(0).value<ResultsSnapshot>();
            QVERIFY(snapshot);
            QVERIFY(snapshot->benchmarks[0].runs.size() >= previous);
            previous = snapshot->benchmarks[0].runs.size();
        }
        const auto results = finished.at(0).at(0).value<ResultsSnapshot>();
        QVERIFY(results->complete);
        QCOMPARE(results->benchmarks[0].runs.size(), std::size_t(8));
        // The results were saved, and the journal is gone.
        const auto savedTo = finished.at(0).at(1).toString();
        QVERIFY(QFile::exists(savedTo));
        // Named as the desktop knows Pyrometer's results: double-clicked, it opens in Pyrometer.
        QVERIFY2(savedTo.endsWith(QStringLiteral(".pyrometer.json")), qPrintable(savedTo));
        QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*.journal") }, QDir::Files).size(), 0);
    }

    void stopCancelsAtOnceAndKeepsTheRuns()
    {
        RunController controller({});
        QSignalSpy snapshots(&controller, &RunController::snapshotAvailable);
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(planFor({ "sleep_50ms.py" }, 1000));
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 2, 30000);
        QElapsedTimer timer;
        timer.start();
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        const auto results = finished.at(0).at(0).value<ResultsSnapshot>();
        QVERIFY(!results->complete);
        QVERIFY(!results->benchmarks[0].runs.empty());
        QVERIFY(results->benchmarks[0].runs.size() < 1000);
    }

    void aFailingScriptIsReported()
    {
        RunController controller({});
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(planFor({ "exit_3.py", "sleep_50ms.py" }, 3));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto results = finished.at(0).at(0).value<ResultsSnapshot>();
        QVERIFY(results->benchmarks[0].failure);
        QVERIFY(results->benchmarks[0].failure->find("exit code 3") != std::string::npos);
        QVERIFY(results->benchmarks[0].runs.back().stderrTail.find("ValueError") != std::string::npos);
        QVERIFY(!results->benchmarks[1].failure);
    }

    void badInputStartsNothingAndNamesTheRow()
    {
        RunController controller({});
        QSignalSpy problems(&controller, &RunController::problemFound);
        QSignalSpy failed(&controller, &RunController::failed);
        QSignalSpy finished(&controller, &RunController::finished);
        auto plan = planFor({ "sleep_50ms.py", "gone.py" }, 3);
        controller.start(plan);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems.at(0).at(0).toInt(), 1);
        QVERIFY(problems.at(0).at(1).toString().startsWith(QStringLiteral("script not found: ")));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!controller.isRunning());
    }

    void aNewRunSupersedesTheOld()
    {
        RunController controller({});
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(planFor({ "loop_forever.py" }, 5));
        controller.start(planFor({ "sleep_50ms.py" }, 2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1); // the first run's end was dropped
        const auto results = finished.at(0).at(0).value<ResultsSnapshot>();
        QVERIFY(results->benchmarks[0].name.ends_with("sleep_50ms.py"));
    }

    // Without its spawn helper the window measures nothing, as the terminal does, and says why. Last of the suite: the
    // helper this process asks for here does not exist, so every run after it would be refused too.
    void aMissingSpawnHelperRefusesToRun()
    {
        QTemporaryDir dir;
        const auto absent = dir.filePath(QStringLiteral("pyrometer-spawn-helper")).toStdString();
        QVERIFY(spawn_helper::start(absent)); // a forked copy of this process serves instead
        RunController controller({});
        QSignalSpy failed(&controller, &RunController::failed);
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start(planFor({ "sleep_50ms.py" }, 3));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toString(),
            QStringLiteral("the spawn helper is missing (looked for ") + QString::fromStdString(absent)
                + QStringLiteral("): measured without it, every run's peak RSS would hold Pyrometer's own size; "
                                 "install Pyrometer whole"));
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_run_controller.moc"
