#pragma once

#include "core/model/results.h"

#include <string>
#include <string_view>

namespace pyrometer {

/// A summary table in GitHub-flavoured Markdown, one row per benchmark, with the environment below it.
std::string markdownSummary(const Results& results);

/// Text safe inside a Markdown table cell: markup characters escaped, HTML characters as entities, line breaks
/// as spaces, other control characters dropped.
std::string markdownEscape(std::string_view text);

} // namespace pyrometer
