#pragma once

#include "ui/snapshot/results_snapshot.h"

#include <QTableWidget>

namespace pyrometer::ui {

/// Each sampled benchmark's memory in figures, one row each, for runtimes side by side: its runtime, peak RSS,
/// peak live heap, RSS − live heap as a share of RSS, collections and pauses, allocations and their rate, and how
/// the live heap was known (or why it was not). A dash where a runtime has no such figure.
class MemoryTotals final : public QTableWidget
{
    Q_OBJECT
public:
    explicit MemoryTotals(QWidget* parent = nullptr);
    void setSnapshot(const ResultsSnapshot& snapshot);
};

} // namespace pyrometer::ui
