#include "box_plot_panel.h"

#include "chart_math.h"

#include "core/statistics.h"
#include "core/units.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

namespace pyrometer::ui {

BoxPlotPanel::BoxPlotPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per benchmark"), parent)
{
    chart()->legend()->hide();
}

void BoxPlotPanel::rebuild()
{
    auto* c = chart();
    clearChart();
    if (!snapshot())
        return;

    const auto& view = snapshot().view();
    const double lowest = view.lowest, highest = view.highest, smallestMedian = view.smallestMedian;
    if (!view.any)
        return;
    const auto unit = durationUnitFor(smallestMedian);

    auto* series = new QBoxPlotSeries;
    auto* outliers = new QScatterSeries;
    outliers->setMarkerSize(7);
    outliers->setName(tr("Outliers"));
    QStringList categories;
    const auto names = displayNames(*snapshot());
    outliers->setColor(palette().color(QPalette::WindowText));
    outliers->setBorderColor(palette().color(QPalette::WindowText));
    for (std::size_t b = 0; b < view.benchmarks.size(); ++b) {
        const auto& box = view.benchmarks[b].box;
        const auto& name = names[static_cast<qsizetype>(b)];
        categories << name;
        auto* set = new QBoxSet(name);
        if (view.benchmarks[b].sortedWalls.empty()) {
            series->append(set); // keeps the categories aligned; an empty box draws nothing
            continue;
        }
        set->setValue(QBoxSet::LowerExtreme, box.lowerWhisker * unit.perSecond);
        set->setValue(QBoxSet::LowerQuartile, box.q1 * unit.perSecond);
        set->setValue(QBoxSet::Median, box.median * unit.perSecond);
        set->setValue(QBoxSet::UpperQuartile, box.q3 * unit.perSecond);
        set->setValue(QBoxSet::UpperExtreme, box.upperWhisker * unit.perSecond);
        QColor fill = colorFor(b);
        set->setPen(QPen(fill.darker(140), 1.5));
        fill.setAlpha(150);
        set->setBrush(fill);
        series->append(set);
        for (double value : box.outliers)
            outliers->append(static_cast<double>(b), value * unit.perSecond);
    }
    c->addSeries(series);
    c->addSeries(outliers);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    outliers->attachAxis(x);
    outliers->attachAxis(y);
    const auto yAxis = niceAxis(lowest * unit.perSecond, highest * unit.perSecond);
    y->setRange(yAxis.min, yAxis.max);
    y->setTickCount(yAxis.tickCount());
}

} // namespace pyrometer::ui
