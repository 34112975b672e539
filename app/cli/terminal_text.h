#pragma once

#include <streambuf>
#include <string>
#include <string_view>

namespace pyrometer::cli {

/// Makes control characters visible instead of letting a terminal obey them: a script's stderr or a benchmark's
/// name may hold escape sequences that clear the screen, retitle the window or plant a link. Every C0 control
/// but newline and tab, DEL and the C1 controls (U+0080 … U+009F) become "\x1b", "\x7f", "\u009b", as git and less
/// show them. Fed piece by piece, a character split between two pieces is still recognised.
class ControlEscaper
{
public:
    std::string feed(std::string_view bytes);
    /// What is held back at the end of the text (the first byte of a split character).
    std::string finish();

private:
    bool m_heldLeadByte = false;
};

/// The whole of `text`, escaped.
std::string escapeControls(std::string_view text);

/// Passes everything written to it on to `target`, escaped. Installed on std::cout and std::cerr by main(), so
/// that nothing the command line prints can reach the terminal raw.
class ControlEscapingBuffer final : public std::streambuf
{
public:
    explicit ControlEscapingBuffer(std::streambuf* target)
        : m_target(target)
    {
    }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* bytes, std::streamsize count) override;
    int sync() override;

private:
    std::streambuf* m_target;
    ControlEscaper m_escaper;
};

/// Installs a ControlEscapingBuffer on std::cout and std::cerr for the rest of the process.
void escapeControlsOnStandardStreams();

} // namespace pyrometer::cli
