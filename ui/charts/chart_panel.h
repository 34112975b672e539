#pragma once

#include "ui/snapshot/results_snapshot.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QLineSeries;
class QChart;
class QChartView;
class QHBoxLayout;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// What a chart panel shares: a chart view under a row of controls, a colour per benchmark, a theme that
/// follows the palette, and export as PNG or SVG. Subclasses only turn a snapshot into series.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(const QString& title, QWidget* parent = nullptr);

    /// Shows new results; call on the GUI thread.
    void setSnapshot(ResultsSnapshot snapshot);
    const ResultsSnapshot& snapshot() const { return m_snapshot; }
    QChart* chart() const;
    /// Writes the chart as PNG or SVG (by the file's suffix); false when the file cannot be written.
    bool exportImage(const QString& path) const;

    /// A colour-blind-safe colour for the benchmark at `index` (Okabe & Ito 2008).
    /// An area series that owns its line series: QAreaSeries does not, so they leaked with every rebuild.
    static QAreaSeries* areaSeries(QLineSeries* upper, QLineSeries* lower = nullptr);
    static QColor colorFor(std::size_t index);
    /// Names short enough for legends and axes: the last path component of each benchmark's name, unless two
    /// benchmarks would then look alike.
    static QStringList displayNames(const Results& results);

protected:
    virtual void rebuild() = 0;
    /// Whether there is anything to draw; a theme change rebuilds only then.
    virtual bool hasData() const { return static_cast<bool>(m_snapshot); }
    /// Drops the series and axes a panel keeps between refreshes, so that the next rebuild makes them anew in
    /// the panel's own colours (a theme change recolours existing series).
    virtual void forgetSeries() = 0;
    QHBoxLayout* controls() const { return m_controls; }
    /// Removes every series and axis, for panels that rebuild their chart whole.
    void clearChart();
    /// The smallest size the chart may shrink to (320 × 220 unless set).
    void setMinimumChartSize(QSize size);
    /// The plot area's width in pixels, for downsampling.
    int plotWidth() const;
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();
    ResultsSnapshot m_snapshot;
    QChartView* m_view;
    QHBoxLayout* m_controls;
};

} // namespace pyrometer::ui
