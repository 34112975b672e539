#include "ui/history/history_chart.h"

#include "core/stats/chart_math.h"

#include <QAreaSeries>
#include <QChart>
#include <QGuiApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace pyrometer::ui {

namespace {
void hideFromLegend(QChart* chart, QAbstractSeries* series)
{
    for (auto* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}
} // namespace

HistoryChart::HistoryChart(QWidget* parent)
    : ChartPanel(tr("History"), parent)
{
    setObjectName(QStringLiteral("historyChart"));
}

void HistoryChart::setTrends(HistoryTrends trends)
{
    m_trends = std::move(trends);
    refresh();
}

bool HistoryChart::hasData() const
{
    return m_trends && !m_trends->empty();
}

void HistoryChart::forgetSeries()
{
    m_tracks.clear();
    m_shape.clear();
    m_xAxis = nullptr;
    m_yAxis = nullptr;
}

void HistoryChart::makeSeries(const QString& shape, bool ratio)
{
    clearChart();
    forgetSeries();
    m_shape = shape;
    auto* c = chart();
    m_xAxis = new QValueAxis;
    m_xAxis->setTitleText(tr("Run set, oldest first"));
    m_yAxis = new QValueAxis;
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    m_yAxis->setTitleText(ratio ? tr("Median ÷ its first") : QString());
    const auto attach = [&](QAbstractSeries* series, const QString& owner) {
        c->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        if (!owner.isEmpty()) {
            belongsTo(series, owner);
            hideFromLegend(c, series);
        }
    };
    for (const auto& trend : *m_trends) {
        Track track;
        const auto color = colorFor(trend.name);
        const auto name = QString::fromStdString(trend.name);
        track.top = new QLineSeries;
        track.bottom = new QLineSeries;
        track.band = areaSeries(track.top, track.bottom);
        track.band->setName(name + tr(" (95% interval)"));
        auto fill = color;
        fill.setAlpha(50);
        track.band->setBrush(fill);
        track.band->setPen(Qt::NoPen);
        attach(track.band, name);
        track.line = new QLineSeries;
        track.line->setName(name);
        track.line->setColor(color);
        attach(track.line, {});
        m_seriesTrend[track.line] = m_tracks.size();
        if (shape.contains(QStringLiteral("|points:") + name + QLatin1Char('|'))) {
            track.points = new QScatterSeries;
            track.points->setName(name + tr(" (run sets)"));
            useLightMarkers(track.points, color, color.darker(140), 7);
            attach(track.points, name);
            m_seriesTrend[track.points] = m_tracks.size();
        }
        // Each change of level: a vertical mark where the new level starts, and the levels either side as steps.
        const auto darker = color.darker(150);
        for (std::size_t k = 0; !trend.changes.empty() && k <= trend.changes.size(); ++k) {
            auto* step = new QLineSeries;
            step->setName(name + tr(" (level)"));
            step->setPen(QPen(darker, 2, Qt::DashLine));
            attach(step, name);
            track.steps.push_back(step);
            if (k < trend.changes.size()) {
                auto* mark = new QLineSeries;
                mark->setName(name + tr(" (change of level)"));
                mark->setPen(QPen(darker, 1.5));
                attach(mark, name);
                track.marks.push_back(mark);
            }
        }
        m_tracks.push_back(track);
    }
}

void HistoryChart::rebuild()
{
    if (!hasData()) {
        clearChart();
        forgetSeries();
        m_seriesTrend.clear();
        return;
    }
    // Every run set shown, oldest first: its place is its x.
    std::vector<std::pair<const std::string*, std::int64_t>> timeline;
    double smallest = std::numeric_limits<double>::infinity();
    for (const auto& trend : *m_trends) {
        for (const auto& p : trend.points) {
            timeline.emplace_back(&p.measuredAt, p.runSet);
            if (p.median && *p.median > 0)
                smallest = std::min(smallest, *p.median);
        }
    }
    std::sort(timeline.begin(), timeline.end(),
        [](const auto& a, const auto& b) { return std::tie(*a.first, a.second) < std::tie(*b.first, b.second); });
    timeline.erase(std::unique(timeline.begin(), timeline.end(),
                       [](const auto& a, const auto& b) { return a.second == b.second; }),
        timeline.end());
    m_x.clear();
    double x = 1;
    for (const auto& [date, runSet] : timeline)
        m_x.emplace(runSet, x++);
    const bool ratio = normalised();
    m_unit = durationUnitFor(std::isfinite(smallest) ? smallest : 1.0);
    m_first.clear();
    for (const auto& trend : *m_trends) {
        const auto first = std::find_if(
            trend.points.begin(), trend.points.end(), [](const TrendPoint& p) { return p.median && *p.median > 0; });
        m_first.push_back(first == trend.points.end() ? 1.0 : *first->median);
    }
    const auto scale
        = [&](std::size_t t, double seconds) { return ratio ? seconds / m_first[t] : seconds * m_unit.perSecond; };

    // The series are kept while the same benchmarks, changes and kinds of marks are shown: only points change.
    const int columns = std::max(1, plotWidth() / 2);
    QString shape = ratio ? QStringLiteral("ratio") : QStringLiteral("time");
    for (const auto& trend : *m_trends) {
        const auto name = QString::fromStdString(trend.name);
        shape += QLatin1Char('|') + name + QLatin1Char('/') + QString::number(trend.changes.size());
        if (trend.points.size() <= std::size_t(columns / 3))
            shape += QStringLiteral("|points:") + name + QLatin1Char('|');
    }
    if (shape != m_shape || m_tracks.size() != m_trends->size())
        makeSeries(shape, ratio);
    if (!ratio)
        m_yAxis->setTitleText(tr("Median (%1)").arg(QString::fromUtf8(m_unit.symbol)));

    const auto toList = [](const std::vector<Point>& points) {
        QList<QPointF> list;
        list.reserve(qsizetype(points.size()));
        for (const auto& p : points)
            list.append(QPointF(p.x, p.y));
        return list;
    };
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t t = 0; t < m_trends->size(); ++t) {
        const auto& trend = (*m_trends)[t];
        auto& track = m_tracks[t];
        std::vector<Point> medians, upper, lower;
        for (const auto& p : trend.points) {
            if (!p.median)
                continue;
            const double px = m_x[p.runSet];
            medians.push_back({ px, scale(t, *p.median) });
            upper.push_back({ px, scale(t, p.ciHigh.value_or(*p.median)) });
            lower.push_back({ px, scale(t, p.ciLow.value_or(*p.median)) });
        }
        // The band at a point every six pixels: its fill costs the most of a frame, and it looks the same.
        const int bandColumns = std::max(1, columns / 3);
        const auto top = columnExtremes(upper, bandColumns, true), bottom = columnExtremes(lower, bandColumns, false);
        for (const auto& p : top)
            high = std::max(high, p.y);
        for (const auto& p : bottom)
            low = std::min(low, p.y);
        track.top->replace(toList(top));
        track.bottom->replace(toList(bottom));
        track.line->replace(toList(downsampleMinMax(medians, columns)));
        if (track.points)
            track.points->replace(toList(medians));
    }
    if (!std::isfinite(low))
        return;
    fitAxis(m_xAxis, 1, std::max(2.0, double(timeline.size())), AxisValues::Counts);
    fitAxis(m_yAxis, low, high);
    for (std::size_t t = 0; t < m_trends->size(); ++t) {
        const auto& trend = (*m_trends)[t];
        auto& track = m_tracks[t];
        std::size_t begin = 0;
        for (std::size_t k = 0; k < track.steps.size(); ++k) {
            const std::size_t end = k < trend.changes.size() ? trend.changes[k].index : trend.points.size();
            const double level
                = k < trend.changes.size() ? trend.changes[k].change.before : trend.changes.back().change.after;
            track.steps[k]->replace({ QPointF(m_x[trend.points[begin].runSet], scale(t, level)),
                QPointF(m_x[trend.points[end - 1].runSet], scale(t, level)) });
            if (k < track.marks.size()) {
                const double at = m_x[trend.points[end].runSet] - 0.5;
                track.marks[k]->replace({ QPointF(at, m_yAxis->min()), QPointF(at, m_yAxis->max()) });
            }
            begin = end;
        }
    }
    fitLegend(int(m_trends->size()));
}

