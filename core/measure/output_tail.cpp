#include "core/measure/output_tail.h"

namespace pyrometer {

OutputTail::OutputTail(std::size_t capacity)
    : m_capacity(capacity)
{
}

void OutputTail::append(std::string_view data)
{
    m_total += data.size();
    if (data.size() >= m_capacity) {
        m_buffer.assign(data.substr(data.size() - m_capacity));
        return;
    }
    m_buffer.append(data);
    // Trimming only once the buffer doubles keeps appends amortised O(1).
    if (m_buffer.size() > 2 * m_capacity)
        m_buffer.erase(0, m_buffer.size() - m_capacity);
}

std::string OutputTail::text() const
{
    std::string_view kept = m_buffer;
    if (kept.size() > m_capacity)
        kept.remove_prefix(kept.size() - m_capacity);
    if (m_total > kept.size()) {
        // The cut may have split a character: skip its continuation bytes.
        std::size_t skip = 0;
        while (skip < kept.size() && skip < 3 && (static_cast<unsigned char>(kept[skip]) & 0xC0) == 0x80)
            ++skip;
        kept.remove_prefix(skip);
    }
    return sanitizeUtf8(kept);
}

std::string sanitizeUtf8(std::string_view bytes)
{
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        if (c < 0x80)
            length = 1;
        else if ((c & 0xE0) == 0xC0)
            length = 2, minimum = 0x80;
        else if ((c & 0xF0) == 0xE0)
            length = 3, minimum = 0x800;
        else if ((c & 0xF8) == 0xF0)
            length = 4, minimum = 0x10000;
        bool valid = length > 0 && i + length <= bytes.size();
        std::uint32_t codePoint = length == 1 ? c : (c & (0x7F >> length));
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            valid = (next & 0xC0) == 0x80;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        if (valid && length > 1)
            valid = codePoint >= minimum && codePoint <= 0x10FFFF && !(codePoint >= 0xD800 && codePoint <= 0xDFFF);
        if (valid) {
            out.append(bytes.substr(i, length));
            i += length;
        } else {
            out.append(replacement);
            ++i;
        }
    }
    return out;
}

} // namespace pyrometer
