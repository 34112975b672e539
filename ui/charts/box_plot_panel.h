#pragma once

#include "ui/charts/chart_panel.h"

QT_BEGIN_NAMESPACE
class QBoxPlotSeries;
class QScatterSeries;
class QAbstractAxis;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// One box per benchmark: quartiles, median, whiskers at the last runs within 1.5 IQR of the box (Tukey), and
/// the runs beyond drawn as points.
class BoxPlotPanel final : public ChartPanel
{
    Q_OBJECT
public:
    explicit BoxPlotPanel(QWidget* parent = nullptr);

protected:
    void rebuild() override;
    void forgetSeries() override;
    /// Over a box: the benchmark's full name, its quartiles, median, whiskers and runs.
    QString hoverText(QPointF position) const override;

private:
    void build(const QStringList& names);
    QBoxPlotSeries* m_series = nullptr;
    QScatterSeries* m_outliers = nullptr;
    QAbstractAxis* m_y = nullptr; ///< linear or logarithmic (ChartPanel::logScale())
    QStringList m_names;
};

} // namespace pyrometer::ui
