#include "ui/profile/memory_totals.h"

#include "ui/charts/chart_panel.h"

#include "core/probe/memory_profile.h"

#include <QHeaderView>

namespace pyrometer::ui {
MemoryTotals::MemoryTotals(QWidget* parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("memoryTotals"));
    setColumnCount(static_cast<int>(memoryColumns.size()) + 1);
    // The headers of memoryColumns, in the window's language.
    setHorizontalHeaderLabels({ tr("Benchmark"), tr("Runtime"), tr("Peak RSS"), tr("Peak live heap"),
        tr("RSS − heap: mean (at peak RSS)"), tr("GCs"), tr("Paused"), tr("Longest pause"), tr("Allocations (per s)"),
        tr("Allocated per s"), tr("Live heap from") });
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeaderItem(4)->setToolTip(tr("RSS − heap in use as a share of RSS: averaged over the run, and when RSS "
                                           "peaked. The allocator's free memory and fragmentation, the runtime's "
                                           "own structures, code and stacks"));
    horizontalHeaderItem(9)->setToolTip(tr("Counted by the heap shim; from a collector's trace, the heap's growth "
                                           "between collections summed, over the run's wall time"));
    setToolTip(tr("The memory of each benchmark's instrumented run (GC, Live heap in Run Settings), else of its "
                  "first sampled run"));
}

void MemoryTotals::setSnapshot(const ResultsSnapshot& snapshot)
{
    setRowCount(0);
    if (!snapshot)
        return;
    const auto& results = *snapshot;
    const auto names = ChartPanel::displayNames(snapshot);
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto m = memoryProfile(results.benchmarks[b]);
        if (m.empty())
            continue;
        const int row = rowCount();
        insertRow(row);
        setItem(row, 0, new QTableWidgetItem(names[static_cast<int>(b)]));
        const auto figures = memoryFigures(m);
        for (std::size_t c = 0; c < figures.size(); ++c) {
            auto* item = new QTableWidgetItem(QString::fromStdString(figures[c]));
            if (c >= 1 && c + 1 < figures.size())
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(item->text());
            setItem(row, static_cast<int>(c) + 1, item);
        }
        if (!m.gcMethod.empty())
            item(row, 10)->setToolTip(item(row, 10)->text() + QLatin1Char('\n')
                + tr("Collections: %1").arg(QString::fromStdString(m.gcMethod)));
    }
}

} // namespace pyrometer::ui
