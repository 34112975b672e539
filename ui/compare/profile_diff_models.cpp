#include "ui/compare/profile_diff_models.h"

#include "core/model/units.h"

#include <QColor>
#include <algorithm>
#include <cmath>

namespace pyrometer::ui {
namespace {
QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QString place(const std::string& file, int line)
{
    return file == "~" ? FunctionDiffModel::tr("built-in") : text(file) + QLatin1Char(':') + QString::number(line);
}

QString signedDuration(double seconds)
{
    return (seconds > 0          ? QStringLiteral("+")
                   : seconds < 0 ? QStringLiteral("−")
                                 : QString())
        + text(formatDuration(std::abs(seconds)));
}

QString signedBytes(std::int64_t bytes)
{
    return (bytes > 0          ? QStringLiteral("+")
                   : bytes < 0 ? QStringLiteral("−")
                               : QString())
        + text(formatBytes(static_cast<double>(bytes < 0 ? -bytes : bytes)));
}
} // namespace

QColor changeColor(double changeSeconds, double totalSeconds)
{
    const double share = totalSeconds > 0 ? std::min(1.0, std::abs(changeSeconds) / totalSeconds * 5) : 0;
    if (share < 0.01)
        return QColor::fromRgb(0xD0D0D0);
    // From a pale tint to a full colour as the change reaches a fifth of the total.
    const QColor full = changeSeconds > 0 ? QColor::fromRgb(0xD7301F) : QColor::fromRgb(0x2166AC);
    const auto mix = [&](int c) { return static_cast<int>(std::lround(0xF0 + (c - 0xF0) * (0.25 + 0.75 * share))); };
    return QColor(mix(full.red()), mix(full.green()), mix(full.blue()));
}

FunctionDiffModel::FunctionDiffModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FunctionDiffModel::setDiff(std::shared_ptr<const ProfileDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    endResetModel();
}

const ProfileDiff& FunctionDiffModel::diff() const
{
    static const ProfileDiff none;
    return m_diff ? *m_diff : none;
}

int FunctionDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(diff().functions.size());
}

int FunctionDiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FunctionDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& f = diff().functions[static_cast<std::size_t>(index.row())];
    const bool both = f.baseline && f.candidate;
    const double percent = f.baselineOwn > 0 ? 100 * f.ownChange() / f.baselineOwn : 0;
    if (role == SortRole) {
        switch (index.column()) {
        case Function:
            return text(f.name);
        case Location:
            return place(f.file, f.line);
        case BaselineOwn:
            return f.baselineOwn;
        case CandidateOwn:
            return f.candidateOwn;
        case Change:
            return f.ownChange();
        case ChangePercent:
            return both ? percent : (f.candidate ? 1e300 : -1e300);
        case Calls:
            return static_cast<qlonglong>(f.candidateCalls - f.baselineCalls);
        }
        return {};
    }
    if (role == Qt::ForegroundRole && (index.column() == Change || index.column() == ChangePercent))
        return changeColor(f.ownChange(), std::max(diff().baselineSeconds, diff().candidateSeconds)).darker(140);
    if (role == Qt::TextAlignmentRole)
        return index.column() <= Location ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                          : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() <= Location)
        return QString(text(f.name) + QLatin1Char('\n') + place(f.file, f.line));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Function:
        return text(f.name);
    case Location:
        return place(f.file, f.line);
    case BaselineOwn:
        return f.baseline ? text(formatDuration(f.baselineOwn)) : tr("not called");
    case CandidateOwn:
        return f.candidate ? text(formatDuration(f.candidateOwn)) : tr("not called");
    case Change:
        return signedDuration(f.ownChange());
    case ChangePercent:
        if (!both)
            return f.candidate ? tr("new") : tr("gone");
        return f.baselineOwn > 0
            ? QStringLiteral("%1%2%").arg(percent > 0 ? QStringLiteral("+") : QString()).arg(percent, 0, 'f', 1)
            : QString();
    case Calls:
        return QStringLiteral("%1 → %2").arg(f.baselineCalls).arg(f.candidateCalls);
    }
    return {};
}

QVariant FunctionDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Function:
        return tr("Function");
    case Location:
        return tr("Location");
    case BaselineOwn:
        return tr("Baseline own");
    case CandidateOwn:
        return tr("Candidate own");
    case Change:
        return tr("Change");
    case ChangePercent:
        return tr("Change %");
    case Calls:
        return tr("Calls");
    }
    return {};
}

AllocationDiffModel::AllocationDiffModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AllocationDiffModel::setDiff(std::shared_ptr<const std::vector<AllocationDiff>> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    endResetModel();
}

const std::vector<AllocationDiff>& AllocationDiffModel::diff() const
{
    static const std::vector<AllocationDiff> none;
    return m_diff ? *m_diff : none;
}

int AllocationDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(diff().size());
}

int AllocationDiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllocationDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& site = diff()[static_cast<std::size_t>(index.row())];
    if (role == SortRole) {
        switch (index.column()) {
        case Location:
            return place(site.file, site.line);
        case BaselineBytes:
            return static_cast<qlonglong>(site.baselineBytes);
        case CandidateBytes:
            return static_cast<qlonglong>(site.candidateBytes);
        case Change:
            return static_cast<qlonglong>(site.change());
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Location ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                          : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Change && site.change() != 0)
        return QColor::fromRgb(site.change() > 0 ? 0xB2182B : 0x2166AC);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Location:
        return place(site.file, site.line);
    case BaselineBytes:
        return tr("%1 in %2 blocks")
            .arg(text(formatBytes(static_cast<double>(site.baselineBytes))))
            .arg(site.baselineBlocks);
    case CandidateBytes:
        return tr("%1 in %2 blocks")
            .arg(text(formatBytes(static_cast<double>(site.candidateBytes))))
            .arg(site.candidateBlocks);
    case Change:
        return signedBytes(site.change());
    }
    return {};
}

QVariant AllocationDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Location:
        return tr("Allocated at");
    case BaselineBytes:
        return tr("Baseline (live at the end)");
    case CandidateBytes:
        return tr("Candidate (live at the end)");
    case Change:
        return tr("Change");
    }
    return {};
}

} // namespace pyrometer::ui
