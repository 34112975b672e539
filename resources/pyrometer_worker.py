"""Pyrometer's worker for benchmark files: finds the benchmark functions of a file, and times one of them in a
calibrated loop. Standard library only; the benchmark file needs no Pyrometer package.

Pyrometer starts it as `python -c <this file> MODE ...`. Everything it reports is JSON lines on descriptor 3,
never on stdout, so that a benchmark that prints disturbs nothing:

  python -c <worker> discover FILE
      {"discovered": {"file": FILE, "benchmarks": [{"function": "bench_sort", "params": [[100, 1000]],
                      "param_names": ["n"], "takes_size": false, "cases": ["100", "1000"]}, ...]}}
      {"error": "..."}                          the file does not import, or a params is not a list
  python -c <worker> time FILE FUNCTION CASE LOOPS VALUES WARMUPS MIN_TIME_NS GC
      CASE: "-" (no parameter), "#k" (the k-th combination of params) or "=N" (a size, for --scales)
      LOOPS: 0 to calibrate first (one value lasts at least MIN_TIME_NS); GC: "on" or "off"
      {"calibrated": {"loops": L}}              when LOOPS was 0
      {"values": {"loops": L, "ns": [...], "empty_ns": E, "gc": "on"}}   ns: each value's total for L calls
      {"failed": {"stage": "import"|"setup"|"call"|"teardown", "error": "...", "traceback": "..."}}
"""

import gc
import itertools
import os
import sys
import time

WORKER_PROTOCOL = 1
CHANNEL = 3
MAX_LOOPS = 1 << 40


def _send(message):
    import json

    data = (json.dumps(message, separators=(",", ":"), allow_nan=False, default=repr) + "\n").encode()
    view = memoryview(data)
    while view:
        view = view[os.write(CHANNEL, view):]


def _describe(error):
    return "%s: %s" % (type(error).__name__, error) if str(error) else type(error).__name__


def _traceback(error):
    """The traceback Python would print, without the worker's own frames."""
    import traceback

    frames = []
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals is not globals():
            frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.StackSummary.extract(frames).format()
    return "".join(lines + traceback.format_exception_only(type(error), error))


