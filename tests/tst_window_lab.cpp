#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/machine_indicator.h"
#include "ui/run/run_controller.h"
#include "ui/window/main_window.h"

#include "core/formats/results_json.h"

#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace pyrometer;
using namespace pyrometer::ui;

// The window measuring like a lab: the findings of what it shows, the machine indicator and the doctor, the
// CPUs, niceness and hooks of its runs.
class TestWindowLab : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // The doctor keeps this machine's floor in the data folder: a scratch one here.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    }

    void cleanup() { QSettings().clear(); }

    void findingsOfTheResultsShown()
    {
        // 20 runs of 100 ms, the first 4 of them 20% slower: a warm-up.
        Results results;
        results.complete = true;
        BenchmarkResult b;
        b.name = "warm <b>.py";
        b.command = { "/bin/true" };
        for (int i = 0; i < 20; ++i) {
            RunRecord run;
            run.exitCode = 0;
            run.wall = fromSeconds((i < 4 ? 0.12 : 0.10) * (1 + 0.003 * std::sin(i)));
            run.maxRssBytes = 10'000'000;
            b.runs.push_back(run);
        }
        results.benchmarks.push_back(b);
        const auto path = m_dir.filePath(QStringLiteral("warm.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(resultsJsonText(results)));
        file.close();

        MainWindow window(m_dir.path());
        QVERIFY(window.openResults(path));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("findingsDock"));
        QVERIFY(dock);
        // The warm-up, and the noise it makes (CV 8%).
        QCOMPARE(dock->windowTitle(), QStringLiteral("Findings (2)"));
        const auto text = window.findChild<QTextBrowser*>(QStringLiteral("findings"))->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("warm <b>.py: the first 4 runs were 20% slower than the other 16")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("→ use more warmups: -w 4")));
    }

    void theMachineIndicatorAndTheDoctor()
    {
        MainWindow window(m_dir.path());
        window.show();
        auto* machine = window.findChild<MachineIndicator*>(QStringLiteral("machineIndicator"));
        QVERIFY(machine);
        machine->setRoot(PYROMETER_FIXTURES "/machines/loaded");
        QCOMPARE(machine->text(), QStringLiteral("Machine: noisy"));
        QVERIFY(machine->rating() == Rating::Bad);
        QVERIFY(machine->toolTip().contains(QStringLiteral("Load: load average 6.10")));
        machine->setRoot(PYROMETER_FIXTURES "/machines/tuned");
        QCOMPARE(machine->text(), QStringLiteral("Machine: quiet"));
        QVERIFY(machine->rating() == Rating::Good);

        // A click shows the checks; the button runs the full doctor on this machine.
        machine->setRoot("/");
        machine->click();
        auto* dialog = machine->dialog();
        QTRY_VERIFY(dialog->isVisible());
        auto* text = dialog->findChild<QPlainTextEdit*>();
        QVERIFY(text->toPlainText().contains(QStringLiteral("Load ")));
        QSignalSpy finished(dialog, &DoctorDialog::finished);
        dialog->findChild<QPushButton*>(QStringLiteral("runDoctor"))->click();
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("runDoctor"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(text->toPlainText().contains(QStringLiteral("Noise floor: 30 runs of a fixed 20 ms loop")),
            qPrintable(text->toPlainText()));
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("runDoctor"))->isEnabled());
        QVERIFY(machine->text().startsWith(QStringLiteral("Machine: ")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/Pyrometer/Pyrometer/machine-floor.json"))));
        dialog->reject();
    }

    // Closing the window while the doctor measures stops it at its next run; what it measured so far is not kept.
    void aDoctorStoppedByClosingIsNotKept()
    {
        QTemporaryDir data;
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
        auto* dialog = new DoctorDialog;
        dialog->runDoctor();
        QVERIFY(dialog->running());
        delete dialog;
        QVERIFY(!QFile::exists(data.filePath(QStringLiteral("Pyrometer/Pyrometer/machine-floor.json"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    }

    void runsPinnedNicedAndHooked()
    {
        MainWindow window(m_dir.path());
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(3);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        const auto seen = m_dir.filePath(QStringLiteral("seen.txt"));
        window.benchmarks()->addCommand({ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("cut -d' ' -f19 /proc/self/stat >> ") + seen });
        auto* model = window.benchmarks();
        QVERIFY(model->setData(
            model->index(0, BenchmarkListModel::Setup), QString(QStringLiteral("echo setup >> ") + seen)));
        QCOMPARE(model->headerData(BenchmarkListModel::Prepare, Qt::Horizontal).toString(),
            QStringLiteral("Before each run"));

        // A CPU list that is none is refused before anything runs.
        auto* cpus = window.findChild<QLineEdit*>(QStringLiteral("cpus"));
        cpus->setText(QStringLiteral("first"));
        window.runAction()->trigger();
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Nothing was started: CPUs: 'first'")),
            qPrintable(window.statusText()));
        QVERIFY(!window.controller()->isRunning());

        cpus->setText(QStringLiteral("0"));
        window.findChild<QSpinBox*>(QStringLiteral("nice"))->setValue(6);
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto results = window.summary()->snapshot();
        QVERIFY(results);
        const auto& settings = results->benchmarks.at(0).settings;
        QCOMPARE(settings.cpus, std::vector<int> { 0 });
        QCOMPARE(settings.nice.value_or(0), 6);
        QFile file(seen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("setup\n6\n6\n6\n"));
    }

    void runsUntilPrecise()
    {
        MainWindow window(m_dir.path());
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(6);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        auto* most = window.findChild<QSpinBox*>(QStringLiteral("maxRuns"));
        QVERIFY(!most->isEnabled()); // no cap without a precision
        window.findChild<QDoubleSpinBox*>(QStringLiteral("precision"))->setValue(50);
        QVERIFY(most->isEnabled());
        most->setValue(40);
        window.benchmarks()->addCommand({ QStringLiteral("/bin/true") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto results = window.summary()->snapshot();
        const auto& benchmark = results->benchmarks.at(0);
        QVERIFY(benchmark.settings.adaptive);
        QCOMPARE(benchmark.settings.adaptive->minRuns, 6);
        QCOMPARE(benchmark.settings.adaptive->maxRuns, 40);
        QVERIFY2(benchmark.stopReason.find("reached after") != std::string::npos
                || benchmark.stopReason.starts_with("--max-runs 40"),
            benchmark.stopReason.c_str());
        QVERIFY(benchmark.measuredRuns() >= 6 && benchmark.measuredRuns() <= 40);
    }
};

QTEST_MAIN(TestWindowLab)
#include "tst_window_lab.moc"
