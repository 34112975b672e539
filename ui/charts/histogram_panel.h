#pragma once

#include "ui/charts/chart_panel.h"

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QSpinBox;
class QValueAxis;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// Overlaid histograms of wall time, one colour per benchmark, each on bins of its own: Freedman–Diaconis by
/// default (at least 5), or a bin count chosen in the panel; heights are shares of each benchmark's runs.
class HistogramPanel final : public ChartPanel
{
    Q_OBJECT
public:
    explicit HistogramPanel(QWidget* parent = nullptr);
    /// 0: automatic (Freedman–Diaconis).
    void setBinCount(int bins);
    /// The most bins any benchmark is drawn with.
    int binCountShown() const { return m_binsShown; }

protected:
    void rebuild() override;
    void forgetSeries() override;

private:
    void build(const QStringList& names);
    QSpinBox* m_bins;
    int m_binsShown = 0;
    std::vector<QAreaSeries*> m_areas; ///< one per benchmark, in order
    QStringList m_names;
    QAbstractAxis* m_x = nullptr; ///< linear or logarithmic (ChartPanel::logScale())
    QValueAxis* m_y = nullptr;
};

} // namespace pyrometer::ui
