#pragma once

#include "ui/snapshot/results_snapshot.h"

#include "core/model/run_plan.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

namespace pyrometer::ui {

/// Runs a plan on a worker thread and publishes what happens as queued signals on the GUI thread: immutable
/// snapshots of the results so far (at most 20 a second), progress, and the end. Every finished run is
/// appended to a journal, and the results are saved when the run ends, so that nothing measured is lost.
/// A new start() supersedes the run before it: its late signals are dropped.
class RunController : public QObject
{
    Q_OBJECT
public:
    /// `resultsDirectory` is where each run's journal and results go; empty: nothing is kept on disk.
    explicit RunController(QString resultsDirectory, QObject* parent = nullptr);
    ~RunController() override;

    bool isRunning() const { return m_running; }
    /// The history store each run's results go into when it ends (after its results file); empty for none.
    void setHistoryStore(const QString& location) { m_historyStore = location; }
    const QString& resultsDirectory() const { return m_resultsDirectory; }

public Q_SLOTS:
    void start(const pyrometer::RunPlan& plan);
    /// Cancels the running process at once; the runs finished so far are kept and delivered by finished().
    void stop();

Q_SIGNALS:
    void started();
    void progressChanged(const pyrometer::Progress& progress);
    void snapshotAvailable(const pyrometer::ui::ResultsSnapshot& snapshot);
    /// The plan could not start: `benchmark` is the row concerned, or -1 for the plan as a whole.
    void problemFound(int benchmark, const QString& message);
    /// The run ended (completed, failed benchmarks or stopped); `savedTo` is the results file, if any.
    void finished(const pyrometer::ui::ResultsSnapshot& results, const QString& savedTo);
    void failed(const QString& message);
    /// The run's results went into the history store as run set `runSet`, or could not (`error`).
    void savedToHistory(qint64 runSet, const QString& location);
    void historyFailed(const QString& error);

private:
    /// Hands results from the engine's thread to the analyst's: at most one waiting, none while it works.
    struct Mailbox
    {
        std::mutex mutex;
        std::condition_variable_any ready;
        std::shared_ptr<const Results> pending;
        bool busy = false;
        std::chrono::steady_clock::time_point notBefore {};
        bool offer(const Results& results);
    };
    template <typename F> void post(quint64 request, F&& deliver);
    void analyse(quint64 request, ResultsSnapshot::SetId set, Mailbox& mailbox, std::stop_token done);
    void work(quint64 request, RunPlan plan, QString historyStore, std::stop_token stop);

    QString m_resultsDirectory;
    QString m_historyStore;
    std::jthread m_worker;
    std::atomic<quint64> m_request { 0 };
    bool m_running = false;
};

} // namespace pyrometer::ui
