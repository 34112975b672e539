#include "ui/run/python_finder.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

namespace pyrometer::ui {

QStringList findPythons()
{
    QStringList found;
    QSet<QString> seen;
    const auto add = [&](const QString& path) {
        const QFileInfo info(path);
        if (path.isEmpty() || !info.isExecutable() || info.isDir())
            return;
        const auto real = info.canonicalFilePath();
        if (seen.contains(real))
            return;
        seen.insert(real);
        found << path;
    };
    QStringList names { QStringLiteral("python3"), QStringLiteral("pypy3") };
    for (int minor = 8; minor <= 14; ++minor)
        names << QStringLiteral("python3.%1").arg(minor);
    if (const auto onPath = QStandardPaths::findExecutable(QStringLiteral("python3")); !onPath.isEmpty()) {
        seen.insert(QFileInfo(onPath).canonicalFilePath());
        found << QStringLiteral("python3");
    }
    for (const auto& name : names)
        add(QStandardPaths::findExecutable(name));
    for (const auto& dir : { QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin") }) {
        for (const auto& name : names)
            add(dir + QLatin1Char('/') + name);
    }
    const QDir pyenv(QDir::homePath() + QStringLiteral("/.pyenv/versions"));
    for (const auto& version : pyenv.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        add(pyenv.filePath(version + QStringLiteral("/bin/python3")));
    return found;
}

} // namespace pyrometer::ui
