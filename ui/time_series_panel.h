#pragma once

#include "chart_panel.h"

namespace pyrometer::ui {

/// Wall time of each run in order, per benchmark, with its rolling median, so that drift and warm-up show.
/// Series are downsampled to the plot's pixel width. Hovering a point shows its value; clicking it selects
/// the run.
class TimeSeriesPanel final : public ChartPanel
{
    Q_OBJECT
public:
    explicit TimeSeriesPanel(QWidget* parent = nullptr);

Q_SIGNALS:
    /// `run` indexes BenchmarkResult::runs.
    void runSelected(std::size_t benchmark, std::size_t run);

protected:
    void rebuild() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int m_builtForWidth = 0;
};

} // namespace pyrometer::ui