const TrendPoint* HistoryChart::pointAt(const QXYSeries* series, QPointF point) const
{
    const auto it = m_seriesTrend.find(series);
    if (it == m_seriesTrend.end() || !m_trends)
        return nullptr;
    const auto& trend = (*m_trends)[it->second];
    for (const auto& p : trend.points) {
        const auto x = m_x.find(p.runSet);
        if (x != m_x.end() && std::abs(x->second - point.x()) < 0.5)
            return &p;
    }
    return nullptr;
}

QString HistoryChart::describePoint(const QXYSeries* series, QPointF point) const
{
    const auto* p = pointAt(series, point);
    if (!p)
        return {};
    const auto& trend = (*m_trends)[m_seriesTrend.at(series)];
    QString text = QString::fromStdString(trend.name) + QLatin1Char('\n')
        + tr("Run set %1, %2").arg(p->runSet).arg(QString::fromStdString(p->measuredAt));
    if (!p->commit.empty())
        text += QLatin1Char('\n')
            + tr("Commit %1%2 on %3")
                  .arg(QString::fromStdString(p->commit.substr(0, 10)), p->dirty ? QStringLiteral("+") : QString(),
                      QString::fromStdString(p->branch));
    if (!p->subject.empty())
        text += QLatin1Char('\n') + QString::fromStdString(p->subject);
    if (p->median) {
        text += QLatin1Char('\n') + tr("Median %1").arg(QString::fromStdString(formatDuration(*p->median)));
        if (p->ciLow && p->ciHigh)
            text += tr(" (95%: %1 … %2)")
                        .arg(QString::fromStdString(formatDuration(*p->ciLow)),
                            QString::fromStdString(formatDuration(*p->ciHigh)));
    }
    return text + QLatin1Char('\n') + tr("Click to open it; Shift+click to compare it with the one clicked before");
}

void HistoryChart::pointClicked(const QXYSeries* series, QPointF point)
{
    if (const auto* p = pointAt(series, point))
        Q_EMIT runSetClicked(p->runSet, QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier));
}

} // namespace pyrometer::ui
