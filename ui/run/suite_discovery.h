#pragma once

#include "core/measure/suite.h"

#include <QObject>
#include <QThreadPool>

namespace pyrometer::ui {

/// Finds the benchmark functions of files and folders off the GUI thread: each file imported once in a child
/// process (discoverSuites()), one path after another, in the order asked. Results come back on the GUI thread.
class SuiteDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit SuiteDiscovery(QObject* parent = nullptr);
    /// Waits for the discovery under way (a child process, ended by its time-out at the latest).
    ~SuiteDiscovery() override;

    /// Discovers `path` (a benchmark file or a folder) with `interpreter`; found() or failed() follows.
    void discover(const QString& path, const QString& interpreter);
    /// Paths asked for and not answered yet.
    int pending() const { return m_pending; }
    /// How long one file may take to import.
    std::chrono::nanoseconds timeout = std::chrono::seconds(30);

Q_SIGNALS:
    /// The benchmark files of `path`; one without bench_ functions has none.
    void found(const QString& path, const std::vector<pyrometer::SuiteFile>& files);
    /// Why `path` cannot be added, in one line naming the file ("bench_x.py: SyntaxError: …").
    void failed(const QString& path, const QString& message);

private:
    QThreadPool m_pool;
    int m_pending = 0;
};

} // namespace pyrometer::ui
