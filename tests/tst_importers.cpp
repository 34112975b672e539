#include "core/formats/csv_export.h"
#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/formats/text_report.h"
#include "core/model/error.h"
#include "core/stats/benchmark_summary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pyrometer;

namespace {
void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/// Runs hyperfine with `arguments`, exporting to `path`, and reads back what it wrote independently of Pyrometer.
void runHyperfine(const QStringList& arguments, const QString& path, QJsonArray& written)
{
    const auto hyperfine = QStandardPaths::findExecutable(QStringLiteral("hyperfine"));
    QVERIFY2(!hyperfine.isEmpty(), "hyperfine is not installed (packaging/debian-build-deps.txt lists it)");
    QProcess p;
    p.start(hyperfine, QStringList { QStringLiteral("--export-json"), path } + arguments);
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    written = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("results")).toArray();
}

QString errorOf(const QString& path)
{
    try {
        readResultsFile(path.toStdString());
    } catch (const InputError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// pyperf's JSON format 1.0 as its documentation describes it: common metadata at the top, a benchmark's own
// metadata beside its runs, a calibration run with warmups only, values per loop iteration in seconds.
const QByteArray pyperfFile = R"json({"version": "1.0",
 "metadata": {"cpu_model_name": "Test CPU @ 3 GHz", "hostname": "bench-box", "platform": "Linux-6.1-x86_64",
   "cpu_count": 8, "cpu_config": "0-7=driver:intel_pstate, governor:performance; idle:intel_idle",
   "python_implementation": "cpython", "python_version": "3.11.2 (64-bit)", "unit": "second"},
 "benchmarks": [
  {"metadata": {"name": "json_dumps", "loops": 16},
   "runs": [{"metadata": {"date": "2026-11-01 10:00:00.1"}, "warmups": [[1, 0.0021], [2, 0.0020]]},
            {"metadata": {"date": "2026-11-01 10:00:01.2"}, "warmups": [[16, 0.00205]], "values": [0.0020, 0.0021, 0.0019]},
            {"warmups": [[16, 0.00204]], "values": [0.0022, 0.0020, 0.0018]}]},
  {"metadata": {"name": "regex"}, "runs": [{"values": [0.5, 0.6]}]}]})json";

const QByteArray pytestBenchmarkFile
    = R"({"machine_info": {"node": "ci-7", "system": "Linux", "release": "6.1.0-13-amd64",
   "python_implementation": "CPython", "python_version": "3.11.2", "cpu": {"brand_raw": "Test CPU", "count": 2}},
 "commit_info": {"id": "0123abc", "branch": "main", "dirty": false},
 "benchmarks": [{"group": null, "name": "test_sort[100]", "fullname": "tests/test_sort.py::test_sort[100]",
   "stats": {"min": 0.001, "max": 0.003, "mean": 0.002, "median": 0.002, "rounds": 4, "iterations": 1,
             "data": [0.001, 0.002, 0.002, 0.003]}}],
 "datetime": "2026-11-01T10:00:00.000000", "version": "4.0.0"})";
// asv's format 2, as asv 0.5+ writes results/MACHINE/COMMIT-ENV.json: the columns named once, one list per
// benchmark; NaN (Python's json) for a parameter combination that failed; samples only with --record-samples.
const QByteArray asvFile = R"json({"commit_hash": "0123abcd", "env_name": "virtualenv-py3.11", "date": 1762000000000,
 "params": {"arch": "x86_64", "cpu": "Test CPU", "machine": "bench-box", "num_cpu": "4", "os": "Linux 6.1.0",
   "python": "3.11"},
 "python": "3.11", "requirements": {}, "env_vars": {},
 "result_columns": ["result", "params", "version", "started_at", "duration", "stats_ci_99_a", "stats_ci_99_b",
   "stats_q_25", "stats_q_75", "stats_number", "stats_repeat", "samples", "profile"],
 "results": {
  "bench.TimeSort.time_sort": [[0.001, 0.012, NaN], [["100", "1000", "10000"]], "abc", 1762000000000, 1.5,
     [0.0009, 0.011, null], [0.0011, 0.013, null], [0.00095, 0.0115, null], [0.00105, 0.0125, null],
     [100, 10, null], [10, 10, null]],
  "bench.Parse.time_parse": [[0.002, 0.003, 0.004, 0.005], [["'json'", "'csv'"], ["1", "2"]], "def",
     1762000000000, 2.0, null, null, null, null, null, null,
     [[0.002, 0.0021, 0.0019], [0.003, 0.0031, 0.0029], [0.004, 0.0041, 0.0039], [0.005, 0.0051, 0.0049]]],
  "bench.Mem.peakmem_load": [[52428800], [], "ghi", 1762000000000, 0.5],
  "bench.Mem.mem_list": [[8056], [], "jkl", 1762000000000, 0.1],
  "bench.Track.track_items": [[42], [], "mno", 1762000000000, 0.1]},
 "durations": {}, "version": 2})json";

