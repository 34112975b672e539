#pragma once

#include "core/measure/launcher.h"
#include "core/model/runtime_memory.h"

#include <filesystem>
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

/// Which runtime runs `command`: by the program's name (`java`, `node`/`nodejs`, `python…`, `go`), else by its
/// ELF: Go's build-info section, or native. The program is looked up in $PATH as a run would.
Runtime runtimeOf(const std::vector<std::string>& command);

/// How an instrumented run traces the collector of `runtime`, added to its request and to no timed run:
/// Go: GODEBUG=gctrace=1 (added to a GODEBUG of the benchmark's own); Java: -Xlog:gc*:file=… into `folder`, as
/// the first option of the JVM; Node.js: --trace-gc, likewise. Returns why it cannot be traced instead (Python
/// has a probe of its own; a native program has no collector), or "" when the request was changed.
std::string traceGc(Runtime runtime, LaunchRequest& request, const std::filesystem::path& folder);

/// The trace of an instrumented run: read from its stderr (Go) or stdout (Node.js), which keep the program's own
/// lines, or from the JVM's log in `folder`. The output kept is bounded (the run's tail): when it was cut, so is
/// the trace's beginning, and `missing` says so.
RuntimeTrace readGcTrace(Runtime runtime, RunRecord& run, const std::filesystem::path& folder);

} // namespace pyrometer
