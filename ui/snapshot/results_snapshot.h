#pragma once

#include "ui/snapshot/view_data.h"

#include "core/measure/engine.h"
#include "core/model/results.h"

#include <QMetaType>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace pyrometer::ui {

/// Shares `results` so that, whichever thread lets go of them last, they are freed on a thread of their own:
/// freeing 100,000 runs takes about 9 ms, which the window must not spend on its own thread with every refresh.
std::shared_ptr<const Results> shareResults(Results results);

/// Results as they stood at one moment, with what the views draw of them: immutable, shared between threads.
/// Reads like a pointer to the results.
///
/// Every snapshot belongs to a result set: the snapshots of one run share it, an opened file has one of its own.
/// What a user picks in one set (a run, a row) is never carried over to another.
class ResultsSnapshot
{
public:
    using SetId = std::uint64_t;
    /// A set no snapshot had before; thread-safe.
    static SetId newSet();

    ResultsSnapshot(std::nullptr_t = nullptr) { }
    /// Computes the view data now; the controller does this on a worker thread.
    ResultsSnapshot(std::shared_ptr<const Results> results, SetId set = newSet())
        : m_results(std::move(results))
        , m_view(m_results ? std::make_shared<const ViewData>(computeViewData(*m_results)) : nullptr)
        , m_set(set)
    {
    }

    explicit operator bool() const { return m_results != nullptr; }
    const Results* operator->() const { return m_results.get(); }
    const Results& operator*() const { return *m_results; }
    const std::shared_ptr<const Results>& results() const { return m_results; }
    /// Never null when the snapshot is not.
    const ViewData& view() const { return *m_view; }
    /// 0 for the null snapshot.
    SetId set() const { return m_set; }

private:
    std::shared_ptr<const Results> m_results;
    std::shared_ptr<const ViewData> m_view;
    SetId m_set = 0;
};

} // namespace pyrometer::ui

Q_DECLARE_METATYPE(pyrometer::ui::ResultsSnapshot)
Q_DECLARE_METATYPE(pyrometer::Progress)
