#pragma once

#include "core/probe/probe.h"

#include <QAbstractTableModel>
#include <memory>

namespace pyrometer::ui {

/// One row per function of a profile: calls, own time, cumulative time and where it is. The sort role gives raw
/// numbers; the filter role the text a filter box matches (name and location).
class HotspotsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Function, Own, OwnShare, Cumulative, Calls, Location, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int FunctionIndexRole = Qt::UserRole + 1;

    explicit HotspotsModel(QObject* parent = nullptr);

    /// Shows `profile` (kept alive by the snapshot that owns it); null for none. Call on the GUI thread.
    void setProfile(std::shared_ptr<const void> owner, const Profile* profile);
    const Profile* profile() const { return m_profile; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "app.py:12", or "built-in".
    static QString location(const ProfileFunction& function);

private:
    std::shared_ptr<const void> m_owner;
    const Profile* m_profile = nullptr;
    double m_total = 0; ///< own time of all functions
};

} // namespace pyrometer::ui
