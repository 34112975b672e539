#include "ui/run/python_finder.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QStyledItemDelegate>

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

namespace {
constexpr int versionRole = Qt::UserRole + 1;

/// Shows an interpreter's version and full path after its name in the list.
class PythonItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto version = index.data(versionRole).toString();
        if (!version.isEmpty())
            option->text += QStringLiteral("  —  ") + version;
    }
};
} // namespace

QString pythonVersionHint(const QString& path)
{
    const auto located = path.contains(QLatin1Char('/')) ? path : QStandardPaths::findExecutable(path);
    if (located.isEmpty())
        return {};
    const QFileInfo info(located);
    const auto real = info.canonicalFilePath();
    static const QRegularExpression pyenv(QStringLiteral("/versions/([^/]+)/bin/"));
    if (const auto match = pyenv.match(real.isEmpty() ? located : real); match.hasMatch())
        return QStringLiteral("Python ") + match.captured(1);
    const auto name = QFileInfo(real.isEmpty() ? located : real).fileName();
    if (name.startsWith(QLatin1String("pypy")))
        return QStringLiteral("PyPy");
    static const QRegularExpression numbered(QStringLiteral("^python(\\d+\\.\\d+)$"));
    if (const auto match = numbered.match(name); match.hasMatch())
        return QStringLiteral("Python ") + match.captured(1);
    return {};
}

void fillPythonChoices(QComboBox* combo, const QStringList& pythons)
{
    combo->setItemDelegate(new PythonItemDelegate(combo));
    for (const auto& python : pythons) {
        combo->addItem(python);
        const int row = combo->count() - 1;
        const auto located = python.contains(QLatin1Char('/')) ? python : QStandardPaths::findExecutable(python);
        auto hint = pythonVersionHint(python);
        if (!located.isEmpty() && located != python)
            hint += (hint.isEmpty() ? QString() : QStringLiteral(", ")) + located;
        combo->setItemData(row, hint, versionRole);
        combo->setItemData(row, hint.isEmpty() ? python : python + QLatin1Char('\n') + hint, Qt::ToolTipRole);
    }
}

} // namespace pyrometer::ui
