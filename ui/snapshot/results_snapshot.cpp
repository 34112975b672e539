#include "ui/snapshot/results_snapshot.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace pyrometer::ui {
namespace {
/// Frees results handed to it, one at a time, on its own thread; what is left when the program ends is freed
/// before it ends.
class Reclaimer
{
public:
    Reclaimer()
        : m_thread([this] { loop(); })
    {
    }
    ~Reclaimer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_ready.notify_one();
        m_thread.join();
    }
    void free(const Results* results)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(results);
        }
        m_ready.notify_one();
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_ready.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            while (!m_queue.empty()) {
                const auto* results = m_queue.front();
                m_queue.pop_front();
                lock.unlock();
                delete results;
                lock.lock();
            }
            if (m_stopping)
                return;
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<const Results*> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

Reclaimer& reclaimer()
{
    static Reclaimer instance;
    return instance;
}
} // namespace

std::shared_ptr<const Results> shareResults(Results results)
{
    auto& freeing = reclaimer(); // made before the first results, so it outlives them all
    return std::shared_ptr<const Results>(
        new Results(std::move(results)), [&freeing](const Results* r) { freeing.free(r); });
}

ResultsSnapshot::SetId ResultsSnapshot::newSet()
{
    static std::atomic<SetId> last { 0 };
    return ++last;
}

} // namespace pyrometer::ui
