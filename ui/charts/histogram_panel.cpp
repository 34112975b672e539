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
    connect(m_bins, &QSpinBox::valueChanged, this, [this] {
        for (auto* panel : multiples())
            static_cast<HistogramPanel*>(panel)->setBinCount(m_bins->value());
        refresh();
    });
    addLogScaleChoice();
    addSmallMultiplesChoice([this](std::size_t) {
        auto* panel = new HistogramPanel;
        panel->setBinCount(m_bins->value());
        return panel;
    });
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
    // Bins of its own for each benchmark, over its own range: Freedman–Diaconis (at least 5 bins, so that ten
    // runs never make one flat bar) or the count chosen in the panel. Shared bins over the range of all made a
    // tight benchmark beside a slow one a single spike. Heights are shares of each benchmark's runs, so that
    // benchmarks with different numbers of runs read alike; zoom in to look at one.
    const auto unit = durationUnitFor(view.smallestMedian);
    const auto names = displayNames(snapshot());
    // Live refreshes only swap the outlines in; the series are made anew when the benchmarks change.
    if (m_areas.empty() || names != m_names || isLogarithmic(m_x) != logScale())
        build(names);
    fitLegend(static_cast<int>(names.size()));
    m_x->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    double tallest = 1, lowest = view.lowest, highest = view.highest;
    for (std::size_t b = 0; b < view.benchmarks.size(); ++b) {
        QList<QPointF> outline;
        const auto& walls = view.benchmarks[b].sortedWalls;
        if (!walls.empty()) {
            Bins bins = m_bins->value() > 0 ? fixedBins(walls, m_bins->value()) : freedmanDiaconisBins(walls, 60);
            if (m_bins->value() == 0 && bins.count < 5 && walls.back() > walls.front())
                bins = fixedBins(walls, 5);
            m_binsShown = std::max(m_binsShown, bins.count);
            const auto counts = histogram(walls, bins);
            const double toShare = 100.0 / static_cast<double>(walls.size());
            outline.append(QPointF(bins.lower * unit.perSecond, 0));
            for (int i = 0; i < bins.count; ++i) {
                const double left = (bins.lower + i * bins.width) * unit.perSecond;
                const double right = left + bins.width * unit.perSecond;
                const double share = counts[static_cast<std::size_t>(i)] * toShare;
                outline.append(QPointF(left, share));
                outline.append(QPointF(right, share));
                tallest = std::max(tallest, share);
            }
            outline.append(QPointF(bins.upper() * unit.perSecond, 0));
            lowest = std::min(lowest, bins.lower);
            highest = std::max(highest, bins.upper());
        }
        m_areas[b]->upperSeries()->replace(outline);
    }
    fitAxis(m_x, lowest * unit.perSecond, highest * unit.perSecond);
    fitAxis(m_y, 0, std::min(100.0, tallest * 1.05));
}

void HistogramPanel::build(const QStringList& names)
{
    auto* c = chart();
    clearChart();
    m_areas.clear();
    m_names = names;
    m_x = timeAxis(logScale());
    m_y = new QValueAxis;
    m_y->setTitleText(tr("Share of runs (%)"));
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
    m_x = nullptr;
    m_y = nullptr;
}

} // namespace pyrometer::ui
