#include "ui/compare/compare_model.h"

#include "core/model/short_names.h"

#include "core/compare/comparison_report.h"
#include "core/model/units.h"

namespace pyrometer::ui {
namespace {
QString text(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

QColor verdictColor(Verdict verdict)
{
    return QColor::fromRgb(verdictRgb(verdict));
}

QString verdictName(Verdict verdict, double threshold)
{
    switch (verdict) {
    case Verdict::Slower:
        return CompareModel::tr("slower");
    case Verdict::Faster:
        return CompareModel::tr("faster");
    case Verdict::NoSignificantChange:
        return CompareModel::tr("no significant change");
    case Verdict::BelowThreshold:
        return CompareModel::tr("significant, but not shown to exceed %1%").arg(threshold * 100, 0, 'g', 3);
    case Verdict::TooFewRuns:
        return CompareModel::tr("too few runs to tell");
    case Verdict::TooFastToMeasure:
        return CompareModel::tr("too fast to measure");
    case Verdict::NotMeasured:
        return CompareModel::tr("not measured");
    case Verdict::NoRunsToTest:
        return CompareModel::tr("summary only: no runs to test");
    }
    return {};
}

CompareModel::CompareModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CompareModel::setComparison(std::shared_ptr<const Comparison> comparison)
{
    std::vector<std::string> full;
    if (comparison) {
        for (const auto& pair : comparison->pairs)
            full.push_back(pair.name);
    }
    m_names.clear();
    for (const auto& name : shortNames(full))
        m_names << QString::fromStdString(name);
    const bool sameRows = m_comparison && comparison && m_comparison->pairs.size() == comparison->pairs.size();
    if (sameRows) {
        // A live update keeps the rows, the selection and the sort order; only the numbers change.
        m_comparison = std::move(comparison);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

int CompareModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_comparison ? 0 : static_cast<int>(m_comparison->pairs.size());
}

int CompareModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& p = m_comparison->pairs[static_cast<std::size_t>(index.row())];
    const bool both = p.baseline.n > 0 && p.candidate.n > 0;
    const auto median = [](const Summary& s) {
        return s.n ? text(formatDuration(s.median)) + QStringLiteral(" (%1)").arg(s.n) : tr("no runs");
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return m_names.value(index.row());
        case Baseline:
            return median(p.baseline);
        case Candidate:
            return median(p.candidate);
        case Change:
            return both ? text(formatChange(p.ratio.ratio)) : QString();
        case Interval:
            return both ? text(formatChange(p.ratio.low)) + QStringLiteral(" … ") + text(formatChange(p.ratio.high))
                        : QString();
        case PValue:
            return both ? text(formatPValue(p.test.pValue)) : QString();
        case Verdict:
            return verdictName(p.verdict, m_comparison->settings.threshold);
        case Test:
            return text(testName(p));
        case Cpu:
        case Memory: {
            const auto& metric = index.column() == Cpu ? p.cpu : p.memory;
            const auto verdict = verdictName(metric.verdict, m_comparison->settings.threshold);
            return metric.hasRatio() ? text(formatChange(metric.ratio.ratio)) + QLatin1Char(' ') + verdict : verdict;
        }
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return text(p.name);
        case Baseline:
            return p.baseline.n ? p.baseline.median : 0.0;
        case Candidate:
            return p.candidate.n ? p.candidate.median : 0.0;
        case Change:
        case Interval:
            return p.ratio.ratio;
        case PValue:
            return p.test.pValue;
        case Verdict:
            return static_cast<int>(p.verdict);
        case Test:
            return text(testName(p));
        case Cpu:
            return p.cpu.hasRatio() ? p.cpu.ratio.ratio : 0.0;
        case Memory:
            return p.memory.hasRatio() ? p.memory.ratio.ratio : 0.0;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Baseline && index.column() <= PValue)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Verdict)
        return verdictColor(p.verdict);
    if (role == Qt::ForegroundRole && (index.column() == Cpu || index.column() == Memory))
        return verdictColor(index.column() == Cpu ? p.cpu.verdict : p.memory.verdict);
    if (role == Qt::ToolTipRole && both) {
        // Paired runs can show a change unlike the medians' (+13% beside medians 1% apart): say which it is.
        const auto change = p.pairedRuns ? tr("Change %1: the median of the ratios of run i of each (paired)")
                                         : tr("Change %1: the candidate's median against the baseline's");
        return tr("%1\n%9\n%8: statistic %2, %3%4\nWelch's t-test: %5\nHodges–Lehmann shift: %6%7")
            .arg(text(p.name), QString::number(p.test.statistic), text(formatPValue(p.test.pValue)),
                p.test.exact ? tr(" (exact)") : tr(" (normal approximation)"),
                p.welch ? text(formatPValue(p.welch->pValue)) : tr("not defined"),
                p.shiftSeconds >= 0 ? QStringLiteral("+") : QStringLiteral("−"),
                text(formatDuration(std::abs(p.shiftSeconds))), text(testName(p)),
                change.arg(text(formatChange(p.ratio.ratio))));
    }
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Change)
        return tr("The candidate's median against the baseline's; for two benchmarks of one run, the median of the "
                  "ratios of their runs side by side, which can differ from the medians' ratio");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Benchmark");
    case Baseline:
        return tr("Baseline (runs)");
    case Candidate:
        return tr("Candidate (runs)");
    case Change:
        return tr("Change");
    case Interval:
        return tr("95% CI");
    case PValue:
        return tr("p");
    case Verdict:
        return tr("Verdict");
    case Test:
        return tr("Test");
    case Cpu:
        return tr("CPU time");
    case Memory:
        return tr("Peak RSS");
    }
    return {};
}

} // namespace pyrometer::ui
