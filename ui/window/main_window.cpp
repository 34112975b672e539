#include "ui/window/main_window.h"

#include "core/stats/findings.h"
#include "ui/run/machine_indicator.h"

#include "ui/charts/box_plot_panel.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/scaling_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/history/history_panel.h"
#include "ui/profile/hotspots_view.h"
#include "ui/profile/memory_panel.h"
#include "ui/profile/memory_totals.h"
#include "ui/results/runs_model.h"
#include "ui/results/summary_model.h"
#include "ui/run/benchmark_list_model.h"
#include "ui/run/interpreter_delegate.h"
#include "ui/run/python_finder.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_settings_widget.h"
#include "ui/run/suite_discovery.h"

#include "core/history/store.h"
#include "core/model/version.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

namespace pyrometer::ui {
namespace {
QDockWidget* dock(
    QMainWindow* window, const QString& title, const QString& objectName, QWidget* content, Qt::DockWidgetArea area)
{
    auto* widget = new QDockWidget(title, window);
    widget->setObjectName(objectName);
    widget->setWidget(content);
    window->addDockWidget(area, widget);
    return widget;
}
} // namespace

MainWindow::MainWindow(const QString& resultsDirectory, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new RunController(resultsDirectory, this))
    , m_benchmarks(new BenchmarkListModel(this))
    , m_summary(new SummaryModel(this))
    , m_runList(new RunsModel(this))
    , m_histogram(new HistogramPanel)
    , m_timeSeries(new TimeSeriesPanel)
    , m_boxPlot(new BoxPlotPanel)
    , m_memory(new MemoryPanel)
    , m_hotspots(new HotspotsView)
    , m_scaling(new ScalingPanel)
    , m_compare(new CompareView)
    , m_history(new HistoryPanel)
    , m_discovery(new SuiteDiscovery(this))
{
    setWindowTitle(tr("Pyrometer"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setupActions();
    setupMenus();
    setupCharts();
    setupCompare();
    setupHistory();
    setupBenchmarkDock();
    setupSettingsDock();
    setupSummaryDock();
    setupRunsDock();
    setupDetailsDock();
    setupFindingsDock();
    setupMemoryDock();
    setupStatusBar();
    setupController();
    setupDiscovery();
    // 1400×900 at first, or what the screen offers (a 1366×768 laptop): never larger than the screen.
    const auto available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
    resize(std::min(1400, available.width()), std::min(900, available.height()));
    restoreSettings();
    updateRunState();
    // Run is enabled by what the list holds, however it came to hold it.
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_benchmarks, signal, this, [this] { updateRunState(); });
    connect(m_benchmarks, &QAbstractItemModel::modelReset, this, [this] { updateRunState(); });
}

MainWindow::~MainWindow() = default;

void MainWindow::setupActions()
{
    const auto make = [this](const QString& text, const QKeySequence& shortcut, const QString& tip, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setToolTip(tip + QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addScripts = make(tr("&Add Scripts…"), QKeySequence(Qt::CTRL | Qt::Key_N), tr("Add Python scripts to benchmark"),
        &MainWindow::addScriptsFromDialog);
    m_addFolder = make(tr("Add &Folder…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N),
        tr("Add every benchmark file (bench_*.py, *_bench.py) of a folder and its subfolders"),
        &MainWindow::addFolderFromDialog);
    m_addCommand = make(tr("Add &Command…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        tr("Add any command to benchmark"), &MainWindow::addCommandFromDialog);
    m_remove = make(tr("&Remove"), QKeySequence::Delete, tr("Remove the selected benchmarks"),
        &MainWindow::removeSelectedBenchmarks);
    m_run = make(tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Run every benchmark"), &MainWindow::startRun);
    m_stop = make(tr("&Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period),
        tr("Stop the run at once, keeping what was measured"), &MainWindow::stopRun);
    m_pin = make(tr("&Pin as Baseline"), QKeySequence(Qt::CTRL | Qt::Key_B),
        tr("Compare the next run with the results shown now"), [this] { m_compare->pinCurrent(); });
    m_openResults = make(
        tr("&Open Results…"), QKeySequence::Open, tr("Open a results file (JSON)"), &MainWindow::openResultsFromDialog);
    m_export = make(tr("&Export Results…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Export results as JSON, CSV, Markdown or an HTML report"), [this] { exportResults(); });
    m_exportReport = make(tr("Export Re&port…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        tr("A self-contained HTML page: findings, summary, every chart, the environment"),
        [this] { exportResults(QStringLiteral("report.html")); });
    m_openWorkbench = make(tr("Open &Workbench…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Open a saved set of benchmarks and settings"), &MainWindow::openWorkbench);
    m_saveWorkbench = make(
        tr("&Save Workbench…"), QKeySequence::Save, tr("Save the benchmarks and settings"), &MainWindow::saveWorkbench);
}

void MainWindow::setupMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addScripts);
    file->addAction(m_addFolder);
    file->addAction(m_addCommand);
    file->addSeparator();
    file->addAction(m_openResults);
    m_recentScriptsMenu = file->addMenu(tr("Add Recent &Script"));
    connect(m_recentScriptsMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentScriptsMenu);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_export);
    file->addAction(m_exportReport);
    auto* chartMenu = file->addMenu(tr("Export &Chart"));
    const std::pair<ChartPanel*, QString> panels[]
        = { { m_histogram, tr("Histogram…") }, { m_timeSeries, tr("Time Series…") }, { m_boxPlot, tr("Box Plot…") },
              { m_memory, tr("Memory…") }, { m_scaling, tr("Scaling…") } };
    for (const auto& [panel, title] : panels)
        connect(chartMenu->addAction(title), &QAction::triggered, this, [this, panel] { exportChart(panel); });
    file->addSeparator();
    file->addAction(m_openWorkbench);
    file->addAction(m_saveWorkbench);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // The platform's Quit is empty under some themes (no key at all); Ctrl+Q then.
    auto quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!quitKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcuts(quitKeys);

    auto* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_run);
    run->addAction(m_stop);
    run->addAction(m_pin);
    run->addSeparator();
    run->addAction(m_remove);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pyrometer"), this, &MainWindow::about);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({ m_addScripts, m_addCommand, m_remove });
    toolbar->addSeparator();
    toolbar->addActions({ m_run, m_stop, m_pin });
    toolbar->addSeparator();
    toolbar->addActions({ m_openResults, m_export });
}

void MainWindow::setupBenchmarkDock()
{
    // A tree: scripts and commands are rows; a benchmark file has its functions under it, and their parameter
    // values under them, each with a check box.
    m_benchmarkView = new QTreeView;
    m_benchmarkView->setObjectName(QStringLiteral("benchmarkList"));
    m_benchmarkView->setModel(m_benchmarks);
    m_benchmarkView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_benchmarkView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_benchmarkView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_benchmarkView->header()->setStretchLastSection(true);
    // Names whole, however deep in a benchmark file's tree: the other columns scroll.
    m_benchmarkView->header()->setSectionResizeMode(BenchmarkListModel::Name, QHeaderView::ResizeToContents);
    m_benchmarkView->setToolTip(tr("Double-click a cell to edit it; drop scripts, benchmark files or folders here "
                                   "to add them; tick the functions and sizes to run"));
    // A benchmark file shows its functions when added, and again when the list is made anew.
    connect(m_benchmarks, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < m_benchmarks->rowCount(); ++row)
            m_benchmarkView->expand(m_benchmarks->index(row, 0));
    });
    connect(
        m_benchmarks, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent, int first, int last) {
            if (parent.isValid())
                return;
            for (int row = first; row <= last; ++row)
                m_benchmarkView->expand(m_benchmarks->index(row, 0));
        });
    m_benchmarkView->setItemDelegateForColumn(
        BenchmarkListModel::Interpreter, new InterpreterDelegate(findPythons(), m_benchmarkView));
    auto* d = dock(this, tr("Benchmarks"), QStringLiteral("benchmarksDock"), m_benchmarkView, Qt::LeftDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::setupSettingsDock()
{
    m_settings = new RunSettingsWidget;
    // Scrolls rather than holding the window taller than a laptop screen.
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_settings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Labels go above fields when the dock is narrow; narrower still (a small screen in German), it scrolls
    // sideways rather than cut fields at its edge.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto* d = dock(this, tr("Run Settings"), QStringLiteral("settingsDock"), scroll, Qt::LeftDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::setupCharts()
{
    // The charts fill the middle, in splitters the user can drag: histogram and box plot side by side, the
    // time series and memory over time below them. Hotspots have a tab of their own.
    m_chartRows = new QSplitter(Qt::Vertical);
    m_chartRows->setObjectName(QStringLiteral("chartRows"));
    m_chartColumns = new QSplitter(Qt::Horizontal);
    m_chartColumns->setObjectName(QStringLiteral("chartColumns"));
    m_chartColumns->addWidget(m_histogram);
    m_chartColumns->addWidget(m_boxPlot);
    m_chartColumns->setStretchFactor(0, 3);
    m_chartColumns->setStretchFactor(1, 2);
    m_chartRows->addWidget(m_chartColumns);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->setObjectName(QStringLiteral("chartLower"));
    lower->addWidget(m_timeSeries);
    lower->addWidget(m_memory);
    m_chartRows->addWidget(lower);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_chartRows, tr("Charts")); // "Runs" is the table of every run
    setCentralWidget(m_tabs);
    connect(m_timeSeries, &TimeSeriesPanel::runSelected, this, &MainWindow::selectRun);
    // Benchmarks with a numeric parameter (a function's params or sizes, a scan): how they scale.
    m_tabs->addTab(m_scaling, tr("Scaling"));
    m_tabs->addTab(m_hotspots, tr("Hotspots"));
    connect(m_hotspots, &HotspotsView::message, this, &MainWindow::setStatus);
    for (ChartPanel* panel :
        std::initializer_list<ChartPanel*> { m_histogram, m_timeSeries, m_boxPlot, m_memory, m_scaling })
        connect(panel, &ChartPanel::message, this, &MainWindow::setStatus);
}

void MainWindow::setupCompare()
{
    m_tabs->addTab(m_compare, tr("Compare"));
    connect(m_compare, &CompareView::message, this, &MainWindow::setStatus);
}

void MainWindow::setupHistory()
{
    m_tabs->addTab(m_history, tr("History"));
    connect(m_history, &HistoryPanel::message, this, &MainWindow::setStatus);
    connect(m_history, &HistoryPanel::openRunSet, this, &MainWindow::showRunSet);
    connect(m_history, &HistoryPanel::compareRunSets, this,
        [this](auto baseline, const QString& baselineLabel, auto candidate, const QString& candidateLabel) {
            m_compare->setBaseline(std::move(baseline), baselineLabel);
            m_compare->setCandidateFile(std::move(candidate), candidateLabel);
            m_tabs->setCurrentWidget(m_compare);
            setStatus(tr("Comparing %1 with %2 from the history").arg(candidateLabel, baselineLabel));
        });
    // Every run the window finishes goes into the store (while "Save to the history" is on), and the tab follows.
    connect(m_controller, &RunController::savedToHistory, this, [this](qint64 runSet, const QString& location) {
        setStatus(tr("Saved to the history as run set %1 in %2").arg(runSet).arg(location));
        m_history->reload();
    });
    connect(m_controller, &RunController::historyFailed, this,
        [this](const QString& error) { setStatus(tr("Not saved to the history: %1").arg(error)); });
    m_history->setStoreLocation(QString::fromStdString(defaultStoreLocation()));
}

void MainWindow::showRunSet(std::shared_ptr<const Results> results, const QString& label)
{
    m_currentLabel = label;
    showResults(std::move(results));
    m_tabs->setCurrentWidget(m_chartRows);
    setStatus(tr("Showing %1 from the history").arg(label));
}

void MainWindow::setupSummaryDock()
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_summary);
    proxy->setSortRole(SummaryModel::SortRole);
    m_summaryView = new QTableView;
    m_summaryView->setModel(proxy);
    m_summaryView->setSortingEnabled(true);
    // Benchmarks start in the order they were given; a click on a header sorts.
    m_summaryView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    proxy->sort(-1);
    m_summaryView->verticalHeader()->hide();
    m_summaryView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summaryView->horizontalHeader()->setResizeContentsPrecision(0); // the rows in sight
    m_summaryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* copy = new QAction(tr("Copy"), m_summaryView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_summaryView->addAction(copy);
    m_summaryView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, [this, proxy] {
        // The rows with a cell selected, in the order shown, as a spreadsheet pastes them.
        QList<int> rows;
        for (const auto& index : m_summaryView->selectionModel()->selectedIndexes()) {
            if (!rows.contains(index.row()))
                rows << index.row();
        }
        std::sort(rows.begin(), rows.end());
        for (auto& row : rows)
            row = proxy->mapToSource(proxy->index(row, 0)).row();
        QApplication::clipboard()->setText(m_summary->spreadsheetText(rows));
    });
    auto* d = dock(this, tr("Summary"), QStringLiteral("summaryDock"), m_summaryView, Qt::BottomDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::setupRunsDock()
{
    m_runsView = new QTableView;
    m_runsView->setModel(m_runList);
    m_runsView->verticalHeader()->hide();
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setResizeContentsPrecision(0); // the rows in sight
    m_runsView->setToolTip(tr("Every run, warmups and failures too; click one to see its details"));
    connect(m_runsView, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const auto [benchmark, run] = m_runList->runAt(index.row());
        selectRun(benchmark, run);
    });
    auto* d = dock(this, tr("Runs"), QStringLiteral("runsDock"), m_runsView, Qt::BottomDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("summaryDock")), d);
}

void MainWindow::setupDetailsDock()
{
    m_details = new QPlainTextEdit;
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Click a run in the time series or the Runs table to see its details"));
    m_details->setFont(QFont(QStringLiteral("monospace")));
    auto* d = dock(this, tr("Run Details"), QStringLiteral("detailsDock"), m_details, Qt::BottomDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("summaryDock")), d);
    findChild<QDockWidget*>(QStringLiteral("summaryDock"))->raise();
}

void MainWindow::setupFindingsDock()
{
    m_findings = new QTextBrowser;
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setOpenLinks(false);
    m_findings->setPlaceholderText(tr("What the runs show beyond their figures (warm-up, drift, noise, two clusters, "
                                      "start-up, garbage collection, memory growth, a hotspot) appears here"));
    auto* d = dock(this, tr("Findings"), QStringLiteral("findingsDock"), m_findings, Qt::BottomDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("summaryDock")), d);
    findChild<QDockWidget*>(QStringLiteral("summaryDock"))->raise();
}

void MainWindow::setupMemoryDock()
{
    m_memoryTotals = new MemoryTotals;
    auto* d = dock(this, tr("Memory"), QStringLiteral("memoryDock"), m_memoryTotals, Qt::BottomDockWidgetArea);
    m_viewMenu->addAction(d->toggleViewAction());
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("summaryDock")), d);
    findChild<QDockWidget*>(QStringLiteral("summaryDock"))->raise();
}

