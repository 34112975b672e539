#pragma once

#include "core/compare/comparison.h"

#include <QAbstractTableModel>
#include <QColor>
#include <memory>

namespace pyrometer::ui {

/// The colour of a verdict, the same in the window and the HTML report (core/compare/comparison_report.h).
QColor verdictColor(Verdict verdict);
/// The verdict in the user's language.
QString verdictName(Verdict verdict, double threshold);

/// One row per compared pair: both medians, the change with its interval, the p-value and the verdict.
class CompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Baseline, Candidate, Change, Interval, PValue, Verdict, Test, Cpu, Memory, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit CompareModel(QObject* parent = nullptr);
    void setComparison(std::shared_ptr<const Comparison> comparison);
    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }
    /// The name the table shows for pair `pair`.
    QString shownName(std::size_t pair) const { return m_names.value(static_cast<qsizetype>(pair)); }
    /// Every pair's name as shown, in the comparison's order.
    const QStringList& shownNames() const { return m_names; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Comparison> m_comparison;
    QStringList m_names; ///< each pair's name as shown (shortNames()); the full name is the tooltip
};

} // namespace pyrometer::ui
