#pragma once

#include "ui/snapshot/results_snapshot.h"

#include <QAbstractTableModel>

namespace pyrometer::ui {

/// One row per benchmark with the figures `pyrometer run` prints, in units chosen for reading. The sort role
/// gives the raw number (seconds, bytes) so that sorting is numeric.
class SummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Runs,
        Median,
        MedianCi,
        Mean,
        Cv,
        Min,
        Max,
        User,
        Sys,
        PeakRss,
        Outliers,
        Relative,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit SummaryModel(QObject* parent = nullptr);

    /// Swaps in new results; call on the GUI thread.
    void setSnapshot(ResultsSnapshot snapshot);
    const ResultsSnapshot& snapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// `rows` as a spreadsheet pastes them: a header row, then tab-separated plain numbers in one unit per column
    /// (seconds, MiB, percent), full names, and nothing where a figure is not available.
    QString spreadsheetText(const QList<int>& rows) const;

private:
    QVariant statedText(const StatedSummary& stated, int column) const;
    ResultsSnapshot m_snapshot;
};

} // namespace pyrometer::ui
