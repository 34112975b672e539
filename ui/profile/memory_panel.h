#pragma once

#include "ui/charts/chart_panel.h"

#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// Memory over time, for programs in any runtime side by side on shared axes. One run per benchmark in the
/// benchmark's colour — the instrumented run when there is one: RSS solid, the live heap dashed (counted by the
/// heap shim, or known at each collection from the runtime's trace), its collections as markers on the RSS curve
/// (CPython's by generation, other runtimes' pauses as diamonds) — or every run overlaid, or the share of RSS that
/// is not live heap (the allocator's free memory and fragmentation, the runtime's own). A run picked in the time
/// series replaces its benchmark's curve. "One per benchmark" draws each in a small chart of its own, all on the
/// same axes. MemoryTotals gives the figures in a table.
class MemoryPanel final : public ChartPanel
{
    Q_OBJECT
public:
    explicit MemoryPanel(QWidget* parent = nullptr);

    /// Shows `run` (an index into BenchmarkResult::runs) of the results shown now as its benchmark's curve. The
    /// choice holds for this result set only: other results (a new run, another file) show their own runs.
    void selectRun(std::size_t benchmark, std::size_t run);
    /// How many collections the markers stand for (drawn at most one per generation and pixel column), for
    /// tests.
    std::size_t gcMarkerCount() const { return m_gcMarkers; }
    /// The curves of live heap drawn, for tests.
    std::size_t heapCurveCount() const { return m_heapCurves; }

protected:
    void rebuild() override;
    void forgetSeries() override;
    bool hasData() const override;

private:
    /// The run whose curve stands for a benchmark, and whether it is the instrumented one.
    struct Shown
    {
        const RunRecord* run = nullptr;
        QString label;
        bool instrumented = false;
    };
    Shown shownRun(std::size_t benchmark) const;

    void drawOverheadShares();

    /// The view chosen: this panel's own, or, for a small multiple, the panel it is part of.
    int mode() const;
    /// The largest time (s) and memory (MiB) of every sampled run of the results shown, for the small multiples'
    /// shared axes: computed once per result set, not once per small chart.
    std::pair<double, double> extent() const;

    QComboBox* m_mode;
    /// For a small multiple: the panel whose results and view it is one benchmark of, and whose axes it shares.
    MemoryPanel* m_whole = nullptr;
    mutable std::shared_ptr<const Results> m_extentOf; ///< the results m_extent was computed of
    mutable std::pair<double, double> m_extent;
    struct Selection
    {
        ResultsSnapshot::SetId set = 0;
        std::size_t benchmark = 0;
        std::size_t run = 0;
    };
    std::optional<Selection> m_selected;
    std::size_t m_gcMarkers = 0;
    std::size_t m_heapCurves = 0;
};

} // namespace pyrometer::ui
