#pragma once

#include "ui/charts/chart_panel.h"

#include "core/model/units.h"

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

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
    void forgetSeries() override;
    QString describePoint(const QXYSeries* series, QPointF point) const override;
    /// A run's point selects that run.
    void pointClicked(const QXYSeries* series, QPointF point) override;

private:
    /// One benchmark's series: its runs (points, small and see-through past 500 runs) and their rolling median.
    struct Track
    {
        QXYSeries* runs = nullptr;
        QLineSeries* median = nullptr;
        bool scatter = true;
    };
    Track makeTrack(std::size_t benchmark, bool scatter);
    void clear();

    std::vector<Track> m_tracks;
    QStringList m_names;
    QValueAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr; ///< linear or logarithmic (ChartPanel::logScale())
    DurationUnit m_unit { "s", 1.0 };
};

} // namespace pyrometer::ui
