#pragma once

#include "core/compare/profile_diff.h"

#include <QAbstractTableModel>

#include <memory>

namespace pyrometer::ui {

/// The hotspots of two profiles side by side: own time on each side and its change per function, the largest
/// increase first. The sort role gives plain numbers.
class FunctionDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Function, Location, BaselineOwn, CandidateOwn, Change, ChangePercent, Calls, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit FunctionDiffModel(QObject* parent = nullptr);
    /// Held, not copied: the comparison that computed it shares it.
    void setDiff(std::shared_ptr<const ProfileDiff> diff);
    const ProfileDiff& diff() const; ///< empty when none is set

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ProfileDiff> m_diff;
};

/// tracemalloc's allocation sites of both sides: live bytes at the end on each side and the change.
class AllocationDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Location, BaselineBytes, CandidateBytes, Change, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit AllocationDiffModel(QObject* parent = nullptr);
    void setDiff(std::shared_ptr<const std::vector<AllocationDiff>> diff);
    const std::vector<AllocationDiff>& diff() const; ///< empty when none is set

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const std::vector<AllocationDiff>> m_diff;
};

/// Red for a function that got slower, blue for one that got faster, stronger with the share of the total own
/// time the change is; grey for no change.
QColor changeColor(double changeSeconds, double totalSeconds);

} // namespace pyrometer::ui
