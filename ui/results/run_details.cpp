#include "ui/results/run_details.h"

#include "ui/snapshot/run_numbers.h"

#include "core/model/units.h"

namespace pyrometer::ui {

QString RunDetails::text(const BenchmarkResult& benchmark, std::size_t run)
{
    const auto& r = benchmark.runs[run];
    QString text;
    text += tr("%1 — %2\n").arg(QString::fromStdString(benchmark.name), runLabel(benchmark, run));
    text += tr("Outcome:   %1\n").arg(r.succeeded() ? tr("succeeded") : QString::fromStdString(r.outcome()));
    text += tr("Wall:      %1\n").arg(QString::fromStdString(formatDuration(toSeconds(r.wall))));
    const auto& measured = benchmark.measured;
    const auto notInFile = tr("not available (not in the file)");
    if (measured.cpu && !measured.cpuSplit)
        text += tr("CPU time:  %1 (user + system, not split in the file)\n")
                    .arg(QString::fromStdString(formatDuration(toSeconds(r.user))));
    else
        text += tr("User/sys:  %1\n")
                    .arg(measured.cpu ? QString::fromStdString(formatDuration(toSeconds(r.user)))
                                + QStringLiteral(" / ") + QString::fromStdString(formatDuration(toSeconds(r.sys)))
                                      : notInFile);
    text += tr("Peak RSS:  %1\n")
                .arg(measured.memory ? QString::fromStdString(formatBytes(static_cast<double>(r.maxRssBytes)))
                                     : notInFile);
    if (measured.counters) {
        text += tr("Faults:    %1 minor, %2 major\n").arg(r.minorFaults).arg(r.majorFaults);
        text += tr("Switches:  %1 voluntary, %2 involuntary\n").arg(r.voluntarySwitches).arg(r.involuntarySwitches);
    } else {
        text += tr("Faults, context switches: %1\n").arg(notInFile);
    }
    text += tr("Hash seed: %1\n").arg(r.hashSeed ? QString::number(*r.hashSeed) : tr("none"));
    text += tr("Output:    %1 bytes on stdout, %2 on stderr\n").arg(r.stdoutBytes).arg(r.stderrBytes);
    if (!r.stderrTail.empty())
        text += tr("\n— end of stderr —\n") + QString::fromStdString(r.stderrTail);
    if (!r.stdoutTail.empty())
        text += tr("\n— end of stdout —\n") + QString::fromStdString(r.stdoutTail);
    return text;
}

} // namespace pyrometer::ui
