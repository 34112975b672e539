#include "core/formats/journal.h"
#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/formats/workbench_json.h"
#include "core/model/error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <random>

using namespace pyrometer;
using namespace std::chrono_literals;

namespace {
Results sampleResults()
{
    Results results;
    results.complete = true;
    results.environment.pyrometerVersion = "0.1.0";
    results.environment.date = "2026-11-21T05:40:34Z";
    results.environment.hostname = "bench-host";
    results.environment.os = "Debian GNU/Linux 12 (bookworm)";
    results.environment.kernel = "Linux 6.1.0 x86_64";
    results.environment.cpuModel = "Some CPU @ 3.0GHz";
    results.environment.logicalCores = 8;
    results.environment.cpuGovernor = "performance";
    results.environment.loadAverageStart = { 0.5, 0.25, 0.125 };
    results.environment.loadAverageEnd = std::array<double, 3> { 0.75, 0.3, 0.1 };
    MachineCheck load;
    load.key = "load";
    load.title = "Load";
    load.rating = Rating::Bad;
    load.observed = "load average 3.10 <b>";
    load.why = "other programs take CPU time";
    load.fix = "stop what is busy";
    load.changing = true;
    results.environment.machine = { load };
    results.environment.stealDuringRun = 0.0125;
    results.environment.floor = MachineFloor { 0.052, 0.075, 30, "2026-12-01T10:00:00Z" };

    BenchmarkResult b;
    b.name = "grüße <b>|x|</b>.py";
    b.script = "/home/user/grüße <b>|x|</b>.py";
    b.command = { "/usr/bin/python3", *b.script, "--size", "10" };
    b.interpreter = InterpreterInfo { "python3", "/usr/bin/python3", "CPython", "3.11.2", 0.0125 };
    b.git = GitInfo { std::string(40, 'a'), "main", true, "https://example.org/p.git", "2026-11-30T09:15:02+01:00",
        "Faster <parse> & \"dump\"" };
    b.settings.runs = 4;
    b.settings.warmups = 1;
    b.settings.timeout = 1500ms;
    b.settings.environment = { { "A", "1" }, { "B", "two words" } };
    b.settings.workingDirectory = "/tmp";
    std::mt19937_64 random(7);
    for (int i = 0; i < 5; ++i) {
        RunRecord r;
        r.warmup = i == 0;
        // Arbitrary nanosecond counts, so that the seconds written are not round numbers.
        r.wall = std::chrono::nanoseconds(40'000'000 + static_cast<std::int64_t>(random() % 10'000'000));
        r.user = std::chrono::nanoseconds(30'000'000 + static_cast<std::int64_t>(random() % 1'000'000) * 1000 / 1000);
        r.sys = std::chrono::microseconds(7919);
        r.maxRssBytes = 13'713'408 + i;
        r.minorFaults = 1937;
        r.voluntarySwitches = 2;
        r.exitCode = 0;
        r.hashSeed = static_cast<std::uint32_t>(random());
        r.stdoutBytes = 6;
        r.spawnedAtNs = 5'000'000'000'000 + i * 60'000'000;
        b.runs.push_back(r);
    }
    RunRecord failed;
    failed.wall = 12ms;
    failed.exitCode = 3;
    failed.stderrTail = "Traceback\nValueError: \"quoted\" \\ backslash\n";
    failed.stdoutTail = "partial";
    failed.hashSeed = 0;
    b.runs.push_back(failed);
    b.failure = "run 6 failed: exit code 3: ValueError";
    results.benchmarks.push_back(b);

    BenchmarkResult command;
    command.name = "./native --fast";
    command.command = { "/opt/native", "--fast" };
    command.settings.fixedHashSeed = 42;
    results.benchmarks.push_back(command);
    return results;
}

void writeText(const QString& path, const std::string& text)
{
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}
} // namespace

