#include "terminal_text.h"

#include <cstdio>
#include <iostream>

namespace pyrometer::cli {
namespace {
std::string hex(const char* prefix, unsigned char byte)
{
    char text[12];
    std::snprintf(text, sizeof text, "%s%02x", prefix, byte);
    return text;
}
} // namespace

std::string ControlEscaper::feed(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (m_heldLeadByte) {
            m_heldLeadByte = false;
            if (byte >= 0x80 && byte <= 0x9F) { // a C1 control, U+0080 … U+009F, encoded as C2 80 … C2 9F
                out += hex("\\u00", byte);
                continue;
            }
            out += '\xC2';
        }
        if (byte == 0xC2)
            m_heldLeadByte = true;
        else if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F)
            out += hex("\\x", byte);
        else
            out += c;
    }
    return out;
}

std::string ControlEscaper::finish()
{
    const bool held = m_heldLeadByte;
    m_heldLeadByte = false;
    return held ? std::string("\xC2") : std::string();
}

std::string escapeControls(std::string_view text)
{
    ControlEscaper escaper;
    return escaper.feed(text) + escaper.finish();
}

ControlEscapingBuffer::int_type ControlEscapingBuffer::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof()))
        return traits_type::not_eof(c);
    const char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize ControlEscapingBuffer::xsputn(const char* bytes, std::streamsize count)
{
    const auto out = m_escaper.feed(std::string_view(bytes, static_cast<std::size_t>(count)));
    const auto size = static_cast<std::streamsize>(out.size());
    return m_target->sputn(out.data(), size) == size ? count : 0;
}

int ControlEscapingBuffer::sync()
{
    return m_target->pubsync();
}

void escapeControlsOnStandardStreams()
{
    // Never destroyed: the streams are flushed after every static object is gone.
    static auto* out = new ControlEscapingBuffer(std::cout.rdbuf());
    static auto* err = new ControlEscapingBuffer(std::cerr.rdbuf());
    std::cout.rdbuf(out);
    std::cerr.rdbuf(err);
}

} // namespace pyrometer::cli
