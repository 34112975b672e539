#include "ui/charts/histogram_panel.h"

#include "core/stats/chart_math.h"

#include "core/model/units.h"

#include <QAreaSeries>
#include <QChart>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

namespace pyrometer::ui {

HistogramPanel::HistogramPanel(QWidget* parent)
    : ChartPanel(tr("Distribution of wall time"), parent)
    , m_bins(new QSpinBox)
{
    m_bins->setRange(0, 500);
    m_bins->setSpecialValueText(tr("auto"));
    m_bins->setToolTip(tr("Number of bins; auto uses the Freedman–Diaconis rule"));
    controls()->addWidget(new QLabel(tr("Bins:")));
    controls()->addWidget(m_bins);
    connect(m_bins, &QSpinBox::valueChanged, this, [this] { refresh(); });
}

void HistogramPanel::setBinCount(int bins)
{
    m_bins->setValue(bins);
}

void HistogramPanel::rebuild()
{
    m_binsShown = 0;
    if (!snapshot() || !snapshot().view().any) {
        clearChart();
        m_areas.clear();
        m_names.clear();
        return;
    }
    const auto& view = snapshot().view();
    const double lowest = view.lowest, highest = view.highest, smallestMedian = view.smallestMedian;
    const std::array<double, 2> range { lowest, highest };
    // Shared bins: the narrowest Freedman–Diaconis width of any benchmark, over the range of all of them.
    Bins bins;
    if (m_bins->value() > 0) {
        bins = fixedBins(range, m_bins->value());
    } else {
        double width = 0;
        for (const auto& b : view.benchmarks) {
            if (b.sortedWalls.size() < 2)
                continue;
            const Bins own = freedmanDiaconisBins(b.sortedWalls);
            width = width > 0 ? std::min(width, own.width) : own.width;
        }
        const int count = width > 0 && highest > lowest ? static_cast<int>(std::ceil((highest - lowest) / width)) : 1;
        bins = fixedBins(range, std::clamp(count, 1, 200));
    }
    m_binsShown = bins.count;

    const auto unit = durationUnitFor(smallestMedian);
    const auto names = displayNames(snapshot());
    // Live refreshes only swap the outlines in; the series are made anew when the benchmarks change.
    if (m_areas.empty() || names != m_names)
        build(names);
    m_x->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    int tallest = 1;
    for (std::size_t b = 0; b < view.benchmarks.size(); ++b) {
        QList<QPointF> outline;
        if (!view.benchmarks[b].sortedWalls.empty()) {
            const auto counts = histogram(view.benchmarks[b].sortedWalls, bins);
            for (int i = 0; i < bins.count; ++i) {
                const double left = (bins.lower + i * bins.width) * unit.perSecond;
                const double right = left + bins.width * unit.perSecond;
                outline.append(QPointF(left, counts[static_cast<std::size_t>(i)]));
                outline.append(QPointF(right, counts[static_cast<std::size_t>(i)]));
                tallest = std::max(tallest, counts[static_cast<std::size_t>(i)]);
            }
        }
        m_areas[b]->upperSeries()->replace(outline);
    }
    fitAxis(m_x, bins.lower * unit.perSecond, bins.upper() * unit.perSecond);
    fitAxis(m_y, 0, tallest * 1.05, AxisValues::Counts);
}

void HistogramPanel::build(const QStringList& names)
{
    auto* c = chart();
    clearChart();
    m_areas.clear();
    m_names = names;
    m_x = new QValueAxis;
    m_y = new QValueAxis;
    m_y->setTitleText(tr("Runs"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    for (qsizetype b = 0; b < names.size(); ++b) {
        auto* area = areaSeries(new QLineSeries);
        area->setName(names[b]);
        QColor fill = colorFor(snapshot()->benchmarks[static_cast<std::size_t>(b)].name);
        QPen pen(fill, 1.5);
        fill.setAlpha(90);
        area->setBrush(fill);
        area->setPen(pen);
        c->addSeries(area);
        area->attachAxis(m_x);
        area->attachAxis(m_y);
        m_areas.push_back(area);
    }
}

void HistogramPanel::forgetSeries()
{
    clearChart();
    m_areas.clear();
    m_names.clear();
    m_x = m_y = nullptr;
}

} // namespace pyrometer::ui
