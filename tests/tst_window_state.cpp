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
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QColor>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QMessageBox>
#include <QProgressBar>
#include <QScatterSeries>
#include <QScreen>
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
#include <QToolTip>
#include <QTranslator>
#include <QValueAxis>

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
        QCOMPARE(tabs,
            (QStringList { QStringLiteral("Charts"), QStringLiteral("Scaling"), QStringLiteral("Hotspots"),
                QStringLiteral("Compare"), QStringLiteral("History") }));

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

    // At first the window is 1400×900, or what the screen offers: never larger than the screen (a 1366×768 laptop;
    // the offscreen platform's 800×800). It was 1400×900 on any screen.
    void fitsTheScreenAtFirst()
    {
        MainWindow window(m_dir.path());
        const auto available = window.screen()->availableGeometry().size();
        const QSize wanted(std::min(1400, available.width()), std::min(900, available.height()));
        QCOMPARE(window.size(), wanted);
    }

    // The window and its About box show Pyrometer's icon (built in: no icon theme here).
    void theIconInTheWindowAndTheAboutBox()
    {
        MainWindow window(m_dir.path());
        const auto small = window.windowIcon().pixmap(16, 16).toImage();
        QCOMPARE(small.size(), QSize(16, 16));
        int hot = 0; // the dial's orange and red
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x)
                hot += QColor(small.pixel(x, y)).red() > 200 && QColor(small.pixel(x, y)).blue() < 120 ? 1 : 0;
        QVERIFY2(hot >= 12, qPrintable(QString::number(hot)));
        QAction* about = nullptr;
        for (auto* action : window.findChildren<QAction*>())
            if (action->text() == QStringLiteral("&About Pyrometer"))
                about = action;
        QVERIFY(about);
        QString text;
        QSize iconSize;
        QTimer::singleShot(0, &window, [&] {
            auto* box = window.findChild<QMessageBox*>(QStringLiteral("aboutBox"));
            if (box) {
                text = box->text();
                iconSize = box->iconPixmap().size();
                box->accept();
            }
        });
        about->trigger();
        QVERIFY2(text.contains(QStringLiteral("GNU General Public License")), qPrintable(text));
        QCOMPARE(iconSize, QSize(64, 64));
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_window_state.moc"
