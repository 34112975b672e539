#include "ui/results/runs_model.h"

#include "core/model/units.h"
#include "ui/results/run_details.h"
#include "ui/snapshot/run_numbers.h"

#include <QBrush>
#include <QThread>

namespace pyrometer::ui {

RunsModel::RunsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RunsModel::setSnapshot(ResultsSnapshot snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // The same benchmarks, none with fewer runs than before: the new snapshot continues the shown one.
    bool extends = m_snapshot && snapshot && m_snapshot->benchmarks.size() == snapshot->benchmarks.size();
    for (std::size_t b = 0; extends && b < snapshot->benchmarks.size(); ++b) {
        extends = m_snapshot->benchmarks[b].name == snapshot->benchmarks[b].name
            && m_snapshot->benchmarks[b].runs.size() <= snapshot->benchmarks[b].runs.size();
    }
    if (!extends) {
        std::vector<Row> rows;
        if (snapshot) {
            for (std::size_t b = 0; b < snapshot->benchmarks.size(); ++b) {
                const auto& runs = snapshot->benchmarks[b].runs;
                std::size_t measured = 0, warmups = 0;
                for (std::size_t r = 0; r < runs.size(); ++r)
                    rows.push_back({ b, r, runs[r].warmup ? ++warmups : ++measured });
            }
        }
        beginResetModel();
        m_snapshot = std::move(snapshot);
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    // Runs are only ever added during a run, so new rows are inserted and the view keeps its place and
    // selection. Rows are grouped by benchmark: each benchmark's new runs land inside the table.
    m_snapshot = std::move(snapshot);
    std::size_t at = 0;
    for (std::size_t b = 0; b < m_snapshot->benchmarks.size(); ++b) {
        std::size_t known = 0;
        while (at + known < m_rows.size() && m_rows[at + known].benchmark == b)
            ++known;
        const std::size_t now = m_snapshot->benchmarks[b].runs.size();
        if (now > known) {
            const int first = static_cast<int>(at + known);
            beginInsertRows({}, first, first + static_cast<int>(now - known) - 1);
            for (std::size_t r = known; r < now; ++r) {
                m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(at + r),
                    { b, r, runNumber(m_snapshot->benchmarks[b], r) });
            }
            endInsertRows();
        }
        at += now;
    }
}

int RunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [b, r, number] = m_rows[static_cast<std::size_t>(index.row())];
    const auto& benchmark = m_snapshot->benchmarks[b];
    const auto& run = benchmark.runs[r];
    if (role == Qt::ForegroundRole && !run.succeeded())
        return QBrush(Qt::red);
    if (role == Qt::TextAlignmentRole)
        return index.column() <= Kind ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Wall:
            return toSeconds(run.wall);
        case User:
            return toSeconds(run.user);
        case Sys:
            return toSeconds(run.sys);
        case PeakRss:
            return static_cast<qlonglong>(run.maxRssBytes);
        case Run:
            return static_cast<qulonglong>(r + 1); // the order they ran in, warmups first
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole)
        return {};
    const auto text = [](const std::string& s) { return QString::fromStdString(s); };
    switch (index.column()) {
    case Benchmark:
        return text(m_snapshot.view().names[b]);
    case Run:
        return static_cast<qulonglong>(number);
    case Kind:
        return run.warmup ? tr("warmup") : tr("measured");
    case Outcome:
        return run.succeeded() ? tr("ok") : text(run.outcome());
    case Wall:
        return text(formatDuration(toSeconds(run.wall)));
    case User:
        if (benchmark.measured.cpu && !benchmark.measured.cpuSplit)
            return tr("%1 (user + sys)").arg(text(formatDuration(toSeconds(run.user))));
        return benchmark.measured.cpu ? text(formatDuration(toSeconds(run.user))) : RunDetails::notAvailable();
    case Sys:
        return benchmark.measured.userAndSystem() ? text(formatDuration(toSeconds(run.sys)))
                                                  : RunDetails::notAvailable();
    case PeakRss:
        return benchmark.measured.memory ? text(formatBytes(static_cast<double>(run.maxRssBytes)))
                                         : RunDetails::notAvailable();
    case HashSeed:
        return run.hashSeed ? QVariant(static_cast<qulonglong>(*run.hashSeed)) : QVariant();
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Benchmark:
        return tr("Benchmark");
    case Run:
        return tr("Run");
    case Kind:
        return tr("Kind");
    case Outcome:
        return tr("Outcome");
    case Wall:
        return tr("Wall");
    case User:
        return tr("User");
    case Sys:
        return tr("System");
    case PeakRss:
        return tr("Peak RSS");
    case HashSeed:
        return tr("Hash seed");
    }
    return {};
}

} // namespace pyrometer::ui
