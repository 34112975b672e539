#include "ui/snapshot/results_snapshot.h"

#include <atomic>

namespace pyrometer::ui {

ResultsSnapshot::SetId ResultsSnapshot::newSet()
{
    static std::atomic<SetId> last { 0 };
    return ++last;
}

} // namespace pyrometer::ui
