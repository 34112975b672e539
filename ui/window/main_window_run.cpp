#include "ui/window/main_window.h"

#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/scaling_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/profile/hotspots_view.h"
#include "ui/profile/memory_panel.h"
#include "ui/profile/memory_totals.h"
#include "ui/results/run_details.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"

#include "core/history/store.h"
#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"

#include "core/history/store.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTime>

// The window running benchmarks: starting and stopping, progress, and the results it shows as they come.
namespace pyrometer::ui {
namespace {
QString clock(std::chrono::nanoseconds duration)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration).count();
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

RunPlan MainWindow::plan() const
{
    RunPlan plan;
    plan.benchmarks = m_benchmarks->requests();
    m_settings->applyTo(plan);
    return plan;
}

void MainWindow::startRun()
{
    if (m_controller->isRunning())
        return;
    if (m_benchmarks->rowCount() == 0) {
        setStatus(tr("Add a script or a command first"));
        return;
    }
    if (const auto problem = m_settings->problem(); !problem.isEmpty()) {
        setStatus(tr("Nothing was started: %1").arg(problem));
        return;
    }
    m_benchmarks->clearProblems();
    m_details->clear();
    m_currentLabel = tr("run of %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    m_controller->setHistoryStore(
        m_settings->saveToHistory() ? QString::fromStdString(defaultStoreLocation()) : QString());
    m_controller->start(plan());
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setStatus(tr("Checking the benchmarks…"));
    updateRunState();
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    setStatus(tr("Stopping…"));
}

void MainWindow::onProgress(const Progress& p)
{
    m_progress->setMaximum(static_cast<int>(p.total));
    m_progress->setValue(static_cast<int>(p.completed));
    const auto snapshot = m_summary->snapshot();
    const auto name = snapshot && p.benchmark < snapshot->benchmarks.size()
        ? QString::fromStdString(snapshot->benchmarks[p.benchmark].name)
        : tr("benchmark %1").arg(p.benchmark + 1);
    QString text
        = tr("%1: %2 %3 of %4").arg(name, p.warmup ? tr("warmup run") : tr("run")).arg(p.run).arg(p.runsOfBenchmark);
    if (p.remaining)
        text += tr(" — about %1 left").arg(clock(*p.remaining));
    setStatus(text);
}

void MainWindow::onSnapshot(const ResultsSnapshot& snapshot)
{
    showResults(snapshot);
}

void MainWindow::showResults(const ResultsSnapshot& results)
{
    // Details of a run of other results would pass for this set's.
    if (results.set() != m_shownSet)
        m_details->clear();
    m_shownSet = results.set();
    m_summary->setSnapshot(results);
    m_runList->setSnapshot(results);
    m_histogram->setSnapshot(results);
    m_timeSeries->setSnapshot(results);
    m_boxPlot->setSnapshot(results);
    m_memory->setSnapshot(results);
    m_memoryTotals->setSnapshot(results);
    m_scaling->setSnapshot(results);
    m_hotspots->setSnapshot(results);
    m_compare->setCurrent(results.results(), m_currentLabel);
    if (results.results())
        showFindings(*results.results());
}

void MainWindow::onFinished(const ResultsSnapshot& results, const QString& savedTo)
{
    m_progress->setVisible(false);
    std::size_t failed = 0;
    for (const auto& benchmark : results->benchmarks)
        failed += benchmark.failure ? 1 : 0;
    QString text = results->complete ? tr("Finished") : tr("Stopped; the runs measured so far are kept");
    if (failed)
        text += tr(" — %n benchmark(s) failed; see the Run Details", nullptr, static_cast<int>(failed));
    if (!savedTo.isEmpty())
        text += tr(" — saved to %1").arg(savedTo);
    setStatus(text);
    for (std::size_t b = 0; b < results->benchmarks.size(); ++b) {
        const auto& benchmark = results->benchmarks[b];
        if (!benchmark.failure)
            continue;
        // A hook can fail before the first run: the problem shows all the same.
        m_benchmarks->setProblem(static_cast<int>(b), QString::fromStdString(*benchmark.failure));
        if (!benchmark.runs.empty())
            showRunDetails(b, benchmark.runs.size() - 1);
    }
    if (!savedTo.isEmpty())
        addRecentFile(savedTo);
    updateRunState();
    if (m_closeWhenStopped)
        close();
}

void MainWindow::selectRun(std::size_t benchmark, std::size_t run)
{
    showRunDetails(benchmark, run);
    m_memory->selectRun(benchmark, run);
}

void MainWindow::showRunDetails(std::size_t benchmark, std::size_t run)
{
    const auto snapshot = m_summary->snapshot();
    if (!snapshot || benchmark >= snapshot->benchmarks.size() || run >= snapshot->benchmarks[benchmark].runs.size())
        return;
    m_details->setPlainText(runDetails(snapshot->benchmarks[benchmark], run));
}

void MainWindow::updateRunState()
{
    const bool running = m_controller->isRunning();
    m_run->setEnabled(!running && m_benchmarks->rowCount() > 0);
    m_stop->setEnabled(running);
    for (auto* action : { m_addScripts, m_addFolder, m_addCommand, m_remove, m_openResults, m_openWorkbench })
        action->setEnabled(!running);
}

void MainWindow::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

QString MainWindow::runDetailsText() const
{
    return m_details->toPlainText();
}

} // namespace pyrometer::ui
