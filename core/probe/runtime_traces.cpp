#include "core/probe/runtime_traces.h"

#include <charconv>
#include <cmath>
#include <map>

namespace pyrometer {
namespace {
constexpr double mebibyte = 1024.0 * 1024.0;
/// Longer lines are no trace line of any runtime here, and are left alone unread.
constexpr std::size_t longestTraceLine = 4096;

/// Reads a line of a trace from the left: literals, numbers, words. Every read returns false, and reads no more,
/// once something did not match.
class Cursor
{
public:
    explicit Cursor(std::string_view text)
        : m_text(text)
    {
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_text.empty(); }
    std::string_view rest() const { return m_text; }

    bool literal(std::string_view expected)
    {
        if (m_ok && m_text.starts_with(expected))
            m_text.remove_prefix(expected.size());
        else
            m_ok = false;
        return m_ok;
    }

    void spaces()
    {
        while (m_ok && !m_text.empty() && m_text.front() == ' ')
            m_text.remove_prefix(1);
    }

    /// A decimal number, not negative, finite.
    bool number(double& value)
    {
        if (!m_ok)
            return false;
        const auto* begin = m_text.data();
        const auto [end, error] = std::from_chars(begin, begin + m_text.size(), value, std::chars_format::fixed);
        // No figure of a trace comes near 10^12 (seconds, milliseconds, MiB): beyond, the line is not one.
        m_ok = error == std::errc() && std::isfinite(value) && value >= 0 && value < 1e12;
        if (m_ok)
            m_text.remove_prefix(static_cast<std::size_t>(end - begin));
        return m_ok;
    }

    /// Everything up to `stop` (not taken); fails when `stop` is not there.
    bool until(std::string_view stop, std::string_view& taken)
    {
        const auto at = m_ok ? m_text.find(stop) : std::string_view::npos;
        m_ok = at != std::string_view::npos;
        if (m_ok) {
            taken = m_text.substr(0, at);
            m_text.remove_prefix(at);
        }
        return m_ok;
    }

