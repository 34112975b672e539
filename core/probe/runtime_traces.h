#pragma once

#include "core/model/runtime_memory.h"

#include <string>
#include <string_view>

namespace pyrometer {

/// Go's `GODEBUG=gctrace=1`: takes its lines ("gc 3 @0.021s 2%: 0.013+1.2+0.004 ms clock, … 4->4->1 MB, 5 MB goal,
/// … 2 P") out of `stderr`, which keeps the program's own lines in their order. The pause is the two
/// stop-the-world phases (sweep termination and mark termination); heap sizes are in MiB, as the runtime prints
/// them. A line that starts as a trace line but does not parse stays in `stderr` and is counted as unrecognised.
RuntimeTrace takeGoTrace(std::string& stderrText);

/// Node.js's `--trace-gc`: takes its lines ("[pid:0x…]   37 ms: Scavenge 3.9 (4.0) -> 3.7 (5.0) MB, 3.91 / 0.00 ms
/// …") out of `stdout`, which keeps the program's own output.
RuntimeTrace takeNodeTrace(std::string& stdoutText);

/// The JVM's unified logging of `-Xlog:gc*` with the decorators uptime, level and tags (its default): the
/// collector ("Using G1"), each collection's summary line of the `gc` tag ("GC(0) Pause Young (Normal) (G1
/// Evacuation Pause) 19M->10M(388M) 23.957ms"; ZGC's "GC(0) Garbage Collection (Warmup) 12M(19%)->32M(50%)" with
/// the pauses of its `gc,phases` lines), concurrent cycles, and allocation stalls.
RuntimeTrace parseJavaGcLog(std::string_view log);

} // namespace pyrometer
