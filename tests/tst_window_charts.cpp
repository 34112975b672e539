#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/scaling_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/compare/comparison_charts.h"
#include "ui/compare/profile_diff_models.h"
#include "ui/history/history_panel.h"
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

#include "core/history/store.h"

#include "tests/synthetic_results.h"

#include "core/compare/comparison_report.h"
#include "core/formats/results_file.h"
#include "core/model/units.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QValueAxis>
#include <QWheelEvent>

using namespace pyrometer;
using namespace pyrometer::ui;

// The charts of the real window as a user reads and handles them: scales that differ, legends, small multiples,
// zoom and hiding, readable histograms, and export.
class TestWindowCharts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanup() { QSettings().clear(); }

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

    // The History tab over a store of 30 run sets of a.py (10 ms, then 12 ms from the 20th) and 30 of b.py: the
    // longest history is drawn first, with its band, its change of level marked and listed, hover telling the run
    // set and commit; two benchmarks are each normalised to their first point; a click opens a run set, a second
    // with Shift compares the two in the Compare tab.
    void historyTab()
    {
        const auto location = m_dir.filePath(QStringLiteral("history-tab.sqlite"));
        {
            auto store = openStore(location.toStdString());
            for (int k = 1; k <= 30; ++k) {
                for (const char* name : { "a.py", "b.py" }) {
                    Results results;
                    results.environment.hostname = "vm";
                    results.environment.date
                        = QStringLiteral("2026-11-%1T03:00:00Z").arg(k, 2, 10, QLatin1Char('0')).toStdString();
                    const double level = name[0] == 'a' ? (k >= 20 ? 0.012 : 0.010) : 0.020;
                    auto b = test::benchmarkOf(name, level * (1 + 0.002 * (k % 3)), 10);
                    b.git = GitInfo { "c" + std::to_string(1000 + k), "main", false, "", "",
                        "Commit " + std::to_string(k) };
                    results.benchmarks.push_back(b);
                    if (name[0] == 'a' || k <= 29) // b.py one run set shorter: a.py is the longest
                        store->save(results, {});
                }
            }
        }
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* history = window.history();
        window.tabs()->setCurrentWidget(history);
        QSignalSpy shown(history, &HistoryPanel::trendsShown);
        history->setStoreLocation(location);
        QVERIFY(shown.wait(10000));
        auto* chart = history->chart();
        QCOMPARE(chart->trends()->size(), std::size_t(1));
        QCOMPARE(chart->trends()->at(0).name, std::string("a.py"));
        QVERIFY(!chart->normalised());
        QVERIFY2(
            history->changesText().startsWith(QStringLiteral("a.py: +20.0% (10.22 ms → 12.26 ms) from c1019 to c1020")),
            qPrintable(history->changesText()));
        QApplication::processEvents();
        QStringList entries;
        for (auto* marker : chart->chart()->legend()->markers())
            if (marker->isVisible())
                entries << marker->label();
        QCOMPARE(entries, QStringList { QStringLiteral("a.py") });
        const auto drawn = chart->chart()->series();
        QVERIFY(std::any_of(drawn.begin(), drawn.end(),
            [](QAbstractSeries* s) { return qobject_cast<QAreaSeries*>(s) != nullptr; })); // the interval's band
        QXYSeries* points = nullptr;
        for (auto* series : chart->chart()->series())
            if (series->name() == QStringLiteral("a.py (run sets)"))
                points = qobject_cast<QXYSeries*>(series);
        QVERIFY(points);
        QCOMPARE(points->count(), 30);
        auto* view = chart->findChild<QChartView*>();
        const auto at = chart->chart()->mapToPosition(points->at(24), points);
        const auto hover = chart->hoverTextAt(view->mapTo(chart, view->mapFromScene(at)));
        QVERIFY2(hover.contains(QStringLiteral("Run set")) && hover.contains(QStringLiteral("Commit c1025 on main"))
                && hover.contains(QStringLiteral("Commit 25")) && hover.contains(QStringLiteral("Median 12.")),
            qPrintable(hover));

        // A click on a point: that run set, by the mouse.
        QSignalSpy clicked(chart, &HistoryChart::runSetClicked);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->mapFromScene(at));
        QCOMPARE(clicked.size(), 1);
        const auto runSet = clicked.at(0).at(0).toLongLong();
        QCOMPARE(
            openStore(location.toStdString())->load(runSet).benchmarks.at(0).git->subject, std::string("Commit 25"));
        QTRY_COMPARE_WITH_TIMEOUT(window.summary()->rowCount(), 1, 10000); // opened as the results shown
        QCOMPARE(window.tabs()->currentIndex(), 0); // the Charts tab

        // Shift+click a second one: the two compared. Two clicks at once: the latest wins, whichever read ends last.
        Q_EMIT chart->runSetClicked(1, false);
        Q_EMIT chart->runSetClicked(runSet, true);
        for (int i = 0; i < 20; ++i)
            QTest::qWait(50); // the first click's answer, had it not been dropped, would switch to the Charts tab
        QTRY_VERIFY_WITH_TIMEOUT(window.compareView()->model()->comparison() != nullptr, 20000);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget*>(window.compareView()));

        // Both benchmarks: each a ratio to its first point.
        window.tabs()->setCurrentWidget(history);
        history->benchmarkList()->item(1)->setCheckState(Qt::Checked);
        QVERIFY(shown.wait(10000));
        QCOMPARE(chart->trends()->size(), std::size_t(2));
        QVERIFY(chart->normalised());
        QCOMPARE(qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Vertical).at(0))->titleText(),
            QStringLiteral("Median ÷ its first"));
        // A second machine: changes are looked for on one, the one with the most run sets, until the user chooses.
        {
            Results other;
            other.environment.hostname = "laptop";
            other.environment.date = "2026-12-01T03:00:00Z";
            other.benchmarks = { test::benchmarkOf("a.py", 0.005, 10) };
            openStore(location.toStdString())->save(other, {});
        }
        history->reload();
        QVERIFY(shown.wait(10000));
        QCOMPARE(history->machineChoice()->currentData().toString(), QStringLiteral("vm"));
        QCOMPARE(chart->trends()->at(0).points.size(), std::size_t(30));

        // A store not made yet is not made by looking; one that is not a store says why. Either way the tab is
        // done (`pyrometer open --tab history --screenshot` waited 60 s for the first).
        const auto none = m_dir.filePath(QStringLiteral("not-yet/history.sqlite"));
        history->setStoreLocation(none);
        QVERIFY(shown.wait(10000));
        QVERIFY(!QFileInfo::exists(QFileInfo(none).path()));
        QVERIFY(history->changesText().startsWith(QStringLiteral("Nothing saved yet")));
        const auto text = m_dir.filePath(QStringLiteral("text.sqlite"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(QByteArray(200, 'x')) == 200);
        file.close();
        history->setStoreLocation(text);
        QVERIFY(shown.wait(10000));
        QCOMPARE(
            history->changesText(), text + QStringLiteral(": not a Pyrometer history store (not a SQLite database)"));
    }

    // Names are shown as written: Qt Charts takes its legend entries, titles and category labels as HTML, where
    // "<50ms>" vanished as a tag ("sleep & .py" in the legend, "sleep" under the box) and "&amp;" read as "&".
    void namesAreShownAsWritten()
    {
        using test::benchmarkOf;
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto results = std::make_shared<Results>();
        const auto odd = QStringLiteral("sleep <50ms> & \"q\" &amp;.py");
        results->benchmarks = { benchmarkOf(odd.toStdString(), 0.01, 10), benchmarkOf("b.py", 0.02, 10) };
        window.showResults(ResultsSnapshot(results));
        QApplication::processEvents();
        for (ChartPanel* panel : std::initializer_list<ChartPanel*> { window.histogram(), window.timeSeries() }) {
            QStringList entries;
            for (auto* marker : panel->chart()->legend()->markers())
                if (marker->isVisible())
                    entries << marker->label();
            QCOMPARE(entries.value(0), odd.toHtmlEscaped());
            QTextDocument shown;
            shown.setHtml(entries.value(0));
            QCOMPARE(shown.toPlainText(), odd); // what the legend's rich text shows
        }
        auto* axis = qobject_cast<QBarCategoryAxis*>(window.boxPlot()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QTextDocument category;
        category.setHtml(axis->categories().value(0));
        QVERIFY2(category.toPlainText().startsWith(QStringLiteral("sleep <")), qPrintable(category.toPlainText()));
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

    // The Scaling tab: a curve per function, log–log, error bars, the fitted class in the legend, a prediction from the
    // field, peak memory the same way, and live as sizes complete.
    void scalingTab()
    {
        const auto suite = [](std::initializer_list<double> sizes) {
            auto results = std::make_shared<Results>();
            for (const double n : sizes) {
                const auto size = std::to_string(static_cast<long long>(n));
                auto scan = test::benchmarkOf("bench_x.py::bench_scan[" + size + "]", 2e-6 + 20e-9 * n, 10);
                scan.function = FunctionBenchmark { "bench_scan", "=" + size, 64, 100'000'000, false, {} };
                scan.parameters = { { "n", size } };
                for (std::size_t r = 0; r < scan.runs.size(); ++r)
                    scan.runs[r].maxRssBytes = 9 * 1024 * 1024 + static_cast<std::int64_t>(36 * n) + 4096 * (r % 3);
                results->benchmarks.push_back(scan);
                auto sort = test::benchmarkOf("bench_x.py::bench_sort[" + size + "]", 4e-9 * n * std::log2(n), 10);
                sort.function = FunctionBenchmark { "bench_sort", "=" + size, 64, 100'000'000, false, {} };
                sort.parameters = { { "n", size } };
                results->benchmarks.push_back(sort);
            }
            results->benchmarks.push_back(test::benchmarkOf("plain.py", 0.01, 10)); // no parameter: no curve
            return std::shared_ptr<const Results>(results);
        };
        MainWindow window(m_dir.path());
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* scaling = window.scaling();
        window.tabs()->setCurrentWidget(scaling);

        // Live: two sizes so far, then five; the chart follows.
        window.showResults(ResultsSnapshot(suite({ 100, 1000 })));
        QCOMPARE(scaling->curves().size(), std::size_t(2));
        QCOMPARE(scaling->legendTexts(),
            (QStringList {
                QStringLiteral("scan: cannot tell the class"), QStringLiteral("sort: cannot tell the class") }));
        window.showResults(ResultsSnapshot(suite({ 100, 1000, 10'000, 30'000, 100'000 })));
        QCOMPARE(scaling->curves().size(), std::size_t(2));
        const auto legend = scaling->legendTexts();
        QVERIFY2(legend.at(0).startsWith(QStringLiteral("scan: O(n), ≈ 20"))
                && legend.at(0).endsWith(QStringLiteral(" ns · n")),
            qPrintable(legend.join(QLatin1Char('|'))));
        QVERIFY2(legend.at(1).startsWith(QStringLiteral("sort: O(n log n), ≈ 4")), qPrintable(legend.at(1)));
        // Both axes logarithmic; the legend names the curves (error bars and fits belong to them).
        const auto axes = scaling->chart()->axes();
        QCOMPARE(axes.size(), 2);
        for (auto* axis : axes)
            QVERIFY(qobject_cast<QLogValueAxis*>(axis));
        QStringList entries;
        QCoreApplication::processEvents(); // the legend lays out
        for (auto* marker : scaling->chart()->legend()->markers()) {
            if (marker->isVisible())
                entries << marker->label();
        }
        QCOMPARE(entries, legend);
        // Per curve: its medians and the fitted curve; the error bars, five a curve, are one item over the plot.
        QCOMPARE(scaling->chart()->series().size(), 2 * 2);
        QCOMPARE(scaling->errorBarCount(), std::size_t(2 * 5));

        // Hovering a median tells the size, the median with its interval, and the fit's quality.
        QXYSeries* medians = nullptr;
        for (auto* series : scaling->chart()->series()) {
            if (series->name() == legend.at(0))
                medians = qobject_cast<QXYSeries*>(series);
        }
        QVERIFY(medians);
        auto* view = scaling->findChild<QChartView*>();
        const auto at = scaling->chart()->mapToPosition(medians->at(2), medians);
        const auto hover = scaling->hoverTextAt(view->mapTo(scaling, view->mapFromScene(at)));
        QVERIFY2(hover.startsWith(QStringLiteral("bench_x.py::bench_scan\nn = 10"))
                && hover.contains(QStringLiteral("median 206.0 µs (95% interval"))
                && hover.contains(QStringLiteral("AICc")),
            qPrintable(hover));

        // A prediction from the field: its value, interval, and the dashed curve out to it.
        auto* field = scaling->findChild<QLineEdit*>(QStringLiteral("predictAt"));
        QVERIFY(field);
        field->setText(QStringLiteral("1e7"));
        Q_EMIT field->editingFinished();
        QCOMPARE(scaling->predictAt(), std::optional<double>(1e7));
        // 20.4 ns · 10⁷ + 2.04 µs, and 4.08 ns · 10⁷ log₂ 10⁷ (the medians are 1.02 times the curves).
        QVERIFY2(scaling->predictionText().startsWith(QStringLiteral("At 10,000,000: scan 204.0 ms (")),
            qPrintable(scaling->predictionText()));
        QVERIFY(scaling->predictionText().contains(QStringLiteral("; sort 948.7 ms (")));
        QVERIFY(scaling->predictionText().contains(QStringLiteral(", far outside the sizes measured")));
        const auto* line = scaling->findChild<QLabel*>(QStringLiteral("predictions"));
        QVERIFY(line && line->isVisible() && line->text() == scaling->predictionText());
        // Each curve: a dashed curve to the size, its point and interval.
        QCOMPARE(scaling->chart()->series().size(), 2 * 4);
        QCOMPARE(scaling->errorBarCount(), std::size_t(2 * 6));
        // A word that is no size: the status line says so, the prediction stays.
        QSignalSpy said(scaling, &ChartPanel::message);
        field->setText(QStringLiteral("lots"));
        Q_EMIT field->editingFinished();
        QCOMPARE(said.count(), 1);
        QVERIFY(said.at(0).at(0).toString().contains(QStringLiteral("“lots” is not a size")));
        QCOMPARE(scaling->predictAt(), std::optional<double>(1e7));
        field->setText(QStringLiteral("large"));
        Q_EMIT field->editingFinished();
        QCOMPARE(scaling->predictAt(), std::optional<double>(1e6));
        field->clear();
        Q_EMIT field->editingFinished();
        QVERIFY(!scaling->predictAt());
        QVERIFY(scaling->predictionText().isEmpty());

        // Peak memory: the slope is the bytes per element; sort has none measured.
        scaling->setMetric(ScalingMetric::PeakMemory);
        QCOMPARE(scaling->curves().size(), std::size_t(1));
        QCOMPARE(scaling->legendTexts(), QStringList { QStringLiteral("bench_x.py::bench_scan: O(n), ≈ 36 B · n") });
        scaling->setMetric(ScalingMetric::Time);

        // Exported as the other charts are.
        const auto png = m_dir.filePath(QStringLiteral("scaling.png"));
        QVERIFY(scaling->exportImage(png));
        QVERIFY(!QImage(png).isNull());

        // Nothing with a numeric parameter: the chart says what would give one.
        window.showResults(ResultsSnapshot(test::threeBenchmarks()));
        QVERIFY(scaling->curves().empty());
        QVERIFY(scaling->chart()->series().isEmpty());
        QVERIFY2(scaling->chart()->title().contains(QStringLiteral("no benchmark has a numeric parameter")),
            qPrintable(scaling->chart()->title()));
    }
};

QTEST_MAIN(TestWindowCharts)
#include "tst_window_charts.moc"
