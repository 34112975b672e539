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

TukeyBox tukeyBox(std::vector<double> sample)
{
    TukeyBox box;
    if (sample.empty())
        return box;
    std::sort(sample.begin(), sample.end());
    box.q1 = quantile(sample, 0.25);
    box.median = quantile(sample, 0.5);
    box.q3 = quantile(sample, 0.75);
    const double iqr = box.q3 - box.q1;
    const double low = box.q1 - 1.5 * iqr, high = box.q3 + 1.5 * iqr;
    box.lowerWhisker = box.q1;
    box.upperWhisker = box.q3;
    for (double x : sample) {
        if (x < low || x > high)
            box.outliers.push_back(x);
        else {
            box.lowerWhisker = std::min(box.lowerWhisker, x);
            box.upperWhisker = std::max(box.upperWhisker, x);
        }
    }
    return box;
}

BoxPlotPanel::BoxPlotPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per benchmark"), parent)
{
    chart()->legend()->hide();
}

void BoxPlotPanel::rebuild()
{
    auto* c = chart();
    c->removeAllSeries();
    for (auto* axis : c->axes())
        c->removeAxis(axis);
    if (!snapshot())
        return;

    std::vector<TukeyBox> boxes;
    std::vector<double> medians;
    double lowest = 0, highest = 0;
    bool any = false;
    for (const auto& benchmark : snapshot()->benchmarks) {
        boxes.push_back(tukeyBox(wallTimes(benchmark)));
        const auto times = wallTimes(benchmark);
        if (times.empty())
            continue;
        const auto [lo, hi] = std::minmax_element(times.begin(), times.end());
        lowest = any ? std::min(lowest, *lo) : *lo;
        highest = any ? std::max(highest, *hi) : *hi;
        medians.push_back(boxes.back().median);
        any = true;
    }
    if (!any)
        return;
    const auto unit = durationUnitFor(*std::min_element(medians.begin(), medians.end()));

    auto* series = new QBoxPlotSeries;
    auto* outliers = new QScatterSeries;
    outliers->setMarkerSize(7);
    outliers->setName(tr("Outliers"));
    QStringList categories;
    const auto names = displayNames(*snapshot());
    outliers->setColor(palette().color(QPalette::WindowText));
    outliers->setBorderColor(palette().color(QPalette::WindowText));
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        const auto& box = boxes[b];
        const auto& name = names[static_cast<qsizetype>(b)];
        categories << name;
        auto* set = new QBoxSet(name);
        if (wallTimes(snapshot()->benchmarks[b]).empty()) {
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
