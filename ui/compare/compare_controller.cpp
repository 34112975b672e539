#include "ui/compare/compare_controller.h"

#include <QMetaObject>
#include <QThread>
#include <sys/resource.h>
#include <unistd.h>

namespace pyrometer::ui {
namespace {
std::vector<BenchmarkPair> resolve(
    const Results& baseline, const Results& candidate, const std::vector<std::pair<std::string, std::string>>& byName)
{
    std::vector<BenchmarkPair> manual;
    for (const auto& [a, b] : byName) {
        const auto i = findBenchmark(baseline, a), j = findBenchmark(candidate, b);
        const bool taken = std::any_of(manual.begin(), manual.end(),
            [&](const BenchmarkPair& p) { return (i && p.baseline == *i) || (j && p.candidate == *j); });
        if (i && j && !taken)
            manual.push_back({ *i, *j });
    }
    // Within one set of results only the pairs made by hand count: by name, each benchmark is itself.
    return &baseline == &candidate ? manual : pairBenchmarks(baseline, candidate, manual);
}
} // namespace

CompareController::CompareController(QObject* parent)
    : QObject(parent)
{
}

CompareController::~CompareController()
{
    if (m_running.valid())
        m_running.wait();
}

void CompareController::request(std::shared_ptr<const Results> baseline, std::shared_ptr<const Results> candidate,
    std::vector<std::pair<std::string, std::string>> pairs, ComparisonSettings settings)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_pending = Job { std::move(baseline), std::move(candidate), std::move(pairs), settings, m_generation };
    if (!m_busy)
        startNext();
}

void CompareController::cancel()
{
    m_pending.reset();
    ++m_generation;
}

void CompareController::startNext()
{
    if (!m_pending || !m_pending->baseline || !m_pending->candidate) {
        m_pending.reset();
        return;
    }
    Job job = std::move(*m_pending);
    m_pending.reset();
    m_busy = true;
    if (m_running.valid())
        m_running.wait(); // already done: its result was delivered
    m_running = std::async(std::launch::async, [this, job = std::move(job)] {
        // Lowest priority, as the analyst thread: a comparison made during a run must not slow the runs it
        // compares (Linux applies nice per thread).
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
        const auto pairs = resolve(*job.baseline, *job.candidate, job.pairs);
        auto comparison
            = std::make_shared<const Comparison>(compare(*job.baseline, *job.candidate, pairs, job.settings));
        // Delivered on the GUI thread; the destructor waits for this thread, so `this` is alive here.
        QMetaObject::invokeMethod(
            this,
            [this, comparison, generation = job.generation] {
                m_busy = false;
                if (generation == m_generation)
                    Q_EMIT comparisonReady(comparison);
                if (m_pending)
                    startNext();
            },
            Qt::QueuedConnection);
    });
}

} // namespace pyrometer::ui