// asv's format 1 (asv before 0.5): a number, null, or an object with result, params and samples.
const QByteArray asvV1File = R"json({"commit_hash": "4567", "date": 1500000000000, "params": {"machine": "old-box"},
 "python": "3.6", "version": 1,
 "results": {"bench.time_a": 0.5, "bench.time_c": null,
   "bench.time_b": {"result": [0.1, 0.2], "params": [["1", "2"]], "samples": [[0.1, 0.11], [0.2, 0.21]]}}})json";

// Google Benchmark's --benchmark_format=json with --benchmark_repetitions=3: three iteration entries and their
// aggregates; an entry that failed; one without time_unit (nanoseconds).
const QByteArray googleBenchmarkFile = R"json({"context": {"date": "2026-11-01T10:00:00+00:00", "host_name": "gb-box",
   "executable": "./bench_sort", "num_cpus": 2, "mhz_per_cpu": 2400, "cpu_scaling_enabled": false,
   "library_build_type": "release"},
 "benchmarks": [
  {"name": "BM_Sort/1024", "family_index": 0, "per_family_instance_index": 0, "run_name": "BM_Sort/1024",
   "run_type": "iteration", "repetitions": 3, "repetition_index": 0, "threads": 1, "iterations": 20000,
   "real_time": 35.0, "cpu_time": 34.9, "time_unit": "us"},
  {"name": "BM_Sort/1024", "run_name": "BM_Sort/1024", "run_type": "iteration", "repetitions": 3,
   "repetition_index": 1, "iterations": 20000, "real_time": 36.0, "cpu_time": 35.9, "time_unit": "us"},
  {"name": "BM_Sort/1024", "run_name": "BM_Sort/1024", "run_type": "iteration", "repetitions": 3,
   "repetition_index": 2, "iterations": 20000, "real_time": 37.0, "cpu_time": 36.9, "time_unit": "us"},
  {"name": "BM_Sort/1024_mean", "run_name": "BM_Sort/1024", "run_type": "aggregate", "aggregate_name": "mean",
   "iterations": 3, "real_time": 36.0, "cpu_time": 35.9, "time_unit": "us"},
  {"name": "BM_Fail", "run_name": "BM_Fail", "run_type": "iteration", "error_occurred": true,
   "error_message": "setup failed", "iterations": 0, "real_time": 0, "cpu_time": 0, "time_unit": "ns"},
  {"name": "BM_Fast", "run_name": "BM_Fast", "run_type": "iteration", "iterations": 1000000, "real_time": 2.5,
   "cpu_time": 2.5}]})json";
} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void hyperfineFileWrittenByHyperfine()
    {
        const auto path = m_dir.filePath(QStringLiteral("hyperfine.json"));
        QJsonArray written;
        runHyperfine(
            { QStringLiteral("-N"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--warmup"),
                QStringLiteral("1"), QStringLiteral("-i"), QStringLiteral("sleep 0.01"), QStringLiteral("false") },
            path, written);
        if (QTest::currentTestFailed())
            return;

        const auto results = readResultsFile(path.toStdString());
        QCOMPARE(results.importedFrom, std::string("hyperfine"));
        QCOMPARE(results.benchmarks.size(), std::size_t(2));
        const auto& sleep = results.benchmarks[0];
        QCOMPARE(sleep.name, std::string("sleep 0.01"));
        QCOMPARE(sleep.runs.size(), std::size_t(5));
        const auto times = written[0].toObject().value(QStringLiteral("times")).toArray();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(sleep.runs[std::size_t(i)].succeeded());
            QCOMPARE(sleep.runs[std::size_t(i)].wall, fromSeconds(times[i].toDouble()));
            QVERIFY(sleep.runs[std::size_t(i)].wall >= std::chrono::milliseconds(10));
        }
        QCOMPARE(results.benchmarks[1].failedRuns(), std::size_t(5)); // `false` exits 1
        QCOMPARE(results.benchmarks[1].runs[0].exitCode, std::optional<int>(1));
    }

    void pyperfFilePlainAndGzipped()
    {
        const auto path = m_dir.filePath(QStringLiteral("pyperf.json"));
        writeFile(path, pyperfFile);
        const auto plain = readResultsFile(path.toStdString());
        QCOMPARE(plain.importedFrom, std::string("pyperf"));
        QCOMPARE(plain.environment.cpuModel, std::string("Test CPU @ 3 GHz"));
        QCOMPARE(plain.environment.cpuGovernor, std::optional<std::string>("performance"));
        QCOMPARE(plain.environment.logicalCores, 8u);
        QCOMPARE(plain.environment.date, std::string("2026-11-01 10:00:00.1"));
        QCOMPARE(plain.benchmarks.size(), std::size_t(2));
        const auto& dumps = plain.benchmarks[0];
        QCOMPARE(dumps.name, std::string("json_dumps"));
        QCOMPARE(dumps.measuredRuns(), std::size_t(6));
        QCOMPARE(dumps.runs.size(), std::size_t(10)); // 2 calibration warmups, 2 more warmups, 6 values
        QCOMPARE(successfulWallSeconds(dumps).front(), 0.0020);
        QCOMPARE(dumps.interpreter->version, std::string("3.11.2"));
        QCOMPARE(plain.benchmarks[1].measuredRuns(), std::size_t(2));

        // pyperf writes .json.gz when asked; the content, not the name, tells.
        QProcess gzip;
        gzip.setStandardOutputFile(m_dir.filePath(QStringLiteral("pyperf-compressed.data")));
        gzip.start(QStringLiteral("gzip"), { QStringLiteral("-c"), path });
        QVERIFY(gzip.waitForFinished());
        QCOMPARE(gzip.exitCode(), 0);
        const auto compressed = readResultsFile(m_dir.filePath(QStringLiteral("pyperf-compressed.data")).toStdString());
        QCOMPARE(compressed.benchmarks.size(), std::size_t(2));
        QCOMPARE(compressed.benchmarks[0].runs.size(), std::size_t(10));
    }

    void pytestBenchmarkFileWithData()
    {
        const auto path = m_dir.filePath(QStringLiteral("pytest.json"));
        writeFile(path, pytestBenchmarkFile);
        const auto results = readResultsFile(path.toStdString());
        QCOMPARE(results.importedFrom, std::string("pytest-benchmark"));
        QCOMPARE(results.environment.hostname, std::string("ci-7"));
        QCOMPARE(results.environment.cpuModel, std::string("Test CPU"));
        QCOMPARE(results.benchmarks.size(), std::size_t(1));
        QCOMPARE(results.benchmarks[0].name, std::string("tests/test_sort.py::test_sort[100]"));
        QCOMPARE(successfulWallSeconds(results.benchmarks[0]), (std::vector<double> { 0.001, 0.002, 0.002, 0.003 }));
        QCOMPARE(results.benchmarks[0].git->commit, std::string("0123abc"));
    }

    void hyperfineParameterScanKeepsItsParametersAndCpuMeans()
    {
        const auto path = m_dir.filePath(QStringLiteral("scan.json"));
        QJsonArray written;
        runHyperfine(
            { QStringLiteral("-N"), QStringLiteral("--runs"), QStringLiteral("3"), QStringLiteral("-P"),
                QStringLiteral("ms"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("sleep 0.00{ms}") },
            path, written);
        if (QTest::currentTestFailed())
            return;

        const auto results = readResultsFile(path.toStdString());
        QCOMPARE(results.benchmarks.size(), std::size_t(2));
        const auto& second = results.benchmarks[1];
        QCOMPARE(second.name, std::string("sleep 0.002"));
        QCOMPARE(second.parameters, (std::map<std::string, std::string> { { "ms", "2" } }));
        // hyperfine writes the means of user and system time, not their values per run.
        QVERIFY(second.stated);
        QCOMPARE(*second.stated->userMean, written[1].toObject().value(QStringLiteral("user")).toDouble());
        QCOMPARE(*second.stated->systemMean, written[1].toObject().value(QStringLiteral("system")).toDouble());
        QVERIFY(!second.measured.cpu);
        QVERIFY(!second.measured.memory); // hyperfine 1.15 does not measure memory
        const auto report = textReport(results);
        QVERIFY2(report.find("(means as the file states them; not per run)") != std::string::npos, report.c_str());
        QVERIFY2(report.find("Peak RSS:      not available (not in the file)") != std::string::npos, report.c_str());
        QVERIFY(report.find("0 B") == std::string::npos);

        // Written as Pyrometer results and read back, nothing of it is lost.
        const auto again = readResultsText(toJson(results).dump());
        QCOMPARE(again.benchmarks[1].parameters, second.parameters);
        QCOMPARE(again.benchmarks[1].stated->userMean, second.stated->userMean);
        QVERIFY(!again.benchmarks[1].measured.cpu && !again.benchmarks[1].measured.memory);
    }

    void hyperfineMemoryPerRun()
    {
        // hyperfine 1.20 and later add the peak memory of every run, in bytes.
        const auto results = readResultsText(R"({"results": [{"command": "python3 work.py", "mean": 0.2,
            "stddev": 0.01, "median": 0.2, "user": 0.15, "system": 0.04, "min": 0.19, "max": 0.21,
            "times": [0.19, 0.2, 0.21], "memory_usage_byte": [9437184, 9441280, 9445376],
            "exit_codes": [0, 0, 0]}]})");
        const auto& b = results.benchmarks[0];
        QVERIFY(b.measured.memory);
        QCOMPARE(b.runs[2].maxRssBytes, std::int64_t(9445376));
        QCOMPARE(summarize(b).maxRssMedian, 9441280.0);
        QVERIFY(runsCsv(results).find(",9441280,") != std::string::npos);
    }

    void pyperfMemoryAndWorkers()
    {
        // mem_max_rss per worker run, as pyperf records it on Linux; the third run's was moved up to the
        // benchmark's metadata, as pyperf does for a value all runs share: here it is the fallback.
        auto file = QByteArray(pyperfFile)
                        .replace(R"({"metadata": {"date": "2026-11-01 10:00:01.2"})",
                            R"({"metadata": {"date": "2026-11-01 10:00:01.2", "mem_max_rss": 20000000})")
                        .replace(R"("name": "json_dumps", "loops": 16)",
                            R"("name": "json_dumps", "loops": 16, "mem_max_rss": 21000000)");
        const auto results = readResultsText(file.toStdString());
        const auto& dumps = results.benchmarks[0];
        QVERIFY(dumps.measured.memory);
        std::vector<std::int64_t> rss;
        std::vector<std::uint32_t> processes;
        for (const auto& run : dumps.runs) {
            if (!run.warmup) {
                rss.push_back(run.maxRssBytes);
                processes.push_back(*run.process);
            }
        }
        QCOMPARE(rss, (std::vector<std::int64_t> { 20000000, 20000000, 20000000, 21000000, 21000000, 21000000 }));
        QCOMPARE(processes, (std::vector<std::uint32_t> { 1, 1, 1, 2, 2, 2 }));
        QVERIFY(!results.benchmarks[1].measured.memory); // "regex" has no mem_max_rss at any level

        // --track-memory: the values are bytes, the benchmark is one of memory alone.
        const auto memory = readResultsText(QByteArray(pyperfFile).replace("\"second\"", "\"byte\"").toStdString());
        const auto& m = memory.benchmarks[1];
        QVERIFY(!m.measured.wall && m.measured.memory);
        QCOMPARE(m.runs[0].maxRssBytes, std::int64_t(1)); // 0.5 bytes, rounded
        const auto report = textReport(memory);
        QVERIFY2(report.find("Time:          not available (a benchmark of memory alone; 2 runs)") != std::string::npos,
            report.c_str());
    }

    void pytestBenchmarkSummaryOnly()
    {
        // --benchmark-save without --benchmark-save-data: the summary alone, which opens as pytest-benchmark's.
        const auto results
            = readResultsText(QByteArray(pytestBenchmarkFile).replace("\"data\"", "\"other\"").toStdString());
        const auto& b = results.benchmarks[0];
        QVERIFY(b.runs.empty());
        QVERIFY(b.stated);
        QCOMPARE(*b.stated->median, 0.002);
        QCOMPARE(*b.stated->runs, std::int64_t(4));
        const auto report = textReport(results);
        QVERIFY2(report.find("Median:        2.000 ms") != std::string::npos, report.c_str());
        QVERIFY2(
            report.find("(the file holds this summary alone, no per-run times: nothing to test)") != std::string::npos,
            report.c_str());
    }

    void asvFormat2()
    {
        const auto results = readResultsText(asvFile.toStdString());
        QCOMPARE(results.importedFrom, std::string("asv"));
        QCOMPARE(results.environment.hostname, std::string("bench-box"));
        QCOMPARE(results.environment.logicalCores, 4u);
        QCOMPARE(results.environment.date, std::string("2025-11-01T12:26:40Z"));
        std::vector<std::string> names;
        for (const auto& b : results.benchmarks)
            names.push_back(b.name);
        // params expand, the last varying fastest; mem_ and track_ are left out, with a note.
        QCOMPARE(names,
            (std::vector<std::string> { "bench.TimeSort.time_sort(100)", "bench.TimeSort.time_sort(1000)",
                "bench.TimeSort.time_sort(10000)", "bench.Parse.time_parse('json', 1)",
                "bench.Parse.time_parse('json', 2)", "bench.Parse.time_parse('csv', 1)",
                "bench.Parse.time_parse('csv', 2)", "bench.Mem.peakmem_load" }));
        QCOMPARE(results.notes.size(), std::size_t(1));
        QVERIFY(results.notes[0].find("2 asv benchmark(s) of mem_ or track_ left out") == 0);

        const auto& memory = results.benchmarks[7];
        QVERIFY(!memory.measured.wall && memory.measured.memory);
        QCOMPARE(memory.runs[0].maxRssBytes, std::int64_t(52428800));
        // Samples recorded: runs.
        const auto& parse = results.benchmarks[5];
        QCOMPARE(parse.parameters, (std::map<std::string, std::string> { { "param1", "'csv'" }, { "param2", "1" } }));
        QCOMPARE(successfulWallSeconds(parse), (std::vector<double> { 0.004, 0.0041, 0.0039 }));
        // No samples: asv's median and quartiles, stated; NaN: a failure, not a time.
        const auto& sort = results.benchmarks[1];
        QVERIFY(sort.runs.empty());
        QCOMPARE(*sort.stated->median, 0.012);
        QCOMPARE(*sort.stated->q1, 0.0115);
        QCOMPARE(*sort.stated->runs, std::int64_t(10));
        QVERIFY(results.benchmarks[2].failure);
        QVERIFY(!results.benchmarks[2].stated);
    }

    void asvFormat1()
    {
        const auto results = readResultsText(asvV1File.toStdString());
        QCOMPARE(results.benchmarks.size(), std::size_t(4));
        QCOMPARE(*results.benchmarks[0].stated->median, 0.5);
        QVERIFY(results.benchmarks[1].failure); // time_c: null
        QCOMPARE(results.benchmarks[3].name, std::string("bench.time_b(2)"));
        QCOMPARE(successfulWallSeconds(results.benchmarks[3]), (std::vector<double> { 0.2, 0.21 }));
    }

    void googleBenchmark()
    {
        const auto results = readResultsText(googleBenchmarkFile.toStdString());
        QCOMPARE(results.importedFrom, std::string("Google Benchmark"));
        QCOMPARE(results.environment.hostname, std::string("gb-box"));
        QCOMPARE(results.benchmarks.size(), std::size_t(3));
        const auto& sort = results.benchmarks[0];
        QCOMPARE(sort.name, std::string("BM_Sort/1024"));
        QCOMPARE(successfulWallSeconds(sort), (std::vector<double> { 35e-6, 36e-6, 37e-6 })); // aggregate left out
        QCOMPARE(results.benchmarks[1].failedRuns(), std::size_t(1));
        QCOMPARE(results.benchmarks[1].runs[0].outcome(), std::string("Google Benchmark: setup failed"));
        QCOMPARE(successfulWallSeconds(results.benchmarks[2]), (std::vector<double> { 2.5e-9 })); // not rounded to 3 ns
        // cpu_time is user + system in one figure: the CPU verdict has it, user and system alone do not.
        QVERIFY(sort.measured.cpu && !sort.measured.cpuSplit && !sort.measured.userAndSystem());
        QCOMPARE(toSeconds(sort.runs[1].user), 35.9e-6);
        QVERIFY(!sort.measured.memory);
        const auto report = textReport(results);
        QVERIFY2(report.find("CPU time:      35.90 µs   (median; user + system, which the file does not split)")
                != std::string::npos,
            report.c_str());
        const auto again = readResultsText(toJson(results).dump());
        QVERIFY(again.benchmarks[0].measured.cpu && !again.benchmarks[0].measured.cpuSplit);
    }

    void badFilesGetOneLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("pyperf in an unknown unit")
            << QByteArray(pyperfFile).replace("\"second\"", "\"furlong\"")
            << QStringLiteral("pyperf benchmark 'json_dumps' measures furlong, not time or memory");
        // perf 0.9, pyperf's predecessor, wrote samples instead of values under format versions below 1.0.
        QTest::newRow("perf, pyperf's predecessor")
            << QByteArray(R"({"version": "0.9", "benchmarks": [{"runs": [{"samples": [0.1]}]}]})")
            << QStringLiteral("pyperf JSON: format version 0.9 is from perf, pyperf's predecessor; Pyrometer reads "
                              "pyperf's format 1.0: run the benchmark again with pyperf");
        QTest::newRow("perf 0.6, one benchmark per file")
            << QByteArray(R"({"version": "0.6", "benchmark": {"runs": []}})")
            << QStringLiteral("format version 0.6 is from perf");
        QTest::newRow("hyperfine memory of the wrong length")
            << QByteArray(R"({"results": [{"command": "x", "mean": 0.1, "times": [0.1, 0.1],
                "memory_usage_byte": [1000]}]})")
            << QStringLiteral(
                   "hyperfine JSON: result 1: 'x': field 'memory_usage_byte' should hold one value per time");
        QTest::newRow("pytest-benchmark with neither rounds nor summary")
            << QByteArray(pytestBenchmarkFile)
                   .replace("\"data\"", "\"other\"")
                   .replace("\"mean\"", "\"m\"")
                   .replace("\"median\"", "\"md\"")
            << QStringLiteral("neither per-round times nor a mean or median");
        QTest::newRow("asv of an unknown version")
            << QByteArray(asvFile).replace("\"version\": 2}", "\"version\": 3}")
            << QStringLiteral("asv JSON: asv result format version 3: Pyrometer reads versions 1 and 2");
        QTest::newRow("asv time that is not a number")
            << QByteArray(asvV1File).replace("\"bench.time_a\": 0.5", "\"bench.time_a\": \"fast\"")
            << QStringLiteral("asv JSON: 'bench.time_a': result should be a number of seconds, not a string");
        // Found by the fuzzer: no "result" column, and a number where the samples belong.
        QTest::newRow("asv samples that are not a list")
            << QByteArray(R"({"commit_hash": "0", "version": 2, "result_columns": ["params", "samples"],
                "results": {"b.time_x": [[], 5]}})")
            << QStringLiteral("asv JSON: 'b.time_x': result: samples should be a list of values, not a number");
        // Two lists of 1,000 values and 2 results: refused, not expanded into a million benchmarks.
        QTest::newRow("asv params without their results")
            << QByteArray(R"({"commit_hash": "0", "version": 2, "result_columns": ["result", "params"],
                "results": {"b.time_x": [[0.1, 0.2], [)")
                + QByteArray("[") + QByteArray("\"1\", ").repeated(999) + QByteArray("\"1\"], [")
                + QByteArray("\"2\", ").repeated(999) + QByteArray("\"2\"]]]}}")
            << QStringLiteral("'b.time_x': 2 results for 1000000 parameter combinations");
        QTest::newRow("Google Benchmark in furlongs")
            << QByteArray(googleBenchmarkFile).replace("\"us\"", "\"fur\"")
            << QStringLiteral("field 'time_unit' is 'fur', not ns, us, ms or s");
        QTest::newRow("Google Benchmark with a negative time")
            << QByteArray(googleBenchmarkFile).replace("\"real_time\": 2.5", "\"real_time\": -2.5")
            << QStringLiteral("'BM_Fast': field 'real_time' is -2.5, outside 0");
        QTest::newRow("pyperf value of the wrong type")
            << QByteArray(pyperfFile).replace("[0.5, 0.6]", "[\"fast\"]")
            << QStringLiteral(
                   "pyperf JSON: benchmark 2: 'regex': run 1: value 1 should be a number of seconds, not a string");
        QTest::newRow("broken gzip") << QByteArray("\x1f\x8b\x08\x00garbage", 12) << QStringLiteral("broken gzip data");
        QTest::newRow("other JSON")
            << QByteArray(R"({"name": "x"})")
            << QStringLiteral(
                   "not a results file of Pyrometer, hyperfine, pyperf, pytest-benchmark, asv or Google Benchmark");
        QTest::newRow("not JSON") << QByteArray("<html></html>")
                                  << QStringLiteral("not valid JSON: unexpected text at line 1, column 1");
    }

    void badFilesGetOneLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const auto path = m_dir.filePath(QStringLiteral("bad.json"));
        writeFile(path, content);
        const auto error = errorOf(path);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void missingFile()
    {
        const auto error = errorOf(m_dir.filePath(QStringLiteral("nowhere.json")));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open ")), qPrintable(error));
        QVERIFY(error.endsWith(QStringLiteral("No such file or directory")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
