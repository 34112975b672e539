#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pyrometer {

/// Names short enough for a legend, an axis or a table, told apart by what distinguishes them:
///  - the directories all names share are dropped ("examples/fib.py", "examples/sort.py" → "fib.py", "sort.py"),
///    and of the rest only as many trailing path components as keep two names apart ("a/fib.py", "b/fib.py");
///    a command keeps its arguments, and its program loses its directory ("/bin/sleep 0.1" → "sleep 0.1");
///  - a prefix all names share up to a separator ("::", "/", ".", "-" or "_") is dropped when at least two
///    names remain, so that pytest's "test_bench.py::test_sort_small" and "…::test_sort_large" read
///    "sort_small" and "sort_large";
///  - what is still longer than `maxLength` characters loses its middle ("json_r…trip.py");
///  - names of pairs ("a/old.py → a/new.py") are shortened side by side ("old.py → new.py").
/// Names stay distinct when the full names are; the full name belongs in a tooltip.
std::vector<std::string> shortNames(const std::vector<std::string>& names, std::size_t maxLength = 32);

/// `text` cut to at most `maxLength` characters (UTF-8 aware) by replacing its middle with "…".
std::string elideMiddle(const std::string& text, std::size_t maxLength);

} // namespace pyrometer
