#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pyrometer {

/// Keeps the last `capacity` bytes of a stream and counts all of them, so that a process printing gigabytes costs
/// a bounded amount of memory.
class OutputTail
{
public:
    explicit OutputTail(std::size_t capacity);

    void append(std::string_view data);
    std::uint64_t totalBytes() const { return m_total; }
    /// The kept bytes, with a character cut at the start dropped and invalid UTF-8 replaced.
    std::string text() const;

private:
    std::size_t m_capacity;
    std::uint64_t m_total = 0;
    std::string m_buffer;
};

/// Replaces every invalid UTF-8 sequence by U+FFFD, so that any output can be written to JSON.
std::string sanitizeUtf8(std::string_view bytes);

} // namespace pyrometer
