#include "ui/profile/flame_graph_widget.h"

#include "ui/charts/image_export.h"
#include "ui/profile/hotspots_model.h"

#include "core/model/units.h"

#include <QFileDialog>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QToolTip>

namespace pyrometer::ui {
namespace {
constexpr int rowHeight = 20;
constexpr int headerHeight = 22;

/// Warm colours, one per source file so that a file's functions look alike; built-ins in a cool grey.
QColor boxColor(const ProfileFunction& f)
{
    if (f.file == "~")
        return QColor::fromRgb(0xB8C4CF);
    const auto hash = qHash(QString::fromStdString(f.file));
    return QColor::fromHsv(static_cast<int>(hash % 45), 110 + static_cast<int>((hash >> 8) % 70), 235);
}
} // namespace

FlameGraphWidget::FlameGraphWidget(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumHeight(headerHeight + 4 * rowHeight);
}

void FlameGraphWidget::setProfile(std::shared_ptr<const void> owner, const Profile* profile)
{
    m_owner = std::move(owner);
    m_profile = profile;
    m_focus.reset();
    layoutGraph();
}

void FlameGraphWidget::setColoring(
    std::function<QColor(std::size_t function)> color, std::function<QString(std::size_t)> note)
{
    m_color = std::move(color);
    m_note = std::move(note);
    update();
}

QColor FlameGraphWidget::colorOf(std::size_t function) const
{
    if (m_color)
        return m_color(function);
    return m_profile && function < m_profile->functions.size() ? boxColor(m_profile->functions[function]) : QColor();
}

void FlameGraphWidget::zoomTo(std::optional<std::size_t> function)
{
    if (!m_profile || (function && *function >= m_profile->functions.size()))
        return;
    m_focus = function;
    layoutGraph();
    Q_EMIT zoomed(m_focus);
}

void FlameGraphWidget::layoutGraph()
{
    m_graph = m_profile ? flameGraph(*m_profile, m_focus, 0.0005) : FlameGraph {};
    setMinimumHeight(headerHeight + std::max(4, m_graph.depth) * rowHeight + 2);
    updateGeometry();
    update();
}

bool FlameGraphWidget::exportImage(const QString& path, double scale)
{
    return renderImage(path, size(), scale, [this](QPainter& painter, const QRectF&) { render(&painter); });
}

QWidget* FlameGraphWidget::exportButton(std::function<void(const QString&)> report)
{
    auto* button = new QPushButton(tr("Export Flame Graph…"));
    button->setToolTip(tr("Save the flame graph as PNG or SVG"));
    connect(button, &QPushButton::clicked, this, [this, report = std::move(report)] {
        const auto path = QFileDialog::getSaveFileName(
            this, tr("Export Flame Graph"), {}, tr("PNG image (*.png);;SVG image (*.svg)"));
        if (!path.isEmpty())
            report(exportImage(path) ? tr("Exported %1").arg(path) : tr("Cannot write %1").arg(path));
    });
    return button;
}

QSize FlameGraphWidget::sizeHint() const
{
    return { 600, headerHeight + std::max(4, m_graph.depth) * rowHeight + 2 };
}

QRectF FlameGraphWidget::boxRect(const FlameBox& box) const
{
    const double scale = m_graph.totalSeconds > 0 ? (width() - 2) / m_graph.totalSeconds : 0;
    return { 1 + box.startSeconds * scale, static_cast<double>(headerHeight + box.depth * rowHeight),
        box.seconds * scale, static_cast<double>(rowHeight - 1) };
}

int FlameGraphWidget::boxAt(QPoint position) const
{
    for (std::size_t i = 0; i < m_graph.boxes.size(); ++i) {
        if (boxRect(m_graph.boxes[i]).contains(position))
            return static_cast<int>(i);
    }
    return -1;
}

void FlameGraphWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().color(QPalette::Text));
    QString header;
    if (!m_profile || m_graph.boxes.empty()) {
        header = tr("No profile: tick Profile in Run Settings and run again.");
    } else {
        header = m_focus ? tr("Zoomed on %1 (%2) — right-click to see the whole profile")
                               .arg(QString::fromStdString(m_profile->functions[*m_focus].name),
                                   QString::fromStdString(formatDuration(m_graph.totalSeconds)))
                         : tr("Whole profile (%1) — click a box to zoom")
                               .arg(QString::fromStdString(formatDuration(m_graph.totalSeconds)));
    }
    painter.drawText(QRect(4, 0, width() - 8, headerHeight), Qt::AlignVCenter | Qt::AlignLeft, header);
    if (!m_profile)
        return;
    const QFontMetrics metrics(font());
    for (const auto& box : m_graph.boxes) {
        const auto r = boxRect(box);
        if (r.width() < 0.5)
            continue;
        const auto& f = m_profile->functions[box.function];
        painter.fillRect(r, colorOf(box.function));
        if (r.width() < 30)
            continue;
        painter.setPen(QColor(Qt::black));
        const auto text
            = metrics.elidedText(QString::fromStdString(f.name), Qt::ElideRight, static_cast<int>(r.width()) - 6);
        painter.drawText(r.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
}

void FlameGraphWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::RightButton) {
        zoomTo(std::nullopt);
        return;
    }
    if (const int i = boxAt(event->position().toPoint()); i >= 0 && event->button() == Qt::LeftButton)
        zoomTo(m_graph.boxes[static_cast<std::size_t>(i)].function);
}

bool FlameGraphWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && m_profile) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = boxAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            return true;
        }
        const auto& box = m_graph.boxes[static_cast<std::size_t>(i)];
        const auto& f = m_profile->functions[box.function];
        const double share = m_graph.totalSeconds > 0 ? 100 * box.seconds / m_graph.totalSeconds : 0;
        QToolTip::showText(help->globalPos(),
            tr("<b>%1</b><br>%2<br>%3 here (%4%), %5 cumulative in all, %6 own<br>%7 calls")
                    .arg(QString::fromStdString(f.name).toHtmlEscaped(),
                        (f.file == "~" ? tr("built-in")
                                       : QString::fromStdString(f.file) + QLatin1Char(':') + QString::number(f.line))
                            .toHtmlEscaped(),
                        QString::fromStdString(formatDuration(box.seconds)), QString::number(share, 'f', 1),
                        QString::fromStdString(formatDuration(f.cumulativeSeconds)),
                        QString::fromStdString(formatDuration(f.totalSeconds)), QString::number(f.calls))
                + (m_note ? QStringLiteral("<br>") + m_note(box.function).toHtmlEscaped() : QString()),
            this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace pyrometer::ui
