#pragma once

#include "core/measure/engine.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace pyrometer::cli {

/// A one-line progress bar with ETA on a terminal, redrawn at most ten times a second.
class ProgressBar
{
public:
    ProgressBar(std::FILE* terminal, const Results& results);
    ~ProgressBar();
    void update(const Progress& progress);
    /// Erases the bar, so that what follows starts on a clean line.
    void clear();

private:
    std::FILE* m_terminal;
    const Results& m_results;
    std::chrono::steady_clock::time_point m_lastDraw {};
    bool m_drawn = false;
};

} // namespace pyrometer::cli
