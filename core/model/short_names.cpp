#include "core/model/short_names.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace pyrometer {
namespace {
/// Code points of UTF-8 text, as byte offsets where each starts.
std::vector<std::size_t> codePointStarts(const std::string& text)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            starts.push_back(i);
    }
    return starts;
}

bool allDistinct(const std::vector<std::string>& names)
{
    return std::set<std::string>(names.begin(), names.end()).size() == names.size();
}

/// The last `count` components of a path ("a/b/c.py", 2 → "b/c.py").
std::string lastComponents(const std::string& path, std::size_t count)
{
    std::size_t at = path.size();
    for (std::size_t k = 0; k < count; ++k) {
        const auto slash = at == 0 ? std::string::npos : path.rfind('/', at - 1);
        if (slash == std::string::npos)
            return path;
        at = slash;
    }
    return path.substr(at + 1);
}

/// Each name's path (for a command, its program: the first word) cut to the fewest trailing components that no
/// other name shares at that length ("/w/a/fib.py", "/w/b/fib.py", "/w/b/sort.py" → "a/fib.py", "b/fib.py",
/// "sort.py"; "/bin/sleep 0.1" → "sleep 0.1"). One pass over all names per length, counting each suffix: a name
/// compared with every other name at every length made 200 names cost milliseconds, four times per comparison.
std::vector<std::string> byPathSuffix(const std::vector<std::string>& names)
{
    std::vector<std::string> heads, tails;
    for (const auto& name : names) {
        const auto space = name.find(' ');
        heads.push_back(name.substr(0, space));
        tails.push_back(space == std::string::npos ? std::string() : name.substr(space));
    }
    std::vector<std::string> best = heads;
    std::vector<bool> found(names.size(), false);
    std::size_t left = names.size();
    std::vector<std::string> keys(names.size());
    for (std::size_t components = 1; components < 64 && left > 0; ++components) {
        std::unordered_map<std::string_view, std::size_t> counts;
        for (std::size_t j = 0; j < names.size(); ++j) {
            keys[j] = lastComponents(heads[j], components) + tails[j];
            ++counts[keys[j]];
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (found[i])
                continue;
            const auto mine = lastComponents(heads[i], components);
            if (counts[keys[i]] == 1 || mine == heads[i]) {
                best[i] = mine;
                found[i] = true;
                --left;
            }
        }
    }
    std::vector<std::string> shorter;
    for (std::size_t i = 0; i < names.size(); ++i)
        shorter.push_back(best[i] + tails[i]);
    return allDistinct(shorter) ? shorter : names;
}

bool isSeparator(char c)
{
    return c == ':' || c == '/' || c == '.' || c == '_' || c == '-';
}

/// Drops the prefix every name shares, up to and including its last separator, if every name keeps something.
std::vector<std::string> withoutCommonPrefix(const std::vector<std::string>& names)
{
    if (names.size() < 2)
        return names;
    std::size_t common = names.front().size();
    for (const auto& name : names) {
        std::size_t i = 0;
        while (i < common && i < name.size() && name[i] == names.front()[i])
            ++i;
        common = i;
    }
    // Never into a command's arguments: "sleep 0.1" and "sleep 0.2" are not "1" and "2".
    common = std::min(common, names.front().find(' '));
    while (common > 0 && !isSeparator(names.front()[common - 1]))
        --common;
    while (common > 0 && common < names.front().size() && isSeparator(names.front()[common]))
        ++common; // "::" ends with both colons
    if (common == 0)
        return names;
    std::vector<std::string> shorter;
    for (const auto& name : names) {
        if (name.size() <= common)
            return names;
        shorter.push_back(name.substr(common));
    }
    return allDistinct(shorter) ? shorter : names;
}
} // namespace

std::string elideMiddle(const std::string& text, std::size_t maxLength)
{
    const auto starts = codePointStarts(text);
    if (starts.size() <= maxLength || maxLength < 3)
        return text;
    const std::size_t keep = maxLength - 1; // one for the ellipsis
    const std::size_t head = (keep + 1) / 2, tail = keep - head;
    return text.substr(0, starts[head]) + "…" + text.substr(starts[starts.size() - tail]);
}

std::vector<std::string> shortNames(const std::vector<std::string>& names, std::size_t maxLength)
{
    if (!allDistinct(names))
        return names;
    // Pairs of benchmarks ("old.py → new.py"): each side shortened among its kind.
    static const std::string arrow = " → ";
    if (!names.empty()
        && std::all_of(names.begin(), names.end(), [](const std::string& n) { return n.find(arrow) != n.npos; })) {
        std::vector<std::string> left, right;
        for (const auto& name : names) {
            const auto at = name.find(arrow);
            left.push_back(name.substr(0, at));
            right.push_back(name.substr(at + arrow.size()));
        }
        const auto shortLeft = shortNames(left, maxLength / 2), shortRight = shortNames(right, maxLength / 2);
        std::vector<std::string> joined;
        for (std::size_t i = 0; i < names.size(); ++i)
            joined.push_back(shortLeft[i] + arrow + shortRight[i]);
        if (allDistinct(joined))
            return joined;
    }
    auto shorter = withoutCommonPrefix(byPathSuffix(names));
    std::vector<std::string> elided;
    for (const auto& name : shorter)
        elided.push_back(elideMiddle(name, maxLength));
    return allDistinct(elided) ? elided : shorter;
}

} // namespace pyrometer
