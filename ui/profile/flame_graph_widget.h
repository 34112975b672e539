#pragma once

#include "core/probe/flame_graph.h"

#include <QColor>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

namespace pyrometer::ui {

/// An icicle graph of a profile: the script's module across the top, what it called below, each box as wide as
/// its time. Click a box to make its function the whole width, right-click to go back to the whole profile;
/// hovering a box tells its function, place and times.
class FlameGraphWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FlameGraphWidget(QWidget* parent = nullptr);

    /// Shows `profile` (kept alive by `owner`), zoomed out; null for none.
    void setProfile(std::shared_ptr<const void> owner, const Profile* profile);
    /// Colours boxes by what `color` gives each function (a differential flame graph), with `note` added to the
    /// tooltip; empty functions restore the colours by file.
    void setColoring(std::function<QColor(std::size_t function)> color, std::function<QString(std::size_t)> note);
    /// The colour the box of `function` is drawn in.
    QColor colorOf(std::size_t function) const;
    /// Makes `function` the whole width; nullopt shows the whole profile.
    void zoomTo(std::optional<std::size_t> function);
    std::optional<std::size_t> zoomedFunction() const { return m_focus; }
    const FlameGraph& graph() const { return m_graph; }
    /// The index into graph().boxes of the box at `position`, or -1.
    int boxAt(QPoint position) const;
    QRectF boxRect(const FlameBox& box) const;

    QSize sizeHint() const override;
    /// Writes the graph as PNG (at `scale` times its size) or SVG, as charts are exported.
    bool exportImage(const QString& path, double scale = 2.0);
    /// A button that asks where and exports; its outcome goes to `report`.
    QWidget* exportButton(std::function<void(const QString&)> report);

Q_SIGNALS:
    void zoomed(std::optional<std::size_t> function);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void layoutGraph();
    std::shared_ptr<const void> m_owner;
    const Profile* m_profile = nullptr;
    std::optional<std::size_t> m_focus;
    FlameGraph m_graph;
    std::function<QColor(std::size_t)> m_color;
    std::function<QString(std::size_t)> m_note;
};

} // namespace pyrometer::ui
