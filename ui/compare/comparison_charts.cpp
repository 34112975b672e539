#include "ui/compare/comparison_charts.h"

#include "ui/compare/compare_model.h"

#include "core/compare/comparison_report.h"
#include "core/model/units.h"
#include "core/stats/chart_math.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

namespace pyrometer::ui {
namespace {
const QColor baselineColor = QColor::fromRgb(baselineRgb);
const QColor candidateColor = QColor::fromRgb(candidateRgb);

QValueAxis* valueAxis(QChart* chart, const QString& title, Qt::Alignment alignment)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    chart->addAxis(axis, alignment);
    return axis;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

constexpr std::array allVerdicts { Verdict::Slower, Verdict::Faster, Verdict::NoSignificantChange,
    Verdict::BelowThreshold, Verdict::TooFewRuns, Verdict::TooFastToMeasure, Verdict::NotMeasured,
    Verdict::NoRunsToTest };

/// Box sets of `series`, to append to it in one go. They are its children from the start: Qt's append of a
/// list, unlike that of one set, does not take them as its children, and they outlived the series.
QList<QBoxSet*> boxSets(
    const std::vector<std::array<double, 5>>& boxes, const QStringList& names, QBoxPlotSeries* series)
{
    QList<QBoxSet*> sets;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto& b = boxes[i];
        sets.append(new QBoxSet(b[0], b[1], b[2], b[3], b[4], names[static_cast<qsizetype>(i)], series));
    }
    return sets;
}

std::vector<const PairComparison*> withRuns(const Comparison& c)
{
    std::vector<const PairComparison*> pairs;
    for (const auto& p : c.pairs) {
        if (p.hasRatio())
            pairs.push_back(&p);
    }
    return pairs;
}
} // namespace

bool ComparisonChartPanel::sameShape(const QString& shape)
{
    const bool same = shape == m_shape && !chart()->series().isEmpty();
    m_shape = shape;
    return same;
}

ChangeChartPanel::ChangeChartPanel(QWidget* parent)
    : ComparisonChartPanel(tr("Change of the median (band: threshold)"), parent)
{
    chart()->legend()->hide();
}

