#pragma once

#include <QRegularExpression>
#include <QString>
#include <QTest>
#include <QXmlStreamReader>

namespace pyrometer::test {

/// Checks that an HTML report stands alone and is well formed: no script, nothing fetched (no external source,
/// stylesheet or link), and every tag it opens is closed (it reads as XML once the void elements are closed).
inline void checkSelfContainedPage(const QString& page)
{
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(!page.contains(QStringLiteral("<script")));
    QVERIFY(!page.contains(QRegularExpression(QStringLiteral("\\b(src|href)=\"|@import|url\\("))));
    auto xml = page;
    xml.remove(0, xml.indexOf(QStringLiteral("<html")));
    xml.replace(QRegularExpression(QStringLiteral("<(meta|br)([^>]*)>")), QStringLiteral("<\\1\\2/>"));
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    QVERIFY2(!reader.hasError(),
        qPrintable(reader.errorString() + QStringLiteral(" at line ") + QString::number(reader.lineNumber())));
}

} // namespace pyrometer::test
