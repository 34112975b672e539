#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// One garbage collection of a runtime other than CPython (Go, Java, Node.js), as the runtime's own trace reports
/// it.
struct RuntimeGcEvent
{
    double tSeconds = 0; ///< when it began, since the runtime started (within milliseconds of the spawn)
    double pauseSeconds = 0; ///< the time the program's threads were stopped (0 for wholly concurrent work)
    std::optional<double> durationSeconds; ///< the whole collection, concurrent phases included, when reported
    std::optional<std::int64_t> heapBeforeBytes; ///< the heap in use when it began
    std::optional<std::int64_t> heapAfterBytes; ///< … when it ended
    std::optional<std::int64_t> liveBytes; ///< the heap it found live (Go's third figure; else the heap after)
    std::optional<std::int64_t> heapCommittedBytes; ///< the heap the runtime held after it (Java, Node.js)
    std::optional<std::int64_t> heapGoalBytes; ///< the heap size the next collection starts at (Go)
    std::string kind; ///< "Scavenge", "Pause Young (Normal) (G1 Evacuation Pause)"; Go's "forced" or ""
};

/// What a runtime's trace of one run held.
struct RuntimeTrace
{
    std::string runtime; ///< "go", "java", "node"
    std::string collector; ///< Java's: "G1", "Serial", "Parallel", "The Z Garbage Collector"; else ""
    std::string method; ///< how it was traced: "GODEBUG=gctrace=1", "-Xlog:gc*", "--trace-gc"
    std::vector<RuntimeGcEvent> events; ///< in the order the trace gave them
    std::size_t unrecognised = 0; ///< lines that looked like the trace's but did not parse
    /// Why there are no events although the run was traced: "" when there are, else the reason ("the program ran
    /// no collection", "the trace's format is not recognised: …").
    std::string missing;
    std::string note; ///< what is incomplete about the events there are ("" when nothing is)
};

} // namespace pyrometer
