#include "ui/charts/chart_panel.h"

#include "ui/charts/image_export.h"

#include "core/formats/svg.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QXYSeries>
#include <array>
#include <cmath>
#include <map>

namespace pyrometer::ui {

ChartPanel::ChartPanel(const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(new QChart))
    , m_controls(new QHBoxLayout)
    , m_resized(new QTimer(this))
{
    m_resized->setSingleShot(true);
    m_resized->setInterval(100);
    connect(m_resized, &QTimer::timeout, this, [this] {
        if (hasData())
            refresh();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_controls->addStretch();
    layout->addLayout(m_controls);
    layout->addWidget(m_view, 1);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(200, 150);
    // Hover values, for every chart alike: the panel watches the pointer instead of each series' own signals,
    // which the series drawn on top (a rolling median, a marker) take from those beneath.
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    // Zoom: drag a rectangle, or turn the wheel; a middle-button drag pans; a double-click or Reset shows the
    // whole data again. The axes then keep the user's range across live refreshes.
    m_view->setRubberBand(QChartView::RectangleRubberBand);
    auto* reset = new QToolButton;
    reset->setObjectName(QStringLiteral("resetZoom"));
    reset->setText(tr("Reset zoom"));
    reset->setToolTip(tr("Show the whole data again (or double-click the chart); drag a rectangle or turn the "
                         "wheel to zoom, drag with the middle button to pan"));
    reset->setAutoRaise(true);
    reset->setVisible(false); // shown while zoomed
    connect(reset, &QToolButton::clicked, this, &ChartPanel::resetZoom);
    connect(chart(), &QChart::plotAreaChanged, reset, [this, reset] { reset->setVisible(chart()->isZoomed()); });
    m_controls->insertWidget(0, reset);
    auto* exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("exportChart"));
    // An icon: two panels' controls side by side must leave the docks room on a 1024-pixel screen in German.
    exportButton->setText(tr("Export…"));
    exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    exportButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    exportButton->setAccessibleName(exportButton->text());
    exportButton->setToolTip(tr("Export… — save this chart as PNG (at a resolution you choose) or SVG"));
    exportButton->setAutoRaise(true);
    connect(exportButton, &QToolButton::clicked, this, &ChartPanel::exportFromDialog);
    m_controls->insertWidget(1, exportButton);
    chart()->setTitle(title);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    // Only the theme here: the subclass that would make series does not exist yet.
    chart()->setTheme(
        palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundRoundness(0);
}

QChart* ChartPanel::chart() const
{
    return m_view->chart();
}

void ChartPanel::setSnapshot(ResultsSnapshot snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_snapshot = std::move(snapshot);
    refresh();
}

void ChartPanel::clearChart()
{
    chart()->removeAllSeries();
    // removeAxis() gives the axis back instead of deleting it: every rebuild leaked its axes (LeakSanitizer).
    for (auto* axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
}

QAreaSeries* ChartPanel::areaSeries(QLineSeries* upper, QLineSeries* lower)
{
    auto* area = new QAreaSeries(upper, lower);
    for (auto* line : { upper, lower }) {
        if (line)
            line->setParent(area);
    }
    return area;
}

void ChartPanel::setMinimumChartSize(QSize size)
{
    m_view->setMinimumSize(size);
}

int ChartPanel::plotWidth() const
{
    const int width = static_cast<int>(chart()->plotArea().width());
    return width > 10 ? width : 800;
}

int ChartPanel::plotHeight() const
{
    const int height = static_cast<int>(chart()->plotArea().height());
    return height > 10 ? height : 600;
}

void ChartPanel::fitCategoryLabels(QBarCategoryAxis* axis, const QStringList& names)
{
    if (names.isEmpty())
        return;
    // Qt Charts elides a name that does not fit its share of the width at the end, down to "fi…" or "…".
    // Elided here in the middle instead ("json_r…p.py"), to the width there is; where not even six characters
    // fit, the names show on hover.
    const QFontMetrics metrics(axis->labelsFont());
    // Qt's budget for a name: the width over one more than the names (its layout counts the boundaries), less
    // padding; a character more to spare, as the plot area can narrow after this (wider axis labels) and Qt
    // then elides an elided name again ("allo……").
    const int room
        = plotWidth() / static_cast<int>(names.size() + 1) - metrics.horizontalAdvance(QStringLiteral("nnn"));
    const bool fits = room >= metrics.horizontalAdvance(QStringLiteral("abcdef"));
    if (fits) {
        QStringList shown;
        for (qsizetype i = 0; i < names.size(); ++i) {
            // Categories must differ: zero-width spaces tell apart names that elide alike.
            shown << chartText(metrics.elidedText(names[i], Qt::ElideMiddle, room)) + QString(i, QChar(0x200B));
        }
        if (axis->categories() != shown)
            axis->setCategories(shown);
    }
    axis->setLabelsVisible(fits);
    sayHoverForNames(fits ? 0 : names.size());
}

QColor ChartPanel::colorFor(const std::string& name)
{
    const auto& colors = svg::palette; // the reports' colours
    static std::map<std::string, std::size_t> given; // the GUI thread's only
    Q_ASSERT(QThread::currentThread() == qApp->thread());
    const auto [at, added] = given.try_emplace(name, given.size());
    return QColor::fromRgb(colors[at->second % colors.size()]);
}

void ChartPanel::fitAxis(QValueAxis* axis, double min, double max, AxisValues values) const
{
    if (chart()->isZoomed() && axis->max() > axis->min())
        return; // the user's zoom holds across live refreshes
    // A label every 80 pixels across and every 36 up, of the view less what titles, legend and labels take.
    const bool across = axis->orientation() == Qt::Horizontal;
    const int room = across ? m_view->width() - 90 : m_view->height() - 110;
    const int ticks = std::clamp(room / (across ? 80 : 36) + 1, 2, 11);
    const auto nice = values == AxisValues::Counts ? countAxis(min, max, ticks) : niceAxis(min, max, ticks);
    axis->setRange(nice.min, nice.max);
    axis->setTickCount(std::clamp(nice.tickCount(), 2, 21));
    // A little smaller than the text around the chart: a chart a laptop gives 150 pixels of height keeps its
    // labels and titles whole instead of eliding them to "…".
    auto font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    if (axis->labelsFont() != font) // setting it lays the chart out again, even when unchanged
        axis->setLabelsFont(font);
    font.setBold(true);
    if (axis->titleFont() != font)
        axis->setTitleFont(font);
    axis->setLabelFormat((values == AxisValues::SignedReal ? QStringLiteral("%+.") : QStringLiteral("%."))
        + QString::number(tickDecimals(nice)) + QLatin1Char('f'));
}

void ChartPanel::fitAxis(QAbstractAxis* axis, double min, double max) const
{
    if (auto* linear = qobject_cast<QValueAxis*>(axis))
        return fitAxis(linear, min, max);
    auto* log = qobject_cast<QLogValueAxis*>(axis);
    if (!log || (chart()->isZoomed() && log->max() > log->min()))
        return;
    min = min > 0 ? min : max / 10;
    if (!(max > min))
        max = min * 2;
    const double room = std::pow(max / min, 0.05);
    log->setRange(min / room, max * room);
    auto font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    if (log->labelsFont() != font)
        log->setLabelsFont(font);
    font.setBold(true);
    if (log->titleFont() != font)
        log->setTitleFont(font);
}

void ChartPanel::useLightMarkers(QXYSeries* series, QColor color, QColor border, qreal size)
{
    // Twice the size, so that the marker stays round on a high-density screen and in a 2x export.
    const int pixels = static_cast<int>(std::ceil(size * 2));
    QImage marker(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    marker.fill(Qt::transparent);
    QPainter painter(&marker);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(border.alpha() > 0 ? QPen(border, 2) : QPen(Qt::NoPen));
    painter.drawEllipse(QRectF(1, 1, pixels - 2, pixels - 2));
    painter.end();
    series->setMarkerSize(size);
    series->setLightMarker(marker);
}

void ChartPanel::fitLegend(int series, bool withoutLegend)
{
    const bool many = series > legendLimit;
    chart()->legend()->setVisible(!many && !withoutLegend);
    sayHoverForNames(many ? series : 0);
}

void ChartPanel::sayHoverForNames(qsizetype benchmarks)
{
    showNote(benchmarks > 0 ? tr("%1 benchmarks: hover for names").arg(benchmarks) : QString());
}

void ChartPanel::showNote(const QString& text)
{
    if (!m_manySeries && !text.isEmpty()) {
        m_manySeries = new QLabel;
        m_manySeries->setObjectName(QStringLiteral("manySeries"));
        m_manySeries->setTextFormat(Qt::PlainText);
        m_manySeries->setWordWrap(true); // a second line rather than a wider panel
        // After the log choice, else after every control (before the stretch that ends them).
        m_controls->insertWidget(m_log ? m_controls->indexOf(m_log) + 1 : m_controls->count() - 1, m_manySeries);
    }
    if (m_manySeries) {
        m_manySeries->setVisible(!text.isEmpty());
        m_manySeries->setText(text);
    }
}

QStringList ChartPanel::displayNames(const ResultsSnapshot& snapshot)
{
    QStringList names;
    for (const auto& name : snapshot.view().names)
        names << QString::fromStdString(name);
    return names;
}

bool ChartPanel::exportImage(const QString& path, qreal scale) const
{
    if (m_grid && m_grid->isVisible()) {
        // The small charts as they are laid out, whole even where they scroll out of sight.
        auto* grid = m_grid->widget();
        return renderImage(path, grid->size(), scale, [grid](QPainter& painter, const QRectF& target) {
            painter.save();
            painter.translate(target.topLeft());
            painter.scale(target.width() / grid->width(), target.height() / grid->height());
            grid->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
            painter.restore();
        });
    }
    return renderImage(path, chart()->size().toSize(), scale, [this](QPainter& painter, const QRectF& target) {
        chart()->scene()->render(&painter, target, chart()->geometry());
    });
}

void ChartPanel::exportFromDialog()
{
    QString filter;
    const auto path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), {}, tr("PNG image (*.png);;SVG image (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    qreal scale = 2.0;
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0) {
        bool ok = false;
        scale = QInputDialog::getDouble(
            this, tr("Export Chart"), tr("Resolution (times the size on screen):"), 2.0, 1.0, 8.0, 1, &ok);
        if (!ok)
            return;
    }
    Q_EMIT message(exportImage(path, scale) ? tr("Exported %1").arg(path) : tr("Cannot write %1").arg(path));
}

void ChartPanel::refresh()
{
    // Hidden in a window on screen; a window not shown at all (a test, an export) is drawn as asked.
    if (!isVisible() && window()->isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (m_log && !m_logChosen && m_snapshot) {
        // Until the user chooses, the scale follows the data: logarithmic while medians differ tenfold.
        const auto& view = m_snapshot.view();
        double low = 0, high = 0;
        for (const auto& b : view.benchmarks) {
            if (b.sortedWalls.empty() || !(b.box.median > 0))
                continue;
            low = low > 0 ? std::min(low, b.box.median) : b.box.median;
            high = std::max(high, b.box.median);
        }
        const QSignalBlocker quiet(m_log);
        m_log->setChecked(low > 0 && high / low > 10);
    }
    if (m_separate) {
        refreshMultiples();
        if (smallMultiples() && !m_multiples.empty())
            return; // the shared chart is hidden: not drawn until it shows again
    }
    rebuild();
    for (auto* marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, &ChartPanel::legendClicked, Qt::UniqueConnection);
        const auto* series = marker->series();
        const bool hidden = m_hidden.contains(series->name());
        auto* s = marker->series();
        s->setVisible(!hidden);
        // Every benchmark keeps its entry, a hidden one too (to show it again); a series that belongs with another
        // has none. (Asking the marker whether it is visible answers for its parents as well: a legend not yet laid
        // out hid every entry for good.)
        marker->setVisible(series->property("pyrometerOwner").toString().isEmpty());
        marker->setLabel(chartText(series->name()));
        auto brush = marker->labelBrush();
        auto color = palette().color(QPalette::WindowText);
        color.setAlphaF(hidden ? 0.4f : 1.0f);
        brush.setColor(color);
        marker->setLabelBrush(brush);
    }
    dropOptionalEntries();
    // Series that belong with a hidden one go with it.
    for (auto* series : chart()->series()) {
        const auto owner = series->property("pyrometerOwner").toString();
        if (!owner.isEmpty())
            series->setVisible(!m_hidden.contains(owner));
    }
}

void ChartPanel::optionalEntry(QAbstractSeries* series)
{
    series->setProperty("pyrometerOptionalEntry", true);
}

void ChartPanel::dropOptionalEntries()
{
    // Qt elides every entry of a legend too long for its line ("ge…", "all…"): the optional ones go first.
    auto* legend = chart()->legend();
    if (!legend->isVisible())
        return;
    const QFontMetrics metrics(legend->font());
    int needed = 0;
    for (auto* marker : legend->markers()) {
        if (marker->series()->property("pyrometerOwner").toString().isEmpty())
            needed += metrics.horizontalAdvance(marker->series()->name()) + 2 * metrics.height();
    }
    if (needed <= static_cast<int>(chart()->size().width()) - 2 * metrics.height())
        return;
    for (auto* marker : legend->markers()) {
        if (marker->series()->property("pyrometerOptionalEntry").toBool())
            marker->setVisible(false);
    }
}

void ChartPanel::belongsTo(QAbstractSeries* series, const QString& owner)
{
    series->setProperty("pyrometerOwner", owner);
}

void ChartPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_resized->start();
}

void ChartPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void ChartPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ChartPanel::applyTheme()
{
    // The chart follows the application's palette, so that it reads in light and dark desktops alike; series
    // colours are set by the panels and survive the theme change on the next rebuild.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart()->theme() == theme && !chart()->series().isEmpty())
        return;
    chart()->setTheme(theme);
    chart()->setBackgroundRoundness(0);
    forgetSeries();
    if (hasData())
        refresh();
}

} // namespace pyrometer::ui