def _load(path):
    """The file as a module named after it, with its directory first on sys.path (as `python FILE` has it)."""
    import importlib.util

    directory = os.path.dirname(os.path.realpath(path))
    sys.path.insert(0, directory)
    name = "pyrometer_bench_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None:
        raise ImportError("not a Python file: %s" % path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _positional_count(function):
    import inspect

    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return 0
    return sum(1 for p in signature.parameters.values()
               if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty)


def _params(function):
    """The parameter lists of a benchmark (asv's form): a list of values, or a list of lists with names."""
    params = getattr(function, "params", None)
    if params is None:
        return None, None
    if not isinstance(params, (list, tuple)) or not params:
        raise TypeError("%s.params must be a non-empty list, not %s" % (function.__name__, type(params).__name__))
    names = getattr(function, "param_names", None)
    if all(isinstance(p, (list, tuple)) for p in params):
        lists = [list(p) for p in params]
    else:
        lists = [list(params)]
    if any(not values for values in lists):
        raise TypeError("%s.params holds an empty list" % function.__name__)
    if names is None:
        names = ["param"] if len(lists) == 1 else ["param%d" % (i + 1) for i in range(len(lists))]
    names = list(names)
    if len(names) != len(lists):
        raise TypeError("%s.param_names names %d parameters, params has %d" % (function.__name__, len(names),
                                                                               len(lists)))
    return lists, names


def _case_name(values):
    return "-".join(str(v) for v in values)


def _benchmarks(module):
    found = []
    for name, function in vars(module).items():
        if not name.startswith("bench_") or not callable(function):
            continue
        if getattr(function, "__module__", module.__name__) != module.__name__:
            continue  # imported from elsewhere
        lists, names = _params(function)
        positional = _positional_count(function)
        entry = {"function": name, "line": getattr(getattr(function, "__code__", None), "co_firstlineno", 0)}
        if lists is not None:
            combinations = list(itertools.product(*lists))
            if positional != len(lists):
                raise TypeError("%s takes %d positional arguments, params gives %d" % (name, positional,
                                                                                      len(lists)))
            entry.update(params=lists, param_names=names, takes_size=False,
                         cases=[_case_name(c) for c in combinations])
        else:
            if positional > 1:
                raise TypeError("%s takes %d arguments and has no params" % (name, positional))
            entry.update(params=[], param_names=[], takes_size=positional == 1, cases=[])
        found.append(entry)
    found.sort(key=lambda e: e["line"])
    return found


def _discover(path):
    try:
        module = _load(path)
        benchmarks = _benchmarks(module)
    except BaseException as error:  # a file may raise anything, SystemExit included, while it imports
        _send({"error": "%s: %s" % (path, _describe(error))})
        return 2
    _send({"discovered": {"file": path, "benchmarks": benchmarks}})
    return 0


def _argument(function, case):
    """What the function is called with: () for no parameter, else the combination's values or the size."""
    if case == "-":
        return ()
    if case.startswith("="):
        return (int(case[1:]),)
    lists, _ = _params(function)
    combinations = list(itertools.product(*lists))
    index = int(case[1:])
    if not 0 <= index < len(combinations):
        raise IndexError("%s has %d parameter combinations, not %d" % (function.__name__, len(combinations),
                                                                     index + 1))
    return combinations[index]


def _hook(module, function, name):
    """The setup or teardown to call: the function's own (bench_x.setup), else the module's; and whether it is
    the function's own."""
    own = getattr(function, name, None)
    if own is not None:
        return own, True
    hook = getattr(module, name, None)
    return (hook if callable(hook) else None), False


def _call_hook(hook, own, arguments):
    """Calls a setup or teardown with the benchmark's arguments. The module's takes them as asv's does, or none;
    one that wants more than the benchmark has (a size, for a benchmark without one) is not meant for it."""
    if hook is None:
        return
    wanted = _positional_count(hook)
    if wanted == len(arguments):
        hook(*arguments)
    elif wanted == 0 and not own:
        hook()
    elif own or wanted < len(arguments):
        hook(*arguments)  # raises the TypeError that names the mismatch


def _loop(function, arguments, loops):
    timer = time.perf_counter_ns
    iterations = itertools.repeat(None, loops)
    if not arguments:
        start = timer()
        for _ in iterations:
            function()
        return timer() - start
    start = timer()
    for _ in iterations:
        function(*arguments)
    return timer() - start


def _empty(arity):
    """A function of `arity` positional parameters that does nothing: called as the benchmark is."""
    return eval("lambda %s: None" % ", ".join("a%d" % i for i in range(arity)))


def _time(path, name, case, loops, values, warmups, min_time_ns, gc_mode):
    stage = "import"
    try:
        module = _load(path)
        function = getattr(module, name, None)
        if function is None or not callable(function):
            raise LookupError("%s has no benchmark function %s" % (path, name))
        arguments = _argument(function, case)
        stage = "setup"
        _call_hook(*_hook(module, function, "setup"), arguments)
        stage = "call"
        enabled = gc.isenabled()
        if gc_mode == "off":
            gc.disable()
        try:
            if loops == 0:
                # The fewer of two timings at each count: a pause of the machine only ever adds time, and must
                # not stop the doubling early (one did at an eighth of the count on a busy machine).
                loops = 1
                while loops < MAX_LOOPS:
                    if min(_loop(function, arguments, loops), _loop(function, arguments, loops)) >= min_time_ns:
                        break
                    loops *= 2
                _send({"calibrated": {"loops": loops}})
            for _ in range(warmups):
                _loop(function, arguments, loops)
            measured = [_loop(function, arguments, loops) for _ in range(values)]
            # The harness's own cost per value: the same loop around a function that does nothing.
            nothing = _empty(len(arguments))
            empty = min(_loop(nothing, arguments, loops) for _ in range(3))
        finally:
            if enabled:
                gc.enable()
        stage = "teardown"
        _call_hook(*_hook(module, function, "teardown"), arguments)
    except BaseException as error:
        report = {"stage": stage, "error": _describe(error)}
        if isinstance(error, SystemExit):
            report["error"] = "sys.exit(%r)" % (error.code,)
        elif error.__traceback__ is not None:
            report["traceback"] = _traceback(error)
        _send({"failed": report})
        # On stderr too, as Python would print it, for the run's output.
        sys.stderr.write(report.get("traceback") or report["error"] + "\n")
        return 1
    _send({"values": {"loops": loops, "ns": measured, "empty_ns": empty, "gc": gc_mode}})
    return 0


def _main():
    # Processes a benchmark starts must not hold the pipe open, nor write to it.
    os.set_inheritable(CHANNEL, False)
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "discover" and len(sys.argv) == 3:
        return _discover(sys.argv[2])
    if mode == "time" and len(sys.argv) == 10:
        _, _, path, name, case, loops, values, warmups, min_time_ns, gc_mode = sys.argv
        return _time(path, name, case, int(loops), int(values), int(warmups), int(min_time_ns), gc_mode)
    _send({"error": "pyrometer worker: unknown arguments %r" % (sys.argv[1:],)})
    return 2


sys.exit(_main())
