#pragma once

#include "core/history/store.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pyrometer::cli {

/// `pyrometer history check`: the newest run set against the level before it; ExitFailed when a benchmark regressed.
int historyCheck(
    HistoryStore& store, const std::vector<std::string>& benchmarks, const TrendFilter& filter, std::size_t level);

/// `pyrometer history import`: results files and folders of them into the store, each file one run set.
int historyImport(HistoryStore& store, const std::vector<std::string>& paths, const std::vector<std::string>& tags);

} // namespace pyrometer::cli
