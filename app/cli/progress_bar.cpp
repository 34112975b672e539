#include "progress_bar.h"

#include "terminal_text.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace pyrometer::cli {
namespace {
std::string clock(std::chrono::nanoseconds duration)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration).count();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", static_cast<long long>(seconds / 60),
        static_cast<long long>(seconds % 60));
    return buffer;
}

int terminalWidth(std::FILE* terminal)
{
    winsize size {};
    if (::ioctl(::fileno(terminal), TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
        return size.ws_col;
    return 80;
}
} // namespace

ProgressBar::ProgressBar(std::FILE* terminal, const Results& results)
    : m_terminal(terminal)
    , m_results(results)
{
}

ProgressBar::~ProgressBar()
{
    clear();
}

void ProgressBar::update(const Progress& p)
{
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    const int width = terminalWidth(m_terminal);
    char counts[64];
    std::snprintf(counts, sizeof counts, " %zu/%zu  ETA ", p.completed, p.total);
    std::string right = counts;
    right.append(p.remaining ? clock(*p.remaining) : std::string("–"));
    std::string label = escapeControls(m_results.benchmarks[p.benchmark].name);
    label.append(p.warmup ? " (warmup) " : " ")
        .append(std::to_string(p.run))
        .append("/")
        .append(std::to_string(p.runsOfBenchmark));
    const int barWidth = std::max(10, std::min(40, width / 3));
    const int filled = p.total ? static_cast<int>(static_cast<double>(barWidth) * p.completed / p.total) : 0;
    std::string bar(static_cast<std::size_t>(barWidth + 2), '-');
    bar.front() = '[';
    bar.back() = ']';
    bar.replace(1, static_cast<std::size_t>(filled), static_cast<std::size_t>(filled), '#');
    // Bytes, not columns: a name with non-ASCII letters is cut a little early, never too late.
    const int room = width - 1 - static_cast<int>(bar.size() + right.size()) - 2;
    if (room < static_cast<int>(label.size()))
        label = room > 3 ? label.substr(label.size() - static_cast<std::size_t>(room - 1)) : std::string();
    std::fprintf(m_terminal, "\r\033[K%s %s%s", bar.c_str(), label.c_str(), right.c_str());
    std::fflush(m_terminal);
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (!m_drawn)
        return;
    std::fputs("\r\033[K", m_terminal);
    std::fflush(m_terminal);
    m_drawn = false;
}

} // namespace pyrometer::cli
