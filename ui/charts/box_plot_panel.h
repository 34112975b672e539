#pragma once

#include "ui/charts/chart_panel.h"

QT_BEGIN_NAMESPACE
class QBoxPlotSeries;
class QScatterSeries;
class QValueAxis;
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

private:
    void build(const QStringList& names);
    QBoxPlotSeries* m_series = nullptr;
    QScatterSeries* m_outliers = nullptr;
    QValueAxis* m_y = nullptr;
    QStringList m_names;
};

} // namespace pyrometer::ui
