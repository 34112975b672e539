#include "core/formats/journal.h"
#include "core/formats/json_input.h"
#include "core/formats/results_file.h"
#include "core/formats/workbench_json.h"
#include "core/model/error.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <zlib.h>

using namespace pyrometer;

namespace {
void writeBytes(const QString& path, const std::string& bytes)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << bytes;
}

/// A Pyrometer results file of one benchmark whose one run has `run` as its JSON.
std::string resultsWithRun(const std::string& run, const std::string& extra = "")
{
    return R"({"schema": "pyrometer.run/1", "complete": true, "order": "interleaved", "ignore_failure": false,
  "environment": {"pyrometer_version": "0.1.0", "date": "2026-01-01T00:00:00Z", "hostname": "h", "os": "Linux",
    "kernel": "6.1", "cpu_model": "c", "logical_cores": 2, "cpu_governor": null,
    "load_average_start": [0, 0, 0], "load_average_end": null},
  "benchmarks": [{"name": "fib", "command": ["python3", "fib.py"], "script": "fib.py", "interpreter": null,
    "git": null, "settings": {"runs": 1, "warmups": 0, "timeout_s": null, "env": {}, "cwd": null,
    "hash_seed": "random"}, "failure": null, "runs": [)"
        + run + "]" + extra + "}]}";
}

std::string run(const std::string& field, const std::string& value)
{
    std::string r = R"({"warmup": false, "wall_s": 0.5, "user_s": 0.4, "sys_s": 0.1, "max_rss_bytes": 1000,
        "exit_code": 0, "signal": null, "timed_out": false, "hash_seed": 7})";
    const auto at = r.find("\"" + field + "\": ");
    if (at == std::string::npos)
        return r.substr(0, r.size() - 1) + ", \"" + field + "\": " + value + "}";
    const auto start = at + field.size() + 4;
    const auto end = r.find_first_of(",}", start);
    return r.substr(0, start) + value + r.substr(end);
}

/// "[" and then `pattern` again and again to `totalBytes`, gzip-compressed a mebibyte at a time.
std::string gzippedRepeats(const std::string& pattern, std::size_t totalBytes)
{
    z_stream stream {};
    deflateInit2(&stream, 1, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    std::string chunk = "[";
    while (chunk.size() < (std::size_t(1) << 20))
        chunk += pattern;
    std::string out;
    char buffer[1 << 16];
    for (std::size_t done = 0; done < totalBytes; done += chunk.size()) {
        const bool last = done + chunk.size() >= totalBytes;
        stream.next_in = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_in = static_cast<uInt>(chunk.size());
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer, sizeof buffer - stream.avail_out);
        } while (stream.avail_out == 0);
        chunk[0] = pattern[0];
    }
    deflateEnd(&stream);
    return out;
}

QString errorOf(const std::function<void()>& read)
{
    try {
        read();
    } catch (const InputError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

long peakRssKib()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}
} // namespace

