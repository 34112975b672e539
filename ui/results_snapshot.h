#pragma once

#include "core/engine.h"
#include "core/results.h"

#include <QMetaType>
#include <memory>

namespace pyrometer::ui {

/// Results as they stood at one moment: immutable, shared between the worker and the GUI thread.
using ResultsSnapshot = std::shared_ptr<const Results>;

} // namespace pyrometer::ui

Q_DECLARE_METATYPE(pyrometer::ui::ResultsSnapshot)
Q_DECLARE_METATYPE(pyrometer::Progress)
