#include "ui/charts/time_series_panel.h"

#include "core/stats/chart_math.h"

#include "core/model/units.h"

#include "ui/snapshot/run_numbers.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

namespace pyrometer::ui {

TimeSeriesPanel::TimeSeriesPanel(QWidget* parent)
    : ChartPanel(tr("Wall time per run"), parent)
{
    addLogScaleChoice();
    addSmallMultiplesChoice([this](std::size_t b) {
        auto* panel = new TimeSeriesPanel;
        connect(panel, &TimeSeriesPanel::runSelected, this,
            [this, b](std::size_t, std::size_t run) { Q_EMIT runSelected(b, run); });
        return panel;
    });
}

void TimeSeriesPanel::clear()
{
    chart()->removeAllSeries();
    m_tracks.clear();
}

void TimeSeriesPanel::rebuild()
{
    auto* c = chart();
    if (m_y && isLogarithmic(m_y) != logScale())
        forgetSeries(); // series attach to their axes: made anew on the other scale
    if (!m_x) {
        m_x = new QValueAxis;
        m_y = timeAxis(logScale());
        m_x->setTitleText(tr("Run"));
        c->addAxis(m_x, Qt::AlignBottom);
        c->addAxis(m_y, Qt::AlignLeft);
    }
    if (!snapshot())
        return clear();

    const auto& view = snapshot().view();
    const double lowest = view.lowest, highest = view.highest, smallestMedian = view.smallestMedian;
    if (!view.any)
        return clear();
    m_unit = durationUnitFor(smallestMedian);
    m_y->setTitleText(tr("Wall time (%1)").arg(QString::fromUtf8(m_unit.symbol)));
    const auto names = displayNames(snapshot());
    fitLegend(static_cast<int>(names.size()));

    // Live refreshes only swap the points in; series are made anew when the benchmarks change, or when one
    // passes from large points to small ones (more than 500 runs).
    bool sameShape = m_tracks.size() == view.benchmarks.size() && names == m_names;
    for (std::size_t b = 0; sameShape && b < m_tracks.size(); ++b)
        sameShape = m_tracks[b].scatter == (view.benchmarks[b].sortedWalls.size() <= 500);
    if (!sameShape) {
        clear();
        m_names = names;
        for (std::size_t b = 0; b < view.benchmarks.size(); ++b)
            m_tracks.push_back(makeTrack(b, view.benchmarks[b].sortedWalls.size() <= 500));
    }

    // A min/max pair per two pixel columns: never more points than the chart has pixels across.
    const int columns = std::max(1, plotWidth() / 2);
    const auto toPoints = [&](const std::vector<Point>& seconds) {
        // Thinned again to this chart's own width, in the display unit.
        QList<QPointF> shown;
        for (const auto& p : downsampleMinMax(seconds, columns))
            shown.append(QPointF(p.x, p.y * m_unit.perSecond));
        return shown;
    };
    for (std::size_t b = 0; b < m_tracks.size(); ++b) {
        m_tracks[b].runs->replace(toPoints(view.benchmarks[b].runs));
        m_tracks[b].median->replace(toPoints(view.benchmarks[b].rollingMedian));
    }
    fitAxis(m_x, 1, std::max(view.lastRun, 2.0), AxisValues::Counts);
    fitAxis(m_y, lowest * m_unit.perSecond, highest * m_unit.perSecond);
}

TimeSeriesPanel::Track TimeSeriesPanel::makeTrack(std::size_t b, bool scatter)
{
    auto* c = chart();
    const auto color = colorFor(snapshot()->benchmarks[b].name);
    const auto& name = m_names[static_cast<qsizetype>(b)];
    Track track;
    track.scatter = scatter;
    // Runs are points, the rolling median a line: past 500 runs the points (a min/max pair per two pixel
    // columns) are small and see-through, so that the median stays distinct from them rather than both
    // becoming lines of one hue.
    auto* points = new QScatterSeries;
    auto pointColor = color;
    if (!scatter)
        pointColor.setAlpha(110);
    points->setBorderColor(scatter ? color : Qt::transparent);
    track.runs = points;
    track.runs->setName(name);
    track.runs->setColor(pointColor);
    useLightMarkers(points, pointColor, scatter ? color : Qt::transparent, scatter ? 6 : 3);
    c->addSeries(track.runs);
    track.runs->attachAxis(m_x);
    track.runs->attachAxis(m_y);

    track.median = new QLineSeries;
    track.median->setName(tr("%1 (rolling median)").arg(name));
    belongsTo(track.median, name);
    track.median->setPen(QPen(color.darker(scatter ? 130 : 170), 2.5));
    c->addSeries(track.median);
    track.median->attachAxis(m_x);
    track.median->attachAxis(m_y);
    // One legend entry per benchmark: the rolling median shares its colour (belongsTo() leaves it out).

    return track;
}

void TimeSeriesPanel::pointClicked(const QXYSeries* series, QPointF point)
{
    for (std::size_t b = 0; b < m_tracks.size(); ++b) {
        if (series != m_tracks[b].runs && series != m_tracks[b].median)
            continue;
        if (const auto run = measuredRunIndex(snapshot()->benchmarks[b], static_cast<std::size_t>(qRound(point.x()))))
            Q_EMIT runSelected(b, *run);
        return;
    }
}

QString TimeSeriesPanel::describePoint(const QXYSeries* series, QPointF point) const
{
    for (std::size_t b = 0; b < m_tracks.size(); ++b) {
        if (series != m_tracks[b].runs && series != m_tracks[b].median)
            continue;
        const auto& benchmark = snapshot()->benchmarks[b];
        const auto value = QString::fromStdString(formatDuration(point.y() / m_unit.perSecond));
        if (series == m_tracks[b].median)
            return tr("%1\nrolling median at run %2: %3")
                .arg(QString::fromStdString(benchmark.name))
                .arg(qRound(point.x()))
                .arg(value);
        return tr("%1\nrun %2: %3").arg(QString::fromStdString(benchmark.name)).arg(qRound(point.x())).arg(value);
    }
    return ChartPanel::describePoint(series, point);
}

void TimeSeriesPanel::forgetSeries()
{
    clearChart();
    m_tracks.clear();
    m_names.clear();
    m_x = nullptr;
    m_y = nullptr;
}

} // namespace pyrometer::ui
