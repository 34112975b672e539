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
#include "ui/profile/memory_totals.h"
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
// zoom and hiding, readable histograms, and export. The History and Scaling tabs are in tst_window_tabs.
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

    // Runs of 100 ms but the fourth, 100.13 ms, beside runs of 50 ms: the fourth is drawn about 2 px above its
    // rolling median (100 ms). With the pointer on the median, the run in reach is what it shows: points come
    // before lines (the nearer of the two used to win; under asan, a run within a pixel of its median showed the
    // median).
    void aRunBeatsTheLineThroughItsNeighbourhood()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto flat = std::make_shared<Results>();
        flat->complete = true;
        auto benchmark = test::benchmarkOf("flat.py", 0.1, 12);
        for (auto& run : benchmark.runs)
            run.wall = fromSeconds(0.1);
        benchmark.runs[3].wall = fromSeconds(0.10013);
        flat->benchmarks.push_back(benchmark);
        auto half = test::benchmarkOf("half.py", 0.05, 12);
        for (auto& run : half.runs)
            run.wall = fromSeconds(0.05);
        flat->benchmarks.push_back(half);
        window.showResults(ResultsSnapshot(std::shared_ptr<const Results>(flat)));
        QApplication::processEvents();
        auto* panel = window.timeSeries();
        QXYSeries* median = nullptr;
        for (auto* series : panel->chart()->series()) {
            if (series->name() == QStringLiteral("flat.py (rolling median)"))
                median = qobject_cast<QXYSeries*>(series);
        }
        QVERIFY(median);
        auto* view = panel->findChild<QChartView*>();
        const auto onMedian = panel->chart()->mapToPosition(median->points().at(3), median);
        const auto shown = panel->hoverTextAt(view->mapTo(panel, view->mapFromScene(onMedian)));
        QVERIFY2(shown.contains(QStringLiteral("flat.py\nrun 4: 100.1 ms")), qPrintable(shown));
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
    // Programs in two runtimes (Go, and a native program counted by the heap shim): RSS and each one's live heap
    // dashed in its colour, Go's three collections as pause markers on its RSS, the share of RSS that is not live
    // heap, and the Memory table's rows.
    void memoryAcrossRuntimes()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showResults(ResultsSnapshot(test::twoRuntimes()));
        auto* memory = window.memory();
        QCOMPARE(memory->heapCurveCount(), std::size_t(2));
        QCOMPARE(memory->gcMarkerCount(), std::size_t(3));
        int dashed = 0;
        QScatterSeries* pauses = nullptr;
        for (auto* series : memory->chart()->series()) {
            if (auto* line = qobject_cast<QLineSeries*>(series); line && line->pen().style() == Qt::DashLine) {
                ++dashed;
                QCOMPARE(line->pen().color(),
                    ChartPanel::colorFor(line->name().startsWith(QStringLiteral("go")) ? "go <svc>" : "c++ & co"));
            }
            if (series->name() == QStringLiteral("GC pause"))
                pauses = qobject_cast<QScatterSeries*>(series);
        }
        QCOMPARE(dashed, 2);
        QVERIFY(pauses);
        QCOMPARE(pauses->count(), 3);
        QCOMPARE(pauses->at(1), QPointF(0.5, 20.0)); // on the RSS curve, 20 MiB
        QVERIFY(memory->chart()->title().startsWith(QStringLiteral("RSS and heap (dashed) — 3 GCs")));

        // RSS − live heap: the native program's 5 MiB of 20 leave 75% throughout.
        memory->findChild<QComboBox*>(QStringLiteral("memoryMode"))->setCurrentIndex(2);
        const auto series = memory->chart()->series();
        QCOMPARE(series.size(), 2);
        auto* native = qobject_cast<QLineSeries*>(series.at(1));
        QVERIFY(native->count() > 0);
        for (const auto& p : native->points())
            QCOMPARE(p.y(), 75.0);

        auto* totals = window.memoryTotals();
        QCOMPARE(totals->rowCount(), 2);
        QCOMPARE(totals->item(0, 0)->text(), QStringLiteral("go <svc>"));
        QCOMPARE(totals->item(0, 1)->text(), QStringLiteral("Go"));
        QCOMPARE(totals->item(0, 5)->text(), QStringLiteral("3"));
        QCOMPARE(totals->item(1, 4)->text(), QStringLiteral("75.0% (75.0%)"));
        QCOMPARE(totals->item(1, 8)->text(), QStringLiteral("1,000 (1.0 k)"));
        QCOMPARE(totals->item(1, 5)->text(), QStringLiteral("—"));

        // A chart per benchmark: a small one each, titled with its name, all on the same axes (1 s, 20 MiB: the
        // native program's heap of 5 MiB alone would have a smaller one).
        QSignalSpy shown(memory, &ChartPanel::multiplesShown);
        memory->findChild<QComboBox*>(QStringLiteral("memoryMode"))->setCurrentIndex(3);
        QVERIFY(memory->smallMultiples());
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(memory->multiples().size(), std::size_t(2));
        const auto range = [&](std::size_t b, Qt::Orientation o) {
            auto* axis = qobject_cast<QValueAxis*>(memory->multiples()[b]->chart()->axes(o).at(0));
            return std::pair { axis->min(), axis->max() };
        };
        QCOMPARE(range(0, Qt::Horizontal), range(1, Qt::Horizontal));
        QCOMPARE(range(0, Qt::Vertical), range(1, Qt::Vertical));
        QVERIFY(range(1, Qt::Vertical).second >= 20);
        QCOMPARE(memory->multiples()[1]->chart()->title(), QStringLiteral("c++ &amp; co"));
        QCOMPARE(static_cast<MemoryPanel*>(memory->multiples()[0])->gcMarkerCount(), std::size_t(3));
        QCOMPARE(static_cast<MemoryPanel*>(memory->multiples()[1])->heapCurveCount(), std::size_t(1));
    }

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
};

QTEST_MAIN(TestWindowCharts)
#include "tst_window_charts.moc"