    /// A size as the JVM writes it: "19M", "512K", "2G", "100B".
    bool javaSize(std::int64_t& bytes)
    {
        double value = 0;
        if (!number(value) || m_text.empty()) {
            m_ok = false;
            return false;
        }
        const char unit = m_text.front();
        const double scale = unit == 'B' ? 1
            : unit == 'K'                ? 1024.0
            : unit == 'M'                ? mebibyte
            : unit == 'G'                ? mebibyte * 1024
                                         : 0;
        m_ok = scale > 0 && value * scale < 9e18; // an int64 of bytes
        if (m_ok) {
            m_text.remove_prefix(1);
            bytes = static_cast<std::int64_t>(std::llround(value * scale));
        }
        return m_ok;
    }

private:
    std::string_view m_text;
    bool m_ok = true;
};

std::int64_t mebibytes(double value)
{
    return static_cast<std::int64_t>(std::llround(value * mebibyte));
}

/// Splits `text` into lines, gives each (without its newline) to `take`, and keeps those it does not take.
template <typename Take> void takeLines(std::string& text, Take take)
{
    std::string kept;
    kept.reserve(text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto stop = end == std::string::npos ? text.size() : end;
        const std::string_view line(text.data() + start, stop - start);
        const bool newline = end != std::string::npos;
        if (line.size() > longestTraceLine || !take(line)) {
            kept.append(line);
            if (newline)
                kept.push_back('\n');
        }
        start = newline ? end + 1 : text.size();
    }
    text = std::move(kept);
}

void finish(RuntimeTrace& trace, const char* what)
{
    if (!trace.events.empty())
        return;
    trace.missing = trace.unrecognised > 0
        ? std::string("the ") + what + " format is not recognised (" + std::to_string(trace.unrecognised)
            + " lines looked like it and did not parse): the run is measured, its collections are not"
        : std::string("the ") + what + " has no collection: the program ran none";
}

/// "gc 3 @0.021s 2%: 0.013+1.2+0.004 ms clock, 0.1+0.2/0.3/0.4+0.05 ms cpu, 4->4->1 MB, 5 MB goal, 0 MB stacks,
/// 0 MB globals, 2 P" (stacks and globals since Go 1.19; " (forced)" after a runtime.GC()).
std::optional<RuntimeGcEvent> goLine(std::string_view line)
{
    Cursor c(line);
    double number = 0, at = 0, sweep = 0, mark = 0, markEnd = 0, before = 0, after = 0, live = 0, goal = 0;
    c.literal("gc ");
    c.number(number);
    c.literal(" @");
    c.number(at);
    c.literal("s ");
    double share = 0;
    c.number(share);
    c.literal("%: ");
    c.number(sweep);
    c.literal("+");
    c.number(mark);
    c.literal("+");
    c.number(markEnd);
    c.literal(" ms clock, ");
    std::string_view cpu;
    c.until(" ms cpu, ", cpu);
    c.literal(" ms cpu, ");
    c.number(before);
    c.literal("->");
    c.number(after);
    c.literal("->");
    c.number(live);
    c.literal(" MB, ");
    c.number(goal);
    c.literal(" MB goal, ");
    if (!c.ok())
        return std::nullopt;
    const auto rest = c.rest();
    const bool forced = rest.ends_with(" (forced)");
    if (!(rest.ends_with(" P") || (forced && rest.substr(0, rest.size() - 9).ends_with(" P"))))
        return std::nullopt;
    RuntimeGcEvent event;
    event.tSeconds = at;
    event.pauseSeconds = (sweep + markEnd) / 1000;
    event.durationSeconds = (sweep + mark + markEnd) / 1000;
    event.heapBeforeBytes = mebibytes(before);
    event.heapAfterBytes = mebibytes(after);
    event.liveBytes = mebibytes(live);
    event.heapGoalBytes = mebibytes(goal);
    event.kind = forced ? "forced" : "";
    return event;
}

/// "[26040:0x2163dc00]       37 ms: Scavenge 3.9 (4.0) -> 3.7 (5.0) MB, 3.91 / 0.00 ms  (average mu = …) …"
std::optional<RuntimeGcEvent> nodeLine(std::string_view line)
{
    Cursor c(line);
    c.literal("[");
    std::string_view isolate;
    c.until("]", isolate);
    c.literal("]");
    if (!c.ok() || isolate.find(':') == std::string_view::npos)
        return std::nullopt;
    double at = 0, before = 0, beforeHeld = 0, after = 0, afterHeld = 0, pause = 0, external = 0;
    c.spaces();
    c.number(at);
    c.literal(" ms: ");
    if (!c.ok())
        return std::nullopt;
    // The kind: the words before the first number ("Scavenge", "Mark-Compact (reduce)", "Minor Mark-Sweep").
    std::string kind;
    while (c.ok() && !c.rest().empty() && !(c.rest().front() >= '0' && c.rest().front() <= '9')) {
        std::string_view word;
        if (!c.until(" ", word))
            return std::nullopt;
        c.literal(" ");
        kind += (kind.empty() ? "" : " ") + std::string(word);
    }
    c.number(before);
    c.literal(" (");
    c.number(beforeHeld);
    c.literal(") -> ");
    c.number(after);
    c.literal(" (");
    c.number(afterHeld);
    c.literal(") MB, ");
    c.number(pause);
    c.literal(" / ");
    c.number(external);
    c.literal(" ms");
    if (!c.ok() || kind.empty())
        return std::nullopt;
    RuntimeGcEvent event;
    event.tSeconds = at / 1000;
    event.pauseSeconds = pause / 1000;
    event.heapBeforeBytes = mebibytes(before);
    event.heapAfterBytes = mebibytes(after);
    event.liveBytes = event.heapAfterBytes;
    event.heapCommittedBytes = mebibytes(afterHeld);
    event.kind = kind;
    return event;
}
} // namespace

namespace {
/// Takes the lines of a trace out of a run's output: those `looksLike` picks and `parse` reads; one it picks and
/// cannot read is counted and stays.
template <typename LooksLike, typename Parse>
RuntimeTrace takeTrace(
    std::string& output, const char* runtime, const char* method, const char* what, LooksLike looksLike, Parse parse)
{
    RuntimeTrace trace;
    trace.runtime = runtime;
    trace.method = method;
    takeLines(output, [&](std::string_view line) {
        if (!looksLike(line))
            return false;
        if (auto event = parse(line)) {
            trace.events.push_back(std::move(*event));
            return true;
        }
        ++trace.unrecognised;
        return false;
    });
    finish(trace, what);
    return trace;
}
} // namespace

RuntimeTrace takeGoTrace(std::string& stderrText)
{
    // Its lines, and what is left of one that the program's own writes cut in two.
    const auto looksLike = [](std::string_view line) {
        return line.starts_with("gc ") || line.find(" ms clock, ") != std::string_view::npos;
    };
    return takeTrace(stderrText, "go", "GODEBUG=gctrace=1", "gctrace", looksLike, goLine);
}

RuntimeTrace takeNodeTrace(std::string& stdoutText)
{
    const auto looksLike
        = [](std::string_view line) { return line.starts_with("[") && line.find(" ms: ") != std::string_view::npos; };
    return takeTrace(stdoutText, "node", "--trace-gc", "--trace-gc", looksLike, nodeLine);
}

RuntimeTrace parseJavaGcLog(std::string_view log)
{
    RuntimeTrace trace;
    trace.runtime = "java";
    trace.method = "-Xlog:gc*";
    std::map<long, double> startOf; // GC(n) → when its latest phase began (the `gc,start` lines)
    std::map<long, double> pausesOf; // ZGC: the pauses of its phases, by GC(n)
    std::size_t start = 0;
    while (start < log.size()) {
        const auto end = std::min(log.find('\n', start), log.size());
        const auto line = log.substr(start, end - start);
        start = end + 1;
        if (line.size() > longestTraceLine)
            continue;
        // "[0.270s][info][gc          ] GC(0) …": uptime, level, tags.
        Cursor c(line);
        double uptime = 0;
        c.literal("[");
        c.number(uptime);
        c.literal("s][");
        std::string_view level, tags;
        c.until("][", level);
        c.literal("][");
        c.until("] ", tags);
        c.literal("] ");
        if (!c.ok())
            continue;
        while (!tags.empty() && tags.back() == ' ')
            tags.remove_suffix(1);
        const auto message = c.rest();
        if (tags == "gc" && message.starts_with("Using ")) {
            trace.collector = std::string(message.substr(6));
            continue;
        }
        if (tags != "gc" && tags != "gc,phases" && tags != "gc,start")
            continue;
        if (!message.starts_with("GC(")) {
            // "Allocation Stall (main) 52.646ms": ZGC stopped an allocating thread.
            if (tags == "gc" && (message.starts_with("Allocation Stall") || message.starts_with("Relocation Stall"))) {
                Cursor m(message);
                std::string_view what;
                double ms = 0;
                if (m.until(") ", what) && m.literal(") ") && m.number(ms) && m.literal("ms") && m.atEnd()) {
                    RuntimeGcEvent stall;
                    stall.tSeconds = std::max(0.0, uptime - ms / 1000);
                    stall.pauseSeconds = ms / 1000;
                    stall.kind = std::string(what) + ")";
                    trace.events.push_back(std::move(stall));
                }
            }
            continue;
        }
        Cursor m(message);
        double id = 0;
        m.literal("GC(");
        m.number(id);
        m.literal(") ");
        if (!m.ok())
            continue;
        const auto gc = static_cast<long>(id);
        const auto text = m.rest();
        if (tags == "gc,start") {
            startOf[gc] = uptime;
            continue;
        }
        const auto started = [&](double seconds) {
            const auto known = startOf.find(gc);
            return known != startOf.end() ? known->second : std::max(0.0, uptime - seconds);
        };
        if (tags == "gc,phases") {
            // ZGC: "GC(0) Pause Mark Start 0.009ms".
            const auto ms = text.rfind(' ');
            double value = 0;
            Cursor v(ms == std::string_view::npos ? std::string_view() : text.substr(ms + 1));
            if (text.starts_with("Pause ") && v.number(value) && v.literal("ms") && v.atEnd())
                pausesOf[gc] += value / 1000;
            continue;
        }
        RuntimeGcEvent event;
        // "Pause Young (Normal) (G1 Evacuation Pause) 19M->10M(388M) 23.957ms"
        // "Concurrent Mark Cycle 101.000ms" (and its opening line without a time, skipped)
        // "Garbage Collection (Warmup) 12M(19%)->32M(50%)"
        const auto arrow = text.find("->");
        const auto lastSpace = text.rfind(' ');
        if (text.starts_with("Pause ") && arrow != std::string_view::npos && lastSpace != std::string_view::npos) {
            const auto sizesAt = text.rfind(' ', lastSpace - 1);
            Cursor s(text.substr(sizesAt + 1));
            std::int64_t before = 0, after = 0, held = 0;
            double ms = 0;
            s.javaSize(before);
            s.literal("->");
            s.javaSize(after);
            s.literal("(");
            s.javaSize(held);
            s.literal(") ");
            s.number(ms);
            s.literal("ms");
            if (!s.atEnd() || sizesAt == std::string_view::npos) {
                ++trace.unrecognised;
                continue;
            }
            event.kind = std::string(text.substr(0, sizesAt));
            event.pauseSeconds = ms / 1000;
            event.tSeconds = started(event.pauseSeconds);
            event.heapBeforeBytes = before;
            event.heapAfterBytes = after;
            event.liveBytes = after;
            event.heapCommittedBytes = held;
        } else if (text.starts_with("Concurrent ")) {
            Cursor s(lastSpace == std::string_view::npos ? std::string_view() : text.substr(lastSpace + 1));
            double ms = 0;
            if (!(s.number(ms) && s.literal("ms") && s.atEnd()))
                continue; // the cycle's opening line: its time comes with its closing one
            event.kind = std::string(text.substr(0, lastSpace));
            event.durationSeconds = ms / 1000;
            // Its phases each start anew: the cycle began its own length before it ended.
            event.tSeconds = std::max(0.0, uptime - ms / 1000);
        } else if (text.starts_with("Garbage Collection ") && arrow != std::string_view::npos) {
            // ZGC: sizes with the share of the heap's maximum; the pauses come from its phases.
            const auto sizesAt = text.rfind(' ');
            Cursor s(text.substr(sizesAt + 1));
            std::int64_t before = 0, after = 0;
            double share = 0;
            s.javaSize(before);
            s.literal("(");
            s.number(share);
            s.literal("%)->");
            s.javaSize(after);
            s.literal("(");
            s.number(share);
            s.literal("%)");
            if (!s.atEnd()) {
                ++trace.unrecognised;
                continue;
            }
            event.kind = std::string(text.substr(0, sizesAt));
            event.pauseSeconds = pausesOf[gc];
            event.tSeconds = started(0);
            event.durationSeconds = uptime - event.tSeconds;
            event.heapBeforeBytes = before;
            event.heapAfterBytes = after;
            event.liveBytes = after;
        } else {
            continue;
        }
        trace.events.push_back(std::move(event));
    }
    finish(trace, "-Xlog:gc log");
    return trace;
}

} // namespace pyrometer
