#pragma once

#include "ui/charts/chart_panel.h"

#include "core/compare/comparison.h"

#include <memory>

namespace pyrometer::ui {

/// A chart of a comparison rather than of one set of results. The panels rebuild their chart whole: a
/// comparison has a few series per benchmark, and changes a few times a second at most.
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

    void setComparison(std::shared_ptr<const Comparison> comparison)
    {
        m_comparison = std::move(comparison);
        refresh();
    }
    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }

protected:
    bool hasData() const override { return m_comparison && !m_comparison->pairs.empty(); }
    void forgetSeries() override { }

private:
    std::shared_ptr<const Comparison> m_comparison;
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
};

/// A box plot of each side per benchmark, in percent of the baseline's median, so that benchmarks of any
/// duration share one axis.
class PairedBoxPanel : public ComparisonChartPanel
{
    Q_OBJECT
public:
    explicit PairedBoxPanel(QWidget* parent = nullptr);

protected:
    void rebuild() override;
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
};

} // namespace pyrometer::ui
