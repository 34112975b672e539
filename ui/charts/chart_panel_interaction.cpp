#include "ui/charts/chart_panel.h"

// How the chart panel answers the pointer: hover texts, clicks on points, the legend, zoom and pan.

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>
#include <QXYSeries>
#include <cmath>

namespace pyrometer::ui {

QString ChartPanel::hoverTextAt(QPoint position) const
{
    if (!hasData())
        return {};
    const auto inView = m_view->mapFrom(this, position);
    return hoverText(m_view->mapToScene(inView));
}

QString ChartPanel::hoverText(QPointF position) const
{
    const auto nearest = nearestPoint(position);
    return nearest.series ? describePoint(nearest.series, nearest.point) : QString();
}

QString ChartPanel::describePoint(const QXYSeries* series, QPointF point) const
{
    return QStringLiteral("%1\n%2, %3").arg(series->name()).arg(point.x()).arg(point.y());
}

void ChartPanel::pointClicked(const QXYSeries*, QPointF)
{
}

ChartPanel::NearestPoint ChartPanel::nearestPoint(QPointF position, qreal radius) const
{
    if (!chart()->plotArea().adjusted(-radius, -radius, radius, radius).contains(position))
        return {};
    // What is drawn as points (a run, a marker) first, then what is drawn as lines: a run on its rolling median
    // is the run under the pointer, however the two round to pixels.
    for (const bool markers : { true, false }) {
        NearestPoint best;
        qreal bestDistance = radius * radius;
        for (auto* abstract : chart()->series()) {
            auto* series = qobject_cast<QXYSeries*>(abstract);
            if (!series || !series->isVisible()
                || (qobject_cast<QScatterSeries*>(series) != nullptr || series->pointsVisible()) != markers)
                continue;
            const auto points = series->points();
            for (const auto& point : points) {
                const auto at = chart()->mapToPosition(point, series);
                const auto d = at - position;
                const qreal distance = d.x() * d.x() + d.y() * d.y();
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = { series, point };
                }
            }
        }
        if (best.series)
            return best;
    }
    return {};
}

void ChartPanel::legendClicked()
{
    if (auto* marker = qobject_cast<QLegendMarker*>(sender()))
        toggleSeries(marker->series()->name());
}

void ChartPanel::toggleSeries(const QString& name)
{
    if (!m_hidden.remove(name))
        m_hidden.insert(name);
    if (hasData())
        refresh();
}

void ChartPanel::zoomBy(qreal factor)
{
    chart()->zoom(factor);
    zoomChanged();
}

void ChartPanel::zoomChanged()
{
    if (auto* reset = findChild<QToolButton*>(QStringLiteral("resetZoom")))
        reset->setVisible(chart()->isZoomed());
}

void ChartPanel::resetZoom()
{
    chart()->zoomReset();
    zoomChanged();
    if (hasData())
        refresh();
}

bool ChartPanel::isZoomed() const
{
    return chart()->isZoomed();
}

bool ChartPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::Wheel: {
            const auto* wheel = static_cast<QWheelEvent*>(event);
            const qreal factor = wheel->angleDelta().y() > 0 ? 1.25 : 0.8;
            // Zoom under the pointer: the point there stays where it is.
            const auto at = m_view->mapToScene(wheel->position().toPoint());
            const auto plot = chart()->plotArea();
            QRectF area(0, 0, plot.width() / factor, plot.height() / factor);
            area.moveCenter(QPointF(
                at.x() + (plot.center().x() - at.x()) / factor, at.y() + (plot.center().y() - at.y()) / factor));
            chart()->zoomIn(area);
            zoomChanged();
            return true;
        }
        case QEvent::MouseButtonDblClick:
            resetZoom();
            return true;
        case QEvent::MouseButtonPress:
            if (static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton)
                m_clickFrom = static_cast<QMouseEvent*>(event)->position().toPoint();
            if (static_cast<QMouseEvent*>(event)->button() == Qt::MiddleButton) {
                m_panning = true;
                m_panFrom = static_cast<QMouseEvent*>(event)->position().toPoint();
                return true;
            }
            break;
        case QEvent::MouseButtonRelease: {
            const auto* release = static_cast<QMouseEvent*>(event);
            if (m_panning && release->button() == Qt::MiddleButton) {
                m_panning = false;
                return true;
            }
            // A click, not a drag: the point under it (the view's rubber band ignores an empty rectangle).
            if (release->button() == Qt::LeftButton && hasData()
                && (release->position().toPoint() - m_clickFrom).manhattanLength() < 4) {
                const auto nearest = nearestPoint(m_view->mapToScene(release->position().toPoint()));
                if (nearest.series)
                    pointClicked(nearest.series, nearest.point);
            }
            break;
        }
        default:
            break;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease)
        QTimer::singleShot(0, this, &ChartPanel::zoomChanged); // after a rubber band zoomed in or out
    if (watched == m_view->viewport() && event->type() == QEvent::MouseMove && m_panning) {
        const auto at = static_cast<QMouseEvent*>(event)->position().toPoint();
        chart()->scroll(m_panFrom.x() - at.x(), at.y() - m_panFrom.y());
        m_panFrom = at;
        return true;
    }
    if (watched == m_view->viewport() && event->type() == QEvent::MouseMove) {
        const auto* move = static_cast<QMouseEvent*>(event);
        const auto text = hasData() ? hoverText(m_view->mapToScene(move->position().toPoint())) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(move->globalPosition().toPoint(), text, m_view);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pyrometer::ui
