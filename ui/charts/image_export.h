#pragma once

#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// Writes a picture `size` pixels large, drawn by `draw` into the target rectangle it is given: SVG when `path`
/// ends in .svg, else PNG at `scale` times the size (2: sharp on a high-density screen and in print). The file is
/// written aside and renamed into place once whole; false when it cannot be written.
bool renderImage(const QString& path, QSize size, double scale,
    const std::function<void(QPainter& painter, const QRectF& target)>& draw);

} // namespace pyrometer::ui