void ChangeChartPanel::rebuild()
{
    const auto pairs = hasData() ? withRuns(*comparison()) : std::vector<const PairComparison*> {};
    if (pairs.empty()) {
        clearChart();
        sameShape({});
        return;
    }
    const auto& c = *comparison();
    const double threshold = c.settings.threshold * 100;
    double low = -threshold, high = threshold;
    for (const auto* p : pairs) {
        low = std::min(low, (p->ratio.low - 1) * 100);
        high = std::max(high, (p->ratio.high - 1) * 100);
    }
    // Benchmarks top to bottom in table order. Past `detailed` pairs a row is a few pixels high: no names and no
    // whiskers (hover a dot for both), and one series per verdict, as 400 series took 150 ms to make and draw.
    const double n = static_cast<double>(pairs.size());
    const bool detailed = pairs.size() <= detailedPairs;
    // Names where a row is a line of text high: else they would overlap, and the note says to hover.
    const bool named = detailed && n * QFontMetrics(chart()->font()).height() <= plotHeight();
    sayHoverForNames(named ? 0 : static_cast<qsizetype>(pairs.size()));
    // A series of dots for every verdict, so that a pair whose verdict changes only moves from one to another.
    std::array<QList<QPointF>, allVerdicts.size()> dots;
    std::vector<QList<QPointF>> whiskers;
    QString shape = QString::number(threshold) + QLatin1Char(detailed ? 'd' : 's') + QLatin1Char(named ? 'n' : 'u');
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = *pairs[i];
        const double row = n - 1 - double(i);
        if (detailed)
            whiskers.push_back({ QPointF((p.ratio.low - 1) * 100, row), QPointF((p.ratio.high - 1) * 100, row) });
        dots[static_cast<std::size_t>(p.verdict)].append(QPointF((p.ratio.ratio - 1) * 100, row));
        shape += QString::fromStdString(p.name) + QLatin1Char('\n');
    }
    if (sameShape(shape)) {
        fitAxis(m_x, low, high, AxisValues::SignedReal);
        for (std::size_t i = 0; i < whiskers.size(); ++i) {
            m_whiskers[i]->replace(whiskers[i]);
            if (const auto color = verdictColor(pairs[i]->verdict); m_whiskers[i]->pen().color() != color)
                m_whiskers[i]->setPen(QPen(color, 3));
        }
        for (std::size_t k = 0; k < dots.size(); ++k)
            m_dots[k]->replace(dots[k]);
        return;
    }
    clearChart();
    m_whiskers.clear();
    m_dots.clear();
    m_x = valueAxis(chart(), tr("vs baseline (%)"), Qt::AlignBottom);
    fitAxis(m_x, low, high, AxisValues::SignedReal);
    auto* y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setRange(-0.5, n - 0.5);
    y->setGridLineVisible(false);
    if (named) {
        // A category axis needs distinct labels: zero-width spaces tell apart benchmarks whose short names match.
        // End values must ascend: the last benchmark (at the bottom) first.
        for (std::size_t i = pairs.size(); i-- > 0;)
            y->append(shownName(pairs[i]) + QString(static_cast<qsizetype>(i), QChar(0x200B)), n - 1 - double(i));
    }
    chart()->addAxis(y, Qt::AlignLeft);

    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append({ QPointF(-threshold, n - 0.5), QPointF(threshold, n - 0.5) });
    lower->append({ QPointF(-threshold, -0.5), QPointF(threshold, -0.5) });
    auto* band = areaSeries(upper, lower);
    band->setColor(QColor(128, 128, 128, 50));
    band->setBorderColor(Qt::transparent);
    attach(chart(), band, m_x, y);
    auto* zero = new QLineSeries;
    zero->append({ QPointF(0, -0.5), QPointF(0, n - 0.5) });
    zero->setPen(QPen(QColor(128, 128, 128), 1));
    attach(chart(), zero, m_x, y);
    for (std::size_t i = 0; i < whiskers.size(); ++i) {
        auto* whisker = new QLineSeries;
        whisker->replace(whiskers[i]);
        whisker->setPen(QPen(verdictColor(pairs[i]->verdict), 3));
        attach(chart(), whisker, m_x, y);
        m_whiskers.push_back(whisker);
    }
    for (const auto verdict : allVerdicts) {
        auto* dot = new QScatterSeries;
        dot->replace(dots[static_cast<std::size_t>(verdict)]);
        dot->setColor(verdictColor(verdict));
        dot->setBorderColor(verdictColor(verdict));
        useLightMarkers(dot, verdictColor(verdict), verdictColor(verdict), detailed ? 11 : 7);
        attach(chart(), dot, m_x, y);
        m_dots.push_back(dot);
    }
}

QString ChangeChartPanel::describePoint(const QXYSeries*, QPointF point) const
{
    const auto pairs = withRuns(*comparison());
    const auto row = static_cast<std::size_t>(std::lround(point.y()));
    if (pairs.empty() || row >= pairs.size())
        return {};
    const auto& p = *pairs[pairs.size() - 1 - row];
    return tr("%1\n%2 (95% CI %3 … %4)\n%5")
        .arg(QString::fromStdString(p.name), QString::fromStdString(formatChange(p.ratio.ratio)),
            QString::fromStdString(formatChange(p.ratio.low)), QString::fromStdString(formatChange(p.ratio.high)),
            verdictName(p.verdict, comparison()->settings.threshold));
}

PairedBoxPanel::PairedBoxPanel(QWidget* parent)
    : ComparisonChartPanel(tr("Wall time per benchmark, both sides"), parent)
{
}

