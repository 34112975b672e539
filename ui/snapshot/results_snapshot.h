#pragma once

#include "ui/snapshot/view_data.h"

#include "core/measure/engine.h"
#include "core/model/results.h"

#include <QMetaType>
#include <cstddef>
#include <memory>

namespace pyrometer::ui {

/// Results as they stood at one moment, with what the views draw of them: immutable, shared between threads.
/// Reads like a pointer to the results.
class ResultsSnapshot
{
public:
    ResultsSnapshot(std::nullptr_t = nullptr) { }
    /// Computes the view data now; the controller does this on a worker thread.
    ResultsSnapshot(std::shared_ptr<const Results> results)
        : m_results(std::move(results))
        , m_view(m_results ? std::make_shared<const ViewData>(computeViewData(*m_results)) : nullptr)
    {
    }

    explicit operator bool() const { return m_results != nullptr; }
    const Results* operator->() const { return m_results.get(); }
    const Results& operator*() const { return *m_results; }
    const std::shared_ptr<const Results>& results() const { return m_results; }
    /// Never null when the snapshot is not.
    const ViewData& view() const { return *m_view; }

private:
    std::shared_ptr<const Results> m_results;
    std::shared_ptr<const ViewData> m_view;
};

} // namespace pyrometer::ui

Q_DECLARE_METATYPE(pyrometer::ui::ResultsSnapshot)
Q_DECLARE_METATYPE(pyrometer::Progress)