class TestResultsJson : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void requiredKeysExist()
    {
        const Json j = toJson(sampleResults());
        QCOMPARE(j.at("schema").get<std::string>(), std::string("pyrometer.run/1"));
        QVERIFY(j.at("environment").is_object());
        const auto& b = j.at("benchmarks").at(0);
        for (const char* key : { "name", "command", "runs", "summary" })
            QVERIFY2(b.contains(key), key);
        QVERIFY(b.at("command").is_array());
        for (const char* key : { "wall_s", "user_s", "sys_s", "max_rss_bytes", "exit_code", "timed_out", "warmup" })
            QVERIFY2(b.at("runs").at(0).contains(key), key);
        const auto& s = b.at("summary");
        for (const char* key : { "n", "mean_s", "median_s", "stddev_s", "min_s", "max_s", "median_ci95_s" })
            QVERIFY2(s.contains(key), key);
        // 4 successful measured runs: too few for a 95% interval, so it is null rather than made up.
        QCOMPARE(s.at("n").get<int>(), 4);
        QVERIFY(s.at("median_ci95_s").is_null());
        QCOMPARE(s.at("failed_runs").get<int>(), 1);
        // Seconds and bytes.
        QCOMPARE(b.at("runs").at(0).at("sys_s").get<double>(), 0.007919);
        QCOMPARE(b.at("settings").at("timeout_s").get<double>(), 1.5);
        QCOMPARE(j.at("benchmarks").at(1).at("settings").at("hash_seed").get<int>(), 42);
        QCOMPARE(b.at("settings").at("hash_seed").get<std::string>(), std::string("random"));
        const auto& floor = j.at("environment").at("noise_floor");
        QCOMPARE(floor.at("cv").get<double>(), 0.052);
        QCOMPARE(floor.at("detectable_change").get<double>(), 0.075);
        QCOMPARE(floor.at("measured_at").get<std::string>(), std::string("2026-12-01T10:00:00Z"));
        QCOMPARE(b.at("runs").at(1).at("spawned_at_ns").get<std::int64_t>(), 5'000'060'000'000);
        // Output tails are kept for the failed run only.
        QVERIFY(!b.at("runs").at(0).contains("stderr_tail"));
        QVERIFY(b.at("runs").at(5).contains("stderr_tail"));
    }

    void readingBackAndWritingAgainGivesTheSameFile()
    {
        const std::string first = resultsJsonText(sampleResults());
        const auto path = dir.filePath(QStringLiteral("round.json"));
        writeText(path, first);
        const Results read = readResultsFile(path.toStdString());
        QCOMPARE(read.benchmarks.size(), std::size_t(2));
        QCOMPARE(read.benchmarks[0].runs.size(), std::size_t(6));
        QCOMPARE(read.benchmarks[0].runs[2].wall, sampleResults().benchmarks[0].runs[2].wall);
        QCOMPARE(*read.benchmarks[0].settings.timeout, std::chrono::nanoseconds(1500ms));
        QCOMPARE(read.benchmarks[0].git->project, std::string("https://example.org/p.git"));
        QCOMPARE(read.benchmarks[0].git->commitDate, std::string("2026-11-30T09:15:02+01:00"));
        QCOMPARE(read.benchmarks[0].git->subject, std::string("Faster <parse> & \"dump\""));
        const std::string second = resultsJsonText(read);
        QCOMPARE(second, first);
    }

    // A benchmark function: kind, function, case, loops and the GC choice, each run's loops and time per call; read
    // back the same, and written again byte for byte.
    void functionBenchmarksRoundTrip()
    {
        Results results = sampleResults();
        auto& b = results.benchmarks[0];
        b.name = "bench_sorting.py::bench_sort[10000]";
        b.function = FunctionBenchmark { "bench_sort", "#1", 512, 100'000'000, true, 3.25e-8 };
        b.parameters = { { "n", "10000" } };
        b.measured.cpu = false;
        b.measured.counters = false;
        for (auto& run : b.runs)
            run.loops = 512;
        const auto json = toJson(results);
        const auto& header = json.at("benchmarks").at(0);
        QCOMPARE(header.at("kind").get<std::string>(), std::string("function"));
        QCOMPARE(header.at("function").at("name").get<std::string>(), std::string("bench_sort"));
        QCOMPARE(header.at("function").at("gc").get<std::string>(), std::string("off"));
        QCOMPARE(header.at("parameters").at("n").get<std::string>(), std::string("10000"));
        QCOMPARE(header.at("runs").at(2).at("loops").get<int>(), 512);
        QCOMPARE(
            header.at("runs").at(2).at("per_call_s").get<double>(), header.at("runs").at(2).at("wall_s").get<double>());
        QVERIFY(!json.at("benchmarks").at(1).contains("kind"));

        const auto path = dir.filePath(QStringLiteral("function.json"));
        writeText(path, resultsJsonText(results));
        const Results read = readResultsFile(path.toStdString());
        const auto& f = read.benchmarks[0].function;
        QVERIFY(f);
        QCOMPARE(f->function, std::string("bench_sort"));
        QCOMPARE(f->caseId, std::string("#1"));
        QCOMPARE(f->loops, std::int64_t(512));
        QCOMPARE(f->minTimeNs, std::int64_t(100'000'000));
        QVERIFY(f->gcOff);
        QCOMPARE(*f->harnessSeconds, 3.25e-8);
        QCOMPARE(read.benchmarks[0].runs[2].loops, std::int64_t(512));
        QVERIFY(!read.benchmarks[1].function);
        QCOMPARE(resultsJsonText(read), resultsJsonText(results));

        auto other = json;
        other["benchmarks"][0]["kind"] = "notebook";
        writeText(path, other.dump());
        try {
            readResultsFile(path.toStdString());
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("field 'kind' is 'notebook'") != std::string::npos, e.what());
        }
    }

    void nanosecondsSurviveSeconds()
    {
        std::mt19937_64 random(11);
        for (int i = 0; i < 10000; ++i) {
            // Up to about 28 hours.
            const std::chrono::nanoseconds ns(static_cast<std::int64_t>(random() % 100'000'000'000'000ULL));
            QCOMPARE(std::chrono::round<std::chrono::nanoseconds>(fromSeconds(toSeconds(ns))), ns);
        }
        // Times per loop iteration of a few nanoseconds (pyperf, Google Benchmark) keep their fraction.
        QCOMPARE(fromSeconds(2.5e-9), Duration(2500));
        QCOMPARE(fromSeconds(18.37e-9), Duration(18370));
    }

    void badFilesGetOneClearLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
        QTest::newRow("truncated") << QByteArray(R"({"schema": "pyrometer.run/1", "benchmarks": [)")
                                   << QStringLiteral("not valid JSON: the text ends before the document does");
        QTest::newRow("hyperfine without times")
            << QByteArray(R"({"results": [{"command": "sleep 0.1", "mean": 0.1}]})")
            << QStringLiteral("hyperfine JSON: result 1: 'sleep 0.1': no per-run \"times\"");
        QTest::newRow("unknown")
            << QByteArray(R"({"results": 3})")
            << QStringLiteral(
                   "not a results file of Pyrometer, hyperfine, pyperf, pytest-benchmark, asv or Google Benchmark");
        QTest::newRow("other version") << QByteArray(R"({"schema": "pyrometer.run/9"})")
                                       << QStringLiteral("unsupported results schema \"pyrometer.run/9\"");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not a results file of Pyrometer");
        QTest::newRow("wrong type") << QByteArray(
            R"({"schema": "pyrometer.run/1", "complete": "yes", "order": "interleaved"})")
                                    << QStringLiteral("field 'complete' should be true or false, not a string");
    }

    void badFilesGetOneClearLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const auto path = dir.filePath(QStringLiteral("bad.json"));
        writeText(path, content.toStdString());
        try {
            readResultsFile(path.toStdString());
            QFAIL("no error");
        } catch (const InputError& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.startsWith(path + QStringLiteral(": ") + message), qPrintable(what));
            QVERIFY(!what.contains(QLatin1Char('\n')));
        }
    }

    void journalRecoversEveryRunWritten()
    {
        Results prepared = sampleResults();
        const Results full = prepared;
        for (auto& b : prepared.benchmarks) {
            b.runs.clear();
            b.failure.reset();
        }
        const auto path = dir.filePath(QStringLiteral("j.json.journal")).toStdString();
        {
            JournalWriter journal(path, prepared);
            for (const auto& run : full.benchmarks[0].runs)
                journal.appendRun(0, run);
            journal.appendFailure(0, *full.benchmarks[0].failure);
        }
        Results recovered = readJournal(path);
        QVERIFY(!recovered.complete);
        QCOMPARE(recovered.benchmarks.size(), std::size_t(2));
        QCOMPARE(recovered.benchmarks[0].runs.size(), std::size_t(6));
        QCOMPARE(recovered.benchmarks[0].failure, full.benchmarks[0].failure);
        // Apart from the completion flag, the recovered results are the measured ones.
        Results expected = full;
        expected.complete = false;
        expected.environment.loadAverageEnd = recovered.environment.loadAverageEnd;
        QCOMPARE(resultsJsonText(recovered), resultsJsonText(expected));
    }

    void workbenchFilesRoundTrip()
    {
        RunPlan plan;
        plan.order = RunOrder::Sequential;
        plan.ignoreFailure = true;
        BenchmarkRequest script;
        script.name = "mine";
        script.script = "/tmp/a b.py";
        script.arguments = { "--size", "3" };
        script.interpreter = "/usr/bin/python3";
        script.settings.runs = 30;
        script.settings.warmups = 2;
        script.settings.timeout = 2500ms;
        script.settings.environment = { { "A", "1" } };
        script.settings.workingDirectory = "/tmp";
        script.settings.fixedHashSeed = 7;
        BenchmarkRequest command;
        command.command = { "sleep", "0.1" };
        plan.benchmarks = { script, command };
        const auto text = workbenchJsonText(plan);
        const auto path = dir.filePath(QStringLiteral("bench.workbench.json"));
        writeText(path, text);
        const RunPlan read = readWorkbenchFile(path.toStdString());
        QCOMPARE(workbenchJsonText(read), text);
        QCOMPARE(read.benchmarks[0].settings.timeout->count(), 2'500'000'000LL);
        QCOMPARE(*read.benchmarks[0].settings.fixedHashSeed, 7u);
        QVERIFY(!read.benchmarks[1].script);
        // A results file is not a workbench file.
        writeText(path, resultsJsonText(sampleResults()));
        QVERIFY_THROWS_EXCEPTION(InputError, readWorkbenchFile(path.toStdString()));
    }

    // A shared workbench names its files relatively: from its own folder, a program from its working directory.
    // Absolute paths, a bare program name (looked up in $PATH) and no working directory stay as they are.
    void aWorkbenchsRelativePathsAreItsFolders()
    {
        RunPlan plan;
        BenchmarkRequest script;
        script.script = "scripts/a.py";
        script.settings.workingDirectory = ".";
        BenchmarkRequest program;
        program.command = { "build/prog", "input.txt" };
        program.settings.workingDirectory = "sub";
        BenchmarkRequest inPath;
        inPath.command = { "node", "x.js" };
        BenchmarkRequest absolute;
        absolute.command = { "./here" };
        absolute.settings.workingDirectory = "/opt";
        plan.benchmarks = { script, program, inPath, absolute };
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("shared")));
        const auto path = dir.filePath(QStringLiteral("shared/w.json"));
        writeText(path, workbenchJsonText(plan));
        const auto read = readWorkbenchFile(path.toStdString());
        const auto folder = dir.filePath(QStringLiteral("shared")).toStdString();
        QCOMPARE(*read.benchmarks[0].script, folder + "/scripts/a.py");
        QCOMPARE(read.benchmarks[0].settings.workingDirectory, folder);
        QCOMPARE(read.benchmarks[1].settings.workingDirectory, folder + "/sub");
        QCOMPARE(read.benchmarks[1].command, (std::vector<std::string> { folder + "/sub/build/prog", "input.txt" }));
        QCOMPARE(read.benchmarks[2].command, (std::vector<std::string> { "node", "x.js" }));
        QVERIFY(read.benchmarks[2].settings.workingDirectory.empty());
        QCOMPARE(read.benchmarks[3].command.front(), std::string("/opt/here"));
    }

    void aJournalCutMidLineKeepsTheCompleteLines()
    {
        const Results full = sampleResults();
        Results prepared = full;
        prepared.benchmarks[0].runs.clear();
        const auto path = dir.filePath(QStringLiteral("cut.json.journal")).toStdString();
        {
            JournalWriter journal(path, prepared);
            journal.appendRun(0, full.benchmarks[0].runs[0]);
            journal.appendRun(0, full.benchmarks[0].runs[1]);
        }
        // Killed in the middle of writing a third line.
        std::ofstream(path, std::ios::app) << R"({"benchmark": 0, "run": {"warmup": fal)";
        QCOMPARE(readJournal(path).benchmarks[0].runs.size(), std::size_t(2));

        // Damage anywhere else is reported, never ignored.
        std::ofstream(path, std::ios::app) << "\n{}\n";
        QVERIFY_THROWS_EXCEPTION(InputError, readJournal(path));
    }
};

QTEST_APPLESS_MAIN(TestResultsJson)
#include "tst_results_json.moc"
