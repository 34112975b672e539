#include "ui/charts/box_plot_panel.h"

#include "core/stats/chart_math.h"

#include "core/model/units.h"
#include "core/stats/statistics.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pyrometer::ui {

BoxPlotPanel::BoxPlotPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per benchmark"), parent)
{
    chart()->legend()->hide();
    addLogScaleChoice();
}

void BoxPlotPanel::rebuild()
{
    if (!snapshot() || !snapshot().view().any) {
        clearChart();
        m_series = nullptr;
        m_names.clear();
        return;
    }
    const auto& view = snapshot().view();
    const auto unit = durationUnitFor(view.smallestMedian);
    const auto names = displayNames(snapshot());
    // Live refreshes only move the boxes; the series and axes are made anew when the benchmarks change.
    if (!m_series || names != m_names || isLogarithmic(m_y) != logScale())
        build(names);
    m_y->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    fitAxis(m_y, view.lowest * unit.perSecond, view.highest * unit.perSecond);

    // Outliers beyond one per pixel row of a box would draw on top of each other.
    const double rows = std::max(50.0, chart()->plotArea().height());
    const auto rowOf = [this, rows](double y) {
        const auto at = chart()->mapToPosition(QPointF(0, y), m_series).y();
        return std::isfinite(at) ? at : rows;
    };
    QList<QPointF> outliers;
    for (std::size_t b = 0; b < view.benchmarks.size(); ++b) {
        const auto& box = view.benchmarks[b].box;
        auto* set = m_series->boxSets().at(static_cast<qsizetype>(b));
        // A benchmark without a successful run is a flat line at the bottom: 0, or the lowest time on a
        // logarithmic axis, which has no 0.
        const bool empty = view.benchmarks[b].sortedWalls.empty();
        const double none = isLogarithmic(m_y) ? view.lowest * unit.perSecond : 0.0;
        set->setValue(QBoxSet::LowerExtreme, empty ? none : box.lowerWhisker * unit.perSecond);
        set->setValue(QBoxSet::LowerQuartile, empty ? none : box.q1 * unit.perSecond);
        set->setValue(QBoxSet::Median, empty ? none : box.median * unit.perSecond);
        set->setValue(QBoxSet::UpperQuartile, empty ? none : box.q3 * unit.perSecond);
        set->setValue(QBoxSet::UpperExtreme, empty ? none : box.upperWhisker * unit.perSecond);
        double lastRow = std::numeric_limits<double>::max();
        for (double value : box.outliers) { // ascending, as the sample they come from: rows upwards
            const double y = value * unit.perSecond;
            const double row = rowOf(y);
            if (lastRow - row < 1)
                continue;
            outliers.append(QPointF(static_cast<double>(b), y));
            lastRow = row;
        }
    }
    m_outliers->replace(outliers);
}

void BoxPlotPanel::build(const QStringList& names)
{
    auto* c = chart();
    clearChart();
    m_names = names;
    m_series = new QBoxPlotSeries;
    for (qsizetype b = 0; b < names.size(); ++b) {
        auto* set = new QBoxSet(1, 1, 1, 1, 1, names[b]); // positive: valid on a logarithmic axis too
        QColor fill = colorFor(snapshot()->benchmarks[static_cast<std::size_t>(b)].name);
        set->setPen(QPen(fill.darker(140), 1.5));
        fill.setAlpha(150);
        set->setBrush(fill);
        m_series->append(set);
    }
    m_outliers = new QScatterSeries;
    m_outliers->setMarkerSize(7);
    m_outliers->setName(tr("Outliers"));
    m_outliers->setColor(palette().color(QPalette::WindowText));
    m_outliers->setBorderColor(palette().color(QPalette::WindowText));
    c->addSeries(m_series);
    c->addSeries(m_outliers);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    // Past a legend's worth of benchmarks no name fits under its box (each would read "…"): the names show on
    // hover, and a note says so.
    x->setLabelsVisible(names.size() <= legendLimit);
    fitLegend(static_cast<int>(names.size()), true);
    if (names.size() <= legendLimit)
        fitCategoryLabels(x, names);
    m_y = timeAxis(logScale());
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(x);
    m_series->attachAxis(m_y);
    m_outliers->attachAxis(x);
    m_outliers->attachAxis(m_y);
}

QString BoxPlotPanel::hoverText(QPointF position) const
{
    if (const auto outlier = ChartPanel::hoverText(position); !outlier.isEmpty())
        return outlier;
    if (!m_series || !chart()->plotArea().contains(position))
        return {};
    const auto& view = snapshot().view();
    const auto at = chart()->mapToValue(position, m_series);
    const auto b = static_cast<qsizetype>(std::lround(at.x()));
    if (b < 0 || b >= static_cast<qsizetype>(view.benchmarks.size()) || std::abs(at.x() - double(b)) > 0.4)
        return {};
    const auto& benchmark = view.benchmarks[static_cast<std::size_t>(b)];
    if (benchmark.sortedWalls.empty())
        return {};
    const auto& box = benchmark.box;
    const auto time = [](double seconds) { return QString::fromStdString(formatDuration(seconds)); };
    return tr("%1\nmedian %2\nquartiles %3 … %4\nwhiskers %5 … %6\nsuccessful runs: %7")
        .arg(QString::fromStdString(snapshot()->benchmarks[static_cast<std::size_t>(b)].name), time(box.median),
            time(box.q1), time(box.q3), time(box.lowerWhisker), time(box.upperWhisker))
        .arg(benchmark.sortedWalls.size());
}

void BoxPlotPanel::forgetSeries()
{
    clearChart();
    m_series = nullptr;
    m_outliers = nullptr;
    m_y = nullptr;
    m_names.clear();
}

} // namespace pyrometer::ui
