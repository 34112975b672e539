#include "ui/compare/comparison_charts.h"

#include "core/model/short_names.h"

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
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

namespace pyrometer::ui {
namespace {
const QColor baselineColor = QColor::fromRgb(baselineRgb);
const QColor candidateColor = QColor::fromRgb(candidateRgb);

/// Each pair's name as the Compare table shows it (shortNames() over all pairs).
QStringList pairNames(const Comparison& c)
{
    std::vector<std::string> full;
    for (const auto& p : c.pairs)
        full.push_back(p.name);
    QStringList names;
    for (const auto& name : shortNames(full))
        names << QString::fromStdString(name);
    return names;
}

qsizetype indexOf(const Comparison& c, const PairComparison* p)
{
    return static_cast<qsizetype>(p - c.pairs.data());
}

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

ChangeChartPanel::ChangeChartPanel(QWidget* parent)
    : ComparisonChartPanel(tr("Change of the median (band: threshold)"), parent)
{
    chart()->legend()->hide();
}

void ChangeChartPanel::rebuild()
{
    clearChart();
    if (!hasData())
        return;
    const auto& c = *comparison();
    const auto pairs = withRuns(c);
    if (pairs.empty())
        return;
    const double threshold = c.settings.threshold * 100;
    double low = -threshold, high = threshold;
    for (const auto* p : pairs) {
        low = std::min(low, (p->ratio.low - 1) * 100);
        high = std::max(high, (p->ratio.high - 1) * 100);
    }
    auto* x = valueAxis(chart(), tr("vs baseline (%)"), Qt::AlignBottom);
    fitAxis(x, low, high, AxisValues::SignedReal);
    // Benchmarks top to bottom in table order. Past `detailed` pairs a row is a few pixels high: no names and no
    // whiskers (hover a dot for both), and one series per verdict, as 400 series took 150 ms to make and draw.
    const double n = static_cast<double>(pairs.size());
    const bool detailed = pairs.size() <= detailedPairs;
    auto* y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setRange(-0.5, n - 0.5);
    y->setGridLineVisible(false);
    if (detailed) {
        // A category axis needs distinct labels: zero-width spaces tell apart benchmarks whose short names match.
        // End values must ascend: the last benchmark (at the bottom) first.
        const auto shown = pairNames(c);
        for (std::size_t i = pairs.size(); i-- > 0;)
            y->append(
                shown[indexOf(c, pairs[i])] + QString(static_cast<qsizetype>(i), QChar(0x200B)), n - 1 - double(i));
    }
    y->setTitleText(detailed ? QString() : tr("%1 benchmarks (hover for each)").arg(pairs.size()));
    chart()->addAxis(y, Qt::AlignLeft);

    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append({ QPointF(-threshold, n - 0.5), QPointF(threshold, n - 0.5) });
    lower->append({ QPointF(-threshold, -0.5), QPointF(threshold, -0.5) });
    auto* band = areaSeries(upper, lower);
    band->setColor(QColor(128, 128, 128, 50));
    band->setBorderColor(Qt::transparent);
    attach(chart(), band, x, y);
    auto* zero = new QLineSeries;
    zero->append({ QPointF(0, -0.5), QPointF(0, n - 0.5) });
    zero->setPen(QPen(QColor(128, 128, 128), 1));
    attach(chart(), zero, x, y);

    std::map<Verdict, QList<QPointF>> dots;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = *pairs[i];
        const double row = n - 1 - double(i);
        if (detailed) {
            auto* whisker = new QLineSeries;
            whisker->append({ QPointF((p.ratio.low - 1) * 100, row), QPointF((p.ratio.high - 1) * 100, row) });
            whisker->setPen(QPen(verdictColor(p.verdict), 3));
            attach(chart(), whisker, x, y);
        }
        dots[p.verdict].append(QPointF((p.ratio.ratio - 1) * 100, row));
    }
    for (const auto& [verdict, points] : dots) {
        auto* dot = new QScatterSeries;
        dot->replace(points);
        dot->setColor(verdictColor(verdict));
        dot->setBorderColor(verdictColor(verdict));
        useLightMarkers(dot, verdictColor(verdict), verdictColor(verdict), detailed ? 11 : 7);
        attach(chart(), dot, x, y);
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
    clearChart();
    if (!hasData())
        return;
    auto pairs = withRuns(*comparison());
    if (pairs.empty())
        return;
    // Past a readable number of pairs, the ones that changed most, in table order: 400 boxes of a pixel each
    // showed nothing and took 30 ms.
    const std::size_t all = pairs.size();
    if (all > ChangeChartPanel::detailedPairs) {
        auto largest = pairs;
        std::nth_element(largest.begin(), largest.begin() + ChangeChartPanel::detailedPairs, largest.end(),
            [](const PairComparison* a, const PairComparison* b) {
                return std::abs(std::log(a->ratio.ratio)) > std::abs(std::log(b->ratio.ratio));
            });
        largest.resize(ChangeChartPanel::detailedPairs);
        std::sort(largest.begin(), largest.end());
        pairs = std::move(largest);
    }
    chart()->setTitle(all > pairs.size()
            ? tr("Wall time, both sides: the %1 largest changes of %2").arg(pairs.size()).arg(all)
            : tr("Wall time per benchmark, both sides"));
    auto* baseline = new QBoxPlotSeries;
    baseline->setName(tr("baseline"));
    baseline->setBrush(baselineColor.lighter(140));
    baseline->setPen(QPen(baselineColor, 1.5));
    auto* candidate = new QBoxPlotSeries;
    candidate->setName(tr("candidate"));
    candidate->setBrush(candidateColor.lighter(130));
    candidate->setPen(QPen(candidateColor.darker(120), 1.5));
    double low = 0, high = 0;
    QStringList names;
    const auto shown = pairNames(*comparison());
    for (const auto* p : pairs) {
        names << shown[indexOf(*comparison(), p)];
        const double reference = p->baseline.median;
        for (auto [series, sample] : { std::pair { baseline, &p->baselineWall }, { candidate, &p->candidateWall } }) {
            auto sorted = *sample;
            std::sort(sorted.begin(), sorted.end());
            const auto box = tukeyBox(sorted);
            const auto percent = [&](double v) { return (v / reference - 1) * 100; };
            auto* set = new QBoxSet(percent(box.lowerWhisker), percent(box.q1), percent(box.median), percent(box.q3),
                percent(box.upperWhisker), names.back());
            series->append(set);
            low = std::min(low, percent(box.lowerWhisker));
            high = std::max(high, percent(box.upperWhisker));
        }
    }
    auto* x = new QBarCategoryAxis;
    x->append(names);
    chart()->addAxis(x, Qt::AlignBottom);
    auto* y = valueAxis(chart(), tr("vs baseline median (%)"), Qt::AlignLeft);
    fitAxis(y, low, high, AxisValues::SignedReal);
    attach(chart(), baseline, x, y);
    attach(chart(), candidate, x, y);
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
    clearChart();
    chart()->setTitle(tr("Distributions"));
    if (!hasData())
        return;
    const auto& c = *comparison();
    const auto& p = c.pairs[std::min(m_pair, c.pairs.size() - 1)];
    if (p.baselineWall.empty() || p.candidateWall.empty())
        return;
    chart()->setTitle(tr("Distributions: %1").arg(pairNames(c)[indexOf(c, &p)]));
    std::vector<double> a = p.baselineWall, b = p.candidateWall, pooled;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(pooled));
    const auto bins = freedmanDiaconisBins(pooled, 80);
    const auto unit = durationUnitFor(pooled[pooled.size() / 2]);
    auto* x = valueAxis(chart(), tr("Wall time (%1)").arg(QString::fromUtf8(unit.symbol)), Qt::AlignBottom);
    fitAxis(x, bins.lower * unit.perSecond, bins.upper() * unit.perSecond);
    double peak = 0;
    std::vector<QAreaSeries*> areas;
    for (auto [sorted, name, color] :
        { std::tuple { &a, tr("baseline"), baselineColor }, std::tuple { &b, tr("candidate"), candidateColor } }) {
        const auto counts = histogram(*sorted, bins);
        // The share of runs in each bin, drawn as steps, so that sides with different numbers of runs compare.
        auto* outline = new QLineSeries;
        for (int i = 0; i < bins.count; ++i) {
            const double share = counts[std::size_t(i)] * 100.0 / double(sorted->size());
            peak = std::max(peak, share);
            outline->append((bins.lower + bins.width * i) * unit.perSecond, share);
            outline->append((bins.lower + bins.width * (i + 1)) * unit.perSecond, share);
        }
        auto* area = areaSeries(outline);
        area->setName(name);
        QColor fill = color;
        fill.setAlpha(110);
        area->setColor(fill);
        area->setBorderColor(color);
        areas.push_back(area);
    }
    auto* y = valueAxis(chart(), tr("Share of runs (%)"), Qt::AlignLeft);
    fitAxis(y, 0, peak);
    for (auto* area : areas)
        attach(chart(), area, x, y);
}

} // namespace pyrometer::ui
