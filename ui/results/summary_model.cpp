#include "ui/results/summary_model.h"

#include "core/model/units.h"
#include "ui/results/run_details.h"

#include <QColor>
#include <QThread>
#include <QtGlobal>
#include <cmath>

namespace pyrometer::ui {
namespace {
QString text(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

SummaryModel::SummaryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SummaryModel::setSnapshot(ResultsSnapshot snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

int SummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : static_cast<int>(m_snapshot.view().benchmarks.size());
}

int SummaryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryModel::statedText(const StatedSummary& stated, int column) const
{
    // Another tool's summary, for a file without per-run times: shown as stated, never as measured here.
    const auto unit = durationUnitFor(stated.median.value_or(stated.mean.value_or(0)));
    const auto shown = [&](const std::optional<double>& value) {
        return value ? tr("%1 (stated)").arg(text(formatDuration(*value, unit))) : RunDetails::notAvailable();
    };
    switch (column) {
    case Runs:
        return stated.runs ? tr("%1 (summary only)").arg(*stated.runs) : tr("summary only");
    case Median:
        return shown(stated.median);
    case Mean:
        return shown(stated.mean);
    case Cv:
        return RunDetails::notAvailable();
    case Min:
        return shown(stated.min);
    case Max:
        return shown(stated.max);
    }
    return RunDetails::notAvailable();
}

QVariant SummaryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto& benchmark = m_snapshot->benchmarks[row];
    const auto& view = m_snapshot.view();
    const auto& s = view.benchmarks[row].summary;
    const auto& w = s.wall;
    const bool any = w.n > 0;
    const auto unit = durationUnitFor(w.median);
    const double relative = any && view.fastest ? w.median / view.benchmarks[*view.fastest].summary.wall.median : 0.0;

    if (role == Qt::TextAlignmentRole)
        return index.column() == Name ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if ((role == Qt::ToolTipRole || role == Qt::ForegroundRole) && index.column() == Outliers) {
        // The command line's warning, here too.
        const auto advice = outlierAdvice(w);
        if (advice.empty())
            return {};
        return role == Qt::ToolTipRole ? QVariant(text(advice)) : QVariant(QColor(0xD5, 0x5E, 0x00));
    }
    if (role == Qt::ToolTipRole && index.column() == Relative && any && benchmark.failure)
        return tr("This benchmark stopped early; it is never the reference the others are measured against");
    if (role == Qt::ToolTipRole && index.column() == Name) {
        QString tip = text(benchmark.name);
        if (benchmark.failure)
            tip += QLatin1Char('\n') + tr("Stopped: %1").arg(text(*benchmark.failure));
        return tip;
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return text(benchmark.name);
        case Runs:
            return static_cast<qulonglong>(w.n);
        case Median:
        case MedianCi:
            return w.median;
        case Mean:
            return w.mean;
        case Cv:
            return w.cv;
        case Min:
            return w.min;
        case Max:
            return w.max;
        case User:
            return s.userMedian;
        case Sys:
            return s.sysMedian;
        case PeakRss:
            return s.maxRssMedian;
        case Outliers:
            return static_cast<qulonglong>(w.outliers.tukeyTotal());
        case Relative:
            return relative;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const bool timeColumn = index.column() == Median || index.column() == MedianCi || index.column() == Mean
        || index.column() == Min || index.column() == Max || index.column() == Relative;
    if (timeColumn && any && !benchmark.measured.wall)
        return RunDetails::notAvailable(); // a benchmark of memory alone
    if (!any && index.column() != Name && benchmark.stated && benchmark.stated->hasWall())
        return statedText(*benchmark.stated, index.column());
    switch (index.column()) {
    case Name:
        return text(m_snapshot.view().names[row]);
    case Runs:
        return s.failedRuns ? tr("%1 (+%2 failed)").arg(w.n).arg(s.failedRuns) : QString::number(w.n);
    case Median:
        return any ? text(formatDuration(w.median, unit)) : tr("no successful run");
    case MedianCi:
        if (!w.medianCiLow)
            return any ? tr("too few runs") : QString();
        return QString(text(formatDuration(*w.medianCiLow, unit)) + QStringLiteral(" … ")
            + text(formatDuration(*w.medianCiHigh, unit)));
    case Mean:
        if (!any)
            return QString();
        return w.n > 1
            ? QString(text(formatDuration(w.mean, unit)) + QStringLiteral(" ± ") + text(formatDuration(w.stddev, unit)))
            : text(formatDuration(w.mean, unit));
    case Cv:
        return any && w.n > 1 ? QString::number(w.cv * 100, 'f', 1) + QStringLiteral(" %") : QString();
    case Min:
        return any ? text(formatDuration(w.min, unit)) : QString();
    case Max:
        return any ? text(formatDuration(w.max, unit)) : QString();
    case User:
    case Sys: {
        if (!any)
            return QString();
        const bool user = index.column() == User;
        if (benchmark.measured.cpu && !benchmark.measured.cpuSplit)
            return user ? tr("%1 (user + sys)").arg(text(formatDuration(s.userMedian, unit)))
                        : RunDetails::notAvailable();
        if (benchmark.measured.cpu)
            return text(formatDuration(user ? s.userMedian : s.sysMedian, unit));
        const auto mean
            = benchmark.stated ? (user ? benchmark.stated->userMean : benchmark.stated->systemMean) : std::nullopt;
        return mean ? tr("%1 (mean, stated)").arg(text(formatDuration(*mean, unit))) : RunDetails::notAvailable();
    }
    case PeakRss:
        return !any                     ? QString()
            : benchmark.measured.memory ? text(formatBytes(s.maxRssMedian))
                                        : RunDetails::notAvailable();
    case Outliers:
        return any ? tr("%1 (%2 severe)").arg(w.outliers.tukeyTotal()).arg(w.outliers.tukeySevere()) : QString();
    case Relative:
        return any ? QString::number(relative, 'f', 2) : QString();
    }
    return {};
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Benchmark");
    case Runs:
        return tr("Runs");
    case Median:
        return tr("Median");
    case MedianCi:
        return tr("95% CI of median");
    case Mean:
        return tr("Mean ± σ");
    case Cv:
        return tr("CV");
    case Min:
        return tr("Min");
    case Max:
        return tr("Max");
    case User:
        return tr("User");
    case Sys:
        return tr("System");
    case PeakRss:
        return tr("Peak RSS");
    case Outliers:
        return tr("Outliers");
    case Relative:
        return tr("Relative");
    }
    return {};
}

} // namespace pyrometer::ui

namespace pyrometer::ui {

QString SummaryModel::spreadsheetText(const QList<int>& rows) const
{
    // Fixed columns, whatever the view shows: a spreadsheet computes with the numbers, so each column has one
    // unit, named in its header, and numbers are written in full ('g', 9 digits), never "12.3 ms".
    QStringList lines { QStringList { tr("Benchmark"), tr("Runs"), tr("Failed runs"), tr("Median (s)"),
        tr("Median CI low (s)"), tr("Median CI high (s)"), tr("Mean (s)"), tr("Std dev (s)"), tr("CV (%)"),
        tr("Min (s)"), tr("Max (s)"), tr("User (s)"), tr("System (s)"), tr("Peak RSS (MiB)"), tr("Outliers"),
        tr("Relative") }
                            .join(QLatin1Char('\t')) };
    if (!m_snapshot)
        return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const auto number = [](std::optional<double> value) {
        return value && std::isfinite(*value) ? QString::number(*value, 'g', 9) : QString();
    };
    const auto& view = m_snapshot.view();
    for (int row : rows) {
        if (row < 0 || row >= rowCount())
            continue;
        const auto& benchmark = m_snapshot->benchmarks[static_cast<std::size_t>(row)];
        const auto& s = view.benchmarks[static_cast<std::size_t>(row)].summary;
        const auto& w = s.wall;
        const bool wall = w.n > 0 && benchmark.measured.wall;
        const auto stated = [&](std::optional<double> StatedSummary::*field) -> std::optional<double> {
            return benchmark.stated ? (*benchmark.stated).*field : std::nullopt;
        };
        const auto timed = [&](double value, std::optional<double> StatedSummary::*field) {
            return wall ? number(value) : number(stated(field));
        };
        const bool cpu = w.n > 0 && benchmark.measured.cpu;
        const bool split = cpu && benchmark.measured.cpuSplit;
        QStringList cells { QString::fromStdString(benchmark.name), QString::number(w.n), QString::number(s.failedRuns),
            timed(w.median, &StatedSummary::median), wall && w.medianCiLow ? number(*w.medianCiLow) : QString(),
            wall && w.medianCiHigh ? number(*w.medianCiHigh) : QString(), timed(w.mean, &StatedSummary::mean),
            timed(w.stddev, &StatedSummary::stddev), wall && w.n > 1 ? number(w.cv * 100) : QString(),
            timed(w.min, &StatedSummary::min), timed(w.max, &StatedSummary::max),
            split ? number(s.userMedian) : QString(), split ? number(s.sysMedian) : QString(),
            w.n > 0 && benchmark.measured.memory ? number(s.maxRssMedian / (1024.0 * 1024.0)) : QString(),
            wall ? QString::number(w.outliers.tukeyTotal()) : QString(),
            wall && view.fastest ? number(w.median / view.benchmarks[*view.fastest].summary.wall.median) : QString() };
        for (auto& cell : cells)
            cell.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace pyrometer::ui
