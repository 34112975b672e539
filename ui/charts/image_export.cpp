#include "ui/charts/image_export.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <algorithm>

namespace pyrometer::ui {

bool renderImage(const QString& path, QSize size, double scale,
    const std::function<void(QPainter& painter, const QRectF& target)>& draw)
{
    if (size.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QRectF target(QPointF(0, 0), QSizeF(size));
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(target);
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        draw(painter, target);
        if (!painter.end())
            return false;
        return file.commit();
    }
    scale = std::clamp(scale, 1.0, 8.0);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        draw(painter, target);
    }
    return image.save(&file, "PNG") && file.commit();
}

} // namespace pyrometer::ui
