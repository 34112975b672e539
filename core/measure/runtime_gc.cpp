#include "core/measure/runtime_gc.h"

#include "core/measure/executable_lookup.h"
#include "core/measure/heap_counters.h"
#include "core/measure/spawn_helper.h"
#include "core/probe/runtime_traces.h"

#include <cstdlib>
#include <elf.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace pyrometer {
namespace {
constexpr const char* javaLogName = "gc.log";
constexpr const char* heapPageName = "heap";

/// Whether the ELF file at `path` has a section named `wanted` (64-bit little-endian, as on the machines Pyrometer
/// runs on). Reads the section headers and their name table only; anything malformed is "no".
bool hasElfSection(const std::filesystem::path& path, const std::string& wanted)
{
    std::ifstream in(path, std::ios::binary);
    Elf64_Ehdr header {};
    if (!in.read(reinterpret_cast<char*>(&header), sizeof header))
        return false;
    if (std::string_view(reinterpret_cast<const char*>(header.e_ident), 4) != ELFMAG
        || header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shnum == 0
        || header.e_shnum > 4096 || header.e_shstrndx >= header.e_shnum)
        return false;
    std::vector<Elf64_Shdr> sections(header.e_shnum);
    in.seekg(static_cast<std::streamoff>(header.e_shoff));
    if (!in.read(reinterpret_cast<char*>(sections.data()),
            static_cast<std::streamsize>(sections.size() * sizeof(Elf64_Shdr))))
        return false;
    const auto& names = sections[header.e_shstrndx];
    if (names.sh_size == 0 || names.sh_size > (1 << 20))
        return false;
    std::string table(names.sh_size, '\0');
    in.seekg(static_cast<std::streamoff>(names.sh_offset));
    if (!in.read(table.data(), static_cast<std::streamsize>(table.size())))
        return false;
    for (const auto& section : sections) {
        if (section.sh_name < table.size() && table.c_str() + section.sh_name == wanted)
            return true;
    }
    return false;
}

bool isElf(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::string_view(magic, 4) == ELFMAG;
}
} // namespace

std::string heapShim()
{
    if (const char* path = std::getenv("PYROMETER_HEAP_SHIM"); path && *path)
        return ::access(path, R_OK) == 0 ? path : "";
    return companionProgram("libpyrometer-heap.so");
}

std::optional<Runtime> declaredRuntime(const std::string& key)
{
    for (const auto runtime : { Runtime::Python, Runtime::Go, Runtime::Java, Runtime::Node, Runtime::Native }) {
        if (key == runtimeKey(runtime))
            return runtime;
    }
    return std::nullopt;
}

const char* runtimeKey(Runtime runtime)
{
    switch (runtime) {
    case Runtime::Python:
        return "python";
    case Runtime::Go:
        return "go";
    case Runtime::GoTool:
        return "go-tool";
    case Runtime::Java:
        return "java";
    case Runtime::Node:
        return "node";
    case Runtime::Native:
        return "native";
    case Runtime::Unknown:
        break;
    }
    return "unknown";
}

Runtime runtimeOf(const std::vector<std::string>& command)
{
    if (command.empty())
        return Runtime::Unknown;
    const auto found = findExecutable(command.front());
    if (!found)
        return Runtime::Unknown;
    std::error_code error;
    const auto real = std::filesystem::canonical(*found, error);
    const auto name = (error ? std::filesystem::path(*found) : real).filename().string();
    const auto given = std::filesystem::path(command.front()).filename().string();
    for (const auto& n : { given, name }) {
        if (n == "java")
            return Runtime::Java;
        if (n == "node" || n == "nodejs")
            return Runtime::Node;
        if (n.starts_with("python") || n.starts_with("pypy"))
            return Runtime::Python;
        if (n == "go")
            return Runtime::GoTool;
    }
    const auto path = error ? std::filesystem::path(*found) : real;
    if (!isElf(path))
        return Runtime::Unknown;
    return hasElfSection(path, ".go.buildinfo") ? Runtime::Go : Runtime::Native;
}

