#pragma once

#include "ui/snapshot/results_snapshot.h"

#include <QAbstractTableModel>
#include <utility>
#include <vector>

namespace pyrometer::ui {

/// One row per run of every benchmark — warmups and failed runs too — in the order each benchmark ran them.
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Benchmark, Run, Kind, Outcome, Wall, User, Sys, PeakRss, HashSeed, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit RunsModel(QObject* parent = nullptr);

    /// Swaps in new results; call on the GUI thread.
    void setSnapshot(ResultsSnapshot snapshot);
    /// The benchmark and run index a row shows.
    std::pair<std::size_t, std::size_t> runAt(int row) const
    {
        const auto& r = m_rows[static_cast<std::size_t>(row)];
        return { r.benchmark, r.run };
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ResultsSnapshot m_snapshot;
    struct Row
    {
        std::size_t benchmark;
        std::size_t run; ///< index into BenchmarkResult::runs
        std::size_t number; ///< runNumber(): among the runs of its kind
    };
    std::vector<Row> m_rows;
};

} // namespace pyrometer::ui
