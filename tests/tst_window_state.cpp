#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/compare/comparison_charts.h"
#include "ui/compare/profile_diff_models.h"
#include "ui/profile/flame_graph_widget.h"
#include "ui/profile/hotspots_view.h"
#include "ui/profile/memory_panel.h"
#include "ui/results/run_details.h"
#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/python_finder.h"
#include "ui/run/run_controller.h"
#include "ui/window/main_window.h"

#include "tests/synthetic_results.h"

#include "core/compare/comparison_report.h"
#include "core/formats/results_file.h"
#include "core/model/units.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStatusTipEvent>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTranslator>
#include <QValueAxis>
#include <QWheelEvent>

using namespace pyrometer;
using namespace pyrometer::ui;

// What the window shows must belong to the results it shows: selections, comparisons and hover values that
// outlive their results, or that never appear, are tested here on the real window.
class TestWindowState : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const Results> m_measured; ///< cyclic_garbage.py and hot_function.py, with GCs and timelines

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // One real run, measured as a user would: memory timelines, and GC events from the instrumented run.
        MainWindow window(m_dir.path());
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(4);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(1);
        window.findChild<QSpinBox*>(QStringLiteral("sampleHz"))->setValue(200);
        window.findChild<QCheckBox*>(QStringLiteral("probeGc"))->setChecked(true);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/hot_function.py"),
            QStringLiteral(PYROMETER_FIXTURES "/cyclic_garbage.py") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.startRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        m_measured = finished.at(0).at(0).value<ResultsSnapshot>().results();
        QVERIFY(m_measured->benchmarks[1].probe && m_measured->benchmarks[1].probe->gcEvents);
        QVERIFY(m_measured->benchmarks[1].probe->gcEvents->size() > 100);
    }

    void cleanup() { QSettings().clear(); }

    // A run clicked in one set of results never stands in for another benchmark's run in the next set.
    void aSelectedRunBelongsToItsResults()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.showResults(ResultsSnapshot(m_measured));
        auto* memory = window.memory();
        // Both benchmarks' collections (hot_function.py has a few too), each on its instrumented run.
        const auto garbage
            = m_measured->benchmarks[0].probe->gcEvents->size() + m_measured->benchmarks[1].probe->gcEvents->size();
        QCOMPARE(memory->gcMarkerCount(), garbage);

        // Measured run 2 of hot_function.py, picked in the time series (index 2: a warmup comes first).
        Q_EMIT window.timeSeries()->runSelected(0, 2);
        QVERIFY2(window.runDetailsText().contains(QStringLiteral("hot_function.py — run 2\n")),
            qPrintable(window.runDetailsText()));
        QVERIFY(memory->toolTip().contains(QStringLiteral("hot_function.py: run 2")));

        // A live snapshot of the same results keeps the choice …
        window.showResults(ResultsSnapshot(m_measured, window.memory()->snapshot().set()));
        QVERIFY(memory->toolTip().contains(QStringLiteral("hot_function.py: run 2")));

        // … but other results (here the benchmarks in the other order) show their own instrumented runs: the
        // collections of cyclic_garbage.py, now benchmark 0, on its instrumented run, and no stale details.
        auto reversed = *m_measured;
        std::swap(reversed.benchmarks[0], reversed.benchmarks[1]);
        window.showResults(ResultsSnapshot(std::make_shared<const Results>(std::move(reversed))));
        QCOMPARE(memory->gcMarkerCount(), garbage);
        QVERIFY2(memory->toolTip().contains(QStringLiteral("cyclic_garbage.py: instrumented run")),
            qPrintable(memory->toolTip()));
        QVERIFY2(!memory->toolTip().contains(QStringLiteral(": run ")), qPrintable(memory->toolTip()));
        QVERIFY(window.runDetailsText().isEmpty());
    }

    // A benchmark keeps its colour when another is removed, and no GC marker wears a benchmark's colour.
    void coloursFollowTheBenchmark()
    {
        MainWindow window(m_dir.path());
        const auto colourOf = [&](const QString& suffix) {
            for (auto* series : window.timeSeries()->chart()->series()) {
                if (series->name().endsWith(suffix))
                    return qobject_cast<QXYSeries*>(series)->color();
            }
            return QColor();
        };
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        const auto sortColour = colourOf(QStringLiteral("sort_numbers.py"));
        QVERIFY(sortColour.isValid());
        auto fewer = *test::threeBenchmarks();
        fewer.benchmarks.erase(fewer.benchmarks.begin() + 1); // json_roundtrip.py removed
        window.showResults(ResultsSnapshot(std::make_shared<const Results>(std::move(fewer))));
        QCOMPARE(colourOf(QStringLiteral("sort_numbers.py")), sortColour);

        window.showResults(ResultsSnapshot(m_measured));
        QSet<QRgb> benchmarkColours;
        QList<QColor> markerColours;
        for (auto* series : window.memory()->chart()->series()) {
            if (auto* markers = qobject_cast<QScatterSeries*>(series))
                markerColours << markers->color();
            else if (auto* curve = qobject_cast<QXYSeries*>(series))
                benchmarkColours << curve->color().rgb();
        }
        QCOMPARE(benchmarkColours.size(), 2);
        QVERIFY(!markerColours.isEmpty());
        for (const auto& colour : markerColours)
            QVERIFY(!benchmarkColours.contains(colour.rgb()));
    }

    // A legend too long for a narrow memory chart (Qt elided every entry: "ge…", "cyc…") leaves out the
    // benchmarks, whose colours the charts beside it name, and keeps the GC generations; a wide one keeps all.
    void aNarrowMemoryLegendKeepsTheGenerations()
    {
        for (const auto size : { QSize(1024, 700), QSize(1920, 1080) }) {
            MainWindow window(m_dir.path());
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showResults(ResultsSnapshot(m_measured));
            auto* legend = window.memory()->chart()->legend();
            QStringList shown;
            int width = 0;
            const auto readLegend = [&] {
                shown.clear();
                width = 0;
                const QFontMetrics metrics(legend->font());
                for (auto* marker : legend->markers()) {
                    if (marker->isVisible()) {
                        shown << marker->label();
                        width += metrics.horizontalAdvance(marker->label()) + 2 * metrics.height();
                    }
                }
                return shown.contains(QStringLiteral("gen 0"));
            };
            // Until the charts settle at their size (slow under the sanitizers).
            QTRY_VERIFY_WITH_TIMEOUT(readLegend(), 20000);
            QTest::qWait(300);
            QVERIFY2(readLegend(), qPrintable(shown.join(QLatin1Char(','))));
            QCOMPARE(shown.contains(QStringLiteral("cyclic_garbage.py")), size.width() > 1024);
            QVERIFY2(width <= window.memory()->chart()->size().width(),
                qPrintable(QStringLiteral("%1 of %2").arg(width).arg(window.memory()->chart()->size().width())));
        }
    }

    // One benchmark has one name in the list, the summary, the runs table, the legends, Hotspots and Compare.
    void oneNameEverywhere()
    {
        MainWindow window(m_dir.path());
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/hot_function.py"),
            QStringLiteral(PYROMETER_FIXTURES "/cyclic_garbage.py") });
        window.benchmarks()->addCommand({ QStringLiteral("/bin/sleep"), QStringLiteral("0.1") });
        window.benchmarks()->addCommand({ QStringLiteral("/bin/sleep"), QStringLiteral("0.2") });
        const auto listed
            = [&](int row) { return window.benchmarks()->index(row, BenchmarkListModel::Name).data().toString(); };
        QCOMPARE(listed(0), QStringLiteral("hot_function.py"));
        QCOMPARE(listed(2), QStringLiteral("sleep 0.1")); // both read "/bin/sleep" before
        QCOMPARE(listed(3), QStringLiteral("sleep 0.2"));

        window.showResults(ResultsSnapshot(m_measured));
        const QString name = QStringLiteral("hot_function.py");
        QCOMPARE(window.summary()->index(0, SummaryModel::Name).data().toString(), name);
        QVERIFY(window.summary()
                    ->index(0, SummaryModel::Name)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("/"))); // the full path on hover
        QCOMPARE(window.runs()->index(0, RunsModel::Benchmark).data().toString(), name);
        QCOMPARE(window.timeSeries()->chart()->series().at(0)->name(), name);
        QCOMPARE(window.hotspots()->benchmarkChooser()->itemText(0), name);
        auto* compare = window.compareView();
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        compare->setBaseline(m_measured, QStringLiteral("a"));
        compare->setCandidateFile(std::make_shared<const Results>(*m_measured), QStringLiteral("b"));
        QTRY_VERIFY_WITH_TIMEOUT(compare->model()->rowCount() == 2, 20000);
        QCOMPARE(compare->model()->index(0, CompareModel::Name).data().toString(), name);
    }

    // Opening a results file fills the list and the settings, ready to run again.
    void openedResultsCanRunAgain()
    {
        MainWindow window(m_dir.path());
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py") });
        QVERIFY(window.openResults(QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json")));
        auto* list = window.benchmarks();
        QCOMPARE(list->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(list->index(row, BenchmarkListModel::Name).data().toString(),
                window.summary()->index(row, SummaryModel::Name).data().toString());
        }
        const auto plan = window.plan();
        QCOMPARE(plan.benchmarks[0].name, std::string("examples/fib.py"));
        QVERIFY(plan.benchmarks[0].script->ends_with("/examples/fib.py")); // as resolved when it ran
        QCOMPARE(plan.benchmarks[0].settings.runs, 40);
        QCOMPARE(plan.order, RunOrder::Interleaved);
        QVERIFY(window.runAction()->isEnabled());
    }

    // Small things a user trips over: the progress bar of a run that never started, hover tips over the run's
    // progress, a Quit without a key, two tabs named "Runs".
    void smallThingsInTheWay()
    {
        MainWindow window(m_dir.path());
        window.show();
        bool quitHasKey = false;
        for (auto* action : window.findChildren<QAction*>()) {
            if (action->text() == QStringLiteral("&Quit"))
                quitHasKey = action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q));
        }
        QVERIFY(quitHasKey);
        QStringList tabs;
        for (int i = 0; i < window.tabs()->count(); ++i)
            tabs << window.tabs()->tabText(i);
        QCOMPARE(
            tabs, (QStringList { QStringLiteral("Charts"), QStringLiteral("Hotspots"), QStringLiteral("Compare") }));

        // A plan that cannot start: its row shows the problem, and no progress bar is left at 0%.
        window.addScripts({ m_dir.filePath(QStringLiteral("missing.py")) });
        QSignalSpy failed(window.controller(), &RunController::failed);
        window.startRun();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(!window.findChild<QProgressBar*>()->isVisible());
        QVERIFY(window.benchmarks()->index(0, BenchmarkListModel::Name).data(Qt::BackgroundRole).isValid());

        // While a run goes on, a hovered action's tip does not cover the progress.
        window.benchmarks()->clear();
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/sleep_50ms.py") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.startRun();
        QStatusTipEvent tip(QStringLiteral("Run every benchmark"));
        QApplication::sendEvent(&window, &tip);
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
        window.stopRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QApplication::sendEvent(&window, &tip); // when idle, tips show as usual
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Run every benchmark"));
    }

    // The summary: a failed benchmark is never the reference, CV is shown, the outlier warning is there, and
    // Ctrl+C gives a spreadsheet a header and numbers it can compute with.
    void summaryForSpreadsheets()
    {
        MainWindow window(m_dir.path());
        window.show();
        auto results = *test::threeBenchmarks();
        results.benchmarks[0].failure = "killed by signal 9"; // fib.py, the fastest, stopped early
        window.showResults(ResultsSnapshot(std::make_shared<const Results>(results)));
        auto* summary = window.summary();
        QVERIFY(summary->index(0, SummaryModel::Relative).data().toString() != QStringLiteral("1.00"));
        QCOMPARE(summary->index(2, SummaryModel::Relative).data().toString(), QStringLiteral("1.00"));
        QVERIFY(summary->index(0, SummaryModel::Cv).data().toString().endsWith(QStringLiteral(" %")));
        // json_roundtrip.py has outliers: the command line's warning is the cell's tooltip.
        QVERIFY(summary->index(1, SummaryModel::Outliers)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("a quieter machine or more runs help")));

        auto* view = qobject_cast<QTableView*>(window.findChild<QDockWidget*>(QStringLiteral("summaryDock"))->widget());
        view->selectAll();
        QCOMPARE(view->actions().size(), 1);
        QCOMPARE(view->actions().at(0)->shortcut(), QKeySequence(QKeySequence::Copy));
        view->actions().at(0)->trigger();
        const auto lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const auto header = lines[0].split(QLatin1Char('\t'));
        QCOMPARE(header.value(3), QStringLiteral("Median (s)"));
        QCOMPARE(header.value(13), QStringLiteral("Peak RSS (MiB)"));
        const auto fib = lines[1].split(QLatin1Char('\t'));
        QCOMPARE(fib.size(), header.size());
        QCOMPARE(fib[0], QStringLiteral("examples/fib.py")); // the full name
        bool ok = false;
        const double median = fib[3].toDouble(&ok);
        QVERIFY(ok);
        QCOMPARE(median, window.summary()->snapshot().view().benchmarks[0].summary.wall.median);
        QVERIFY(fib[13].toDouble(&ok) > 1 && ok); // MiB, a plain number
    }

    // The interpreter list tells versions, from the paths alone (Debian's python3 is a link to python3.11).
    void interpretersShowVersions()
    {
        QCOMPARE(pythonVersionHint(QStringLiteral("/usr/bin/python3")),
            QStringLiteral("Python ")
                + QFileInfo(QFileInfo(QStringLiteral("/usr/bin/python3")).canonicalFilePath()).fileName().mid(6));
        QCOMPARE(pythonVersionHint(m_dir.filePath(QStringLiteral("no-such-python"))), QString());
        QComboBox combo;
        fillPythonChoices(&combo, { QStringLiteral("/usr/bin/python3") });
        QCOMPARE(combo.itemText(0), QStringLiteral("/usr/bin/python3")); // the edit field keeps the path
        QVERIFY(combo.itemData(0, Qt::ToolTipRole).toString().contains(QStringLiteral("Python 3.")));
    }

    // In German, Run Details' values line up and its words are translated (labels of fixed width did not).
    void germanRunDetailsAlign()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(PYROMETER_GERMAN_QM)));
        QCoreApplication::installTranslator(&german);
        const auto text = runDetails(m_measured->benchmarks[0], 1);
        QCoreApplication::removeTranslator(&german);
        QVERIFY(text.contains(QStringLiteral("erfolgreich")));
        QVERIFY(text.contains(QStringLiteral("Lauf 1")));
        QSet<qsizetype> columns;
        const auto lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
            const auto colon = lines[i].indexOf(QLatin1Char(':'));
            QVERIFY2(colon > 0, qPrintable(lines[i]));
            qsizetype value = colon + 1;
            while (value < lines[i].size() && lines[i][value] == QLatin1Char(' '))
                ++value;
            columns.insert(value);
        }
        QVERIFY(lines.size() > 8);
        QCOMPARE(columns.size(), 1);
    }

    // Every character the window writes in its labels, buttons, tabs and menus is in the font it is drawn in (a
    // "ⓘ" came out as a box with Debian's DejaVu fonts), in English and German.
    void everyTextHasItsGlyphs()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(PYROMETER_GERMAN_QM)));
        for (const bool inGerman : { false, true }) {
            if (inGerman)
                QCoreApplication::installTranslator(&german);
            MainWindow window(m_dir.path());
            window.show();
            QStringList missing;
            const auto check = [&](const QString& text, const QFont& font) {
                const QFontMetrics metrics(font);
                for (const auto c : text.toUcs4()) {
                    if (c > 0x7E && !metrics.inFontUcs4(c))
                        missing << QStringLiteral("U+%1 in \"%2\"").arg(c, 4, 16, QLatin1Char('0')).arg(text);
                }
            };
            for (const auto* label : window.findChildren<QLabel*>())
                check(label->text(), label->font());
            for (const auto* button : window.findChildren<QAbstractButton*>())
                check(button->text(), button->font());
            for (const auto* tabs : window.findChildren<QTabWidget*>()) {
                for (int i = 0; i < tabs->count(); ++i)
                    check(tabs->tabText(i), tabs->font());
            }
            for (const auto* action : window.findChildren<QAction*>())
                check(action->text(), window.font());
            if (inGerman)
                QCoreApplication::removeTranslator(&german);
            QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        }
    }

    // Every field of the Run Settings dock lies inside the dock, in English and German (longer labels), on a
    // 1024×700 laptop screen and at 1400×900: a field cut at the dock's edge cannot be read or reached.
    void settingsFitTheirDock_data()
    {
        QTest::addColumn<bool>("german");
        QTest::addColumn<QSize>("size");
        QTest::newRow("English, 1024x700") << false << QSize(1024, 700);
        QTest::newRow("German, 1024x700") << true << QSize(1024, 700);
        QTest::newRow("German, 1400x900") << true << QSize(1400, 900);
    }

    void settingsFitTheirDock()
    {
        QFETCH(bool, german);
        QFETCH(QSize, size);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(PYROMETER_GERMAN_QM)));
        if (german)
            QCoreApplication::installTranslator(&translator);
        MainWindow window(m_dir.path());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::processEvents();
        QCoreApplication::removeTranslator(&translator);
        auto* settings = window.findChild<QDockWidget*>(QStringLiteral("settingsDock"));
        QVERIFY(settings);
        auto* viewport = settings->findChild<QScrollArea*>()->viewport();
        int fields = 0;
        for (auto* field : settings->findChildren<QWidget*>()) {
            if (!field->isVisible() || !field->focusPolicy() || field->parentWidget() == viewport
                || !viewport->isAncestorOf(field))
                continue;
            ++fields;
            const QRect shown(field->mapTo(viewport, QPoint(0, 0)), field->size());
            QVERIFY2(shown.left() >= 0 && shown.right() < viewport->width(),
                qPrintable(QStringLiteral("%1 at %2..%3 of %4")
                               .arg(QString::fromLatin1(field->metaObject()->className()) + field->objectName())
                               .arg(shown.left())
                               .arg(shown.right())
                               .arg(viewport->width())));
        }
        QVERIFY2(fields >= 12, qPrintable(QString::number(fields))); // the settings' boxes, buttons and ticks
    }

    // Runs are numbered alike in the table, the details and the chart: measured runs from 1, warmups apart.
    void runsAreNumberedOneWay()
    {
        MainWindow window(m_dir.path());
        window.showResults(ResultsSnapshot(m_measured));
        auto* runs = window.runs();
        QCOMPARE(runs->index(0, RunsModel::Kind).data().toString(), QStringLiteral("warmup"));
        QCOMPARE(runs->index(0, RunsModel::Run).data().toULongLong(), 1ULL);
        QCOMPARE(runs->index(1, RunsModel::Run).data().toULongLong(), 1ULL); // the first measured run
        QCOMPARE(runs->index(4, RunsModel::Run).data().toULongLong(), 4ULL);
        // The chart's first point of hot_function.py is at run 1, its last at run 4.
        const auto points = qobject_cast<QXYSeries*>(window.timeSeries()->chart()->series().at(0))->points();
        QCOMPARE(points.front().x(), 1.0);
        QCOMPARE(points.back().x(), 4.0);
        // Four runs: the axis ticks 1, 2, 3, 4 and no label twice ("1 1 2 2 3" before).
        auto* axis = qobject_cast<QValueAxis*>(window.timeSeries()->chart()->axes(Qt::Horizontal).at(0));
        QCOMPARE(axis->min(), 1.0);
        QCOMPARE(axis->max(), 4.0);
        QCOMPARE(axis->tickCount(), 4);
        QCOMPARE(axis->labelFormat(), QStringLiteral("%.0f"));
    }

    // Hovering a run's point in "Wall time per run" shows its value.
    void hoveringAPointShowsItsValue()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(m_measured));
        QApplication::processEvents();
        auto* panel = window.timeSeries();
        auto* series = qobject_cast<QXYSeries*>(panel->chart()->series().at(0));
        const auto point = series->points().at(2);
        auto* view = panel->findChild<QChartView*>();
        const auto at = view->mapFromScene(panel->chart()->mapToPosition(point, series));
        QTest::mouseMove(view->viewport(), at);
        QTRY_VERIFY(QToolTip::isVisible());
        QString expected = QStringLiteral("run 3: ");
        expected.append(QString::fromStdString(formatDuration(toSeconds(m_measured->benchmarks[0].runs[3].wall))));
        const QString shown = QToolTip::text();
        QVERIFY2(shown.contains(expected), qPrintable(shown));
        QVERIFY(QToolTip::text().contains(QStringLiteral("hot_function.py\n")));
        // A real click on the point (drawn from one picture, see useLightMarkers) selects its run.
        QSignalSpy selected(panel, &TimeSeriesPanel::runSelected);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(1).value<std::size_t>(), std::size_t(3));
        QVERIFY(!panel->isZoomed()); // a click is no rubber band
        // Far from every point: nothing.
        QVERIFY(panel->hoverTextAt(QPoint(2, 2)).isEmpty());
    }

    // A 10 ms script beside a 1 s one: the time axes turn logarithmic by themselves, until the user chooses; a box
    // tells its figures on hover; past twelve benchmarks the legend gives way to a note and box labels stand up.
    void scalesThatDifferTurnLogarithmic()
    {
        using test::benchmarkOf;
        auto apart = std::make_shared<Results>();
        apart->complete = true;
        apart->benchmarks = { benchmarkOf("short.py", 0.010, 12), benchmarkOf("long.py", 1.0, 12) };
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(apart));
        QApplication::processEvents();
        const auto logarithmic = [](ChartPanel* panel, Qt::Orientation time) {
            const auto axes = panel->chart()->axes(time);
            return !axes.isEmpty() && qobject_cast<QLogValueAxis*>(axes.at(0)) != nullptr;
        };
        const std::pair<ChartPanel*, Qt::Orientation> panels[] = { { window.histogram(), Qt::Horizontal },
            { window.timeSeries(), Qt::Vertical }, { window.boxPlot(), Qt::Vertical } };
        for (const auto& [panel, time] : panels) {
            QVERIFY(panel->findChild<QCheckBox*>(QStringLiteral("logScale"))->isChecked());
            QVERIFY(logarithmic(panel, time));
        }
        // The user's choice holds across new results.
        window.timeSeries()->findChild<QCheckBox*>(QStringLiteral("logScale"))->setChecked(false);
        QVERIFY(!logarithmic(window.timeSeries(), Qt::Vertical));
        window.showResults(ResultsSnapshot(apart));
        QVERIFY(!logarithmic(window.timeSeries(), Qt::Vertical));
        QVERIFY(logarithmic(window.boxPlot(), Qt::Vertical));
        // Hovering the 1 s box: its full name and figures.
        auto* box = window.boxPlot();
        const auto at = box->chart()->mapToPosition(QPointF(1, 1010), box->chart()->series().at(0));
        auto* view = box->findChild<QChartView*>();
        const auto text = box->hoverTextAt(view->mapTo(box, view->mapFromScene(at)));
        QVERIFY2(text.startsWith(QStringLiteral("long.py\nmedian 1.0"))
                && text.endsWith(QStringLiteral("successful runs: 12")),
            qPrintable(text));

        // Medians within tenfold: linear.
        auto close = std::make_shared<Results>(*apart);
        close->benchmarks[1] = benchmarkOf("long.py", 0.05, 12);
        MainWindow other(m_dir.path());
        other.resize(1400, 900);
        other.show();
        other.showResults(ResultsSnapshot(close));
        QApplication::processEvents();
        QVERIFY(!logarithmic(other.boxPlot(), Qt::Vertical));
        QVERIFY(!other.boxPlot()->findChild<QCheckBox*>(QStringLiteral("logScale"))->isChecked());

        // Twenty benchmarks: no legend of unlabeled squares and no row of "…" under the boxes, but a note.
        auto many = std::make_shared<Results>();
        for (int i = 0; i < 20; ++i)
            many->benchmarks.push_back(benchmarkOf("bench_" + std::to_string(i) + ".py", 0.01 * (1 + i % 3), 8));
        other.showResults(ResultsSnapshot(many));
        QApplication::processEvents();
        QVERIFY(!other.timeSeries()->chart()->legend()->isVisible());
        auto* note = other.timeSeries()->findChild<QLabel*>(QStringLiteral("manySeries"));
        QVERIFY(note && note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("20 benchmarks: hover for names"));
        const auto categories = other.boxPlot()->chart()->axes(Qt::Horizontal);
        QVERIFY(!categories.at(0)->labelsVisible());
        QVERIFY(other.boxPlot()->findChild<QLabel*>(QStringLiteral("manySeries"))->isVisible());
        QVERIFY(other.boxPlot()->hoverTextAt(QPoint(2, 2)).isEmpty());
        other.showResults(ResultsSnapshot(close));
        QVERIFY(other.timeSeries()->chart()->legend()->isVisible());
        QVERIFY(!note->isVisible());
        QVERIFY(other.boxPlot()->chart()->axes(Qt::Horizontal).at(0)->labelsVisible());
        QVERIFY(!other.boxPlot()->chart()->legend()->isVisible());
    }

    // Every chart's legend lists each benchmark once (a rolling median or a second run has no entry of its own),
    // also when results arrive before the window is laid out.
    void legendsListEveryBenchmark()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        QApplication::processEvents();
        for (ChartPanel* panel : std::initializer_list<ChartPanel*> { window.histogram(), window.timeSeries() }) {
            QVERIFY(panel->chart()->legend()->isVisible());
            QStringList entries;
            for (auto* marker : panel->chart()->legend()->markers()) {
                if (marker->isVisible())
                    entries << marker->label();
            }
            QCOMPARE(entries, ChartPanel::displayNames(panel->snapshot()));
        }
    }

    // A chart on a tab behind another is not redrawn on each refresh of a live run, but once, with the latest
    // results, when its tab comes to the front.
    void hiddenChartsWaitUntilShown()
    {
        using test::benchmarkOf;
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentWidget(window.compareView());
        QApplication::processEvents();
        auto two = std::make_shared<Results>(), three = std::make_shared<Results>();
        two->benchmarks = { benchmarkOf("a.py", 0.01, 10), benchmarkOf("b.py", 0.02, 10) };
        three->benchmarks = two->benchmarks;
        three->benchmarks.push_back(benchmarkOf("c.py", 0.03, 10));
        window.showResults(ResultsSnapshot(two));
        window.showResults(ResultsSnapshot(three));
        QApplication::processEvents();
        QVERIFY(window.histogram()->chart()->series().isEmpty());
        QVERIFY(window.timeSeries()->chart()->series().isEmpty());
        window.tabs()->setCurrentIndex(0);
        QApplication::processEvents();
        QCOMPARE(window.histogram()->chart()->series().size(), 3);
        QStringList entries;
        for (auto* marker : window.timeSeries()->chart()->legend()->markers()) {
            if (marker->isVisible())
                entries << marker->label();
        }
        QCOMPARE(entries, QStringList({ QStringLiteral("a.py"), QStringLiteral("b.py"), QStringLiteral("c.py") }));
    }

    // One chart per benchmark: each on its own scale under its full name; a click in one selects that benchmark's
    // run; the grid exports whole; and back to one chart.
    void smallMultiplesPerBenchmark()
    {
        using test::benchmarkOf;
        auto apart = std::make_shared<Results>();
        apart->complete = true;
        apart->benchmarks = { benchmarkOf("dir/short.py", 0.010, 12), benchmarkOf("dir/long.py", 1.0, 12) };
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(apart));
        auto* panel = window.timeSeries();
        auto* shared = panel->findChild<QChartView*>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(shared->isVisible());
        QSignalSpy shown(panel, &ChartPanel::multiplesShown);
        panel->setSmallMultiples(true);
        QCOMPARE(panel->multiples().size(), std::size_t(2));
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(!shared->isVisible());
        const auto yTitle = [](ChartPanel* p) { return p->chart()->axes(Qt::Vertical).at(0)->titleText(); };
        QCOMPARE(panel->multiples()[0]->chart()->title(), QStringLiteral("dir/short.py"));
        QCOMPARE(yTitle(panel->multiples()[0]), QStringLiteral("Wall time (ms)"));
        QCOMPARE(yTitle(panel->multiples()[1]), QStringLiteral("Wall time (s)"));
        // Each its own scale: the 1 s benchmark's axis does not reach down to 10 ms.
        auto* longAxis = qobject_cast<QValueAxis*>(panel->multiples()[1]->chart()->axes(Qt::Vertical).at(0));
        QVERIFY2(longAxis && longAxis->min() > 0.5, qPrintable(QString::number(longAxis ? longAxis->min() : -1)));
        QSignalSpy selected(panel, &TimeSeriesPanel::runSelected);
        QTest::qWait(200); // the small charts settle at their size
        auto* small = panel->multiples()[1];
        auto* points = qobject_cast<QXYSeries*>(small->chart()->series().at(0));
        auto* smallView = small->findChild<QChartView*>(QString(), Qt::FindDirectChildrenOnly);
        QTest::mouseClick(smallView->viewport(), Qt::LeftButton, {},
            smallView->mapFromScene(small->chart()->mapToPosition(points->points().at(2), points)));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<std::size_t>(), std::size_t(1));
        QCOMPARE(selected.at(0).at(1).value<std::size_t>(), std::size_t(2));
        // New results reach every small chart, computed off the GUI thread: not yet when showResults returns.
        auto longer = std::make_shared<Results>(*apart);
        longer->benchmarks[1] = benchmarkOf("dir/long.py", 1.0, 20);
        QCOMPARE(shown.count(), 1); // resizing the small charts computed nothing again
        window.showResults(ResultsSnapshot(longer));
        QCOMPARE(panel->multiples()[1]->snapshot()->benchmarks[0].runs.size(), std::size_t(12));
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(panel->multiples()[1]->snapshot()->benchmarks[0].runs.size(), std::size_t(20));
        const auto png = m_dir.filePath(QStringLiteral("multiples.png"));
        QVERIFY(panel->exportImage(png, 1.0));
        QCOMPARE(QImage(png).width(), panel->multiples()[0]->parentWidget()->width());
        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::qWait(300); // resized panels settle
            window.grab().save(dir + QStringLiteral("/small-multiples.png"));
        }
        panel->setSmallMultiples(false);
        QVERIFY(panel->multiples().empty());
        QVERIFY(shared->isVisible());
        QCOMPARE(yTitle(panel), QStringLiteral("Wall time (ms)"));
    }

    // Charts zoom (wheel, rectangle), pan and reset, keep the zoom across live refreshes, and a legend click
    // hides a benchmark (its rolling median too) until clicked again.
    void chartsZoomAndHide()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        QApplication::processEvents();
        auto* panel = window.timeSeries();
        auto* x = qobject_cast<QValueAxis*>(panel->chart()->axes(Qt::Horizontal).at(0));
        const double before = x->max() - x->min();
        auto* view = panel->findChild<QChartView*>();
        const auto centre = view->mapFromScene(panel->chart()->plotArea().center());
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(panel->isZoomed());
        QVERIFY(!panel->findChild<QToolButton*>(QStringLiteral("resetZoom"))->isHidden());
        const double zoomed = x->max() - x->min();
        QVERIFY2(zoomed < before * 0.9, qPrintable(QStringLiteral("%1 %2").arg(before).arg(zoomed)));
        // A live refresh keeps the zoom.
        window.showResults(ResultsSnapshot(test::threeBenchmarks(), window.timeSeries()->snapshot().set()));
        QCOMPARE(x->max() - x->min(), zoomed);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QVERIFY(!panel->isZoomed());
        QVERIFY(panel->findChild<QToolButton*>(QStringLiteral("resetZoom"))->isHidden());
        QCOMPARE(x->max() - x->min(), before);

        // Hide fib.py from the legend: its runs and its rolling median go; a refresh keeps it hidden.
        const auto seriesNamed = [&](const QString& name) -> QAbstractSeries* {
            for (auto* series : panel->chart()->series()) {
                if (series->name() == name)
                    return series;
            }
            return nullptr;
        };
        auto* legendMarker = panel->chart()->legend()->markers(seriesNamed(QStringLiteral("fib.py"))).at(0);
        Q_EMIT legendMarker->clicked();
        QVERIFY(!seriesNamed(QStringLiteral("fib.py"))->isVisible());
        QVERIFY(!seriesNamed(QStringLiteral("fib.py (rolling median)"))->isVisible());
        QVERIFY(seriesNamed(QStringLiteral("sort_numbers.py"))->isVisible());
        window.showResults(ResultsSnapshot(test::threeBenchmarks(), window.timeSeries()->snapshot().set()));
        QVERIFY(!seriesNamed(QStringLiteral("fib.py"))->isVisible());
        panel->toggleSeries(QStringLiteral("fib.py"));
        QVERIFY(seriesNamed(QStringLiteral("fib.py"))->isVisible());
    }

    // Ten runs never make one flat bar; a tight benchmark beside a slow one keeps a shape; past 500 runs the
    // points stay distinct from the rolling median.
    void readableHistogramsAndManyRuns()
    {
        Results results;
        results.complete = true;
        for (const auto& [name, count, base, spread] : std::vector<std::tuple<const char*, int, double, double>> {
                 { "ten.py", 10, 0.050, 0.004 }, { "tight.py", 40, 0.010, 0.0001 }, { "many.py", 2000, 1.0, 0.05 } }) {
            BenchmarkResult b;
            b.name = name;
            for (int i = 0; i < count; ++i) {
                RunRecord r;
                r.wall = fromSeconds(base + spread * std::sin(i * 1.7));
                r.exitCode = 0;
                b.runs.push_back(r);
            }
            results.benchmarks.push_back(std::move(b));
        }
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.showResults(ResultsSnapshot(std::make_shared<const Results>(std::move(results))));
        QApplication::processEvents();
        QCOMPARE(window.histogram()->chart()->series().size(), 3);
        QCOMPARE(window.timeSeries()->chart()->series().size(), 6);
        const auto outline = [&](int b) {
            auto* area = qobject_cast<QAreaSeries*>(window.histogram()->chart()->series().at(b));
            return area->upperSeries()->points();
        };
        // Bars: two points each, between the two closing points at 0.
        QVERIFY((outline(0).size() - 2) / 2 >= 5);
        int tightBars = 0;
        for (const auto& p : outline(1))
            tightBars += p.y() > 0 ? 1 : 0;
        QVERIFY2(tightBars >= 2 * 3, qPrintable(QString::number(tightBars))); // a shape, not one spike
        auto* many = qobject_cast<QScatterSeries*>(window.timeSeries()->chart()->series().at(4));
        QVERIFY(many);
        QVERIFY(many->markerSize() < 6);
        QVERIFY(many->color().alpha() < 255);
        auto* median = qobject_cast<QLineSeries*>(window.timeSeries()->chart()->series().at(5));
        QVERIFY(median && median->pen().color().rgb() != many->color().rgb());
    }

    // Charts export as PNG at twice their size without the view's grey frame, and as SVG with their background
    // and grid; compare charts and flame graphs too.
    void chartsExport()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        QApplication::processEvents();
        auto* panel = window.histogram();
        const auto png = m_dir.filePath(QStringLiteral("histogram.png"));
        QVERIFY(panel->exportImage(png, 2.0));
        const QImage picture(png);
        QCOMPARE(picture.size(), panel->chart()->size().toSize() * 2);
        // The corner is the chart's own background (the light theme's white), not the grey frame of the view.
        QCOMPARE(QColor(picture.pixel(1, 1)), QColor(Qt::white));
        QVERIFY(QColor(window.grab().toImage().pixel(panel->mapTo(&window, panel->findChild<QChartView*>()->pos())))
            != QColor(Qt::white));
        const auto svg = m_dir.filePath(QStringLiteral("histogram.svg"));
        QVERIFY(panel->exportImage(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.count("<path") + text.count("<polyline") > 10); // grid, outlines, background
        // A directory is no file: false, and nothing written.
        QVERIFY(!panel->exportImage(m_dir.path()));

        auto* compare = window.compareView();
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        compare->setBaseline(test::threeBenchmarks(), QStringLiteral("a.json"));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);
        const auto change = m_dir.filePath(QStringLiteral("change.png"));
        QVERIFY(compare->changeChart()->exportImage(change, 1.0));
        QCOMPARE(QImage(change).size(), compare->changeChart()->chart()->size().toSize());
    }

    // File › Export Report writes the same self-contained page as `run --export-html`, of the results shown.
    void exportReportOfTheResultsShown()
    {
        MainWindow window(m_dir.path());
        QString error;
        const auto page = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(!window.exportResultsTo(page, &error));
        QCOMPARE(error, QStringLiteral("Nothing to export yet"));
        QVERIFY(!QFile::exists(page));
        QVERIFY(window.openResults(QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json")));
        QVERIFY2(window.exportResultsTo(page, &error), qPrintable(error));
        QFile file(page);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("<h1>Pyrometer results</h1>\n<p>results_three_benchmarks.json")));
        QCOMPARE(text.count(QStringLiteral("aria-label=\"Wall time per run\"")), 3);
        const auto actions = window.findChildren<QAction*>();
        QVERIFY(std::any_of(actions.begin(), actions.end(), [](const QAction* a) {
            return a->text() == QStringLiteral("Export Re&port…") && !a->shortcut().isEmpty();
        }));
        // A directory is no file: the reason, and nothing lost.
        QVERIFY(!window.exportResultsTo(m_dir.path(), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_window_state.moc"
