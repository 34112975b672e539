#include "ui/results/run_details.h"

#include "ui/snapshot/run_numbers.h"

#include "core/model/units.h"

#include <algorithm>
#include <vector>

namespace pyrometer::ui {

QString RunDetails::text(const BenchmarkResult& benchmark, std::size_t run)
{
    const auto& r = benchmark.runs[run];
    const auto duration = [](auto d) { return QString::fromStdString(formatDuration(toSeconds(d))); };
    // Labels and values, aligned once every label is translated: a fixed padding misaligned the German ones.
    std::vector<std::pair<QString, QString>> rows;
    rows.emplace_back(tr("Outcome"), r.succeeded() ? tr("succeeded") : QString::fromStdString(r.outcome()));
    const auto& measured = benchmark.measured;
    const auto notInFile = tr("not available (not in the file)");
    if (benchmark.function) {
        // A benchmark function's value is the time per call of a loop in a worker that also imports and sets up:
        // only the time is per call.
        const auto value = QString::fromStdString(formatDuration(toSeconds(r.wall) * static_cast<double>(r.loops)));
        rows.emplace_back(tr("Per call"),
            r.loops > 0 ? tr("%1 (a value of %2 calls: %3)").arg(duration(r.wall)).arg(r.loops).arg(value)
                        : duration(r.wall));
        rows.emplace_back(tr("CPU time"), tr("not per call (the worker's covers its import and setup too)"));
    } else {
        rows.emplace_back(tr("Wall"), duration(r.wall));
        if (measured.cpu && !measured.cpuSplit)
            rows.emplace_back(tr("CPU time"), tr("%1 (user + system, not split in the file)").arg(duration(r.user)));
        else
            rows.emplace_back(tr("User/sys"),
                measured.cpu ? QString(duration(r.user) + QStringLiteral(" / ") + duration(r.sys)) : notInFile);
    }
    rows.emplace_back(benchmark.function ? tr("Peak RSS (the worker's)") : tr("Peak RSS"),
        measured.memory ? QString::fromStdString(formatBytes(static_cast<double>(r.maxRssBytes))) : notInFile);
    if (benchmark.function) {
        rows.emplace_back(tr("Faults, switches"), tr("not per call"));
    } else if (measured.counters) {
        rows.emplace_back(tr("Faults"), tr("%1 minor, %2 major").arg(r.minorFaults).arg(r.majorFaults));
        rows.emplace_back(
            tr("Switches"), tr("%1 voluntary, %2 involuntary").arg(r.voluntarySwitches).arg(r.involuntarySwitches));
    } else {
        rows.emplace_back(tr("Faults, switches"), notInFile);
    }
    rows.emplace_back(tr("Hash seed"), r.hashSeed ? QString::number(*r.hashSeed) : tr("none"));
    rows.emplace_back(tr("Output"), tr("%1 bytes on stdout, %2 on stderr").arg(r.stdoutBytes).arg(r.stderrBytes));
    qsizetype width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    QString text
        = QString::fromStdString(benchmark.name) + QStringLiteral(" — ") + runLabel(benchmark, run) + QLatin1Char('\n');
    for (const auto& [label, value] : rows)
        text += QString(label + QLatin1Char(':')).leftJustified(width + 2) + value + QLatin1Char('\n');
    if (!r.stderrTail.empty())
        text += tr("\n— end of stderr —\n") + QString::fromStdString(r.stderrTail);
    if (!r.stdoutTail.empty())
        text += tr("\n— end of stdout —\n") + QString::fromStdString(r.stdoutTail);
    return text;
}

} // namespace pyrometer::ui
