#include "ui/snapshot/run_numbers.h"

#include <QCoreApplication>

namespace pyrometer::ui {

std::size_t runNumber(const BenchmarkResult& benchmark, std::size_t run)
{
    std::size_t number = 0;
    for (std::size_t r = 0; r <= run && r < benchmark.runs.size(); ++r)
        number += benchmark.runs[r].warmup == benchmark.runs[run].warmup ? 1 : 0;
    return number;
}

QString runLabel(const BenchmarkResult& benchmark, std::size_t run)
{
    const auto number = static_cast<qulonglong>(runNumber(benchmark, run));
    return benchmark.runs[run].warmup ? QCoreApplication::translate("RunNumbers", "warmup %1").arg(number)
                                      : QCoreApplication::translate("RunNumbers", "run %1").arg(number);
}

std::optional<std::size_t> measuredRunIndex(const BenchmarkResult& benchmark, std::size_t number)
{
    for (std::size_t r = 0, k = 0; r < benchmark.runs.size(); ++r) {
        if (!benchmark.runs[r].warmup && ++k == number)
            return r;
    }
    return std::nullopt;
}

} // namespace pyrometer::ui
