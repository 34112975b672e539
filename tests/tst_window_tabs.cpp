#include "ui/charts/scaling_panel.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/history/history_panel.h"
#include "ui/results/summary_model.h"
#include "ui/window/main_window.h"

#include "core/history/store.h"

#include "tests/synthetic_results.h"

#include <QAreaSeries>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QListWidget>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace pyrometer;
using namespace pyrometer::ui;

// The window's tabs over more than one run: History (the store's trends and their changes of level) and Scaling
// (benchmark functions against their size). The Runs tab's charts are in tst_window_charts.
class TestWindowTabs : public QObject
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

QTEST_MAIN(TestWindowTabs)
#include "tst_window_tabs.moc"