void PairedBoxPanel::rebuild()
{
    auto pairs = hasData() ? withRuns(*comparison()) : std::vector<const PairComparison*> {};
    if (pairs.empty()) {
        clearChart();
        sameShape({});
        return;
    }
    // Past a readable number of pairs, the ones that changed most, in table order.
    const std::size_t all = pairs.size();
    if (all > shownPairs) {
        auto largest = pairs;
        std::nth_element(largest.begin(), largest.begin() + shownPairs, largest.end(),
            [](const PairComparison* a, const PairComparison* b) {
                return std::abs(std::log(a->ratio.ratio)) > std::abs(std::log(b->ratio.ratio));
            });
        largest.resize(shownPairs);
        std::sort(largest.begin(), largest.end());
        pairs = std::move(largest);
    }
    const auto title = all > pairs.size() ? tr("Wall time: the %1 largest changes of %2").arg(pairs.size()).arg(all)
                                          : tr("Wall time per benchmark, both sides");
    // Each side's box per pair, in percent of the baseline's median.
    double low = 0, high = 0;
    QStringList names;
    std::vector<std::array<double, 5>> boxes[2];
    m_fullNames.clear();
    for (const auto* p : pairs) {
        names << shownName(p);
        m_fullNames << QString::fromStdString(p->name);
        const double reference = p->baseline.median;
        const auto percent = [&](double v) { return (v / reference - 1) * 100; };
        for (int side = 0; side < 2; ++side) {
            auto sorted = side == 0 ? p->baselineWall : p->candidateWall;
            std::sort(sorted.begin(), sorted.end());
            const auto box = tukeyBox(sorted);
            boxes[side].push_back({ percent(box.lowerWhisker), percent(box.q1), percent(box.median), percent(box.q3),
                percent(box.upperWhisker) });
            low = std::min(low, boxes[side].back()[0]);
            high = std::max(high, boxes[side].back()[4]);
        }
    }
    // The same pairs as before (a live comparison): the axes stay, the boxes are replaced. Qt Charts lays out
    // every box again on each value set, so new boxes cost a third of setting the values (2-4 ms against 6-11
    // for 80 boxes); new names on the category axis cost more than building the chart anew (7-14 ms against 5).
    if (sameShape(title + names.join(QLatin1Char('\n')))) {
        fitCategoryLabels(qobject_cast<QBarCategoryAxis*>(chart()->axes(Qt::Horizontal).value(0)), names);
        fitAxis(m_y, low, high, AxisValues::SignedReal);
        for (int side = 0; side < 2; ++side) {
            m_sides[side]->clear();
            m_sides[side]->append(boxSets(boxes[side], names, m_sides[side]));
        }
        return;
    }
    clearChart();
    chart()->setTitle(title);
    const QColor fills[2] = { baselineColor.lighter(140), candidateColor.lighter(130) };
    const QColor lines[2] = { baselineColor, candidateColor.darker(120) };
    auto* x = new QBarCategoryAxis;
    x->append(names);
    fitCategoryLabels(x, names);
    chart()->addAxis(x, Qt::AlignBottom);
    m_y = valueAxis(chart(), tr("vs baseline median (%)"), Qt::AlignLeft);
    fitAxis(m_y, low, high, AxisValues::SignedReal);
    for (int side = 0; side < 2; ++side) {
        auto* series = new QBoxPlotSeries;
        series->setName(side == 0 ? tr("baseline") : tr("candidate"));
        series->setBrush(fills[side]);
        series->setPen(QPen(lines[side], 1.5));
        series->append(boxSets(boxes[side], names, series));
        attach(chart(), series, x, m_y);
        m_sides[side] = series;
    }
}

