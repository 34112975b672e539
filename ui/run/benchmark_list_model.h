#pragma once

#include "core/model/run_plan.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace pyrometer::ui {

/// The benchmarks the user set up: scripts and commands with their interpreter, arguments, environment and
/// working directory. Cells are edited in place; a problem found before a run is shown next to its row.
class BenchmarkListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Target, Interpreter, Arguments, Environment, WorkingDirectory, Problem, ColumnCount };

    explicit BenchmarkListModel(QObject* parent = nullptr);

    void addScript(const QString& path, const QString& interpreter);
    void addCommand(const QStringList& argv);
    void removeRows(const QList<int>& rows);
    void clear();
    const std::vector<BenchmarkRequest>& requests() const { return m_requests; }
    void setRequests(std::vector<BenchmarkRequest> requests);
    /// Shows a problem next to a row (empty clears it).
    void setProblem(int row, const QString& message);
    void clearProblems();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::string> shownNames() const;

    std::vector<BenchmarkRequest> m_requests;
    std::vector<QString> m_problems;
};

} // namespace pyrometer::ui
