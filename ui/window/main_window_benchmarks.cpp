#include "ui/window/main_window.h"

#include "ui/run/benchmark_list_model.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"
#include "ui/run/suite_discovery.h"

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
#include <QTreeView>

// The window's benchmark list: scripts and commands added from dialogs, recent scripts and dropped files, removed.
namespace pyrometer::ui {

void MainWindow::addScripts(const QStringList& paths)
{
    QSettings settings;
    auto recent = settings.value(QStringLiteral("recentScripts")).toStringList();
    int scripts = 0, discovered = 0;
    for (const auto& path : paths) {
        if (isSuitePath(path.toStdString())) {
            m_discovery->discover(path, m_settings->interpreter());
            ++discovered;
        } else {
            m_benchmarks->addScript(path, m_settings->interpreter());
            ++scripts;
        }
        const auto absolute = QFileInfo(path).absoluteFilePath();
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    settings.setValue(QStringLiteral("recentScripts"), recent.mid(0, 10));
    if (discovered)
        setStatus(tr("Looking for benchmark functions in %n file(s) or folder(s)…", nullptr, discovered));
    else if (scripts)
        setStatus(tr("%n script(s) added", nullptr, scripts));
    updateRunState();
}

void MainWindow::setupDiscovery()
{
    connect(
        m_discovery, &SuiteDiscovery::found, this, [this](const QString& path, const std::vector<SuiteFile>& files) {
            BenchmarkRequest base;
            base.interpreter = m_settings->interpreter().isEmpty() ? std::string("python3")
                                                                   : m_settings->interpreter().toStdString();
            const bool folder = QFileInfo(path).isDir();
            std::size_t functions = 0, benchmarks = 0;
            for (const auto& file : files) {
                if (file.functions.empty() && !folder) {
                    m_benchmarks->addScript(path, m_settings->interpreter()); // a plain script, timed as a whole
                    continue;
                }
                m_benchmarks->addSuite(base, file, m_settings->suiteOptions());
                functions += file.functions.size();
                for (const auto& function : file.functions)
                    benchmarks += functionRequests(base, file.path, function, m_settings->suiteOptions()).size();
            }
            if (functions)
                setStatus(tr("%1: %2 function(s), %3 benchmark(s)")
                              .arg(QFileInfo(path).fileName())
                              .arg(functions)
                              .arg(benchmarks));
            else
                setStatus(tr("%n script(s) added", nullptr, 1));
            updateRunState();
        });
    connect(m_discovery, &SuiteDiscovery::failed, this, [this](const QString& path, const QString& message) {
        showError(tr("Cannot add %1").arg(QFileInfo(path).fileName()), message);
        updateRunState();
    });
    connect(m_settings, &RunSettingsWidget::sizesChanged, m_benchmarks, &BenchmarkListModel::setSizes);
    connect(m_settings, &RunSettingsWidget::message, this, &MainWindow::setStatus);
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
    const auto paths = QFileDialog::getOpenFileNames(
        this, tr("Add Scripts"), {}, tr("Python scripts and benchmark files (*.py);;All files (*)"));
    addScripts(paths);
}

void MainWindow::addFolderFromDialog()
{
    const auto folder = QFileDialog::getExistingDirectory(this, tr("Add Folder of Benchmark Files"));
    if (!folder.isEmpty())
        addScripts({ folder });
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
    m_benchmarks->remove(m_benchmarkView->selectionModel()->selectedRows());
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