QString PairedBoxPanel::hoverText(QPointF position) const
{
    if (!m_sides[0] || !m_sides[1] || !chart()->plotArea().contains(position))
        return {};
    const auto at = chart()->mapToValue(position, m_sides[0]);
    const auto i = static_cast<qsizetype>(std::lround(at.x()));
    const auto before = m_sides[0]->boxSets(), after = m_sides[1]->boxSets();
    if (i < 0 || i >= before.size() || i >= after.size() || i >= m_fullNames.size()
        || std::abs(at.x() - double(i)) > 0.45)
        return {};
    const auto side = [](const QBoxSet* box) {
        const auto percent = [&](QBoxSet::ValuePositions v) { return QString::asprintf("%+.1f%%", box->at(v)); };
        return tr("median %1, quartiles %2 … %3")
            .arg(percent(QBoxSet::Median), percent(QBoxSet::LowerQuartile), percent(QBoxSet::UpperQuartile));
    };
    return tr("%1\nbaseline: %2\ncandidate: %3\n(change from the baseline's median)")
        .arg(m_fullNames[i], side(before[i]), side(after[i]));
}

DistributionPanel::DistributionPanel(QWidget* parent)
    : ComparisonChartPanel(tr("Distributions"), parent)
{
}

void DistributionPanel::setPair(std::size_t pair)
{
    m_pair = pair;
    refresh();
}

void DistributionPanel::rebuild()
{
    const PairComparison* p
        = hasData() ? &comparison()->pairs[std::min(m_pair, comparison()->pairs.size() - 1)] : nullptr;
    if (!p || p->baselineWall.empty() || p->candidateWall.empty()) {
        clearChart();
        sameShape({});
        chart()->setTitle(tr("Distributions"));
        return;
    }
    const auto title = tr("Distributions: %1").arg(chartText(shownName(p)));
    std::vector<double> sorted[2] = { p->baselineWall, p->candidateWall }, pooled;
    std::sort(sorted[0].begin(), sorted[0].end());
    std::sort(sorted[1].begin(), sorted[1].end());
    std::merge(sorted[0].begin(), sorted[0].end(), sorted[1].begin(), sorted[1].end(), std::back_inserter(pooled));
    const auto bins = freedmanDiaconisBins(pooled, 80);
    const auto unit = durationUnitFor(pooled[pooled.size() / 2]);
    // The share of runs in each bin, drawn as steps, so that sides with different numbers of runs compare.
    double peak = 0;
    QList<QPointF> outlines[2];
    for (int side = 0; side < 2; ++side) {
        const auto counts = histogram(sorted[side], bins);
        for (int i = 0; i < bins.count; ++i) {
            const double share = counts[std::size_t(i)] * 100.0 / double(sorted[side].size());
            peak = std::max(peak, share);
            outlines[side].append(QPointF((bins.lower + bins.width * i) * unit.perSecond, share));
            outlines[side].append(QPointF((bins.lower + bins.width * (i + 1)) * unit.perSecond, share));
        }
    }
    if (!sameShape(title + QString::fromUtf8(unit.symbol))) {
        clearChart();
        chart()->setTitle(title);
        m_x = valueAxis(chart(), tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)), Qt::AlignBottom);
        m_y = valueAxis(chart(), tr("Share of runs (%)"), Qt::AlignLeft);
        for (int side = 0; side < 2; ++side) {
            m_outlines[side] = new QLineSeries;
            auto* area = areaSeries(m_outlines[side]);
            area->setName(side == 0 ? tr("baseline") : tr("candidate"));
            const QColor color = side == 0 ? baselineColor : candidateColor;
            QColor fill = color;
            fill.setAlpha(110);
            area->setColor(fill);
            area->setBorderColor(color);
            attach(chart(), area, m_x, m_y);
        }
    }
    fitAxis(m_x, bins.lower * unit.perSecond, bins.upper() * unit.perSecond);
    fitAxis(m_y, 0, peak);
    for (int side = 0; side < 2; ++side)
        m_outlines[side]->replace(outlines[side]);
}

} // namespace pyrometer::ui