void MainWindow::showFindings(const Results& results)
{
    const auto found = findings(results);
    QString html;
    for (const auto& finding : found) {
        const QString subject = finding.benchmark == Finding::wholeRun
            ? QString()
            : QStringLiteral("<b>%1</b>: ")
                  .arg(QString::fromStdString(results.benchmarks[finding.benchmark].name).toHtmlEscaped());
        html += QStringLiteral("<p>") + subject + QString::fromStdString(finding.what).toHtmlEscaped()
            + QStringLiteral("<br><span style=\"color:gray\">")
            + QString::fromStdString(finding.evidence).toHtmlEscaped() + QStringLiteral("</span>");
        if (!finding.advice.empty())
            html += QStringLiteral("<br>→ ") + QString::fromStdString(finding.advice).toHtmlEscaped();
        html += QStringLiteral("</p>");
    }
    m_findings->setHtml(html);
    if (auto* d = findChild<QDockWidget*>(QStringLiteral("findingsDock")))
        d->setWindowTitle(found.empty() ? tr("Findings") : tr("Findings (%1)").arg(found.size()));
}

void MainWindow::setupStatusBar()
{
    m_status = new QLabel(tr("Add scripts, then press Run"));
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(320);
    m_progress->setVisible(false);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_machine = new MachineIndicator;
    statusBar()->addPermanentWidget(m_machine);
}

