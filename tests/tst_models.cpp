#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pyrometer;
using namespace pyrometer::ui;
using namespace std::chrono_literals;

namespace {
ResultsSnapshot twoBenchmarks()
{
    auto results = std::make_shared<Results>();
    for (auto [name, base] : { std::pair { "slow.py", 100 }, std::pair { "fast.py", 20 } }) {
        BenchmarkResult b;
        b.name = name;
        for (int i = 0; i < 10; ++i) {
            RunRecord r;
            r.wall = std::chrono::milliseconds(base) + std::chrono::microseconds(100 * i);
            r.exitCode = 0;
            r.maxRssBytes = 10 * 1024 * 1024;
            b.runs.push_back(r);
        }
        RunRecord failed;
        failed.exitCode = 1;
        b.runs.push_back(failed);
        results->benchmarks.push_back(b);
    }
    return ResultsSnapshot(std::shared_ptr<const Results>(std::move(results)));
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The memory chart shows a benchmark's first measured run that has a memory timeline: a warmup's timeline
    // does not count, and a benchmark without any has none.
    void firstSampledRunSkipsWarmups()
    {
        auto results = std::make_shared<Results>();
        results->benchmarks.resize(2);
        for (int i = 0; i < 5; ++i) {
            for (auto& b : results->benchmarks) {
                RunRecord r;
                r.wall = std::chrono::milliseconds(10);
                r.exitCode = 0;
                r.warmup = i == 0;
                b.runs.push_back(r);
            }
        }
        auto sampled = std::make_shared<Timeline>();
        sampled->samples.push_back({ 1 << 20, 0.01f, 100, 1 });
        results->benchmarks[0].runs[0].timeline = sampled; // the warmup
        results->benchmarks[0].runs[3].timeline = sampled;
        results->benchmarks[0].runs[4].timeline = sampled;
        const ResultsSnapshot snapshot(std::shared_ptr<const Results>(std::move(results)));
        QCOMPARE(snapshot.view().benchmarks[0].firstSampledRun, std::optional<std::size_t> { 3 });
        QVERIFY(!snapshot.view().benchmarks[1].firstSampledRun);
    }

    void summaryShowsTheFiguresOfTheCli()
    {
        SummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(twoBenchmarks());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(SummaryModel::ColumnCount));
        const auto cell
            = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, SummaryModel::Name).toString(), QStringLiteral("slow.py"));
        QCOMPARE(cell(0, SummaryModel::Median).toString(), QStringLiteral("100.5 ms"));
        QCOMPARE(cell(1, SummaryModel::Median).toString(), QStringLiteral("20.45 ms"));
        QCOMPARE(cell(1, SummaryModel::MedianCi).toString(), QStringLiteral("20.10 ms … 20.80 ms"));
        QCOMPARE(cell(0, SummaryModel::Runs).toString(), QStringLiteral("10 (+1 failed)"));
        QCOMPARE(cell(0, SummaryModel::PeakRss).toString(), QStringLiteral("10.0 MiB"));
        QCOMPARE(cell(1, SummaryModel::Relative).toString(), QStringLiteral("1.00"));
        QCOMPARE(cell(0, SummaryModel::Relative).toString(), QStringLiteral("4.91")); // 100.45 / 20.45
        // Sorting is numeric, in seconds.
        QCOMPARE(cell(0, SummaryModel::Median, SummaryModel::SortRole).toDouble(), 0.10045);
        QVERIFY(cell(1, SummaryModel::Median, SummaryModel::SortRole).toDouble()
            < cell(0, SummaryModel::Median, SummaryModel::SortRole).toDouble());
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void whatAFileDoesNotHoldIsNotAvailable()
    {
        // A hyperfine file before 1.20: wall times and the means of CPU time, no memory; a pytest-benchmark
        // file without its data: the summary alone.
        auto results = std::make_shared<Results>(*twoBenchmarks());
        auto& hyperfine = results->benchmarks[0];
        hyperfine.measured = Measured { false, false, false };
        hyperfine.stated = StatedSummary {};
        hyperfine.stated->userMean = 0.080;
        hyperfine.stated->systemMean = 0.010;
        auto& summaryOnly = results->benchmarks[1];
        summaryOnly.runs.clear();
        summaryOnly.measured = Measured { false, false, false };
        summaryOnly.stated = StatedSummary {};
        summaryOnly.stated->median = 0.002;
        summaryOnly.stated->runs = 40;
        SummaryModel summary;
        summary.setSnapshot(ResultsSnapshot(std::shared_ptr<const Results>(results)));
        const auto cell = [&](int row, int column) { return summary.index(row, column).data().toString(); };
        QCOMPARE(cell(0, SummaryModel::PeakRss), QStringLiteral("n/a"));
        QCOMPARE(cell(0, SummaryModel::User), QStringLiteral("80.00 ms (mean, stated)"));
        QCOMPARE(cell(0, SummaryModel::Sys), QStringLiteral("10.00 ms (mean, stated)"));
        QCOMPARE(cell(1, SummaryModel::Name), QStringLiteral("fast.py"));
        QCOMPARE(cell(1, SummaryModel::Median), QStringLiteral("2.000 ms (stated)"));
        QCOMPARE(cell(1, SummaryModel::Runs), QStringLiteral("40 (summary only)"));
        QCOMPARE(cell(1, SummaryModel::MedianCi), QStringLiteral("n/a"));

        RunsModel runs;
        runs.setSnapshot(ResultsSnapshot(std::shared_ptr<const Results>(results)));
        QCOMPARE(runs.index(0, RunsModel::PeakRss).data().toString(), QStringLiteral("n/a"));
        QCOMPARE(runs.index(0, RunsModel::User).data().toString(), QStringLiteral("n/a"));
        QCOMPARE(runs.index(0, RunsModel::Wall).data().toString(), QStringLiteral("100.0 ms"));
    }

    void runsListsEveryRunAndGrowsInPlace()
    {
        RunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto results = std::make_shared<Results>(*twoBenchmarks());
        auto partial = std::make_shared<Results>(*results);
        for (auto& b : partial->benchmarks)
            b.runs.resize(4);
        model.setSnapshot(ResultsSnapshot(std::shared_ptr<const Results>(partial)));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.runAt(4), (std::pair<std::size_t, std::size_t> { 1, 0 }));
        // The full results extend the partial ones: rows are inserted, in their benchmark's place.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSnapshot(ResultsSnapshot(std::shared_ptr<const Results>(results)));
        QCOMPARE(model.rowCount(), 22);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.runAt(11), (std::pair<std::size_t, std::size_t> { 1, 0 }));
        QCOMPARE(model.index(0, RunsModel::Wall).data().toString(), QStringLiteral("100.0 ms"));
        QCOMPARE(model.index(10, RunsModel::Outcome).data().toString(), QStringLiteral("exit code 1"));
        QCOMPARE(model.index(0, RunsModel::Outcome).data().toString(), QStringLiteral("ok"));
        // Other results replace the rows whole.
        model.setSnapshot(ResultsSnapshot(std::shared_ptr<const Results>(partial)));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(reset.count(), 1);
    }

    void benchmarkListEditsRequests()
    {
        BenchmarkListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addScript(QStringLiteral("/tmp/a b.py"), QStringLiteral("/usr/bin/python3"));
        model.addCommand({ QStringLiteral("sleep"), QStringLiteral("0.1") });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, BenchmarkListModel::Name).data().toString(), QStringLiteral("a b.py"));
        QCOMPARE(model.index(1, BenchmarkListModel::Target).data().toString(), QStringLiteral("sleep 0.1"));
        QVERIFY(!(model.flags(model.index(1, BenchmarkListModel::Interpreter)) & Qt::ItemIsEditable));

        QVERIFY(model.setData(model.index(0, BenchmarkListModel::Arguments), QStringLiteral("--size 3 \"two words\"")));
        QCOMPARE(model.requests()[0].arguments, (std::vector<std::string> { "--size", "3", "two words" }));
        QVERIFY(model.setData(model.index(0, BenchmarkListModel::Environment), QStringLiteral("A=1 B=x=y")));
        QCOMPARE(model.requests()[0].settings.environment.at("B"), std::string("x=y"));
        QVERIFY(!model.setData(model.index(0, BenchmarkListModel::Environment), QStringLiteral("NOEQUALS")));
        QVERIFY(model.setData(model.index(0, BenchmarkListModel::Name), QStringLiteral("mine")));
        QCOMPARE(model.requests()[0].name, std::string("mine"));

        model.setProblem(1, QStringLiteral("command not found: sleep"));
        QCOMPARE(
            model.index(1, BenchmarkListModel::Problem).data().toString(), QStringLiteral("command not found: sleep"));
        model.clearProblems();
        QVERIFY(model.index(1, BenchmarkListModel::Problem).data().toString().isEmpty());
        model.removeRows({ 0 });
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.requests()[0].script);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
