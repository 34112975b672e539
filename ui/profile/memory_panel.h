#pragma once

#include "ui/charts/chart_panel.h"

#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// RSS over time. One run per benchmark in the benchmark's colour — the instrumented run when there is one, so
/// that its garbage collections sit on the curve as markers coloured by generation — or every run overlaid. Any
/// program can be sampled, so a Python script and a compiled program show side by side. A run picked in the
/// time series replaces its benchmark's curve. The title gives the total GC pause.
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

    QComboBox* m_mode;
    struct Selection
    {
        ResultsSnapshot::SetId set = 0;
        std::size_t benchmark = 0;
        std::size_t run = 0;
    };
    std::optional<Selection> m_selected;
    std::size_t m_gcMarkers = 0;
};

} // namespace pyrometer::ui
