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

} // namespace pyrometer::ui
