#include "ui/run/run_controller.h"

#include "core/history/store.h"

#include "core/doctor/machine_floor.h"
#include "core/formats/file_output.h"
#include "core/formats/journal.h"
#include "core/formats/results_json.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/model/error.h"

#include <QDateTime>
#include <QDir>
#include <QMetaObject>
#include <QThread>
#include <chrono>
#include <sys/resource.h>
#include <unistd.h>

namespace pyrometer::ui {
namespace {
constexpr auto snapshotInterval = std::chrono::milliseconds(50);
/// The analyst may use at most this share of one core, so that it disturbs the runs it watches little.
constexpr double analystDuty = 0.1;
} // namespace

bool RunController::Mailbox::offer(const Results& results)
{
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex);
    if (busy || pending || now < notBefore)
        return false;
    pending = shareResults(results);
    ready.notify_one();
    return true;
}

void RunController::analyse(quint64 request, ResultsSnapshot::SetId set, Mailbox& mailbox, std::stop_token done)
{
    // Lowest priority: the runs being measured come first (Linux applies nice per thread).
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
    for (;;) {
        std::shared_ptr<const Results> next;
        {
            std::unique_lock lock(mailbox.mutex);
            if (!mailbox.ready.wait(lock, done, [&] { return mailbox.pending != nullptr; }))
                return;
            next = std::move(mailbox.pending);
            mailbox.busy = true;
        }
        const auto started = std::chrono::steady_clock::now();
        ResultsSnapshot snapshot(std::move(next), set);
        const auto took = std::chrono::steady_clock::now() - started;
        post(request, [this, snapshot] { Q_EMIT snapshotAvailable(snapshot); });
        std::lock_guard lock(mailbox.mutex);
        mailbox.busy = false;
        // Wait long enough that analysing takes at most analystDuty of one core.
        const auto rest
            = std::chrono::duration_cast<std::chrono::steady_clock::duration>(took * (1.0 / analystDuty - 1.0));
        mailbox.notBefore
            = std::chrono::steady_clock::now() + std::max<std::chrono::steady_clock::duration>(snapshotInterval, rest);
    }
}

RunController::RunController(QString resultsDirectory, QObject* parent)
    : QObject(parent)
    , m_resultsDirectory(std::move(resultsDirectory))
{
    qRegisterMetaType<ResultsSnapshot>();
    qRegisterMetaType<Progress>();
}

RunController::~RunController()
{
    m_request = 0;
    if (m_worker.joinable()) {
        m_worker.request_stop();
        m_worker.join();
    }
}

template <typename F> void RunController::post(quint64 request, F&& deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, request, deliver = std::forward<F>(deliver)]() {
            Q_ASSERT(QThread::currentThread() == thread());
            if (request == m_request)
                deliver();
        },
        Qt::QueuedConnection);
}

void RunController::start(const RunPlan& plan)
{
    if (m_worker.joinable()) {
        m_worker.request_stop();
        m_worker.join();
    }
    const quint64 request = ++m_request;
    m_running = true;
    Q_EMIT started();
    m_worker = std::jthread([this, request, plan, historyStore = m_historyStore](
                                std::stop_token stop) { work(request, plan, historyStore, stop); });
}

void RunController::stop()
{
    if (m_worker.joinable())
        m_worker.request_stop();
}

