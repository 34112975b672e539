#include "core/formats/results_file.h"
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
} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void hyperfineFileWrittenByHyperfine()
    {
        const auto hyperfine = QStandardPaths::findExecutable(QStringLiteral("hyperfine"));
        QVERIFY2(!hyperfine.isEmpty(), "hyperfine is not installed (packaging/debian-build-deps.txt lists it)");
        const auto path = m_dir.filePath(QStringLiteral("hyperfine.json"));
        QProcess p;
        p.start(hyperfine,
            { QStringLiteral("-N"), QStringLiteral("--runs"), QStringLiteral("5"), QStringLiteral("--warmup"),
                QStringLiteral("1"), QStringLiteral("-i"), QStringLiteral("--export-json"), path,
                QStringLiteral("sleep 0.01"), QStringLiteral("false") });
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 0);

        // What hyperfine wrote, read independently of Pyrometer.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto written
            = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("results")).toArray();

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

    void badFilesGetOneLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("pytest-benchmark without data")
            << QByteArray(pytestBenchmarkFile).replace("\"data\"", "\"other\"")
            << QStringLiteral(
                   "no per-round times: pytest-benchmark writes them into every --benchmark-json file, but into "
                   "--benchmark-save and --benchmark-autosave files only with --benchmark-save-data");
        QTest::newRow("pyperf in bytes") << QByteArray(pyperfFile).replace("\"second\"", "\"byte\"")
                                         << QStringLiteral("pyperf benchmark 'json_dumps' measures byte, not time");
        QTest::newRow("pyperf value of the wrong type")
            << QByteArray(pyperfFile).replace("[0.5, 0.6]", "[\"fast\"]")
            << QStringLiteral(
                   "pyperf JSON: benchmark 2: 'regex': run 1: value 1 should be a number of seconds, not a string");
        QTest::newRow("broken gzip") << QByteArray("\x1f\x8b\x08\x00garbage", 12) << QStringLiteral("broken gzip data");
        QTest::newRow("other JSON") << QByteArray(R"({"name": "x"})")
                                    << QStringLiteral(
                                           "not a results file of Pyrometer, hyperfine, pyperf or pytest-benchmark");
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
