#pragma once

#include "ui/charts/chart_panel.h"

#include "core/compare/comparison.h"

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QBoxPlotSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// A chart of a comparison rather than of one set of results. A new comparison of the same pairs (a live one,
/// four times a second during a run) only swaps the points of the series in; other changes rebuild the chart.
class ComparisonChartPanel : public ChartPanel
{
    Q_OBJECT
public:
    explicit ComparisonChartPanel(const QString& title, QWidget* parent = nullptr)
        : ChartPanel(title, parent)
    {
        // Three side by side must fit beside the docks of a window 1024 pixels wide.
        setMinimumChartSize(QSize(180, 150));
    }

    /// `names`: each pair's name as the Compare table shows it, in the comparison's order.
    void setComparison(std::shared_ptr<const Comparison> comparison, QStringList names)
    {
        m_comparison = std::move(comparison);
        m_names = std::move(names);
        refresh();
    }
    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }
    /// The name shown for `pair`, one of the comparison's.
    QString shownName(const PairComparison* pair) const
    {
        return m_names.value(static_cast<qsizetype>(pair - m_comparison->pairs.data()));
    }

protected:
    bool hasData() const override { return m_comparison && !m_comparison->pairs.empty(); }
    void forgetSeries() override { m_shape.clear(); }
    /// Whether the series drawn so far suit `shape` (what decides which series there are: the pairs' names, …), so
    /// that a new comparison of the same pairs, as during a run, only swaps their points in. Remembers `shape`.
    bool sameShape(const QString& shape);

private:
    std::shared_ptr<const Comparison> m_comparison;
    QStringList m_names;
    QString m_shape;
};

/// The change of the median per benchmark: a dot, the 95% interval as whiskers, coloured by verdict; the
/// threshold as a band around no change.
class ChangeChartPanel : public ComparisonChartPanel
{
    Q_OBJECT
public:
    explicit ChangeChartPanel(QWidget* parent = nullptr);
    /// The most pairs drawn with names and interval whiskers; past it, dots alone.
    static constexpr std::size_t detailedPairs = 40;

protected:
    void rebuild() override;
    /// A dot or whisker: its benchmark, change with interval, and verdict.
    QString describePoint(const QXYSeries* series, QPointF point) const override;

private:
    QValueAxis* m_x = nullptr;
    std::vector<QLineSeries*> m_whiskers;
    std::vector<QScatterSeries*> m_dots; ///< one per verdict, in Verdict's order
};

/// A box plot of each side per benchmark, in percent of the baseline's median, so that benchmarks of any
/// duration share one axis.
class PairedBoxPanel : public ComparisonChartPanel
{
    Q_OBJECT
public:
    explicit PairedBoxPanel(QWidget* parent = nullptr);
    /// The most pairs it shows, two boxes each: past them, the largest changes. At 40 pairs the boxes were a
    /// few pixels wide and every name read "…".
    static constexpr std::size_t shownPairs = legendLimit;

protected:
    void rebuild() override;
    /// A box's pair, full name, and both sides' medians and quartiles.
    QString hoverText(QPointF position) const override;

private:
    QStringList m_fullNames; ///< of the pairs shown, in order
    QValueAxis* m_y = nullptr;
    QBoxPlotSeries* m_sides[2] = {}; ///< baseline, candidate
};

/// Both distributions of one benchmark, overlaid: the share of runs in each of a set of bins common to both.
class DistributionPanel : public ComparisonChartPanel
{
    Q_OBJECT
public:
    explicit DistributionPanel(QWidget* parent = nullptr);
    /// Which pair to show.
    void setPair(std::size_t pair);
    std::size_t pair() const { return m_pair; }

protected:
    void rebuild() override;

private:
    std::size_t m_pair = 0;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QLineSeries* m_outlines[2] = {}; ///< baseline, candidate
};

} // namespace pyrometer::ui
