#pragma once

#include "ui/snapshot/results_snapshot.h"

#include "core/model/run_plan.h"

#include <QIcon>
#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;
QT_END_NAMESPACE

namespace pyrometer::ui {

class BenchmarkListModel;
class BoxPlotPanel;
class ChartPanel;
class CompareView;
class HistogramPanel;
class HistoryPanel;
class HotspotsView;
class MachineIndicator;
class MemoryPanel;
class MemoryTotals;
class RunController;
class RunsModel;
class RunSettingsWidget;
class ScalingPanel;
class SuiteDiscovery;
class SummaryModel;
class TimeSeriesPanel;

/// The workbench: benchmarks and run settings on the left, live charts and the summary table around them.
/// It wires panels to the controller; every computation lives in core/ or in the panels' value types.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `resultsDirectory`: where every run's journal and results are kept (see RunController).
    explicit MainWindow(const QString& resultsDirectory, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Pyrometer's icon: the icon theme's org.pyrometer.Pyrometer, else the one built in (resources/icons).
    static QIcon applicationIcon();

    /// Adds scripts, and benchmark files and folders: those are discovered off the GUI thread (discovery()), then
    /// show as trees of their functions.
    void addScripts(const QStringList& paths);
    SuiteDiscovery* discovery() const { return m_discovery; }
    /// Loads a results file into the table and charts; on failure shows the reason and changes nothing.
    bool openResults(const QString& path);
    /// Shows results read from `path` elsewhere, as openResults does.
    void showOpenedResults(std::shared_ptr<const Results> results, const QString& path);
    /// The benchmarks and settings of a workbench (read from `path`), ready to run.
    void showWorkbench(const RunPlan& plan, const QString& path);
    /// Shows an error in the status bar and, when the window is on screen, in a message box that blocks nothing.
    void showError(const QString& title, const QString& message);
    /// Shows results (from a file or a finished run).
    void showResults(const ResultsSnapshot& results);
    /// The plan the settings and the benchmark list describe now.
    RunPlan plan() const;

    BenchmarkListModel* benchmarks() const { return m_benchmarks; }
    SummaryModel* summary() const { return m_summary; }
    RunsModel* runs() const { return m_runList; }
    /// What the Run Details panel shows.
    QString runDetailsText() const;
    HistogramPanel* histogram() const { return m_histogram; }
    TimeSeriesPanel* timeSeries() const { return m_timeSeries; }
    BoxPlotPanel* boxPlot() const { return m_boxPlot; }
    MemoryPanel* memory() const { return m_memory; }
    MemoryTotals* memoryTotals() const { return m_memoryTotals; }
    HotspotsView* hotspots() const { return m_hotspots; }
    ScalingPanel* scaling() const { return m_scaling; }
    RunController* controller() const { return m_controller; }
    CompareView* compareView() const { return m_compare; }
    HistoryPanel* history() const { return m_history; }
    QTabWidget* tabs() const { return m_tabs; }
    QAction* runAction() const { return m_run; }
    QAction* stopAction() const { return m_stop; }
    /// The last message shown in the status bar.
    QString statusText() const;
    /// Writes the results shown to `path` as JSON, CSV (.csv), Markdown (.md) or an HTML report (.html, .htm),
    /// whole or not at all; false with the reason in `error` when it cannot.
    bool exportResultsTo(const QString& path, QString* error) const;

public Q_SLOTS:
    void startRun();
    void stopRun();

protected:
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setupActions();
    void setupMenus();
    void setupBenchmarkDock();
    void setupSettingsDock();
    void setupCharts();
    void setupCompare();
    void setupHistory();
    /// Shows a run set of the history store as the results of the window.
    void showRunSet(std::shared_ptr<const Results> results, const QString& label);
    void setupSummaryDock();
    void setupRunsDock();
    void setupDetailsDock();
    void setupFindingsDock();
    void setupMemoryDock();
    /// The findings of `results` in the Findings dock, whose title counts them.
    void showFindings(const Results& results);
    void setupStatusBar();
    void setupController();
    void setupDiscovery();
    void restoreSettings();
    void saveSettings() const;

    void onProgress(const Progress& progress);
    void onSnapshot(const ResultsSnapshot& snapshot);
    void onFinished(const ResultsSnapshot& results, const QString& savedTo);
    /// A run picked in the time series or the runs table: its details, and its curve in the memory chart.
    void selectRun(std::size_t benchmark, std::size_t run);
    void showRunDetails(std::size_t benchmark, std::size_t run);
    void addScriptsFromDialog();
    void addFolderFromDialog();
    void addCommandFromDialog();
    void removeSelectedBenchmarks();
    void openResultsFromDialog();
    /// Asks where, suggesting `suggested`, and writes the results shown in the format its suffix names.
    void exportResults(const QString& suggested = {});
    void exportChart(ChartPanel* panel);
    void saveWorkbench();
    void openWorkbench();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void updateRecentScriptsMenu();
    void updateRunState();
    void about();
    void setStatus(const QString& text);

    RunController* m_controller;
    BenchmarkListModel* m_benchmarks;
    SummaryModel* m_summary;
    RunsModel* m_runList;
    HistogramPanel* m_histogram;
    TimeSeriesPanel* m_timeSeries;
    BoxPlotPanel* m_boxPlot;
    MemoryPanel* m_memory;
    MemoryTotals* m_memoryTotals;
    HotspotsView* m_hotspots;
    ScalingPanel* m_scaling;
    CompareView* m_compare;
    HistoryPanel* m_history;
    SuiteDiscovery* m_discovery;
    QTabWidget* m_tabs = nullptr;
    QString m_currentLabel; ///< what the results shown are called in a comparison
    ResultsSnapshot::SetId m_shownSet = 0; ///< the result set the views show
    QSplitter* m_chartRows = nullptr;
    QSplitter* m_chartColumns = nullptr;
    QTreeView* m_benchmarkView = nullptr;
    QTableView* m_summaryView = nullptr;
    QTableView* m_runsView = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QTextBrowser* m_findings = nullptr;
    MachineIndicator* m_machine = nullptr;
    RunSettingsWidget* m_settings = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_recentScriptsMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_run = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_pin = nullptr;
    QAction* m_addScripts = nullptr;
    QAction* m_addCommand = nullptr;
    QAction* m_addFolder = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_openResults = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportReport = nullptr;
    QAction* m_openWorkbench = nullptr;
    QAction* m_saveWorkbench = nullptr;
    bool m_closeWhenStopped = false;
    bool m_layoutRestored = false;
};

} // namespace pyrometer::ui
