#pragma once

#include "core/model/results.h"

#include <QCoreApplication>
#include <QString>

namespace pyrometer::ui {

/// The text of the Run Details panel: how one run ended, every measurement, its hash seed and the end of its
/// output.
class RunDetails
{
    Q_DECLARE_TR_FUNCTIONS(pyrometer::ui::RunDetails)
public:
    static QString text(const BenchmarkResult& benchmark, std::size_t run);
    /// What the results tables show for a measurement the file did not hold (another tool's file): never 0.
    static QString notAvailable() { return tr("n/a"); }
};

inline QString runDetails(const BenchmarkResult& benchmark, std::size_t run)
{
    return RunDetails::text(benchmark, run);
}

} // namespace pyrometer::ui
