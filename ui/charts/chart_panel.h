#pragma once

#include "ui/snapshot/results_snapshot.h"

#include "core/stats/chart_math.h"

#include <QColor>
#include <QSet>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarCategoryAxis;
class QAbstractSeries;
class QAreaSeries;
class QCheckBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QLineSeries;
class QValueAxis;
class QXYSeries;
class QChart;
class QChartView;
class QHBoxLayout;
class QTimer;
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
    /// Writes the chart as PNG (at `scale` times its size on screen) or SVG (by the file's suffix): the chart
    /// alone, background and grid included, without the view's frame. False when the file cannot be written.
    bool exportImage(const QString& path, qreal scale = 2.0) const;
    /// Asks where (and for PNG at what resolution) and exports; the outcome goes to message().
    void exportFromDialog();

Q_SIGNALS:
    /// One line for the status bar.
    void message(const QString& text);
    /// The small charts show the latest results (their view data is computed off the GUI thread).
    void multiplesShown();

public:
    /// What hovering the chart at `position` (in the panel's coordinates) shows; empty where there is nothing.
    QString hoverTextAt(QPoint position) const;
    /// Zooms in by `factor` (> 1) around the plot's centre, or out (< 1); the wheel does this under the pointer.
    void zoomBy(qreal factor);
    /// Back to the whole data, as a double-click or the Reset button does.
    void resetZoom();
    bool isZoomed() const;
    /// Hides or shows the series named `name` (and the series that belong with it), as a click on its legend
    /// entry does; the choice holds across refreshes.
    void toggleSeries(const QString& name);
    bool isHidden(const QString& name) const { return m_hidden.contains(name); }

    /// A colour-blind-safe colour for the benchmark at `index` (Okabe & Ito 2008).
    /// An area series that owns its line series: QAreaSeries does not, so they leaked with every rebuild.
    static QAreaSeries* areaSeries(QLineSeries* upper, QLineSeries* lower = nullptr);
    /// The colour of the benchmark called `name`: the same for as long as the program runs, whatever its row
    /// (removing another benchmark never recolours it), given out in the palette's order as names first appear.
    static QColor colorFor(const std::string& name);
    /// Draws the points of `series` (its colour, border and marker size set) from one picture of its marker instead
    /// of a graphics item each: a frame with a thousand points took several times longer the other way. Call again
    /// when the colour or size changes.
    static void useLightMarkers(QXYSeries* series, QColor color, QColor border, qreal size);
    /// What an axis counts or shows, for fitAxis().
    enum class AxisValues { Real, Counts, SignedReal };
    /// Gives `axis` (already added to the chart) a nice range over `min` … `max` with as many ticks as its length
    /// holds readably, labels with just the decimals that tell ticks apart, a whole step for counts, and a sign
    /// for changes.
    void fitAxis(QValueAxis* axis, double min, double max, AxisValues values = AxisValues::Real) const;
    /// The same for a time axis that may be logarithmic: a logarithmic one spans `min` … `max` with a little room,
    /// a label at each power of ten and grid lines between.
    void fitAxis(QAbstractAxis* axis, double min, double max) const;
    /// Whether the wall-time axis is logarithmic now: as the user chose it, or, until they do, whenever the
    /// benchmarks' medians differ more than tenfold (a 10 ms script beside a 1 s one).
    bool logScale() const;
    /// A new wall-time axis, logarithmic or not.
    static QAbstractAxis* timeAxis(bool logarithmic);
    static bool isLogarithmic(const QAbstractAxis* axis);
    /// Whether each benchmark has a small chart of its own, on its own scale, instead of all sharing one.
    bool smallMultiples() const;
    void setSmallMultiples(bool separate);
    /// The small charts, one per benchmark in order, while smallMultiples() (else none).
    const std::vector<ChartPanel*>& multiples() const { return m_multiples; }
    /// The most series a legend lists readably; past it the legend gives way to a note (names show on hover).
    static constexpr int legendLimit = 12;
    /// Text from the user (a benchmark's name, a parameter's) as Qt Charts must be given it: its titles, legend
    /// entries and category labels are HTML, where "<50ms>" would vanish as a tag and "&" start an entity.
    static QString chartText(const QString& plain) { return plain.toHtmlEscaped(); }
    /// The names every view shows (ViewData::names).
    static QStringList displayNames(const ResultsSnapshot& snapshot);

