#include "time_series_panel.h"

#include "chart_math.h"

#include "core/units.h"

#include <QChart>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace pyrometer::ui {

TimeSeriesPanel::TimeSeriesPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per run"), parent)
{
}

void TimeSeriesPanel::resizeEvent(QResizeEvent* event)
{
    ChartPanel::resizeEvent(event);
    // The downsampling depends on the width: redo it when the width changed noticeably.
    if (snapshot() && std::abs(plotWidth() - m_builtForWidth) > 50)
        rebuild();
}

void TimeSeriesPanel::rebuild()
{
    auto* c = chart();
    c->removeAllSeries();
    for (auto* axis : c->axes())
        c->removeAxis(axis);
    if (!snapshot())
        return;
    m_builtForWidth = plotWidth();

    const auto& view = snapshot().view();
    double lowest = 0, highest = 0, smallestMedian = 0;
    bool any = false;
    for (const auto& b : view.benchmarks) {
        if (b.sortedWalls.empty())
            continue;
        lowest = any ? std::min(lowest, b.sortedWalls.front()) : b.sortedWalls.front();
        highest = any ? std::max(highest, b.sortedWalls.back()) : b.sortedWalls.back();
        smallestMedian = any ? std::min(smallestMedian, b.summary.wall.median) : b.summary.wall.median;
        any = true;
    }
    if (!any)
        return;
    const auto unit = durationUnitFor(smallestMedian);
    const std::size_t longest = view.longest;

    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(tr("Run"));
    x->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);

    const int columns = plotWidth();
    const auto names = displayNames(*snapshot());
    for (std::size_t b = 0; b < snapshot()->benchmarks.size(); ++b) {
        const auto& data = view.benchmarks[b];
        if (data.runs.empty())
            continue;
        // Thinned again to this chart's own width, in the display unit.
        const auto toPoints = [&](const std::vector<Point>& seconds) {
            QList<QPointF> shown;
            for (const auto& p : downsampleMinMax(seconds, columns))
                shown.append(QPointF(p.x, p.y * unit.perSecond));
            return shown;
        };
        const auto color = colorFor(b);
        const auto name = names[static_cast<qsizetype>(b)];
        QXYSeries* runs = nullptr;
        if (data.sortedWalls.size() <= 500) {
            auto* scatter = new QScatterSeries;
            scatter->setMarkerSize(6);
            scatter->setBorderColor(color);
            runs = scatter;
        } else {
            runs = new QLineSeries;
        }
        runs->setName(name);
        runs->setColor(color);
        runs->replace(toPoints(data.runs));
        c->addSeries(runs);
        runs->attachAxis(x);
        runs->attachAxis(y);

        auto* median = new QLineSeries;
        median->setName(tr("%1 (rolling median)").arg(name));
        QPen pen(color.darker(130), 2.5);
        median->setPen(pen);
        median->replace(toPoints(data.rollingMedian));
        c->addSeries(median);
        median->attachAxis(x);
        median->attachAxis(y);
        // One legend entry per benchmark: the rolling median shares its colour.
        for (auto* marker : c->legend()->markers(median))
            marker->setVisible(false);

        connect(runs, &QXYSeries::hovered, this, [name, unit](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(),
                    tr("%1\nrun %2: %3 %4")
                        .arg(name)
                        .arg(qRound(point.x()))
                        .arg(point.y(), 0, 'f', 3)
                        .arg(QString::fromUtf8(unit.symbol)));
            else
                QToolTip::hideText();
        });
        connect(runs, &QXYSeries::clicked, this, [this, b](const QPointF& point) {
            // Map the k-th successful measured run back to its index among all runs.
            const auto& all = snapshot()->benchmarks[b].runs;
            const auto wanted = static_cast<std::size_t>(qRound(point.x()));
            for (std::size_t r = 0, k = 0; r < all.size(); ++r) {
                if (all[r].warmup || !all[r].succeeded())
                    continue;
                if (++k == wanted) {
                    Q_EMIT runSelected(b, r);
                    return;
                }
            }
        });
    }
    const auto xAxis = niceAxis(1, static_cast<double>(std::max<std::size_t>(longest, 2)));
    x->setRange(std::max(0.0, xAxis.min), xAxis.max);
    x->setTickCount(std::min(xAxis.tickCount(), 11));
    const auto yAxis = niceAxis(lowest * unit.perSecond, highest * unit.perSecond);
    y->setRange(yAxis.min, yAxis.max);
    y->setTickCount(yAxis.tickCount());
}

} // namespace pyrometer::ui
