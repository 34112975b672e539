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

    double lowest = 0, highest = 0;
    std::size_t longest = 0;
    bool any = false;
    std::vector<double> medians;
    for (const auto& benchmark : snapshot()->benchmarks) {
        const auto times = wallTimes(benchmark);
        if (times.empty())
            continue;
        const auto [lo, hi] = std::minmax_element(times.begin(), times.end());
        lowest = any ? std::min(lowest, *lo) : *lo;
        highest = any ? std::max(highest, *hi) : *hi;
        longest = std::max(longest, times.size());
        auto sorted = times;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        medians.push_back(sorted[sorted.size() / 2]);
        any = true;
    }
    if (!any)
        return;
    std::sort(medians.begin(), medians.end());
    const auto unit = durationUnitFor(medians.front());

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
        const auto& benchmark = snapshot()->benchmarks[b];
        // Keep each point's run index, so that hover and click name the right run.
        std::vector<Point> points;
        std::vector<double> times;
        for (std::size_t r = 0, k = 0; r < benchmark.runs.size(); ++r) {
            const auto& run = benchmark.runs[r];
            if (run.warmup || !run.succeeded())
                continue;
            ++k;
            points.push_back({ static_cast<double>(k), toSeconds(run.wall) * unit.perSecond });
            times.push_back(points.back().y);
        }
        if (points.empty())
            continue;
        const auto color = colorFor(b);
        const auto name = names[static_cast<qsizetype>(b)];
        QXYSeries* runs = nullptr;
        if (points.size() <= 500) {
            auto* scatter = new QScatterSeries;
            scatter->setMarkerSize(6);
            scatter->setBorderColor(color);
            runs = scatter;
        } else {
            runs = new QLineSeries;
        }
        runs->setName(name);
        runs->setColor(color);
        QList<QPointF> shown;
        for (const auto& p : downsampleMinMax(points, columns))
            shown.append(QPointF(p.x, p.y));
        runs->replace(shown);
        c->addSeries(runs);
        runs->attachAxis(x);
        runs->attachAxis(y);

        const auto rolling = rollingMedian(times, rollingWindow);
        std::vector<Point> medianPoints;
        for (std::size_t i = 0; i < rolling.size(); ++i)
            medianPoints.push_back({ static_cast<double>(i + 1), rolling[i] });
        auto* median = new QLineSeries;
        median->setName(tr("%1 (rolling median)").arg(name));
        QPen pen(color.darker(130), 2.5);
        median->setPen(pen);
        QList<QPointF> medianShown;
        for (const auto& p : downsampleMinMax(medianPoints, columns))
            medianShown.append(QPointF(p.x, p.y));
        median->replace(medianShown);
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