protected:
    virtual void rebuild() = 0;
    /// Rebuilds, then wires the legend (a click hides a series) and hides what the user hid. Call this, not
    /// rebuild(), to redraw.
    void refresh();
    /// Marks `series` as belonging with the series named `owner` in the legend: hidden and shown with it.
    static void belongsTo(QAbstractSeries* series, const QString& owner);
    /// Marks the legend entry of `series` as one to leave out when the legend does not fit its line (its colour
    /// is named elsewhere, such as in the charts beside it).
    static void optionalEntry(QAbstractSeries* series);
    /// The hover text at `position`, in the chart's scene coordinates. By default the point of any visible
    /// series nearest the pointer (within a few pixels), told by describePoint().
    virtual QString hoverText(QPointF position) const;
    /// How a point of `series` reads in a tooltip.
    virtual QString describePoint(const QXYSeries* series, QPointF point) const;
    /// A click (no drag) on or near a point of a visible series; the panel, not the series, sees the click, as the
    /// view takes the press for its rubber band.
    virtual void pointClicked(const QXYSeries* series, QPointF point);
    /// The point of a visible series of the chart nearest `position` (scene coordinates), within `radius` pixels.
    struct NearestPoint
    {
        const QXYSeries* series = nullptr;
        QPointF point;
    };
    NearestPoint nearestPoint(QPointF position, qreal radius = 8) const;
    /// Whether there is anything to draw; a theme change rebuilds only then.
    virtual bool hasData() const { return static_cast<bool>(m_snapshot); }
    /// Drops the series and axes a panel keeps between refreshes, so that the next rebuild makes them anew in
    /// the panel's own colours (a theme change recolours existing series).
    virtual void forgetSeries() = 0;
    QHBoxLayout* controls() const { return m_controls; }
    /// Adds the "Log scale" choice for the wall-time axis to the controls; logScale() then answers it.
    void addLogScaleChoice();
    /// Adds the "One per benchmark" choice: small multiples, each a panel `make` gives for benchmark `b` (shown
    /// the results of that benchmark alone), laid out in a grid that scrolls.
    void addSmallMultiplesChoice(std::function<ChartPanel*(std::size_t b)> make);
    /// Shows the legend for `series` series; past legendLimit hides it and says in the controls how to tell them
    /// apart. A chart `withoutLegend` only gets the note.
    void fitLegend(int series, bool withoutLegend = false);
    /// Removes every series and axis, for panels that rebuild their chart whole.
    void clearChart();
    /// The smallest size the chart may shrink to (200 × 150 unless set).
    void setMinimumChartSize(QSize size);
    /// The plot area's width in pixels, for downsampling.
    int plotWidth() const;
    int plotHeight() const; ///< in pixels
    /// Shows `names` under the boxes, elided in the middle to their share of the width, while six characters
    /// fit; else a note says to hover.
    void fitCategoryLabels(QBarCategoryAxis* axis, const QStringList& names);
    /// A line in the controls above the chart, such as how to tell series apart; empty hides it.
    void showNote(const QString& text);
    /// The note that names gave way for `benchmarks` benchmarks and show on hover; 0 hides it.
    void sayHoverForNames(qsizetype benchmarks);
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// Axes hold as many ticks as their length fits, and series are thinned to the width: a panel that changed
    /// size is rebuilt, once the size has settled.
    void resizeEvent(QResizeEvent* event) override;
    /// A panel the user cannot see (another tab is in front) is not rebuilt on each refresh, but once, when it
    /// shows: refreshes of a live run on a hidden tab cost nothing.
    void showEvent(QShowEvent* event) override;

private:
    void applyTheme();
    void dropOptionalEntries();
    void legendClicked();
    void zoomChanged(); ///< Reset zoom shows while zoomed
    ResultsSnapshot m_snapshot;
    QChartView* m_view;
    QHBoxLayout* m_controls;
    QTimer* m_resized;
    QSet<QString> m_hidden; ///< series the user hid from the legend, by name
    QCheckBox* m_log = nullptr; ///< the "Log scale" choice, where the panel has one
    bool m_logChosen = false; ///< the user set it; else it follows the data
    QLabel* m_manySeries = nullptr; ///< the note: says how to tell series apart where names gave way
    QCheckBox* m_separate = nullptr; ///< the "One per benchmark" choice, where the panel has one
    std::function<ChartPanel*(std::size_t)> m_makeMultiple;
    std::vector<ChartPanel*> m_multiples;
    bool m_multiplesBusy = false; ///< their view data is being computed
    bool m_multiplesPending = false; ///< newer results came meanwhile
    std::shared_ptr<const Results> m_multiplesOf; ///< the results the small charts show, or are computed of
    void computeMultiples();
    void showMultiples(const std::vector<ResultsSnapshot>& parts);
    QScrollArea* m_grid = nullptr;
    void refreshMultiples();
    QPoint m_panFrom; ///< where a middle-button drag started
    QPoint m_clickFrom; ///< where the left button went down
    bool m_panning = false;
    bool m_stale = false; ///< refreshed while hidden: rebuilt when shown
};

} // namespace pyrometer::ui
