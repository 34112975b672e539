#pragma once

#include "core/measure/launcher.h"
#include "core/model/runtime_memory.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// The runtime a command runs in, as far as its garbage collector can be traced from outside.
enum class Runtime {
    Unknown, ///< not found, not an executable Pyrometer recognises
    Python,
    Go, ///< a Go binary (its ELF has the `.go.buildinfo` section of Go 1.13 and later)
    GoTool, ///< the `go` command itself (`go run`): the compiler's collections would mix with the program's
    Java,
    Node,
    Native, ///< any other ELF executable: C, C++, Rust
};
const char* runtimeKey(Runtime runtime); ///< "python", "go", "go-tool", "java", "node", "native", "unknown"

/// The runtime a benchmark declares by its key ("go", "java", "node", "native", "python"); nullopt for another word.
std::optional<Runtime> declaredRuntime(const std::string& key);

/// Which runtime runs `command`: by the program's name (`java`, `node`/`nodejs`, `python…`, `go`), else by its
/// ELF: Go's build-info section, or native. The program is looked up in $PATH as a run would.
Runtime runtimeOf(const std::vector<std::string>& command);

/// How an instrumented run traces the collector of `runtime`, added to its request and to no timed run:
/// Go: GODEBUG=gctrace=1 (added to a GODEBUG of the benchmark's own); Java: -Xlog:gc*:file=… into `folder`, as
/// the first option of the JVM, or in JAVA_TOOL_OPTIONS when the command is not `java` itself (a wrapper that
/// starts it); Node.js: --trace-gc as the first option of `node` (which refuses it in NODE_OPTIONS). A native program
/// has no collector: its live heap is counted instead, by the heap shim (heapShim(), preloaded with LD_PRELOAD) into a
/// page in `folder` that the sampler reads. Returns why it cannot be traced (Python has a probe of its own; the shim is
/// missing), or "" when the request was changed.
std::string traceGc(Runtime runtime, LaunchRequest& request, const std::filesystem::path& folder);

/// Has the heap shim count the live heap of the run `request` launches: preloaded (LD_PRELOAD), writing to a page
/// in `folder` that the sampler reads. Returns why it cannot ("the heap shim is not installed (…)"), or "".
std::string countHeap(LaunchRequest& request, const std::filesystem::path& folder);

/// The heap shim: $PYROMETER_HEAP_SHIM, else libpyrometer-heap.so beside Pyrometer's programs (companionProgram());
/// "" when there is none.
std::string heapShim();

/// The trace of an instrumented run: read from its stderr (Go) or stdout (Node.js), which keep the program's own
/// lines, or from the JVM's log in `folder`. The output kept is bounded (the run's tail): when it was cut, so is
/// the trace's beginning, and `missing` says so.
RuntimeTrace readGcTrace(Runtime runtime, RunRecord& run, const std::filesystem::path& folder);

} // namespace pyrometer
