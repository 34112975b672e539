#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/compare/comparison_charts.h"
#include "ui/compare/profile_diff_models.h"
#include "ui/profile/flame_graph_widget.h"
#include "ui/results/summary_model.h"
#include "ui/run/run_controller.h"
#include "ui/window/main_window.h"

#include "tests/synthetic_results.h"

#include "core/compare/comparison_report.h"
#include "core/formats/results_file.h"
#include "core/model/units.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cmath>

using namespace pyrometer;
using namespace pyrometer::ui;

// The Compare tab on the real window: many pairs, a small screen, a comparison without a candidate, two
// benchmarks of one run, and which functions got slower.
class TestCompareWindow : public QObject
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

    // 60 benchmarks compared: the change chart keeps a dot per benchmark (one series per verdict, no names, no
    // whiskers) and tells each on hover; the box chart shows the 12 largest changes, named as such, and tells
    // each box on hover.
    void manyPairsStayReadable()
    {
        using test::benchmarkOf;
        auto baseline = std::make_shared<Results>(), candidate = std::make_shared<Results>();
        for (int b = 0; b < 60; ++b) {
            const auto name = "bm_" + std::to_string(b) + ".py";
            baseline->benchmarks.push_back(benchmarkOf(name, 0.01, 8));
            candidate->benchmarks.push_back(benchmarkOf(name, 0.01 * (b == 7 ? 1.5 : 1.0 + 0.001 * (b % 10)), 8));
        }
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        auto* compare = window.compareView();
        ComparisonSettings fewer; // fewer bootstrap resamples: this is about drawing, and it runs under ASan too
        fewer.resamples = 500;
        compare->setSettings(fewer);
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        compare->setBaseline(baseline, QStringLiteral("a.json"));
        compare->setCandidateFile(candidate, QStringLiteral("b.json"));
        QTRY_VERIFY_WITH_TIMEOUT(compare->model()->rowCount() == 60 && !ready.isEmpty(), 120000);
        window.tabs()->setCurrentWidget(compare);
        QApplication::processEvents();
        auto* change = compare->changeChart();
        qsizetype dots = 0, lines = 0;
        for (auto* series : change->chart()->series()) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(series))
                dots += scatter->count();
            else if (qobject_cast<QLineSeries*>(series))
                ++lines;
        }
        QCOMPARE(dots, 60);
        QCOMPARE(lines, 1); // the zero line; no whiskers
        QVERIFY(change->chart()->series().size() <= 2 + 8); // band, zero line, a series per verdict at most
        auto* names = qobject_cast<QCategoryAxis*>(change->chart()->axes(Qt::Vertical).at(0));
        QVERIFY(names && names->categoriesLabels().isEmpty());
        // The note above the chart says how to tell them apart (a title on the axis was drawn across the chart's
        // top edge).
        QVERIFY(names->titleText().isEmpty());
        const auto* note = change->findChild<QLabel*>(QStringLiteral("manySeries"));
        QVERIFY(note && note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("60 benchmarks: hover for names"));
        // Hovering bm_7's dot (row 7 from the top): its name, change and verdict.
        const auto& pair = compare->model()->comparison()->pairs[7];
        QCOMPARE(pair.name, std::string("bm_7.py"));
        auto* dotsOf7 = change->chart()->series().at(2);
        const auto at = change->chart()->mapToPosition(QPointF((pair.ratio.ratio - 1) * 100, 60 - 1 - 7), dotsOf7);
        auto* view = change->findChild<QChartView*>();
        const auto text = change->hoverTextAt(view->mapTo(change, view->mapFromScene(at)));
        QVERIFY2(text.startsWith(QStringLiteral("bm_7.py\n+50.0%")) && text.endsWith(QStringLiteral("slower")),
            qPrintable(text));
        auto* boxes = compare->boxPlot();
        QCOMPARE(boxes->chart()->title(), QStringLiteral("Wall time: the 12 largest changes of 60"));
        const auto* box = qobject_cast<QBoxPlotSeries*>(boxes->chart()->series().at(0));
        QCOMPARE(box->count(), 12);
        // A new comparison of the same pairs (as during a run) keeps every series and moves the points.
        const auto before = change->chart()->series();
        auto faster = std::make_shared<Results>(*candidate);
        faster->benchmarks[7] = benchmarkOf("bm_7.py", 0.012, 8);
        ready.clear();
        compare->setCandidateFile(faster, QStringLiteral("c.json"));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 120000);
        QApplication::processEvents();
        QCOMPARE(change->chart()->series(), before);
        QCOMPARE(qobject_cast<QBoxPlotSeries*>(boxes->chart()->series().at(0)), box);
        QVERIFY(change
                    ->hoverTextAt(view->mapTo(change,
                        view->mapFromScene(change->chart()->mapToPosition(
                            QPointF((compare->model()->comparison()->pairs[7].ratio.ratio - 1) * 100, 60 - 1 - 7),
                            dotsOf7))))
                    .startsWith(QStringLiteral("bm_7.py\n+20.0%")));
        // The boxes are new: bm_7's candidate box (named without the common "bm_") has the new median, 20% above
        // the baseline's.
        auto* candidateBoxes = qobject_cast<QBoxPlotSeries*>(boxes->chart()->series().at(1));
        QCOMPARE(candidateBoxes->count(), 12);
        const auto sets = candidateBoxes->boxSets();
        const auto bm7 = std::find_if(
            sets.begin(), sets.end(), [](QBoxSet* set) { return set->label() == QStringLiteral("7.py"); });
        QVERIFY(bm7 != sets.end());
        QVERIFY2(std::abs((*bm7)->at(QBoxSet::Median) - 20) < 1e-6, qPrintable(QString::number((*bm7)->at(2))));
        // Twelve names do not fit under a third of the window: the axis says to hover, and hovering tells.
        auto* categories = qobject_cast<QBarCategoryAxis*>(boxes->chart()->axes(Qt::Horizontal).at(0));
        QVERIFY(!categories->labelsVisible());
        const auto* boxNote = boxes->findChild<QLabel*>(QStringLiteral("manySeries"));
        QVERIFY(boxNote && boxNote->isVisible());
        QCOMPARE(boxNote->text(), QStringLiteral("12 benchmarks: hover for names"));
        const auto boxAt = boxes->chart()->mapToPosition(QPointF(double(bm7 - sets.begin()), 20), candidateBoxes);
        auto* boxView = boxes->findChild<QChartView*>();
        const auto boxText = boxes->hoverTextAt(boxView->mapTo(boxes, boxView->mapFromScene(boxAt)));
        QVERIFY2(boxText.startsWith(QStringLiteral("bm_7.py\nbaseline: median +0.0%")), qPrintable(boxText));
        QVERIFY2(boxText.contains(QStringLiteral("candidate: median +20.0%")), qPrintable(boxText));
        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::qWait(300);
            window.grab().save(dir + QStringLiteral("/compare_60_pairs.png"));
        }
    }

    // On a 1024×700 screen the window fits, and the Compare table shows each benchmark's verdict without scrolling.
    void compareFitsASmallScreen()
    {
        MainWindow window(m_dir.path());
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.minimumSizeHint().width() <= 1024 && window.minimumSizeHint().height() <= 700,
            qPrintable(
                QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
        QCOMPARE(window.size(), QSize(1024, 700));
        auto* compare = window.compareView();
        window.tabs()->setCurrentWidget(compare);
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        compare->setBaseline(test::threeBenchmarks(), QStringLiteral("a.json"));
        compare->setCandidateFile(test::threeBenchmarks(), QStringLiteral("b.json"));
        QTRY_VERIFY_WITH_TIMEOUT(compare->model()->rowCount() == 3, 20000);
        QTest::qWait(200);
        auto* table = compare->findChild<QTableView*>(QStringLiteral("comparisonTable"));
        const int right
            = table->columnViewportPosition(CompareModel::Verdict) + table->columnWidth(CompareModel::Verdict);
        QVERIFY2(table->columnViewportPosition(CompareModel::Verdict) >= 0 && right <= table->viewport()->width(),
            qPrintable(QStringLiteral("verdict ends at %1 of %2").arg(right).arg(table->viewport()->width())));
    }

    // "Use Current Results" with no current results clears the comparison shown before.
    void aComparisonWithoutACandidateIsCleared()
    {
        MainWindow window(m_dir.path());
        auto* compare = window.compareView();
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        compare->setBaseline(test::threeBenchmarks(), QStringLiteral("a.json"));
        compare->setCandidateFile(test::threeBenchmarks(), QStringLiteral("b.json"));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);
        QCOMPARE(compare->model()->rowCount(), 3);
        QVERIFY(!compare->changeChart()->chart()->series().isEmpty());

        for (auto* button : compare->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Use Current Results"))
                button->click();
        }
        QVERIFY(compare->findChild<QLabel*>()->text().contains(QStringLiteral("Candidate: none yet")));
        QCOMPARE(compare->model()->rowCount(), 0);
        QVERIFY(compare->changeChart()->chart()->series().isEmpty());
        QVERIFY(compare->boxPlot()->chart()->series().isEmpty());
        QVERIFY(compare->distributions()->chart()->series().isEmpty());
        // A comparison still computing when the candidate went away is not shown either.
        QTest::qWait(300);
        QCOMPARE(compare->model()->rowCount(), 0);
    }

    // Two benchmarks of one interleaved run, compared within it as the README advises: paired runs.
    void compareTwoBenchmarksOfOneRun()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.showOpenedResults(test::threeBenchmarks(), QStringLiteral("three.json"));
        auto* compare = window.compareView();
        QSignalSpy ready(compare->controller(), &CompareController::comparisonReady);
        // The dialog lists every benchmark of each side; within one run the second is proposed as the candidate.
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* baseline = dialog->findChild<QComboBox*>(QStringLiteral("baselineBenchmark"));
            auto* candidate = dialog->findChild<QComboBox*>(QStringLiteral("candidateBenchmark"));
            QCOMPARE(baseline->count(), 3);
            QCOMPARE(candidate->count(), 3);
            auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            candidate->setCurrentIndex(0);
            QVERIFY(!ok->isEnabled()); // a benchmark against itself
            candidate->setCurrentIndex(2);
            QVERIFY(ok->isEnabled());
            ok->click();
        });
        for (auto* button : compare->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Within One Run…"))
                button->click();
        }
        QVERIFY(compare->withinCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && compare->model()->rowCount() == 1, 20000);
        auto comparison = compare->model()->comparison();
        QCOMPARE(comparison->pairs[0].name, std::string("examples/fib.py → examples/sort_numbers.py"));
        QVERIFY(comparison->pairs[0].pairedRuns);
        // The hint to pair by hand, shown while nothing was paired, is gone.
        QVERIFY2(!window.statusText().contains(QStringLiteral("Pair by Hand")), qPrintable(window.statusText()));
        QCOMPARE(compare->model()->index(0, CompareModel::Test).data().toString(),
            QString::fromStdString(testName(comparison->pairs[0])));
        // The change of paired runs is not the medians' ratio, and the table says which it shows.
        QVERIFY(compare->model()
                    ->index(0, CompareModel::Change)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("median of the ratios of run i of each (paired)")));
        QVERIFY(compare->model()
                    ->headerData(CompareModel::Change, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("side by side")));

        // Re-pairing replaces the pair made with either benchmark.
        compare->pairByHand("examples/fib.py", "examples/json_roundtrip.py");
        QTRY_VERIFY_WITH_TIMEOUT(
            compare->model()->comparison()->pairs[0].name.find("json_roundtrip") != std::string::npos, 20000);
        QCOMPARE(compare->model()->rowCount(), 1);
        // A file as the baseline ends the comparison within one run, and its pairs.
        compare->setBaseline(test::threeBenchmarks(), QStringLiteral("other.json"));
        QVERIFY(!compare->withinCurrent());
        QVERIFY(compare->pairsByHand().empty());
        QTRY_VERIFY_WITH_TIMEOUT(compare->model()->rowCount() == 3, 20000);
    }

    // old.py and new.py in one interleaved run, profiled: which functions got slower, in the table, the flame
    // graph's colours and the HTML report; which allocation sites grew.
    void whatGotSlowerByFunction()
    {
        MainWindow window(m_dir.path());
        window.resize(1400, 900);
        window.show();
        window.findChild<QSpinBox*>(QStringLiteral("runs"))->setValue(3);
        window.findChild<QSpinBox*>(QStringLiteral("warmups"))->setValue(0);
        window.findChild<QCheckBox*>(QStringLiteral("probeProfile"))->setChecked(true);
        window.findChild<QCheckBox*>(QStringLiteral("probeTracemalloc"))->setChecked(true);
        window.addScripts({ QStringLiteral(PYROMETER_FIXTURES "/old_version.py"),
            QStringLiteral(PYROMETER_FIXTURES "/new_version.py") });
        QSignalSpy finished(window.controller(), &RunController::finished);
        window.startRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

        auto* compare = window.compareView();
        QVERIFY(!compare->detailTabs()->isTabEnabled(1)); // nothing compared yet
        compare->compareWithinCurrent();
        compare->pairByHand(
            window.summary()->snapshot()->benchmarks[0].name, window.summary()->snapshot()->benchmarks[1].name);
        QTRY_VERIFY_WITH_TIMEOUT(compare->model()->rowCount() == 1, 20000);
        QTRY_VERIFY(compare->detailTabs()->isTabEnabled(1));
        QVERIFY(compare->detailTabs()->isTabEnabled(2));

        // The generator of parse() does three times the work: the largest increase of own time, in new_version.py.
        auto* functions = compare->functionDiff();
        QVERIFY(functions->rowCount() > 5);
        QCOMPARE(functions->index(0, FunctionDiffModel::Function).data().toString(), QStringLiteral("<genexpr>"));
        QVERIFY(functions->index(0, FunctionDiffModel::Location)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("new_version.py:6")));
        const auto& top = functions->diff().functions.front();
        QVERIFY(top.baseline && top.candidate && top.ownChange() > 0);
        QVERIFY(functions->index(0, FunctionDiffModel::Change).data().toString().startsWith(QLatin1Char('+')));
        // sum() is no longer called.
        bool sumGone = false;
        for (const auto& f : functions->diff().functions)
            sumGone = sumGone || (f.name == "<built-in method builtins.sum>" && f.baseline && !f.candidate);
        QVERIFY(sumGone);
        // The flame graph is the candidate's, the slower function red.
        auto* flame = compare->diffFlameGraph();
        QVERIFY(!flame->graph().boxes.empty());
        const auto red = flame->colorOf(*top.candidate);
        QVERIFY2(red.red() > red.blue() + 60, qPrintable(red.name()));
        // The list of 100 blocks grew tenfold: the allocation site with the largest increase.
        auto* sites = compare->allocationDiff();
        QVERIFY(sites->rowCount() >= 1);
        QVERIFY(sites->diff().front().file.ends_with("new_version.py"));
        QVERIFY(sites->diff().front().change() > 500'000);

        // The HTML report says the same.
        const auto* shown = window.summary()->snapshot().results().get();
        const ComparisonSides sides { "old", "new", shown, shown };
        const auto html = QString::fromStdString(comparisonHtml(*compare->model()->comparison(), sides));
        QVERIFY(html.contains(QStringLiteral("What got slower, by function")));
        QVERIFY(html.contains(QStringLiteral("&lt;genexpr&gt;")));
        QVERIFY(html.contains(QStringLiteral("new_version.py:6")));
        window.tabs()->setCurrentWidget(compare);
        compare->detailTabs()->setCurrentIndex(1);
        QApplication::processEvents();
        const auto flamePicture = m_dir.filePath(QStringLiteral("flame.png"));
        QVERIFY(flame->exportImage(flamePicture, 2.0));
        QCOMPARE(QImage(flamePicture).size(), flame->size() * 2);
        if (const auto dir = qEnvironmentVariable("PYROMETER_SCREENSHOTS"); !dir.isEmpty()) {
            window.tabs()->setCurrentWidget(compare);
            compare->detailTabs()->setCurrentIndex(1);
            QTest::qWait(300);
            window.grab().save(dir + QStringLiteral("/profile_diff.png"));
        }
    }

    // The Compare tab can be rendered headless, with a baseline given on the command line.
    void screenshotOfAComparison()
    {
        const auto out = m_dir.filePath(QStringLiteral("compare.png"));
        QProcess pyrometer;
        pyrometer.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("open"), QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json"),
                QStringLiteral("--baseline"), QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json"),
                QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1024x700") });
        QVERIFY(pyrometer.waitForFinished(60000));
        QCOMPARE(pyrometer.exitCode(), 0);
        const QImage picture(out);
        QCOMPARE(picture.size(), QSize(1024, 700));
        // A baseline that cannot be read: one line, exit 2, no picture.
        QFile::remove(out);
        pyrometer.start(QStringLiteral(PYROMETER_BINARY),
            { QStringLiteral("open"), QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json"),
                QStringLiteral("--baseline"), m_dir.filePath(QStringLiteral("missing.json")),
                QStringLiteral("--screenshot"), out });
        QVERIFY(pyrometer.waitForFinished(60000));
        QCOMPARE(pyrometer.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(pyrometer.readAllStandardError()).count(QLatin1Char('\n')), 1);
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_compare_window.moc"
