#pragma once

#include "core/compare/comparison.h"

#include <QWidget>
#include <memory>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace pyrometer::ui {

class AllocationDiffModel;
class ChangeChartPanel;
class CompareController;
class FlameGraphWidget;
class FunctionDiffModel;
class CompareModel;
class DistributionPanel;
class PairedBoxPanel;

/// The Compare tab: a baseline (a results file, or results pinned from the window) against a candidate (the
/// results the window shows, live while a run is going, or a file), with the verdict table and three charts.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    /// The results the window shows now; the candidate unless a candidate file was chosen.
    void setCurrent(std::shared_ptr<const Results> results, const QString& label);
    /// Makes the results the window shows the baseline.
    void pinCurrent();
    void setBaseline(std::shared_ptr<const Results> results, const QString& label);
    void setCandidateFile(std::shared_ptr<const Results> results, const QString& label);
    /// Compares benchmarks of the results shown now with each other (old.py and new.py of one interleaved run,
    /// with the paired analysis): both sides are the current results, and only pairs made by hand count.
    void compareWithinCurrent();
    bool withinCurrent() const { return m_within; }
    /// Pairs two benchmarks by hand (their names may differ, and within one set of results they must); a pair
    /// made before with either of them is undone.
    void pairByHand(const std::string& baselineName, const std::string& candidateName);
    /// Undoes every pair made by hand.
    void clearPairs();
    const std::vector<std::pair<std::string, std::string>>& pairsByHand() const { return m_pairs; }
    void setSettings(const ComparisonSettings& settings);

    bool hasBaseline() const { return m_baseline != nullptr; }
    CompareModel* model() const { return m_model; }
    CompareController* controller() const { return m_controller; }
    ChangeChartPanel* changeChart() const { return m_change; }
    PairedBoxPanel* boxPlot() const { return m_boxes; }
    DistributionPanel* distributions() const { return m_distributions; }
    /// Charts, Functions (the profile diff and its flame graph) and Allocations, for the selected pair.
    QTabWidget* detailTabs() const { return m_detailTabs; }
    FunctionDiffModel* functionDiff() const { return m_functionDiff; }
    AllocationDiffModel* allocationDiff() const { return m_allocationDiff; }
    FlameGraphWidget* diffFlameGraph() const { return m_diffFlame; }
    /// Shows pair `pair` (an index into the comparison's pairs) in the charts and the profile diff.
    void selectPair(std::size_t pair);
    QString baselineLabel() const;

Q_SIGNALS:
    /// One line for the status bar.
    void message(const QString& text);

private:
    void setupControls();
    void setupCharts();
    void recompute();
    void showComparison(std::shared_ptr<const Comparison> comparison);
    void setupDetails(QWidget* charts);
    /// The profile and allocation diff of the pair shown in the distributions chart.
    void showPairDetails();
    /// A results file the user picks, read; empty when cancelled or unreadable (the reason goes to message()).
    std::optional<std::pair<std::shared_ptr<const Results>, QString>> askForResults(const QString& title);
    void openBaseline();
    void openCandidate();
    void pairFromDialog();
    QPushButton* m_withinButton = nullptr;
    bool m_askedToPair = false; ///< the status line asks the user to pair benchmarks by hand
    void exportReport();
    std::shared_ptr<const Results> candidate() const;
    QString candidateLabel() const;

    CompareController* m_controller;
    CompareModel* m_model;
    ChangeChartPanel* m_change;
    PairedBoxPanel* m_boxes;
    DistributionPanel* m_distributions;
    FunctionDiffModel* m_functionDiff;
    AllocationDiffModel* m_allocationDiff;
    FlameGraphWidget* m_diffFlame;
    QTabWidget* m_detailTabs = nullptr;
    QLabel* m_functionsNote = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_sides = nullptr;
    QLabel* m_method = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QComboBox* m_alpha = nullptr;
    QPushButton* m_useCurrent = nullptr;
    QTimer* m_liveUpdate = nullptr; ///< coalesces the snapshots of a run into a few comparisons a second

    std::shared_ptr<const Results> m_baseline;
    QString m_baselineLabel;
    std::shared_ptr<const Results> m_current;
    QString m_currentLabel;
    std::shared_ptr<const Results> m_candidateFile; ///< when set, the candidate instead of the current results
    QString m_candidateFileLabel;
    std::vector<std::pair<std::string, std::string>> m_pairs;
    bool m_within = false; ///< both sides are the current results
    ComparisonSettings m_settings;
};

} // namespace pyrometer::ui
