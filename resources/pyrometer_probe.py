"""Pyrometer's probe: runs a Python script as `python script.py` would, and reports on descriptor 3 what
happened inside: garbage collections, traced allocations and a function profile. Standard library only.

Pyrometer starts it as `python -c <this file> script.py args...` with PYROMETER_PROBE_INSTRUMENTS set to a
comma-separated subset of gc, profile, tracemalloc. The report is JSON lines, never on stdout:
  {"hello": {...}}    at start
  {"exit": "..."}     when the script calls os._exit, which the probe cannot outlive
  {"report": {...}}   when the script has ended
"""

import gc
import os
import sys
import time

PROBE_VERSION = "@PROJECT_VERSION@"
PROBE_PROTOCOL = 1
CHANNEL = 3
MAX_GC_EVENTS = 1_000_000
TOP_ALLOCATION_SITES = 25


class _Channel:
    """Descriptor 3, written only while it is still the pipe Pyrometer opened: a script may close it, and the
    number may then name one of the script's own files."""

    def __init__(self):
        self.identity = None
        try:
            status = os.fstat(CHANNEL)
            self.identity = (status.st_dev, status.st_ino)
            # Processes the script starts must not hold the pipe open, nor write to it.
            os.set_inheritable(CHANNEL, False)
        except OSError:
            pass

    def usable(self):
        if self.identity is None:
            return False
        try:
            status = os.fstat(CHANNEL)
        except OSError:
            return False
        return (status.st_dev, status.st_ino) == self.identity

    def send(self, message):
        import json

        if not self.usable():
            return False
        data = (json.dumps(message, separators=(",", ":")) + "\n").encode()
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(CHANNEL, view):]
        except OSError:
            return False
        return True


class _State:
    def __init__(self):
        self.pid = os.getpid()
        self.forks = 0
        self.gc_events = []
        self.gc_dropped = 0
        self.gc_started = 0


def _main():
    instruments = set(filter(None, os.environ.pop("PYROMETER_PROBE_INSTRUMENTS", "").split(",")))
    channel = _Channel()
    state = _State()
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    if not (sys.flags.isolated or getattr(sys.flags, "safe_path", False)):
        sys.path[0] = os.path.dirname(os.path.realpath(script))

    channel.send({"hello": {"probe_version": PROBE_VERSION, "protocol": PROBE_PROTOCOL, "pid": state.pid,
                            "python": sys.version.split()[0], "implementation": sys.implementation.name,
                            "instruments": sorted(instruments)}})

    def after_fork_in_parent():
        state.forks += 1

    os.register_at_fork(after_in_parent=after_fork_in_parent)

    real_exit = os._exit

    def announced_exit(status):
        if os.getpid() == state.pid:
            channel.send({"exit": "os._exit(%r)" % (status,)})
        real_exit(status)

    os._exit = announced_exit

    def on_gc(phase, info):
        if phase == "start":
            state.gc_started = time.monotonic_ns()
        elif len(state.gc_events) < MAX_GC_EVENTS:
            state.gc_events.append((state.gc_started, time.monotonic_ns() - state.gc_started, info["generation"],
                                    info["collected"], info["uncollectable"]))
        else:
            state.gc_dropped += 1

    with open(script, "rb") as source_file:
        source = source_file.read()
    code = compile(source, script, "exec", dont_inherit=True)
    import importlib.machinery
    import types

    main = types.ModuleType("__main__")
    main.__file__ = script
    main.__cached__ = None
    main.__loader__ = importlib.machinery.SourceFileLoader("__main__", script)
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main

    profiler = None
    if "profile" in instruments:
        import cProfile

        profiler = cProfile.Profile()
    if "tracemalloc" in instruments:
        import tracemalloc

        tracemalloc.start()
    if "gc" in instruments:
        gc.callbacks.append(on_gc)

    ending = None
    start_ns = time.monotonic_ns()
    try:
        if profiler:
            profiler.enable()
        exec(code, main.__dict__)
    except SystemExit as exit_request:
        ending = exit_request
    except BaseException as error:
        ending = error
    finally:
        if profiler:
            profiler.disable()
        end_ns = time.monotonic_ns()
        if "gc" in instruments:
            gc.callbacks.remove(on_gc)
    os._exit = real_exit

    if os.getpid() == state.pid:
        report = {"start_ns": start_ns, "end_ns": end_ns, "forks": state.forks}
        if "gc" in instruments:
            report["gc"] = {"events": state.gc_events, "dropped": state.gc_dropped}
        if "tracemalloc" in instruments:
            report["tracemalloc"] = _allocations()
        if profiler:
            report["profile"] = _profile(profiler, code)
        if isinstance(ending, SystemExit):
            report["ended_by"] = "SystemExit(%r)" % (ending.code,)
        elif ending is not None:
            report["ended_by"] = type(ending).__name__
        if not channel.send({"report": report}):
            sys.stderr.write("pyrometer probe: the script closed descriptor 3; no report\n")

    if isinstance(ending, SystemExit):
        raise ending
    if ending is not None:
        # The traceback Python would print, without the probe's own frame.
        ending.__traceback__ = ending.__traceback__.tb_next
        sys.excepthook(type(ending), ending, ending.__traceback__)
        sys.exit(1)


