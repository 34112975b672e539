#pragma once

#include "core/measure/suite.h"
#include "core/model/run_plan.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace pyrometer::ui {

/// The benchmarks the user set up: scripts and commands with their interpreter, arguments, environment and
/// working directory, and benchmark files as a tree: the file, its functions, their parameter values, each function
/// and value with a check box that selects what runs. Cells are edited in place; a problem found before a run is
/// shown next to its row.
class BenchmarkListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Target,
        Interpreter,
        Arguments,
        Environment,
        WorkingDirectory,
        Setup, ///< the hooks (--setup, --prepare, --conclude, --cleanup): shell commands around the runs
        Prepare,
        Conclude,
        Cleanup,
        Problem,
        ColumnCount
    };

    explicit BenchmarkListModel(QObject* parent = nullptr);

    void addScript(const QString& path, const QString& interpreter);
    void addCommand(const QStringList& argv);
    /// A benchmark file as discovery found it: a row for the file, one per function under it, and one per case (a
    /// combination of params, or a size) under a function that has several; all checked. `base` gives the
    /// interpreter and settings, `options` the sizes and the timing of functions.
    void addSuite(const BenchmarkRequest& base, const SuiteFile& file, const SuiteOptions& options);
    /// The sizes of functions that take one, in every benchmark file added: their cases are made anew (a size that
    /// stays keeps its check box).
    void setSizes(const std::vector<std::int64_t>& sizes);
    /// Removes the top-level rows `rows` (a script, a command or a whole benchmark file).
    void removeRows(const QList<int>& rows);
    /// Removes what `indexes` name: top-level rows whole, a function or a case of a benchmark file alone.
    void remove(const QModelIndexList& indexes);
    void clear();
    /// What runs, in order: every script and command, and each checked case of every benchmark file.
    std::vector<BenchmarkRequest> requests() const;
    /// Replaces everything; consecutive benchmark functions of one file become that file's tree.
    void setRequests(std::vector<BenchmarkRequest> requests);
    /// Shows a problem next to the row of requests()[benchmark] (empty clears it).
    void setProblem(int benchmark, const QString& message);
    void clearProblems();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// A function of a benchmark file: its cases, each checked or not.
    struct Function
    {
        std::string name;
        std::vector<std::string> paramNames; ///< in the file's order, for the cases' text
        bool takesSize = false;
        std::vector<BenchmarkRequest> cases;
        std::vector<bool> checked;
        /// One row, without cases under it: a function with no params and no size.
        bool single() const { return cases.size() == 1 && cases.front().function->caseId == "-"; }
    };
    /// A top-level row: a script or command, or a benchmark file (`suite`) with its functions.
    struct Entry
    {
        BenchmarkRequest request; ///< the script or command; of a benchmark file, what its functions share
        bool suite = false;
        std::vector<Function> functions;
        SuiteOptions options; ///< how the file's functions were made
        QString problem;
    };
    /// Where an index points: an entry, a function of it, a case of that.
    struct Place
    {
        std::size_t entry = 0;
        std::optional<std::size_t> function;
        std::optional<std::size_t> caseIndex;
    };
    Place placeOf(const QModelIndex& index) const;
    Qt::CheckState checkState(const Place& place) const;
    void setChecked(const Place& place, bool checked);
    /// Every request of `entry` (checked or not), for edits that apply to all.
    template <typename F> void forEachRequest(Entry& entry, F&& edit);
    void insertEntry(Entry entry);
    std::vector<std::string> shownNames() const;

    std::vector<Entry> m_entries;
};

} // namespace pyrometer::ui
