#include "core/probe/pstats_export.h"

#include <bit>
#include <cstring>
#include <limits>
#include <map>
#include <vector>

namespace pyrometer {
namespace {
// Python's marshal format (Python/marshal.c): a type byte, then little-endian fields.
void int32(std::string& out, std::int32_t value)
{
    const auto bits = static_cast<std::uint32_t>(value);
    for (int shift = 0; shift < 32; shift += 8)
        out += static_cast<char>((bits >> shift) & 0xFF);
}

void integer(std::string& out, std::int64_t value)
{
    if (value >= std::numeric_limits<std::int32_t>::min() && value <= std::numeric_limits<std::int32_t>::max()) {
        out += 'i';
        int32(out, static_cast<std::int32_t>(value));
        return;
    }
    // TYPE_LONG: a signed count of 15-bit digits, least significant first.
    out += 'l';
    auto magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits;
    std::int32_t count = 0;
    while (magnitude) {
        const auto digit = static_cast<std::uint16_t>(magnitude & 0x7FFF);
        digits += static_cast<char>(digit & 0xFF);
        digits += static_cast<char>(digit >> 8);
        magnitude >>= 15;
        ++count;
    }
    int32(out, value < 0 ? -count : count);
    out += digits;
}

void real(std::string& out, double value)
{
    static_assert(std::endian::native == std::endian::little);
    out += 'g';
    char bytes[8];
    std::memcpy(bytes, &value, sizeof bytes);
    out.append(bytes, sizeof bytes);
}

void text(std::string& out, const std::string& value)
{
    out += 'u';
    int32(out, static_cast<std::int32_t>(value.size()));
    out += value;
}

void tuple(std::string& out, std::uint8_t size)
{
    out += ')';
    out += static_cast<char>(size);
}

void function(std::string& out, const ProfileFunction& f)
{
    tuple(out, 3);
    text(out, f.file);
    integer(out, f.line);
    text(out, f.name);
}
} // namespace

std::string pstatsBytes(const Profile& profile)
{
    // Edges by callee, each with its callers, as cProfile's stats dictionary holds them.
    std::map<std::size_t, std::vector<const ProfileEdge*>> callers;
    for (const auto& edge : profile.edges)
        callers[edge.callee].push_back(&edge);
    std::string out = "{";
    for (std::size_t i = 0; i < profile.functions.size(); ++i) {
        const auto& f = profile.functions[i];
        function(out, f);
        // (primitive calls, calls, own time, cumulative time, {caller: (calls, primitive calls, own, cumulative)})
        tuple(out, 5);
        integer(out, f.primitiveCalls);
        integer(out, f.calls);
        real(out, f.totalSeconds);
        real(out, f.cumulativeSeconds);
        out += '{';
        for (const auto* edge : callers[i]) {
            function(out, profile.functions[edge->caller]);
            tuple(out, 4);
            integer(out, edge->calls);
            integer(out, edge->primitiveCalls);
            real(out, edge->totalSeconds);
            real(out, edge->cumulativeSeconds);
        }
        out += '0';
    }
    out += '0';
    return out;
}

} // namespace pyrometer
