// Speed of the window, measured side by side in one run (offscreen):
//   refresh  — raw Qt Charts taking 100,000 new points and drawing one frame, against Pyrometer's whole window
//              refresh (summary, histogram, time series, box plot) with 100,000 runs on screen.
//   latency  — the GUI thread's event-loop latency while a 5,000-run benchmark of an empty script runs: a 5 ms
//              timer records how late it fires; prints p50, p99 and the maximum.
// Usage: QT_QPA_PLATFORM=offscreen gui_bench [refresh|latency] [--runs N]
#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/profile/hotspots_view.h"
#include "ui/profile/memory_panel.h"
#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/run_controller.h"
#include "ui/window/main_window.h"

#include "core/measure/spawn_helper.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTimer>
#include <QValueAxis>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace pyrometer;
using namespace pyrometer::ui;

namespace {
double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

std::shared_ptr<const Results> manyRuns(std::size_t count, std::uint32_t seed)
{
    Results results;
    results.complete = true;
    std::mt19937 random(seed);
    std::lognormal_distribution<double> wall(std::log(0.05), 0.05);
    for (const char* name : { "a.py", "b.py" }) {
        BenchmarkResult b;
        b.name = name;
        for (std::size_t i = 0; i < count / 2; ++i) {
            RunRecord r;
            r.wall = fromSeconds(wall(random) * (name[0] == 'a' ? 1.0 : 1.3));
            r.exitCode = 0;
            r.maxRssBytes = 10'000'000;
            b.runs.push_back(std::move(r));
        }
        results.benchmarks.push_back(std::move(b));
    }
    return shareResults(std::move(results)); // as the run controller shares them: freed off the GUI thread
}

int refresh()
{
    constexpr std::size_t points = 100'000;
    constexpr int repetitions = 11;
    std::vector<double> raw, ours, update, analysis;
    constexpr int views = 8;
    std::vector<double> parts[views];
    QChartView rawView(new QChart);
    rawView.resize(1000, 600);
    auto* series = new QLineSeries;
    rawView.chart()->addSeries(series);
    rawView.chart()->createDefaultAxes();
    rawView.show();

    QTemporaryDir dir;
    MainWindow window(dir.path());
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();

    for (int k = 0; k < repetitions; ++k) {
        // Side by side in one loop, so that machine drift hits both alike.
        QList<QPointF> data;
        data.reserve(points);
        std::mt19937 random(static_cast<unsigned>(k));
        std::normal_distribution<double> y(50, 2);
        for (std::size_t i = 0; i < points; ++i)
            data.append(QPointF(static_cast<double>(i), y(random)));
        QElapsedTimer timer;
        timer.start();
        series->replace(data);
        rawView.chart()->axes(Qt::Horizontal).front()->setRange(0.0, static_cast<double>(points));
        rawView.chart()->axes(Qt::Vertical).front()->setRange(40.0, 60.0);
        const QPixmap rawFrame = rawView.grab();
        raw.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);

        // Two sets: one for timing the views one by one, the next for the whole refresh, which (as in a live
        // run) replaces results every view holds.
        const auto results = manyRuns(points, static_cast<std::uint32_t>(k));
        const ResultsSnapshot next(manyRuns(points, static_cast<std::uint32_t>(k + 1000)));
        // What the controller's analyst thread does, off the GUI thread.
        timer.restart();
        const ResultsSnapshot snapshot(results);
        analysis.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        for (int view = 0; view < views; ++view) {
            QElapsedTimer part;
            part.start();
            switch (view) {
            case 0:
                window.summary()->setSnapshot(snapshot);
                break;
            case 1:
                window.histogram()->setSnapshot(snapshot);
                break;
            case 2:
                window.timeSeries()->setSnapshot(snapshot);
                break;
            case 3:
                window.boxPlot()->setSnapshot(snapshot);
                break;
            case 4:
                window.runs()->setSnapshot(snapshot);
                break;
            case 5:
                window.memory()->setSnapshot(snapshot);
                break;
            case 6:
                window.hotspots()->setSnapshot(snapshot);
                break;
            default:
                window.compareView()->setCurrent(snapshot.results(), QStringLiteral("bench"));
                break;
            }
            parts[view].push_back(static_cast<double>(part.nsecsElapsed()) / 1e6);
        }
        // The GUI thread's whole refresh: swap the snapshot into every view and draw one frame.
        timer.restart();
        window.showResults(next);
        update.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const QPixmap frame = window.grab();
        ours.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (rawFrame.isNull() || frame.isNull())
            return 1;
    }
    std::printf(
        "refresh with %zu points, median of %d repetitions, 1000x600 chart vs 1400x900 window\n", points, repetitions);
    std::printf("  raw Qt Charts, one series, one frame:          %8.1f ms\n", median(raw));
    std::printf(
        "  Pyrometer, GUI thread: whole window (4 views) updated and one frame drawn: %.1f ms   (%s 'under 16 ms')\n",
        median(ours), median(ours) < 16.0 ? "meets" : "MISSES");
    std::printf(
        "    of which updating the views: %.1f ms (summary %.1f, histogram %.1f, time series %.1f, box plot %.1f, "
        "runs table %.1f, memory %.1f, hotspots %.1f, compare %.1f)\n",
        median(update), median(parts[0]), median(parts[1]), median(parts[2]), median(parts[3]), median(parts[4]),
        median(parts[5]), median(parts[6]), median(parts[7]));
    std::printf(
        "  Pyrometer, analyst thread: statistics, bins, rolling medians, downsampling: %.1f ms\n", median(analysis));
    std::printf("  ratio Pyrometer / raw: %.3f\n", median(ours) / median(raw));
    return median(ours) < 16.0 ? 0 : 1;
}

