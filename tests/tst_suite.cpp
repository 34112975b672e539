#include "core/measure/engine.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/suite.h"
#include "core/model/error.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <string>

using namespace pyrometer;

namespace {
const std::string fixtures = PYROMETER_FIXTURES "/suite";
const std::string python = "/usr/bin/python3";

/// The message of the InputError `call` throws, or "" when it throws none.
template <typename Call> std::string inputError(Call call)
{
    try {
        call();
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

/// One run of the worker's time mode, and its report.
struct Timed
{
    RunRecord record;
    nlohmann::json report; ///< the last line
    nlohmann::json calibrated; ///< the calibration line, when there was one
};
Timed timeOnce(const std::string& file, const std::string& function, const std::string& caseId, int loops,
    const std::string& gc = "on")
{
    ProcessLauncher launcher;
    LaunchRequest request;
    request.argv = workerCommand(
        python, { "time", fixtures + "/" + file, function, caseId, std::to_string(loops), "3", "1", "2000000", gc });
    request.probeChannel = true;
    request.timeout = std::chrono::seconds(60);
    Timed timed;
    timed.record = launcher.launch(request, std::stop_token());
    std::istringstream lines(timed.record.probeReport);
    for (std::string line; std::getline(lines, line);) {
        auto json = nlohmann::json::parse(line);
        if (json.contains("calibrated"))
            timed.calibrated = json["calibrated"];
        else
            timed.report = json;
    }
    return timed;
}
} // namespace

// Benchmark files: which files are benchmark files, what the worker finds in them, the names, -k, and the
// worker's timing protocol with its failures.
class TestSuite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNames()
    {
        QVERIFY(isBenchmarkFileName("bench_sort.py"));
        QVERIFY(isBenchmarkFileName("sort_bench.py"));
        QVERIFY(!isBenchmarkFileName("benchmark.py"));
        QVERIFY(!isBenchmarkFileName("bench_sort.pyc"));
        QVERIFY(!isBenchmarkFileName("sort.py"));
    }

    // A folder: its benchmark files, nested ones too, in name order; not other Python files. A file is itself.
    void filesOfAFolder()
    {
        const auto files = findBenchmarkFiles(fixtures);
        const std::vector<std::string> expected { fixtures + "/bench_sorting.py", fixtures + "/broken/bench_exits.py",
            fixtures + "/broken/bench_failures.py", fixtures + "/broken/bench_hangs.py",
            fixtures + "/broken/bench_missing.py", fixtures + "/broken/bench_params.py",
            fixtures + "/broken/bench_syntax.py", fixtures + "/known/bench_known.py",
            fixtures + "/nested/lookup_bench.py" };
        QCOMPARE(files, expected);
        QCOMPARE(findBenchmarkFiles(fixtures + "/nested/not_a_benchmark.py").size(), std::size_t(1));
        QCOMPARE(inputError([] { findBenchmarkFiles(fixtures + "/nowhere"); }),
            fixtures + "/nowhere: no such file or directory");
    }

    // What the worker finds, in the file's order: params and their names, the cases of a product of lists, and
    // which take a size.
    void discovery()
    {
        ProcessLauncher launcher;
        const auto file = discoverFile(launcher, python, fixtures + "/bench_sorting.py");
        QCOMPARE(file.functions.size(), std::size_t(5));
        const auto& sort = file.functions[0];
        QCOMPARE(sort.function, std::string("bench_sort"));
        QCOMPARE(sort.paramNames, std::vector<std::string> { "n" });
        QCOMPARE(sort.cases, (std::vector<std::string> { "100", "10000" }));
        QVERIFY(!sort.takesSize);
        QCOMPARE(file.functions[1].function, std::string("bench_scan"));
        QVERIFY(file.functions[1].takesSize);
        QVERIFY(file.functions[1].cases.empty());
        QVERIFY(!file.functions[2].takesSize);
        const auto& grid = file.functions[3];
        QCOMPARE(grid.paramNames, (std::vector<std::string> { "size", "kind" }));
        QCOMPARE(grid.params[1], (std::vector<std::string> { "list", "dict" }));
        QCOMPARE(grid.cases, (std::vector<std::string> { "1-list", "1-dict", "2-list", "2-dict" }));
        QCOMPARE(suiteBenchmarkName("b/bench_sorting.py", "bench_sort", sort.cases[1]),
            std::string("b/bench_sorting.py::bench_sort[10000]"));
        QCOMPARE(
            suiteBenchmarkName("b/bench_sorting.py", "bench_pass", ""), std::string("b/bench_sorting.py::bench_pass"));
    }

    // A file that does not import gets one line naming it and the error, before any run.
    void filesThatDoNotImport_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << "bench_syntax.py"
                                << "bench_syntax.py: SyntaxError: invalid syntax";
        QTest::newRow("params") << "bench_params.py"
                                << "bench_params.py: TypeError: bench_x.params must be a non-empty list, not int";
        QTest::newRow("exit") << "bench_exits.py"
                              << "bench_exits.py: SystemExit: not today";
        QTest::newRow("missing module")
            << "bench_missing.py"
            << "bench_missing.py: ModuleNotFoundError: No module named 'module_that_does_not_exist'";
        QTest::newRow("hangs") << "bench_hangs.py"
                               << "bench_hangs.py: importing it took too long (timed out)";
    }
    void filesThatDoNotImport()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        ProcessLauncher launcher;
        const auto path = fixtures + "/broken/" + file.toStdString();
        const auto error = inputError([&] { discoverFile(launcher, python, path, std::chrono::seconds(2)); });
        QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
        QVERIFY(error.find('\n') == std::string::npos);
        QVERIFY(error.starts_with(fixtures));
        const auto noInterpreter
            = inputError([&] { discoverFile(launcher, "/nonexistent/python3", fixtures + "/bench_sorting.py"); });
        QVERIFY2(noInterpreter.find("the interpreter did not start") != std::string::npos, noInterpreter.c_str());
    }

    void keywords()
    {
        const std::string name = "b/bench_sorting.py::bench_sort[10000]";
        QVERIFY(matchesKeyword("sort", name));
        QVERIFY(matchesKeyword("SORT", name));
        QVERIFY(!matchesKeyword("scan", name));
        QVERIFY(matchesKeyword("sort and 10000", name));
        QVERIFY(!matchesKeyword("sort and not 10000", name));
        QVERIFY(matchesKeyword("scan or sort", name));
        QVERIFY(matchesKeyword("not (scan or grid)", name));
        QVERIFY(matchesKeyword("", name));
        QCOMPARE(inputError([&] { matchesKeyword("sort and", name); }),
            std::string("-k 'sort and': ends where a word was expected"));
        QCOMPARE(inputError([&] { matchesKeyword("(sort", name); }), std::string("-k '(sort': a '(' is not closed"));
        QCOMPARE(inputError([&] { matchesKeyword("sort)", name); }), std::string("-k 'sort)': unexpected ')'"));
        QCOMPARE(inputError([&] { matchesKeyword("or sort", name); }),
            std::string("-k 'or sort': 'or' where a word was expected"));
    }

    // The worker's time mode: calibrated to a power of two loops, the values asked for, the empty loop's cost,
    // the GC choice; a benchmark that prints leaves the report alone.
    void timing()
    {
        const auto timed = timeOnce("bench_sorting.py", "bench_sort", "#0", 0);
        QVERIFY2(timed.record.succeeded(), timed.record.stderrTail.c_str());
        const auto loops = timed.calibrated.at("loops").get<std::int64_t>();
        QVERIFY(loops >= 1 && (loops & (loops - 1)) == 0);
        const auto& values = timed.report.at("values");
        QCOMPARE(values.at("loops").get<std::int64_t>(), loops);
        QCOMPARE(values.at("ns").size(), std::size_t(3));
        for (const auto& ns : values.at("ns"))
            QVERIFY(ns.get<double>() >= 2'000'000 / 2.0); // at least the minimum time, give or take the last doubling
        QVERIFY(values.at("empty_ns").get<double>() > 0);
        QCOMPARE(values.at("gc").get<std::string>(), std::string("on"));

        // Given loops: no calibration; a size; GC off.
        const auto sized = timeOnce("bench_sorting.py", "bench_scan", "=1000", 16, "off");
        QVERIFY(sized.calibrated.is_null());
        QCOMPARE(sized.report.at("values").at("loops").get<int>(), 16);
        QCOMPARE(sized.report.at("values").at("gc").get<std::string>(), std::string("off"));

        const auto printing = timeOnce("bench_sorting.py", "bench_prints", "-", 4);
        QVERIFY(printing.record.succeeded());
        QVERIFY(printing.report.contains("values"));
        QVERIFY(printing.record.stdoutTail.find("a benchmark that prints") != std::string::npos);
    }

    // A failing setup, sys.exit and an exception are failed values with the stage and the reason; the traceback is
    // the benchmark's, without the worker's frames.
    void timingFailures()
    {
        const auto setup = timeOnce("broken/bench_failures.py", "bench_setup_fails", "#0", 1);
        QVERIFY(!setup.record.succeeded());
        const auto& failed = setup.report.at("failed");
        QCOMPARE(failed.at("stage").get<std::string>(), std::string("setup"));
        QCOMPARE(failed.at("error").get<std::string>(), std::string("ValueError: no data for 7"));
        const auto traceback = failed.at("traceback").get<std::string>();
        QVERIFY2(traceback.find("bench_failures.py\", line 2, in setup") != std::string::npos, traceback.c_str());
        QVERIFY2(traceback.find("<string>") == std::string::npos, traceback.c_str());

        const auto exits = timeOnce("broken/bench_failures.py", "bench_exits", "-", 1);
        QCOMPARE(exits.report.at("failed").at("error").get<std::string>(), std::string("sys.exit(3)"));
        QCOMPARE(exits.report.at("failed").at("stage").get<std::string>(), std::string("call"));
        const auto raises = timeOnce("broken/bench_failures.py", "bench_raises", "-", 1);
        QCOMPARE(raises.report.at("failed").at("error").get<std::string>(), std::string("KeyError: 'missing'"));
        const auto missing = timeOnce("bench_sorting.py", "bench_nothing", "-", 1);
        QCOMPARE(missing.report.at("failed").at("stage").get<std::string>(), std::string("import"));
        const auto outside = timeOnce("bench_sorting.py", "bench_sort", "#5", 1);
        QCOMPARE(outside.report.at("failed").at("error").get<std::string>(),
            std::string("IndexError: bench_sort has 2 parameter combinations, not 6"));
    }

    void scales()
    {
        QCOMPARE(parseScales("small,medium,large,xlarge"),
            (std::vector<std::int64_t> { 100, 10'000, 1'000'000, 10'000'000 }));
        QCOMPARE(parseScales("small,5000"), (std::vector<std::int64_t> { 100, 5000 }));
        QCOMPARE(inputError([] { parseScales("small,huge"); }),
            std::string("--scales: unknown scale 'huge' (small, medium, large, xlarge, or a positive whole number)"));
        QVERIFY(!inputError([] { parseScales("0"); }).empty());
        QVERIFY(!inputError([] { parseScales(""); }).empty());
    }

    // A plan of a benchmark file, a folder and a plain script: each function and case becomes a benchmark named
    // in pytest's form, with its parameters; a size-taking function gets the sizes; -k selects; the plain script
    // stays as it was.
    void plansExpand()
    {
        ProcessLauncher launcher;
        RunPlan plan;
        for (const auto& path : { fixtures + "/bench_sorting.py", fixtures + "/nested",
                 std::string(PYROMETER_FIXTURES "/sleep_50ms.py") }) {
            BenchmarkRequest request;
            request.script = path;
            request.interpreter = python;
            request.settings.runs = 2;
            plan.benchmarks.push_back(request);
        }
        SuiteOptions options;
        options.sizes = { 10, 1000 };
        options.minTimeNs = 5'000'000;
        const auto all = expandSuites(plan, options, launcher);
        std::vector<std::string> names;
        for (const auto& b : all.benchmarks)
            names.push_back(b.name);
        const auto file = fixtures + "/bench_sorting.py::";
        const std::vector<std::string> expected { file + "bench_sort[100]", file + "bench_sort[10000]",
            file + "bench_scan[10]", file + "bench_scan[1000]", file + "bench_pass", file + "bench_grid[1-list]",
            file + "bench_grid[1-dict]", file + "bench_grid[2-list]", file + "bench_grid[2-dict]",
            file + "bench_prints", fixtures + "/nested/lookup_bench.py::bench_lookup", "" };
        QCOMPARE(names, expected);
        const auto& grid = all.benchmarks[6];
        QCOMPARE(grid.function->caseId, std::string("#1"));
        QCOMPARE(grid.parameters, (std::map<std::string, std::string> { { "size", "1" }, { "kind", "dict" } }));
        QCOMPARE(all.benchmarks[3].function->caseId, std::string("=1000"));
        QCOMPARE(all.benchmarks[3].parameters.at("n"), std::string("1000"));
        QCOMPARE(all.benchmarks[0].function->minTimeNs, std::int64_t(5'000'000));
        QCOMPARE(all.benchmarks[0].settings.runs, 2);
        QVERIFY(!all.benchmarks.back().function);
        QCOMPARE(*all.benchmarks.back().script, std::string(PYROMETER_FIXTURES "/sleep_50ms.py"));

        // Words match anywhere in the name, the file's too, as in pytest: "sort[" only where a case follows.
        options.keyword = "sort[ and not 100]";
        const auto some = expandSuites(plan, options, launcher);
        QCOMPARE(some.benchmarks.size(), std::size_t(2)); // bench_sort[10000], and the plain script
        QCOMPARE(some.benchmarks[0].name, file + "bench_sort[10000]");
        options.keyword = "nothing_like_it";
        plan.benchmarks.pop_back();
        QCOMPARE(inputError([&] { expandSuites(plan, options, launcher); }),
            std::string("-k 'nothing_like_it' selects no benchmark"));

        // A folder with a file that does not import: one line naming it, before anything runs.
        RunPlan broken;
        BenchmarkRequest request;
        request.script = fixtures + "/broken";
        request.interpreter = python;
        broken.benchmarks.push_back(request);
        options.keyword.clear();
        options.discoveryTimeout = std::chrono::seconds(2);
        const auto error = inputError([&] { expandSuites(broken, options, launcher); });
        QVERIFY2(error.starts_with(fixtures + "/broken/bench_exits.py: SystemExit"), error.c_str());
    }

    // Function benchmarks through the engine, interleaved: every run a fresh worker; the first run of each
    // calibrates, and every run after uses its loop count; wall times are per call; a setup that raises fails its
    // benchmark with the reason, and the others go on.
    void functionsThroughTheEngine()
    {
        RunPlan plan;
        const auto add = [&](const std::string& file, const std::string& function, const std::string& caseId,
                             const std::string& name) {
            BenchmarkRequest request;
            request.name = name;
            request.script = fixtures + "/" + file;
            request.interpreter = python;
            request.settings.runs = 3;
            request.settings.warmups = 1;
            request.function = FunctionBenchmark { function, caseId, 0, 2'000'000, false, std::nullopt };
            plan.benchmarks.push_back(request);
        };
        add("bench_sorting.py", "bench_sort", "#1", "bench_sorting.py::bench_sort[10000]");
        add("bench_sorting.py", "bench_scan", "=1000", "bench_sorting.py::bench_scan[1000]");
        add("broken/bench_failures.py", "bench_setup_fails", "#0", "bench_failures.py::bench_setup_fails[7]");
        plan.benchmarks[0].parameters = { { "n", "10000" } };
        auto results = prepare(plan);
        QVERIFY(results.benchmarks[0].function);
        QVERIFY(!results.benchmarks[0].measured.cpu);
        QCOMPARE(results.benchmarks[0].parameters.at("n"), std::string("10000"));
        ProcessLauncher launcher;
        Engine(launcher).run(results, std::stop_token());
        QVERIFY(results.complete);
        for (std::size_t b = 0; b < 2; ++b) {
            const auto& benchmark = results.benchmarks[b];
            QVERIFY2(!benchmark.failure, benchmark.failure.value_or("").c_str());
            QCOMPARE(benchmark.runs.size(), std::size_t(4));
            const auto loops = benchmark.function->loops;
            QVERIFY(loops >= 1);
            for (const auto& run : benchmark.runs) {
                QVERIFY2(run.succeeded(), run.failure.c_str());
                QCOMPARE(run.loops, loops);
                // Per call: loops × the time lasts about the least time (2 ms) or more, and a call far less.
                const double perCall = toSeconds(run.wall);
                QVERIFY(perCall > 0 && perCall * static_cast<double>(loops) > 0.5e-3);
            }
            QVERIFY(benchmark.function->harnessSeconds && *benchmark.function->harnessSeconds > 0);
        }
        // Sorting 10,000 floats takes longer per call than looping over 1,000 numbers.
        QVERIFY(toSeconds(results.benchmarks[0].runs.back().wall) > toSeconds(results.benchmarks[1].runs.back().wall));
        const auto& failed = results.benchmarks[2];
        QVERIFY(failed.failure);
        QVERIFY2(failed.failure->find("setup failed: ValueError: no data for 7") != std::string::npos,
            failed.failure->c_str());
        QCOMPARE(failed.runs.size(), std::size_t(1));
        QVERIFY(failed.runs[0].stderrTail.find("bench_failures.py\", line 2, in setup") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestSuite)
#include "tst_suite.moc"
