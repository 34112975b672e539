#include "ui/profile/hotspots_model.h"

#include "core/model/units.h"

#include <QFileInfo>

namespace pyrometer::ui {

HotspotsModel::HotspotsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void HotspotsModel::setProfile(std::shared_ptr<const void> owner, const Profile* profile)
{
    beginResetModel();
    m_owner = std::move(owner);
    m_profile = profile;
    m_total = 0;
    if (m_profile) {
        for (const auto& f : m_profile->functions)
            m_total += f.totalSeconds;
    }
    endResetModel();
}

int HotspotsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_profile ? 0 : static_cast<int>(m_profile->functions.size());
}

int HotspotsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HotspotsModel::location(const ProfileFunction& f)
{
    if (f.file == "~")
        return tr("built-in");
    return QFileInfo(QString::fromStdString(f.file)).fileName() + QLatin1Char(':') + QString::number(f.line);
}

QVariant HotspotsModel::data(const QModelIndex& index, int role) const
{
    if (!m_profile || !index.isValid() || index.row() >= rowCount())
        return {};
    const auto& f = m_profile->functions[static_cast<std::size_t>(index.row())];
    const double share = m_total > 0 ? f.totalSeconds / m_total : 0;
    if (role == FunctionIndexRole)
        return index.row();
    if (role == Qt::TextAlignmentRole)
        return index.column() == Function || index.column() == Location ? QVariant()
                                                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == Function || index.column() == Location))
        return QString(QString::fromStdString(f.file) + QLatin1Char(':') + QString::number(f.line));
    if (role == SortRole) {
        switch (index.column()) {
        case Function:
            return QString::fromStdString(f.name);
        case Own:
        case OwnShare:
            return f.totalSeconds;
        case Cumulative:
            return f.cumulativeSeconds;
        case Calls:
            return static_cast<qlonglong>(f.calls);
        case Location:
            return QString(
                QString::fromStdString(f.file) + QLatin1Char(':') + QString::number(f.line).rightJustified(8));
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Function:
        return QString::fromStdString(f.name);
    case Own:
        return QString::fromStdString(formatDuration(f.totalSeconds));
    case OwnShare:
        return QString(QString::number(100 * share, 'f', 1) + QLatin1Char('%'));
    case Cumulative:
        return QString::fromStdString(formatDuration(f.cumulativeSeconds));
    case Calls:
        return f.calls == f.primitiveCalls
            ? QString::number(f.calls)
            : QString::number(f.calls) + QLatin1Char('/') + QString::number(f.primitiveCalls);
    case Location:
        return location(f);
    }
    return {};
}

QVariant HotspotsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Function:
        return tr("Function");
    case Own:
        return tr("Own time");
    case OwnShare:
        return tr("Own %");
    case Cumulative:
        return tr("Cumulative");
    case Calls:
        return tr("Calls");
    case Location:
        return tr("Location");
    }
    return {};
}

} // namespace pyrometer::ui
