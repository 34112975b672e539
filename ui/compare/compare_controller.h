#pragma once

#include "core/compare/comparison.h"

#include <QObject>
#include <future>
#include <memory>
#include <optional>

namespace pyrometer::ui {

/// Compares a baseline with a candidate on a worker thread, so that a thousand runs a side never stall the
/// window. A request made while one is computing replaces any other waiting one; each finished comparison is
/// published, newest last.
class CompareController : public QObject
{
    Q_OBJECT
public:
    explicit CompareController(QObject* parent = nullptr);
    ~CompareController() override; ///< waits for a comparison in progress

    /// `pairs` by name (baseline name, candidate name), made by hand; names that no longer exist are ignored.
    void request(std::shared_ptr<const Results> baseline, std::shared_ptr<const Results> candidate,
        std::vector<std::pair<std::string, std::string>> pairs, ComparisonSettings settings);
    /// Forgets what was asked: the comparison waiting is dropped, and one computing now is never published.
    void cancel();
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void comparisonReady(std::shared_ptr<const pyrometer::Comparison> comparison);

private:
    struct Job
    {
        std::shared_ptr<const Results> baseline;
        std::shared_ptr<const Results> candidate;
        std::vector<std::pair<std::string, std::string>> pairs;
        ComparisonSettings settings;
        quint64 generation = 0;
    };
    void startNext();

    std::optional<Job> m_pending;
    std::future<void> m_running;
    bool m_busy = false;
    quint64 m_generation = 0; ///< raised by cancel(): results of an older one are not published
};

} // namespace pyrometer::ui
