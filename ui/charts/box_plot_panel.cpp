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
#include <limits>

namespace pyrometer::ui {

BoxPlotPanel::BoxPlotPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per benchmark"), parent)
{
    chart()->legend()->hide();
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
    if (!m_series || names != m_names)
        build(names);
    m_y->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    fitAxis(m_y, view.lowest * unit.perSecond, view.highest * unit.perSecond);

    // Outliers beyond one per pixel row of a box would draw on top of each other.
    const double rowHeight = (m_y->max() - m_y->min()) / std::max(50.0, chart()->plotArea().height());
    QList<QPointF> outliers;
    for (std::size_t b = 0; b < view.benchmarks.size(); ++b) {
        const auto& box = view.benchmarks[b].box;
        auto* set = m_series->boxSets().at(static_cast<qsizetype>(b));
        const bool empty = view.benchmarks[b].sortedWalls.empty();
        set->setValue(QBoxSet::LowerExtreme, empty ? 0.0 : box.lowerWhisker * unit.perSecond);
        set->setValue(QBoxSet::LowerQuartile, empty ? 0.0 : box.q1 * unit.perSecond);
        set->setValue(QBoxSet::Median, empty ? 0.0 : box.median * unit.perSecond);
        set->setValue(QBoxSet::UpperQuartile, empty ? 0.0 : box.q3 * unit.perSecond);
        set->setValue(QBoxSet::UpperExtreme, empty ? 0.0 : box.upperWhisker * unit.perSecond);
        double lastRow = std::numeric_limits<double>::lowest();
        for (double value : box.outliers) { // ascending, as the sample they come from
            const double y = value * unit.perSecond;
            if (y - lastRow < rowHeight)
                continue;
            outliers.append(QPointF(static_cast<double>(b), y));
            lastRow = y;
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
        auto* set = new QBoxSet(names[b]);
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
    m_y = new QValueAxis;
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(x);
    m_series->attachAxis(m_y);
    m_outliers->attachAxis(x);
    m_outliers->attachAxis(m_y);
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
