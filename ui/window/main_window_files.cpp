#include "ui/window/main_window.h"

#include "ui/charts/chart_panel.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"

#include "core/formats/csv_export.h"
#include "core/formats/file_output.h"
#include "core/formats/html_report.h"
#include "core/formats/markdown_export.h"
#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/formats/workbench_json.h"
#include "core/measure/prepare.h"
#include "core/model/error.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>

// The window's files: results in and out, charts out, workbench files, recent files.
namespace pyrometer::ui {
namespace {
constexpr int maxRecentFiles = 8;
}

bool MainWindow::openResults(const QString& path)
{
    try {
        showOpenedResults(shareResults(readResultsFile(QFile::encodeName(path).toStdString())), path);
        return true;
    } catch (const InputError& e) {
        showError(tr("Cannot open results"), QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::showOpenedResults(std::shared_ptr<const Results> results, const QString& path)
{
    m_currentLabel = QFileInfo(path).fileName();
    // Run again, as hyperfine users re-run a command from their history: the file's benchmarks and settings
    // fill the list, ready for Run.
    if (const auto again = planToRunAgain(*results); !again.benchmarks.empty() && !m_controller->isRunning()) {
        m_benchmarks->setRequests(again.benchmarks);
        m_settings->showPlan(again);
        updateRunState();
    }
    showResults(std::move(results));
    setWindowTitle(tr("%1 — Pyrometer").arg(QFileInfo(path).fileName()));
    const auto& notes = m_summary->snapshot()->notes;
    setStatus(notes.empty() ? tr("Opened %1").arg(path)
                            : tr("Opened %1 — %2").arg(path, QString::fromStdString(notes.front())));
    addRecentFile(path);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    setStatus(message);
    if (!isVisible())
        return;
    // Not modal: an error never stops the window, a run going on, or a caller waiting for this function.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void MainWindow::openResultsFromDialog()
{
    const auto path
        = QFileDialog::getOpenFileName(this, tr("Open Results"), {}, tr("Pyrometer results (*.json);;All files (*)"));
    if (!path.isEmpty())
        openResults(path);
}

bool MainWindow::exportResultsTo(const QString& path, QString* error) const
{
    const auto snapshot = m_summary->snapshot();
    if (!snapshot) {
        *error = tr("Nothing to export yet");
        return false;
    }
    try {
        const auto suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("csv")) {
            writeFileAtomically(path.toStdString(), runsCsv(*snapshot));
            writeFileAtomically(summaryCsvPathFor(path.toStdString()), summaryCsv(*snapshot));
        } else if (suffix == QLatin1String("md")) {
            writeFileAtomically(path.toStdString(), markdownSummary(*snapshot));
        } else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
            writeFileAtomically(path.toStdString(), resultsHtml(*snapshot, m_currentLabel.toStdString()));
        } else {
            writeFileAtomically(path.toStdString(), resultsJsonText(*snapshot));
        }
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

void MainWindow::exportResults(const QString& suggested)
{
    if (!m_summary->snapshot()) {
        setStatus(tr("Nothing to export yet"));
        return;
    }
    const QString report = tr("HTML report with charts (*.html)");
    QString filter = suggested.endsWith(QLatin1String(".html")) ? report : QString();
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Results"), suggested,
        tr("JSON (*.json);;CSV, one row per run (*.csv);;Markdown summary (*.md)") + QStringLiteral(";;") + report,
        &filter);
    if (path.isEmpty())
        return;
    // A name without a suffix gets the chosen filter's, so that the file is what the user chose.
    QString chosen = path;
    if (QFileInfo(path).suffix().isEmpty()) {
        const auto match = QRegularExpression(QStringLiteral("\\*(\\.\\w+)")).match(filter);
        chosen += match.hasMatch() ? match.captured(1) : QStringLiteral(".json");
    }
    QString error;
    if (exportResultsTo(chosen, &error))
        setStatus(tr("Exported %1").arg(chosen));
    else
        showError(tr("Cannot export"), error);
}

void MainWindow::exportChart(ChartPanel* panel)
{
    panel->exportFromDialog();
}

void MainWindow::saveWorkbench()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Save Workbench"), {}, tr("Pyrometer workbench (*.json)"));
    if (path.isEmpty())
        return;
    try {
        writeFileAtomically(path.toStdString(), workbenchJsonText(plan()));
        setStatus(tr("Saved %1").arg(path));
    } catch (const std::exception& e) {
        showError(tr("Cannot save"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::openWorkbench()
{
    const auto path = QFileDialog::getOpenFileName(this, tr("Open Workbench"), {}, tr("Pyrometer workbench (*.json)"));
    if (path.isEmpty())
        return;
    try {
        showWorkbench(readWorkbenchFile(path.toStdString()), path);
    } catch (const InputError& e) {
        showError(tr("Cannot open workbench"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::showWorkbench(const RunPlan& plan, const QString& path)
{
    m_benchmarks->setRequests(plan.benchmarks);
    m_settings->showPlan(plan);
    setStatus(tr("Opened %1").arg(path));
    updateRunState();
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    auto recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const auto recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const auto& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openResults(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace pyrometer::ui