std::string countHeap(LaunchRequest& request, const std::filesystem::path& folder)
{
    const auto shim = heapShim();
    if (shim.empty())
        return "the heap shim is not installed (" + companionPlaces("libpyrometer-heap.so") + ")";
    const auto page = folder / heapPageName;
    {
        std::ofstream zeros(page, std::ios::binary);
        const std::string blank(sizeof(pyrometer_heap_counters), '\0');
        if (!zeros.write(blank.data(), static_cast<std::streamsize>(blank.size())))
            return "cannot make the heap shim's page in " + folder.string();
    }
    auto& preload = request.environment["LD_PRELOAD"];
    preload = preload.empty() ? shim : shim + ":" + preload;
    request.environment[PYROMETER_HEAP_FILE_VARIABLE] = page.string();
    request.heapCountersFile = page.string();
    return "";
}

std::string traceGc(Runtime runtime, LaunchRequest& request, const std::filesystem::path& folder)
{
    switch (runtime) {
    case Runtime::Go: {
        auto& godebug = request.environment["GODEBUG"];
        godebug = godebug.empty() ? "gctrace=1" : godebug + ",gctrace=1";
        return "";
    }
    case Runtime::Java: {
        const auto option = "-Xlog:gc*:file=" + (folder / javaLogName).string() + ":uptime,level,tags";
        if (runtimeOf(request.argv) == Runtime::Java) {
            request.argv.insert(request.argv.begin() + 1, option);
        } else {
            // A wrapper that starts the JVM: every JVM reads JAVA_TOOL_OPTIONS (and says so on stderr).
            auto& options = request.environment["JAVA_TOOL_OPTIONS"];
            options = options.empty() ? option : options + " " + option;
        }
        return "";
    }
    case Runtime::Node: {
        if (runtimeOf(request.argv) != Runtime::Node)
            return "--trace-gc must be given to node itself, which refuses it in NODE_OPTIONS: benchmark `node "
                   "script.js` rather than a program that starts it";
        request.argv.insert(request.argv.begin() + 1, "--trace-gc");
        return "";
    }
    case Runtime::Python:
        return "a Python script is probed by Pyrometer's own probe; as a command, its collections are not traced";
    case Runtime::GoTool:
        return "`go run` is not traced: GODEBUG would trace the compiler's collections with the program's; build "
               "the program (go build) and benchmark the binary";
    case Runtime::Native:
        if (auto why = countHeap(request, folder); !why.empty())
            return "a native program has no collector, and its live heap cannot be counted: " + why;
        return "";
    case Runtime::Unknown:
        break;
    }
    return "the command's runtime is not one Pyrometer traces (Go, Java, Node.js)";
}

RuntimeTrace readGcTrace(Runtime runtime, RunRecord& run, const std::filesystem::path& folder)
{
    RuntimeTrace trace;
    bool cut = false;
    if (runtime == Runtime::Native) {
        trace.runtime = "native";
        trace.method = "heap shim (LD_PRELOAD)";
        if (!run.timeline || !run.timeline->heap)
            trace.missing = "the heap shim did not load: a statically linked program, or one that clears "
                            "LD_PRELOAD, cannot be counted";
        return trace;
    }
    if (runtime == Runtime::Go) {
        cut = run.stderrBytes > run.stderrTail.size();
        trace = takeGoTrace(run.stderrTail);
    } else if (runtime == Runtime::Node) {
        cut = run.stdoutBytes > run.stdoutTail.size();
        trace = takeNodeTrace(run.stdoutTail);
    } else if (runtime == Runtime::Java) {
        std::ifstream in(folder / javaLogName, std::ios::binary);
        if (!in) {
            trace.runtime = "java";
            trace.method = "-Xlog:gc*";
            trace.missing = "the JVM wrote no GC log (it did not start, or an option of the benchmark's own replaced "
                            "-Xlog)";
            return trace;
        }
        std::ostringstream text;
        text << in.rdbuf();
        trace = parseJavaGcLog(text.str());
    }
    if (cut && !trace.events.empty())
        trace.note = "the output was longer than Pyrometer keeps: the collections before the last "
            + std::to_string(trace.events.size()) + " are not in the trace";
    return trace;
}

} // namespace pyrometer
