#pragma once

// What the end-to-end tests of the `pyrometer` executable share: running it, the fixtures, reading what it wrote.

#include "core/formats/results_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <signal.h>

namespace pyrometer::test {
struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Writes `content` to `path`, making its folder.
inline void write(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

inline QString fixture(const char* name)
{
    return QStringLiteral(PYROMETER_FIXTURES "/") + QString::fromUtf8(name);
}

inline Outcome runPyrometer(const QStringList& arguments, const QString& workingDirectory = {}, int timeoutMs = 120000)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(PYROMETER_BINARY), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

/// The pids written by a fixture into `path`, once it is there.
inline QList<qint64> pidsIn(const QString& path)
{
    QFile file(path);
    QList<qint64> pids;
    if (file.open(QIODevice::ReadOnly)) {
        for (const auto& word : QString::fromUtf8(file.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            pids << word.toLongLong();
    }
    return pids;
}

/// Gone: no such process, not even a zombie waiting to be reaped.
inline bool gone(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

inline QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// A results file with 20 runs of each benchmark around the given median (seconds), the same spread for each.
inline void writeResults(const QString& path, const std::vector<std::pair<std::string, double>>& benchmarks)
{
    pyrometer::Results results;
    results.complete = true;
    for (const auto& [name, median] : benchmarks) {
        pyrometer::BenchmarkResult b;
        b.name = name;
        b.command = { "python3", name };
        for (int i = 0; i < 20; ++i) {
            pyrometer::RunRecord run;
            run.exitCode = 0;
            run.wall = pyrometer::fromSeconds(median * (1 + 0.001 * ((i * 7) % 20 - 9.5)));
            b.runs.push_back(run);
        }
        results.benchmarks.push_back(b);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(pyrometer::resultsJsonText(results)));
}

inline int lineCount(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<int>(file.readAll().count('\n'));
}

} // namespace pyrometer::test