int latency(int runs)
{
    QTemporaryDir dir, scriptDir;
    const auto script = scriptDir.filePath(QStringLiteral("empty.py"));
    QFile(script).open(QIODevice::WriteOnly);
    MainWindow window(dir.path());
    window.resize(1400, 900);
    window.show();
    RunPlan plan;
    BenchmarkRequest request;
    request.script = script.toStdString();
    request.interpreter = "/usr/bin/python3";
    request.settings.runs = runs;
    request.settings.warmups = 0;
    plan.benchmarks = { request };

    std::vector<double> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            lateness.push_back(std::max(0.0, static_cast<double>(now - last) / 1e6 - 5.0));
        last = now;
    });
    ResultsSnapshot results;
    QObject::connect(window.controller(), &RunController::finished,
        [&](const ResultsSnapshot& snapshot, const QString&) { results = snapshot; });
    // The window's own path: the controller's snapshots refresh every view while the run goes on.
    window.controller()->start(plan);
    probe.start();
    while (!results)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    probe.stop();
    std::printf("event-loop latency of the GUI thread during %d runs of an empty script (%zu runs done, %.1f s)\n",
        runs, results->benchmarks.front().runs.size(), static_cast<double>(clock.elapsed()) / 1000.0);
    std::printf(
        "  5 ms timer lateness over %zu ticks: p50 %.2f ms, p99 %.2f ms, max %.2f ms   (%s 'p99 under 50 ms')\n",
        lateness.size(), percentile(lateness, 0.5), percentile(lateness, 0.99),
        *std::max_element(lateness.begin(), lateness.end()), percentile(lateness, 0.99) < 50.0 ? "meets" : "MISSES");
    return percentile(lateness, 0.99) < 50.0 ? 0 : 1;
}
} // namespace

int main(int argc, char** argv)
{
    spawn_helper::start(PYROMETER_SPAWN_HELPER);
    QApplication app(argc, argv);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("refresh");
    int runs = 5000;
    for (int i = 2; i + 1 < argc; ++i) {
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--runs"))
            runs = std::atoi(argv[i + 1]);
    }
    if (mode == QLatin1String("latency"))
        return latency(runs);
    return refresh();
}
