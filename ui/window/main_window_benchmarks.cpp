#include "ui/window/main_window.h"

#include "ui/run/benchmark_list_model.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QTableView>

// The window's benchmark list: scripts and commands added from dialogs, recent scripts and dropped files, removed.
namespace pyrometer::ui {

void MainWindow::addScripts(const QStringList& paths)
{
    QSettings settings;
    auto recent = settings.value(QStringLiteral("recentScripts")).toStringList();
    for (const auto& path : paths) {
        m_benchmarks->addScript(path, m_settings->interpreter());
        const auto absolute = QFileInfo(path).absoluteFilePath();
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    settings.setValue(QStringLiteral("recentScripts"), recent.mid(0, 10));
    if (!paths.isEmpty())
        setStatus(tr("%n script(s) added", nullptr, static_cast<int>(paths.size())));
    updateRunState();
}

void MainWindow::updateRecentScriptsMenu()
{
    m_recentScriptsMenu->clear();
    const auto recent = QSettings().value(QStringLiteral("recentScripts")).toStringList();
    for (const auto& path : recent)
        m_recentScriptsMenu->addAction(path, this, [this, path] { addScripts({ path }); });
    if (recent.isEmpty())
        m_recentScriptsMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::addScriptsFromDialog()
{
    const auto paths
        = QFileDialog::getOpenFileNames(this, tr("Add Scripts"), {}, tr("Python scripts (*.py);;All files (*)"));
    addScripts(paths);
}

void MainWindow::addCommandFromDialog()
{
    bool ok = false;
    const auto text = QInputDialog::getText(
        this, tr("Add Command"), tr("Command line (any program, with its arguments):"), QLineEdit::Normal, {}, &ok);
    const auto argv = QProcess::splitCommand(text);
    if (ok && !argv.isEmpty())
        m_benchmarks->addCommand(argv);
    updateRunState();
}

void MainWindow::removeSelectedBenchmarks()
{
    QList<int> rows;
    for (const auto& index : m_benchmarkView->selectionModel()->selectedRows())
        rows << index.row();
    m_benchmarks->removeRows(rows);
    updateRunState();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !m_controller->isRunning())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList scripts;
    for (const auto& url : event->mimeData()->urls()) {
        const auto path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".json")))
            openResults(path);
        else if (!path.isEmpty())
            scripts << path;
    }
    addScripts(scripts);
}

} // namespace pyrometer::ui