def _allocations():
    import tracemalloc

    current, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__),
                                       tracemalloc.Filter(False, "<string>")])
    statistics = snapshot.statistics("lineno")
    top = [{"file": s.traceback[0].filename, "line": s.traceback[0].lineno, "size_bytes": s.size,
            "count": s.count} for s in statistics[:TOP_ALLOCATION_SITES]]
    return {"peak_bytes": peak, "current_bytes": current, "blocks": sum(s.count for s in statistics),
            "sites": len(statistics), "top": top}


def _profile(profiler, code):
    profiler.create_stats()
    stats = profiler.stats
    own = _main.__code__.co_filename

    def foreign(key):
        filename, _, name = key
        return filename == own or name == "<method 'disable' of '_lsprof.Profiler' objects>"

    ours = {key for key in stats if foreign(key)}
    # The probe's exec() of the script is the profile's root. Imports call exec() too; then the entry stays, less
    # the probe's call, and the script's module is a root of its own.
    dropped = set(ours)
    exec_key = ("~", 0, "<built-in method builtins.exec>")
    module_key = (code.co_filename, code.co_firstlineno, code.co_name)
    root_edge = None
    if exec_key in stats:
        if not stats[exec_key][4]:
            dropped.add(exec_key)
        elif module_key in stats:
            root_edge = stats[module_key][4].get(exec_key)
    functions = []
    edges = []
    keys = []
    for key, (primitive, calls, total, cumulative, callers) in stats.items():
        if key in dropped:
            continue
        if key == exec_key and root_edge:
            calls -= 1
            primitive -= 1
            cumulative -= root_edge[3]
        # What the probe itself called (time.monotonic_ns from its collector hook) is not the script's. Unlike
        # the function's own tuple, an edge's tuple starts with all calls, then primitive ones.
        for caller, (c_calls, c_primitive, c_total, c_cumulative) in callers.items():
            if caller in ours:
                calls -= c_calls
                primitive -= c_primitive
                total -= c_total
                cumulative -= c_cumulative
        if calls > 0:
            keys.append(key)
            functions.append([key[0], key[1], key[2], calls, primitive, max(total, 0.0), max(cumulative, 0.0)])
    index = {key: i for i, key in enumerate(keys)}
    for key in keys:
        callers = stats[key][4]
        for caller, (c_calls, c_primitive, c_total, c_cumulative) in callers.items():
            if caller in index and not (caller == exec_key and key == module_key):
                edges.append([index[caller], index[key], c_calls, c_primitive, c_total, c_cumulative])
    return {"functions": functions, "edges": edges}


_main()