// Files found by trying Pyrometer on hostile input: each once crashed, hung, took gigabytes or turned an
// impossible value into a verdict. Each must now give one line naming the file and the problem.
class TestHostileFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badContentGetsOneLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("number beyond a double")
            << QByteArray("[1e999]") << QStringLiteral("holds the number 1e999, too large");
        QTest::newRow("nested 90,000 deep")
            << QByteArray(std::string(90000, '[').append(std::string(90000, ']')).c_str())
            << QStringLiteral("nested deeper than 64 levels");
        QTest::newRow("not UTF-8") << QByteArray("{\"schema\": \"pyrometer.run/1\", \"x\": \"\xff\"}")
                                   << QStringLiteral("not valid JSON: text that is not UTF-8 at line 1");
        QTest::newRow("only white space") << QByteArray(" \n ") << QStringLiteral("the file holds only white space");
        QTest::newRow("wall of 1e20 s") << QByteArray(resultsWithRun(run("wall_s", "1e20")).c_str())
                                        << QStringLiteral("benchmark 1: 'fib': run 1: field 'wall_s' is 1e+20 s, "
                                                          "longer than any run");
        QTest::newRow("negative time") << QByteArray(resultsWithRun(run("user_s", "-0.5")).c_str())
                                       << QStringLiteral("run 1: field 'user_s' is -0.5 s, but a time is never "
                                                         "negative");
        QTest::newRow("zero is a time, NaN is not")
            << QByteArray(resultsWithRun(run("sys_s", "\"NaN\"")).c_str())
            << QStringLiteral("field 'sys_s' should be a number of seconds, not a string");
        QTest::newRow("huge integer") << QByteArray(resultsWithRun(run("max_rss_bytes", "1e30")).c_str())
                                      << QStringLiteral("field 'max_rss_bytes' is 1e+30, outside 0 … 9007199254740992");
        QTest::newRow("fractional count") << QByteArray(resultsWithRun(run("minor_faults", "2.5")).c_str())
                                          << QStringLiteral("field 'minor_faults' is 2.5, not a whole number");
        QTest::newRow("exit code out of range") << QByteArray(resultsWithRun(run("exit_code", "99999999999")).c_str())
                                                << QStringLiteral("field 'exit_code' is 99999999999, outside 0 … 255");
        QTest::newRow("missing field") << QByteArray(resultsWithRun(R"({"warmup": false})").c_str())
                                       << QStringLiteral("run 1: field 'wall_s' is missing");
        QTest::newRow("profile edge to nowhere") << QByteArray(
            resultsWithRun(run("wall_s", "0.5"),
                R"(, "probe": {"runs": [], "profile": {"functions": [], "edges": [{"caller": 3}]}})")
                .c_str()) << QStringLiteral("probe: profile: edge 1: a profile edge, but no function");
        QTest::newRow("hyperfine time of the wrong kind")
            << QByteArray(R"({"results": [{"command": "x", "mean": 1, "times": [0.1, {"a": 1}]}]})")
            << QStringLiteral("hyperfine JSON: result 1: 'x': time 2 should be a number of seconds, not an object");
    }

    void badContentGetsOneLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const auto path = m_dir.filePath(QStringLiteral("bad.json"));
        writeBytes(path, content.toStdString());
        const auto error = errorOf([&] { readResultsFile(path.toStdString()); });
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QVERIFY2(!error.contains(QStringLiteral("json.exception")), qPrintable(error));
    }

    void badPathsGetOneLine_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("directory") << m_dir.path() << m_dir.path() + QStringLiteral(" is a directory, not a file");
        QTest::newRow("/dev/null") << QStringLiteral("/dev/null") << QStringLiteral("/dev/null: the file is empty");
        QTest::newRow("/proc/self/mem") << QStringLiteral("/proc/self/mem")
                                        << QStringLiteral("cannot read /proc/self/mem: Input/output error");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero")
                                   << QStringLiteral("/dev/zero is larger than 256 MiB, more than any results file");
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nowhere.json"))
                                 << QStringLiteral("cannot open %1: No such file or directory")
                                        .arg(m_dir.filePath(QStringLiteral("nowhere.json")));
    }

    void badPathsGetOneLine()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto error = errorOf([&] { readResultsFile(path.toStdString()); });
        QVERIFY2(error == message, qPrintable(error));
    }

    void fifoWithoutWriterDoesNotBlock()
    {
        const auto path = m_dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
        // Before the fix, opening waited for a writer for ever (the test would hit CTest's time limit).
        QCOMPARE(errorOf([&] { readResultsFile(path.toStdString()); }), path + QStringLiteral(": the file is empty"));
    }

    void gzipBombIsBounded()
    {
        // 1 GiB of "[]," compresses to a few MB; reading such a file once took 7.7 GB and aborted.
        const auto compressed = gzippedRepeats("[],", std::size_t(1) << 30);
        QVERIFY(compressed.size() < 8 << 20);
        const auto path = m_dir.filePath(QStringLiteral("bomb.json.gz"));
        writeBytes(path, compressed);
        const auto before = peakRssKib();
        const auto error = errorOf([&] { readResultsFile(path.toStdString()); });
        QVERIFY2(error.endsWith(QStringLiteral("decompresses to more than 256 MiB, more than any results file holds")),
            qPrintable(error));
        // Reading it costs at most the 256 MiB limit, and a little more while the last chunk is decompressed.
        QVERIFY2(peakRssKib() - before < 300 * 1024, qPrintable(QString::number(peakRssKib() - before)));
    }

    void valueCountIsBounded()
    {
        InputLimits limits;
        limits.maxValues = 3;
        QCOMPARE(errorOf([&] { parseJson("[1, 2, 3, 4]", limits); }),
            QStringLiteral("more than 3 values, more than Pyrometer reads"));
        QCOMPARE(parseJson("[1, 2]", limits).size(), std::size_t(2));
    }

    void pythonConstantsAreReadAsNull()
    {
        const auto json = parseJson(R"({"a": NaN, "b": [Infinity, -Infinity], "c": "NaN Infinity"})", {}, true);
        QVERIFY(json.at("a").is_null());
        QVERIFY(json.at("b").at(0).is_null() && json.at("b").at(1).is_null());
        QCOMPARE(json.at("c").get<std::string>(), std::string("NaN Infinity"));
        QVERIFY(errorOf([] { parseJson(R"({"a": NaN})"); }).startsWith(QStringLiteral("not valid JSON")));
    }

    void benchmarksSharingANameGetNamesOfTheirOwn()
    {
        // hyperfine writes one result per command, the same command twice included; comparing two such files
        // once paired the second 'sleep 0.1' of one with the second of the other by position, without a word.
        const auto path = m_dir.filePath(QStringLiteral("twice.json"));
        writeBytes(path, R"({"results": [{"command": "sleep 0.1", "mean": 0.1, "times": [0.1]},
            {"command": "true", "mean": 0.001, "times": [0.001]},
            {"command": "sleep 0.1", "mean": 0.1, "times": [0.11]}]})");
        const auto results = readResultsFile(path.toStdString());
        QCOMPARE(results.benchmarks[0].name, std::string("sleep 0.1"));
        QCOMPARE(results.benchmarks[2].name, std::string("sleep 0.1 #2"));
        QCOMPARE(results.notes,
            std::vector<std::string> {
                "2 benchmarks are named 'sleep 0.1'; benchmark 3 is called 'sleep 0.1 #2' here" });
    }

    void anUnknownRunOrderIsRefusedEverywhere()
    {
        // A workbench or journal with another order was once read as interleaved without a word.
        const auto workbench = m_dir.filePath(QStringLiteral("order.json"));
        writeBytes(workbench,
            R"({"schema": "pyrometer.workbench/1", "order": "random", "ignore_failure": false, "benchmarks": []})");
        QVERIFY(errorOf([&] {
            readWorkbenchFile(workbench.toStdString());
        }).endsWith(QStringLiteral("field 'order' is 'random', neither 'interleaved' nor 'sequential'")));
    }

    void journalsAndWorkbenchesToo()
    {
        const auto journal = m_dir.filePath(QStringLiteral("deep.json.journal"));
        writeBytes(journal, std::string(90000, '[') + "\n");
        const auto journalError = errorOf([&] { readJournal(journal.toStdString()); });
        QVERIFY2(journalError.contains(QStringLiteral("not a Pyrometer journal")), qPrintable(journalError));
        QVERIFY2(journalError.contains(QStringLiteral("nested deeper than 64 levels")), qPrintable(journalError));
        QVERIFY(errorOf([&] {
            readJournal(m_dir.path().toStdString());
        }).endsWith(QStringLiteral("is a directory, not a file")));

        const auto workbench = m_dir.filePath(QStringLiteral("w.json"));
        writeBytes(workbench,
            R"({"schema": "pyrometer.workbench/1", "order": "interleaved", "ignore_failure": false, "benchmarks": [
                {"name": "a", "script": "a.py", "command": [], "arguments": [], "interpreter": "python3",
                 "runs": 1e12, "warmups": 0, "timeout_s": null, "env": {}, "cwd": "", "hash_seed": "random"}]})");
        const auto error = errorOf([&] { readWorkbenchFile(workbench.toStdString()); });
        QVERIFY2(error.endsWith(QStringLiteral("benchmark 1: field 'runs' is 1e+12, outside 0 … 2147483647")),
            qPrintable(error));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestHostileFiles)
#include "tst_hostile_files.moc"