void MainWindow::setupController()
{
    connect(m_controller, &RunController::progressChanged, this, &MainWindow::onProgress);
    connect(m_controller, &RunController::snapshotAvailable, this, &MainWindow::onSnapshot);
    connect(m_controller, &RunController::finished, this, &MainWindow::onFinished);
    connect(m_controller, &RunController::problemFound, this, [this](int row, const QString& message) {
        if (row >= 0)
            m_benchmarks->setProblem(row, message);
    });
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        m_progress->setVisible(false); // no run: no progress bar standing at 0%
        setStatus(tr("Nothing was started: %1").arg(message));
        updateRunState();
    });
}

QIcon MainWindow::applicationIcon()
{
    // The installed theme's icon when there is one (a theme may restyle it), else the one built in.
    QIcon builtIn;
    for (const int size : { 16, 22, 24, 32, 48, 64, 128, 256, 512 })
        builtIn.addFile(QStringLiteral(":/icons/%1x%1/apps/org.pyrometer.Pyrometer.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("org.pyrometer.Pyrometer"), builtIn);
}

void MainWindow::about()
{
    QMessageBox box(QMessageBox::NoIcon, tr("About Pyrometer"),
        tr("<h3>Pyrometer %1</h3><p>A workbench for benchmarking Python scripts: every run in a fresh process, "
           "measured precisely, summarised with robust statistics.</p>")
                .arg(QString::fromLatin1(PYROMETER_VERSION))
            + tr("<p>Free software under the GNU General Public License, version 3 or later.</p>"),
        QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.exec();
}

bool MainWindow::event(QEvent* event)
{
    // A hovered action's tip would cover "run k of n — about m:ss left" in the status bar while a run goes on.
    if (event->type() == QEvent::StatusTip && m_controller->isRunning())
        return true;
    return QMainWindow::event(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored)
        return;
    m_layoutRestored = true;
    // The default layout, which docks only take once shown: settings narrow on the left, charts large, the
    // table across the bottom.
    QTimer::singleShot(0, this, [this] {
        resizeDocks(
            { findChild<QDockWidget*>(QStringLiteral("benchmarksDock")) }, { width() * 3 / 10 }, Qt::Horizontal);
        resizeDocks({ findChild<QDockWidget*>(QStringLiteral("summaryDock")) }, { height() / 4 }, Qt::Vertical);
        m_chartRows->setSizes({ m_chartRows->height() / 2, m_chartRows->height() / 2 });
        // Histogram and box plot three to two, whatever their controls ask for.
        m_chartColumns->setSizes({ m_chartColumns->width() * 3 / 5, m_chartColumns->width() * 2 / 5 });
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_controller->isRunning() && !m_closeWhenStopped) {
        const auto answer = QMessageBox::question(this, tr("Stop the run?"),
            tr("A benchmark is running. Stop it and close? The runs measured so far are saved."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_closeWhenStopped = true;
        m_controller->stop();
        event->ignore(); // closes from onFinished, once the run has ended cleanly
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_layoutRestored = restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    m_chartRows->restoreState(settings.value(QStringLiteral("chartRows")).toByteArray());
    m_chartColumns->restoreState(settings.value(QStringLiteral("chartColumns")).toByteArray());
    m_settings->restore(settings);
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    settings.setValue(QStringLiteral("chartRows"), m_chartRows->saveState());
    settings.setValue(QStringLiteral("chartColumns"), m_chartColumns->saveState());
    m_settings->save(settings);
}

} // namespace pyrometer::ui
