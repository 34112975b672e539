#pragma once

#include "ui/charts/chart_panel.h"

#include "core/history/trend.h"
#include "core/model/units.h"

#include <map>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// One benchmark's trend as the History tab draws it: its run sets oldest first and its changes of level.
struct HistoryTrend
{
    std::string name;
    std::vector<TrendPoint> points;
    std::vector<TrendChange> changes;
};
using HistoryTrends = std::shared_ptr<const std::vector<HistoryTrend>>;

/// Benchmarks over time: the median of each run set as a line through its points, its 95% interval as a band, each
/// change of level as a vertical mark with the levels either side as dashed steps. The run sets of every benchmark
/// shown share the x axis, oldest first; several benchmarks are each normalised to their first point. Lines are
/// thinned to the plot's width and the points drawn only while they fit, so that 10,000 run sets stay fluid.
/// Hovering a point tells its run set, date, commit and message; a click opens it, a Shift+click compares it with
/// the one clicked before.
class HistoryChart final : public ChartPanel
{
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);

    void setTrends(HistoryTrends trends);
    const HistoryTrends& trends() const { return m_trends; }
    /// Several benchmarks are shown, each as a ratio to its first point.
    bool normalised() const { return m_trends && m_trends->size() > 1; }

Q_SIGNALS:
    /// A point was clicked: its run set; `extend` when Shift was held (the second of two to compare).
    void runSetClicked(qint64 runSet, bool extend);

protected:
    void rebuild() override;
    void forgetSeries() override;
    bool hasData() const override;
    QString describePoint(const QXYSeries* series, QPointF point) const override;
    void pointClicked(const QXYSeries* series, QPointF point) override;

private:
    /// Makes the axes and each trend's series anew, for trends of another `shape`.
    void makeSeries(const QString& shape, bool ratio);
    /// The trend point a chart point shows (by the series' trend and the point's x), or none.
    const TrendPoint* pointAt(const QXYSeries* series, QPointF point) const;

    /// One trend's series: the interval's band (between its outlines), the medians' line, the run sets' points
    /// (while they fit), the levels as steps and a mark at each change.
    struct Track
    {
        QLineSeries* top = nullptr;
        QLineSeries* bottom = nullptr;
        QAreaSeries* band = nullptr;
        QLineSeries* line = nullptr;
        QScatterSeries* points = nullptr;
        std::vector<QLineSeries*> steps, marks;
    };
    std::vector<Track> m_tracks;
    QString m_shape; ///< what the series were made for
    QValueAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    HistoryTrends m_trends;
    std::map<std::int64_t, double> m_x; ///< run set → x: its place among all the run sets shown
    std::map<const QXYSeries*, std::size_t> m_seriesTrend; ///< which trend a series draws
    std::vector<double> m_first; ///< each trend's first median, when normalised
    DurationUnit m_unit { "s", 1.0 };
};

} // namespace pyrometer::ui
