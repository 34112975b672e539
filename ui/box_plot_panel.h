#pragma once

#include "chart_panel.h"

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
};

/// The five numbers of a Tukey box plot and the points beyond its whiskers.
struct TukeyBox
{
    double lowerWhisker = 0;
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double upperWhisker = 0;
    std::vector<double> outliers;
};
TukeyBox tukeyBox(std::vector<double> sample);

} // namespace pyrometer::ui
