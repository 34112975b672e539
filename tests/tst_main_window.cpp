#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/compare/comparison_charts.h"
#include "ui/profile/flame_graph_widget.h"
#include "ui/profile/hotspots_model.h"
#include "ui/profile/hotspots_view.h"
#include "ui/profile/memory_panel.h"
#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/run_controller.h"
#include "ui/run/suite_discovery.h"
#include "ui/window/main_window.h"

#include "core/history/store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QScatterSeries>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/formats/workbench_json.h"

using namespace pyrometer::ui;

// Drives the real window offscreen: add a fixture script, press Run, wait, check the table and the charts.
class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        // Settings live in a test location, and start empty: no layout, no recent files from an earlier run.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // Every test starts from empty settings: no recent scripts or run settings left by the one before.
    void cleanup() { QSettings().clear(); }

    void runFromTheWindow()
    {
        MainWindow window(m_dir.path());
        window.show();
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(12);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        QVERIFY(!window.runAction()->isEnabled());
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py") });
        QVERIFY(window.runAction()->isEnabled());

        QSignalSpy finished(window.controller(), &RunController::finished);
        window.runAction()->trigger();
        QVERIFY(window.stopAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(window.runAction()->isEnabled());
        QVERIFY(window.statusText().startsWith(QStringLiteral("Finished")));

        QCOMPARE(window.summary()->rowCount(), 1);
        QCOMPARE(window.summary()->index(0, SummaryModel::Runs).data().toString(), QStringLiteral("12"));
        QVERIFY(window.summary()->index(0, SummaryModel::Median).data().toString().endsWith(QStringLiteral(" ms")));
        // One area per benchmark; runs and their rolling median; boxes and their outliers.
        QCOMPARE(window.histogram()->chart()->series().size(), 1);
        QVERIFY(window.histogram()->binCountShown() >= 1);
        QCOMPARE(window.timeSeries()->chart()->series().size(), 2);
        QCOMPARE(window.timeSeries()->chart()->series().at(0)->type(), QAbstractSeries::SeriesTypeScatter);
        QCOMPARE(window.boxPlot()->chart()->series().size(), 2);

        // Every run is listed; clicking one shows its details.
        QCOMPARE(window.runs()->rowCount(), 12);
        auto* runsView = window.findChild<QDockWidget*>(QStringLiteral("runsDock"))->widget();
        auto* table = qobject_cast<QTableView*>(runsView);
        QVERIFY(table);
        Q_EMIT table->clicked(window.runs()->index(3, 0));
        QVERIFY2(window.runDetailsText().contains(QStringLiteral("run 4")), qPrintable(window.runDetailsText()));
        QVERIFY(window.runDetailsText().contains(QStringLiteral("Hash seed:")));

        // The picture is not empty: the charts drew something besides the background.
        const QImage picture = window.grab().toImage();
        QVERIFY(picture.width() > 800);
    }

    void memoryAndHotspotsFromTheWindow()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(2);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        window.findChild<QSpinBox*>(QStringLiteral("sampleHz"))->setValue(200);
        window.findChild<QCheckBox*>(QStringLiteral("probeGc"))->setChecked(true);
        window.findChild<QCheckBox*>(QStringLiteral("probeProfile"))->setChecked(true);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/cyclic_garbage.py"),
            QStringLiteral(PYROMETER_FIXTURES "/hot_function.py") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);

        // Two curves, the instrumented runs', and the collections of cyclic_garbage.py on them.
        auto* memory = window.memory();
        const auto results = memory->snapshot();
        QVERIFY(results);
        const auto& gcEvents = *results->benchmarks[0].probe->gcEvents;
        QCOMPARE(memory->gcMarkerCount(), gcEvents.size());
        QVERIFY(memory->gcMarkerCount() > 100);
        int curves = 0;
        for (auto* series : memory->chart()->series())
            curves += series->type() == QAbstractSeries::SeriesTypeLine;
        QCOMPARE(curves, 2);
        QVERIFY(memory->chart()->title().contains(QStringLiteral("GCs")));
        // Every run overlaid: one curve per timed run.
        memory->findChild<QComboBox*>(QStringLiteral("memoryMode"))->setCurrentIndex(1);
        QCOMPARE(memory->chart()->series().size(), 4);
        memory->findChild<QComboBox*>(QStringLiteral("memoryMode"))->setCurrentIndex(0);

        // Hotspots of the second benchmark: hot_loop tops the table sorted by own time.
        auto* hotspots = window.hotspots();
        window.tabs()->setCurrentWidget(hotspots);
        hotspots->benchmarkChooser()->setCurrentIndex(1);
        auto* proxy = hotspots->proxy();
        QVERIFY(proxy->rowCount() > 3);
        QCOMPARE(proxy->index(0, HotspotsModel::Function).data().toString(), QStringLiteral("hot_loop"));
        QCOMPARE(proxy->index(0, HotspotsModel::Location).data().toString(), QStringLiteral("hot_function.py:7"));
        hotspots->filter()->setText(QStringLiteral("LUKEWARM"));
        QCOMPARE(proxy->rowCount(), 1);
        hotspots->filter()->clear();
        QAbstractItemModelTester tester(hotspots->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The flame graph starts at the script's module; zooming on hot_loop makes it the whole width.
        auto* flame = hotspots->flameGraph();
        QVERIFY(!flame->graph().boxes.empty());
        const auto& profile = *results->benchmarks[1].probe->profile;
        QCOMPARE(profile.functions[flame->graph().boxes[0].function].name, std::string("<module>"));
        const auto hot = static_cast<std::size_t>(proxy->index(0, 0).data(HotspotsModel::FunctionIndexRole).toInt());
        flame->zoomTo(hot);
        QCOMPARE(flame->graph().boxes[0].function, hot);
        QCOMPARE(flame->graph().totalSeconds, profile.functions[hot].cumulativeSeconds);

        // Exports: the hotspots CSV starts with hot_loop, and Python reads the .pstats file.
        const auto csv = m_dir.filePath(QStringLiteral("hotspots.csv"));
        const auto pstats = m_dir.filePath(QStringLiteral("profile.pstats"));
        QVERIFY(hotspots->exportHotspots(csv));
        QVERIFY(hotspots->exportPstats(pstats));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.readAll().split('\n').value(1).startsWith("hot_loop,"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import pstats, sys\n"
                               "s = pstats.Stats(sys.argv[1])\n"
                               "print(max(s.stats.items(), key=lambda kv: kv[1][2])[0][2])"),
                pstats });
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("hot_loop"));

        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            window.grab().save(dir + QStringLiteral("/hotspots.png"));
            window.tabs()->setCurrentIndex(0);
            QApplication::processEvents();
            window.grab().save(dir + QStringLiteral("/memory.png"));
        }
    }

    void followsADarkPalette()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        QApplication::setPalette(dark);
        QVERIFY(window.openResults(QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json")));
        QTRY_COMPARE(window.histogram()->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(window.boxPlot()->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(window.boxPlot()->chart()->series().size(), 2);
        // Every chart keeps its axes through the theme change.
        for (ChartPanel* panel : { static_cast<ChartPanel*>(window.histogram()),
                 static_cast<ChartPanel*>(window.timeSeries()), static_cast<ChartPanel*>(window.boxPlot()) }) {
            QCOMPARE(panel->chart()->axes().size(), 2);
            for (auto* series : panel->chart()->series())
                QCOMPARE(series->attachedAxes().size(), 2);
        }
        // PYROMETER_SCREENSHOTS=DIR keeps the picture, to look at it.
        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::qWait(300);
            window.grab().save(dir + QStringLiteral("/dark.png"));
        }
        QApplication::setPalette(QPalette());
        QTRY_COMPARE(window.histogram()->chart()->theme(), QChart::ChartThemeLight);
    }

    void compareAPinnedBaselineWithAChangedCopy()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        const auto fixture = QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json");
        QVERIFY(window.openResults(fixture));
        window.compareView()->pinCurrent();
        QVERIFY(window.compareView()->hasBaseline());
        QCOMPARE(window.compareView()->model()->rowCount(), 0); // no candidate until other results come

        // The candidate: the same file with one benchmark 10% slower.
        auto changed = pyrometer::readResultsFile(fixture.toStdString());
        for (auto& run : changed.benchmarks[1].runs)
            run.wall = run.wall * 11 / 10;
        const auto path = m_dir.filePath(QStringLiteral("changed.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(pyrometer::resultsJsonText(changed)));
        file.close();
        QSignalSpy ready(window.compareView()->controller(), &CompareController::comparisonReady);
        QVERIFY(window.openResults(path));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);

        auto* model = window.compareView()->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(1, CompareModel::Verdict).data().toString(), QStringLiteral("slower"));
        QCOMPARE(model->index(1, CompareModel::Change).data().toString(), QStringLiteral("+10.0%"));
        QCOMPARE(model->index(0, CompareModel::Verdict).data().toString(), QStringLiteral("no significant change"));
        // The change chart: a band, the zero line, a whisker per benchmark, and the dots in a series per verdict
        // (two of them hold dots here); two boxes per benchmark; two overlaid distributions. Charts are drawn
        // once their tab shows.
        window.tabs()->setCurrentWidget(window.compareView());
        const auto changeSeries = window.compareView()->changeChart()->chart()->series();
        QCOMPARE(changeSeries.size(), 2 + 3 + 8);
        qsizetype dots = 0, verdicts = 0;
        for (auto* series : changeSeries) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
                dots += scatter->count();
                verdicts += scatter->count() > 0;
            }
        }
        QCOMPARE(dots, 3);
        QCOMPARE(verdicts, 2);
        QCOMPARE(window.compareView()->boxPlot()->chart()->series().size(), 2);
        QCOMPARE(window.compareView()->distributions()->chart()->series().size(), 2);

        window.tabs()->setCurrentWidget(window.compareView());
        window.compareView()->findChild<QTableView*>()->selectRow(1);
        QCOMPARE(window.compareView()->distributions()->chart()->title(),
            QStringLiteral("Distributions: json_roundtrip.py"));
        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::qWait(300);
            window.grab().save(dir + QStringLiteral("/compare.png"));
        }
    }

    void pinRunAgainAndSeeTheVerdictLive()
    {
        MainWindow window(m_dir.path());
        window.show();
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(8);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        window.compareView()->pinCurrent();

        QSignalSpy ready(window.compareView()->controller(), &CompareController::comparisonReady);
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(12);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QTRY_VERIFY(!window.compareView()->controller()->busy());
        // Compared while the second run went on (at most four times a second), not only at its end.
        QVERIFY2(ready.count() >= 2, qPrintable(QString::number(ready.count())));
        auto* model = window.compareView()->model();
        QCOMPARE(model->rowCount(), 1);
        QTRY_COMPARE(model->index(0, CompareModel::Candidate).data().toString().right(4), QStringLiteral("(12)"));
        const auto verdict = model->index(0, CompareModel::Verdict).data().toString();
        // Which verdict depends on how this shared machine drifted between the two runs (see the README's verdict
        // bench); that there is one is what the window must show.
        QVERIFY2(
            QStringList({ QStringLiteral("slower"), QStringLiteral("faster"), QStringLiteral("no significant change"),
                            QStringLiteral("significant, but not shown to exceed 2%") })
                .contains(verdict),
            qPrintable(verdict));
    }

    void recentScriptsAndInterpreterChoice()
    {
        MainWindow window(m_dir.path());
        const auto script = QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py");
        window.addScripts({ script });
        // A second window offers the script again from File › Add Recent Script.
        MainWindow again(m_dir.path());
        QMenu* recent = nullptr;
        for (auto* menu : again.findChildren<QMenu*>()) {
            if (menu->title() == QStringLiteral("Add Recent &Script"))
                recent = menu;
        }
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QCOMPARE(recent->actions().size(), 1);
        QCOMPARE(recent->actions().front()->text(), script);
        recent->actions().front()->trigger();
        QCOMPARE(again.benchmarks()->rowCount(), 1);

        // The interpreter column is edited with a list of the Pythons found here, python3 among them.
        auto* table = qobject_cast<QAbstractItemView*>(
            again.findChild<QDockWidget*>(QStringLiteral("benchmarksDock"))->widget());
        auto* delegate = table->itemDelegateForColumn(BenchmarkListModel::Interpreter);
        QVERIFY(delegate);
        const auto index = again.benchmarks()->index(0, BenchmarkListModel::Interpreter);
        std::unique_ptr<QWidget> editor(delegate->createEditor(table->viewport(), {}, index));
        auto* combo = qobject_cast<QComboBox*>(editor.get());
        QVERIFY(combo);
        QVERIFY(combo->findText(QStringLiteral("python3")) >= 0);
        combo->setCurrentText(QStringLiteral("/usr/bin/python3"));
        delegate->setModelData(combo, again.benchmarks(), index);
        QCOMPARE(again.benchmarks()->requests()[0].interpreter, std::string("/usr/bin/python3"));
    }

    // Benchmark files in the window: discovered off the GUI thread, shown as file → function → case with check
    // boxes that choose what runs; sizes from the settings; a folder; a file that does not import; then a run.
    void benchmarkFilesAsATree()
    {
        MainWindow window(m_dir.path());
        window.show();
        auto* list = window.benchmarks();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy found(window.discovery(), &SuiteDiscovery::found);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/suite/bench_sorting.py") });
        QVERIFY(window.statusText().startsWith(QStringLiteral("Looking for benchmark functions")));
        QTRY_COMPARE_WITH_TIMEOUT(found.count(), 1, 30000);
        QCOMPARE(window.statusText(), QStringLiteral("bench_sorting.py: 5 function(s), 12 benchmark(s)"));
        QCOMPARE(list->rowCount(), 1);
        const auto file = list->index(0, BenchmarkListModel::Name);
        QCOMPARE(file.data().toString(), QStringLiteral("bench_sorting.py"));
        QCOMPARE(list->rowCount(file), 5);
        const auto name
            = [&](int row, const QModelIndex& parent) { return list->index(row, 0, parent).data().toString(); };
        QCOMPARE(name(0, file), QStringLiteral("bench_sort (2 cases)"));
        QCOMPARE(name(1, file), QStringLiteral("bench_scan (4 cases)"));
        QCOMPARE(name(2, file), QStringLiteral("bench_pass"));
        const auto sort = list->index(0, 0, file), scan = list->index(1, 0, file);
        QCOMPARE(list->rowCount(list->index(2, 0, file)), 0); // no params, no size: one row
        QCOMPARE(name(0, sort), QStringLiteral("n=100"));
        QCOMPARE(name(1, list->index(3, 0, file)), QStringLiteral("size=1, kind=dict")); // bench_grid's second case
        QCOMPARE(list->requests().size(), std::size_t(12));
        // Its functions show; every row has a check box.
        auto* view = window.findChild<QTreeView*>(QStringLiteral("benchmarkList"));
        QVERIFY(view && view->isExpanded(file));
        QCOMPARE(file.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

        // Unticking a function leaves its cases out; the file is partly ticked.
        QVERIFY(list->setData(scan, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(list->requests().size(), std::size_t(8));
        QCOMPARE(file.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
        QVERIFY(list->setData(list->index(1, 0, sort), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(sort.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
        std::vector<std::string> names;
        for (const auto& request : list->requests())
            names.push_back(request.name.substr(request.name.find("::") + 2));
        QCOMPARE(names.front(), std::string("bench_sort[100]"));
        QCOMPARE(names.size(), std::size_t(7));

        // The sizes in the settings make the sized function's cases anew; it stays unticked.
        auto* sizes = window.findChild<QLineEdit*>(QStringLiteral("sizes"));
        QVERIFY(sizes);
        sizes->setText(QStringLiteral("small,1000,medium"));
        Q_EMIT sizes->editingFinished();
        QCOMPARE(name(1, file), QStringLiteral("bench_scan (3 cases)"));
        QCOMPARE(list->requests().size(), std::size_t(7));
        QVERIFY(view->isExpanded(list->index(0, 0)));
        sizes->setText(QStringLiteral("small,1000,medium,large"));
        Q_EMIT sizes->editingFinished();
        QCOMPARE(list->requests().size(), std::size_t(7)); // the new size follows its function, unticked
        sizes->setText(QStringLiteral("small,1000,medium"));
        Q_EMIT sizes->editingFinished();
        QVERIFY(list->setData(list->index(1, 0, file), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(list->requests().size(), std::size_t(10));
        QCOMPARE(list->index(2, 0, list->index(1, 0, file)).data().toString(), QStringLiteral("n=10000"));
        sizes->setText(QStringLiteral("tiny"));
        Q_EMIT sizes->editingFinished();
        QVERIFY2(window.statusText().contains(QStringLiteral("tiny")), qPrintable(window.statusText()));
        QCOMPARE(list->requests().size(), std::size_t(10));

        // Removing a function removes it alone; the time per value reaches every function.
        list->remove({ list->index(3, 0, list->index(0, 0)) }); // bench_grid
        QCOMPARE(list->rowCount(list->index(0, 0)), 4);
        QCOMPARE(list->requests().size(), std::size_t(6));
        window.findChild<QDoubleSpinBox*>(QStringLiteral("minTime"))->setValue(0.005);
        for (const auto& request : window.plan().benchmarks)
            QCOMPARE(request.function->minTimeNs, std::int64_t(5'000'000));

        // A folder: each benchmark file in it a tree of its own. A file that does not import: one line, nothing added.
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/suite/nested") });
        QTRY_COMPARE_WITH_TIMEOUT(found.count(), 2, 30000);
        QCOMPARE(list->rowCount(), 2);
        QSignalSpy failed(window.discovery(), &SuiteDiscovery::failed);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/suite/broken/bench_syntax.py") });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(list->rowCount(), 2);
        QVERIFY2(window.statusText().contains(QStringLiteral("bench_syntax.py: SyntaxError")),
            qPrintable(window.statusText()));

        // Run what is ticked: bench_pass and bench_sort[100] only.
        list->remove({ list->index(1, 0) });
        for (int f = 0; f < list->rowCount(list->index(0, 0)); ++f) {
            const auto function = list->index(f, 0, list->index(0, 0));
            QVERIFY(list->setData(function,
                function.data().toString().startsWith(QStringLiteral("bench_pass")) ? Qt::Checked : Qt::Unchecked,
                Qt::CheckStateRole));
        }
        QVERIFY(
            list->setData(list->index(0, 0, list->index(0, 0, list->index(0, 0))), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(list->requests().size(), std::size_t(2));
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(3);
        QSignalSpy finished(window.controller(), &RunController::finished);
        QSignalSpy saved(window.controller(), &RunController::savedToHistory);
        // "Save to the history" is on by default: the run goes into the store (this test's own, PYROMETER_STORE).
        const auto store = QString::fromLocal8Bit(qgetenv("PYROMETER_STORE"));
        QVERIFY(!store.isEmpty());
        const auto before = QFile::exists(store) ? pyrometer::openStore(store.toStdString())->overview().runSets : 0;
        QVERIFY(window.findChild<QCheckBox*>(QStringLiteral("saveToHistory"))->isChecked());
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(pyrometer::openStore(store.toStdString())->overview().runSets, before + 1);
        QCOMPARE(window.summary()->rowCount(), 2);
        QCOMPARE(window.summary()->index(0, SummaryModel::Runs).data().toString(), QStringLiteral("3"));
        const auto& results = *finished.at(0).at(0).value<ResultsSnapshot>();
        QCOMPARE(results.benchmarks.size(), std::size_t(2));
        QVERIFY(results.benchmarks[0].name.ends_with("bench_sorting.py::bench_sort[100]"));
        QVERIFY(results.benchmarks[0].function.has_value());
        QVERIFY(results.benchmarks[1].name.ends_with("bench_sorting.py::bench_pass"));
        // A run's details say what is per call and what is not.
        auto* runsTable
            = qobject_cast<QTableView*>(window.findChild<QDockWidget*>(QStringLiteral("runsDock"))->widget());
        Q_EMIT runsTable->clicked(window.runs()->index(window.runs()->rowCount() - 1, 0));
        const auto details = window.runDetailsText();
        QVERIFY2(details.contains(QStringLiteral("Per call:")) && details.contains(QStringLiteral(" calls: ")),
            qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("not per call (the worker's covers its import and setup too)")));
        QVERIFY(!details.contains(QStringLiteral("not in the file")));
    }

    void aMissingScriptIsShownNextToIt()
    {
        MainWindow window(m_dir.path());
        window.addScripts({ QStringLiteral("/no/such/script.py") });
        QSignalSpy failed(window.controller(), &RunController::failed);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(window.benchmarks()->index(0, BenchmarkListModel::Problem).data().toString(),
            QStringLiteral("script not found: /no/such/script.py"));
        QVERIFY(window.statusText().contains(QStringLiteral("Nothing was started")));
    }

    void openingABadFileChangesNothing()
    {
        MainWindow window(m_dir.path());
        const auto path = m_dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"schema\": \"pyrometer.run/1\", \"benchm");
        file.close();
        QVERIFY(!window.openResults(path));
        QVERIFY2(
            window.statusText().startsWith(path + QStringLiteral(": not valid JSON")), qPrintable(window.statusText()));
        QCOMPARE(window.summary()->rowCount(), 0);
    }

    void screenshotCommand()
    {
        const auto results = m_dir.filePath(QStringLiteral("r.json"));
        const auto picture = m_dir.filePath(QStringLiteral("shot.png"));
        QProcess run;
        run.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("run"), QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py"), QStringLiteral("-n"),
                QStringLiteral("6"), QStringLiteral("--export-json"), results });
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QProcess open;
        open.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("open"), results, QStringLiteral("--screenshot"), picture, QStringLiteral("--size"),
                QStringLiteral("1200x800") });
        QVERIFY(open.waitForFinished(60000));
        QCOMPARE(open.exitCode(), 0);
        const QImage image(picture);
        QCOMPARE(image.size(), QSize(1200, 800));
        // More than a blank window: many distinct colours (text, chart lines, series).
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    // Two results files given to pyrometer open the Compare tab (the earlier run the baseline); a third, or scripts
    // among results, get one line and exit 2 before any window.
    void severalResultsFiles()
    {
        const auto first = m_dir.filePath(QStringLiteral("first.json"));
        const auto second = m_dir.filePath(QStringLiteral("second.json"));
        for (const auto& path : { first, second }) {
            QProcess run;
            run.start(QStringLiteral(PYROMETER_BINARY),
                { QStringLiteral("run"), QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py"), QStringLiteral("-n"),
                    QStringLiteral("3"), QStringLiteral("--no-progress"), QStringLiteral("--export-json"), path });
            QVERIFY(run.waitForFinished(60000));
            QCOMPARE(run.exitCode(), 0);
        }
        const auto picture = m_dir.filePath(QStringLiteral("pair.png"));
        QProcess open;
        open.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("open"), second, first, QStringLiteral("--screenshot"), picture });
        QVERIFY(open.waitForFinished(60000));
        QCOMPARE(open.exitCode(), 0);
        QCOMPARE(QImage(picture).size(), QSize(1400, 900));

        const auto refused = [&](const QStringList& arguments, const QString& line) {
            QProcess process;
            process.start(QStringLiteral(PYROMETER_BINARY), arguments);
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 2);
            QCOMPARE(QString::fromUtf8(process.readAllStandardError()), line);
        };
        refused({ first, second, first },
            QStringLiteral("pyrometer open: unexpected argument ") + first
                + QStringLiteral(
                    " (usage: pyrometer open FILE.json [FILE.json | --baseline FILE.json] [--tab "
                    "charts|memory|scaling|hotspots|compare|history] [--screenshot OUT.png] [--size WxH])\n"));
        refused({ first, QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py") },
            QStringLiteral(
                "pyrometer: give scripts to run or results files to show, not both (see pyrometer --help)\n"));
        refused({ QStringLiteral("open"), first, second, QStringLiteral("--baseline"), first },
            QStringLiteral("pyrometer open: two files to compare and --baseline besides: which is the baseline?\n"));

        // A workbench opens as its benchmarks, ready to run, with paths from its folder; it is no results.
        const auto workbench = QStringLiteral(PYROMETER_FIXTURES "/../../examples/alloc/alloc.workbench.json");
        open.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("open"), workbench, QStringLiteral("--screenshot"), picture });
        QVERIFY(open.waitForFinished(60000));
        QCOMPARE(open.exitCode(), 0);
        refused({ QStringLiteral("open"), workbench, first },
            QStringLiteral("pyrometer open: ") + workbench
                + QStringLiteral(" is a workbench, not results to compare\n"));
        MainWindow window(m_dir.path());
        window.showWorkbench(pyrometer::readWorkbenchFile(workbench.toStdString()), workbench);
        const auto plan = window.plan();
        QCOMPARE(plan.benchmarks.size(), std::size_t(6));
        QVERIFY(plan.benchmarks[1].command.front().ends_with("/examples/alloc/build/alloc-go"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