void RunController::work(quint64 request, RunPlan plan, QString historyStore, std::stop_token stop)
{
    Results results;
    try {
        // As the terminal does: no run without the spawn helper, whose absence would fold the window's own size
        // into every run's peak RSS.
        if (const auto problem = spawn_helper::missingProblem(); !problem.empty())
            throw InputError(problem);
        results = prepare(plan);
        results.environment.floor = machineFloorFor(results.environment.hostname);
    } catch (const PlanError& e) {
        for (const auto& problem : e.problems()) {
            post(request,
                [this, index = static_cast<int>(problem.benchmark), message = QString::fromStdString(problem.message)] {
                    Q_EMIT problemFound(index, message);
                });
        }
        post(request, [this, message = QString::fromUtf8(e.what())] {
            m_running = false;
            Q_EMIT failed(message);
        });
        return;
    } catch (const InputError& e) {
        post(request, [this, message = QString::fromUtf8(e.what())] {
            m_running = false;
            Q_EMIT problemFound(-1, message);
            Q_EMIT failed(message);
        });
        return;
    }

    std::unique_ptr<JournalWriter> journal;
    QString base;
    if (!m_resultsDirectory.isEmpty() && QDir().mkpath(m_resultsDirectory)) {
        // NAME.pyrometer.json: the name by which a file manager knows Pyrometer's results (packaging/*.mime.xml).
        base = QDir(m_resultsDirectory)
                   .filePath(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))
                       + QStringLiteral(".pyrometer"));
        try {
            journal = std::make_unique<JournalWriter>(base.toStdString() + ".json.journal", results);
        } catch (const std::exception&) {
            journal.reset(); // measuring matters more than keeping a copy
        }
    }

    // The analyst turns results into what the views draw, off the GUI thread and off the engine's: the engine
    // only hands over a copy, and only when the analyst is idle, so that the latest results win.
    Mailbox mailbox;
    const auto set = ResultsSnapshot::newSet(); // every snapshot of this run, the last one too
    std::jthread analyst(
        [this, request, set, &mailbox](std::stop_token done) { analyse(request, set, mailbox, done); });

    auto lastProgress = std::chrono::steady_clock::now() - snapshotInterval;
    EngineCallbacks callbacks;
    callbacks.runStarting = [&](const Progress& progress) {
        const auto now = std::chrono::steady_clock::now();
        if (now - lastProgress < snapshotInterval)
            return;
        lastProgress = now;
        post(request, [this, progress] { Q_EMIT progressChanged(progress); });
    };
    // Measuring matters more than keeping a copy: a journal that fails is dropped.
    const auto journaled = [&](auto&& append) {
        if (!journal)
            return;
        try {
            append(*journal);
        } catch (const std::exception&) {
            journal.reset();
        }
    };
    callbacks.runFinished = [&](const Results& soFar, std::size_t b) {
        journaled([&](JournalWriter& j) { j.appendRun(b, soFar.benchmarks[b].runs.back()); });
        mailbox.offer(soFar);
    };
    callbacks.probeFinished = [&](const Results& soFar, std::size_t b) {
        journaled([&](JournalWriter& j) { j.appendProbe(b, *soFar.benchmarks[b].probe); });
        mailbox.offer(soFar);
    };
    callbacks.benchmarkFailed = [&](const Results& soFar, std::size_t b) {
        journaled([&](JournalWriter& j) { j.appendFailure(b, *soFar.benchmarks[b].failure); });
    };

    ProcessLauncher launcher;
    Engine(launcher).run(results, stop, callbacks);
    analyst.request_stop();
    analyst.join();

    QString savedTo;
    if (journal) {
        try {
            writeFileAtomically(base.toStdString() + ".json", resultsJsonText(results));
            journal->remove();
            savedTo = base + QStringLiteral(".json");
        } catch (const std::exception&) {
            savedTo = QString::fromStdString(journal->path().string());
        }
    }
    // Into the history after the results file: the file (or the journal) stays the safety net.
    if (!historyStore.isEmpty()) {
        try {
            const auto store = openStore(historyStore.toStdString());
            const auto id = store->save(results, { "window" }).id;
            post(request, [this, id, location = QString::fromStdString(store->location())] {
                Q_EMIT savedToHistory(id, location);
            });
        } catch (const std::exception& e) {
            post(request, [this, error = QString::fromUtf8(e.what())] { Q_EMIT historyFailed(error); });
        }
    }
    post(request, [this, snapshot = ResultsSnapshot(shareResults(std::move(results)), set), savedTo] {
        m_running = false;
        Q_EMIT snapshotAvailable(snapshot);
        Q_EMIT finished(snapshot, savedTo);
    });
}

} // namespace pyrometer::ui
