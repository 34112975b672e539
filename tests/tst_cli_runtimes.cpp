// The collectors of other runtimes, traced from outside in a run of their own: examples/alloc built and run with
// Go, Java, Node.js and C++ (installed by the README's test command), a static program the heap shim cannot
// reach, and a runtime whose trace is not what Pyrometer reads.
#include "tests/cli_support.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pyrometer::test;

namespace {
const QString alloc = QStringLiteral(PYROMETER_SOURCE_DIR "/examples/alloc/");

/// Runs a program to build something; fails the test with its output when it fails.
bool build(const QString& program, const QStringList& arguments, const QString& folder)
{
    QProcess process;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GOCACHE"), folder + QStringLiteral("/go-cache"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s failed: %s%s", qPrintable(program), process.readAllStandardOutput().constData(),
            process.readAllStandardError().constData());
        return false;
    }
    return true;
}

/// `pyrometer run --gc -n 2` of `command`, with `options` too; the benchmark's JSON.
QJsonObject tracedRun(const QStringList& command, const QString& folder, const QStringList& options = {})
{
    const QString json = folder + QStringLiteral("/r.json");
    const auto r
        = runPyrometer(QStringList { QStringLiteral("run"), QStringLiteral("--no-progress"), QStringLiteral("--gc"),
                           QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--export-json"), json }
            + options + QStringList { QStringLiteral("--command"), QStringLiteral("--") } + command);
    if (r.exitCode != 0)
        qWarning("pyrometer run failed: %s%s", qPrintable(r.out), qPrintable(r.err));
    const auto benchmarks = readJson(json)[QStringLiteral("benchmarks")].toArray();
    return benchmarks.isEmpty() ? QJsonObject() : benchmarks.first().toObject();
}

QJsonObject traceOf(const QJsonObject& benchmark)
{
    return benchmark[QStringLiteral("probe")][QStringLiteral("runtime_gc")].toObject();
}

/// Every collection begins within the run, pauses for less than 10 s, and finds no more live heap than the heap
/// it ended with (Go's live heap can exceed the heap it began with: the program allocates during the marking).
void checkEvents(const QJsonObject& trace, int least)
{
    const auto events = trace[QStringLiteral("events")].toArray();
    QVERIFY2(events.size() >= least, qPrintable(QString::number(events.size())));
    for (const auto& value : events) {
        const auto e = value.toObject();
        QVERIFY(e[QStringLiteral("t_s")].toDouble() >= 0 && e[QStringLiteral("t_s")].toDouble() < 60);
        QVERIFY(e[QStringLiteral("pause_s")].toDouble() >= 0 && e[QStringLiteral("pause_s")].toDouble() < 10);
        if (e[QStringLiteral("live_bytes")].isDouble() && e[QStringLiteral("heap_after_bytes")].isDouble())
            QVERIFY(e[QStringLiteral("live_bytes")].toDouble() <= e[QStringLiteral("heap_after_bytes")].toDouble());
    }
}

/// The timed runs ran the command untouched: nothing on stderr (the trace would be), the program's own output.
void checkTimedRunsUntouched(const QJsonObject& benchmark)
{
    for (const auto& run : benchmark[QStringLiteral("runs")].toArray())
        QCOMPARE(run[QStringLiteral("stderr_bytes")].toInt(), 0);
}
} // namespace

class TestCliRuntimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void go()
    {
        QTemporaryDir dir;
        QVERIFY(build(QStringLiteral("go"),
            { QStringLiteral("build"), QStringLiteral("-o"), dir.filePath(QStringLiteral("alloc-go")),
                alloc + QStringLiteral("alloc.go") },
            dir.path()));
        const auto benchmark = tracedRun({ dir.filePath(QStringLiteral("alloc-go")) }, dir.path());
        const auto trace = traceOf(benchmark);
        QCOMPARE(trace[QStringLiteral("runtime")].toString(), QStringLiteral("go"));
        QCOMPARE(trace[QStringLiteral("method")].toString(), QStringLiteral("GODEBUG=gctrace=1"));
        checkEvents(trace, 5);
        QVERIFY(trace[QStringLiteral("events")].toArray()[0][QStringLiteral("heap_goal_bytes")].toDouble() > 0);
        checkTimedRunsUntouched(benchmark);
        // The traced run's stderr held the trace, which was taken out of what the run keeps.
        const auto traced = benchmark[QStringLiteral("probe")][QStringLiteral("runs")].toArray()[0].toObject();
        QVERIFY(traced[QStringLiteral("stderr_bytes")].toInt() > 0);
        QVERIFY(!traced[QStringLiteral("stderr_tail")].toString().contains(QStringLiteral("gc 1 @")));
    }

    void java()
    {
        QTemporaryDir dir;
        QVERIFY(build(QStringLiteral("javac"),
            { QStringLiteral("-d"), dir.path(), alloc + QStringLiteral("Alloc.java") }, dir.path()));
        const auto benchmark = tracedRun({ QStringLiteral("java"), QStringLiteral("-Xmx64m"), QStringLiteral("-cp"),
                                             dir.path(), QStringLiteral("Alloc") },
            dir.path());
        const auto trace = traceOf(benchmark);
        QCOMPARE(trace[QStringLiteral("runtime")].toString(), QStringLiteral("java"));
        QCOMPARE(trace[QStringLiteral("collector")].toString(), QStringLiteral("G1"));
        checkEvents(trace, 3);
        checkTimedRunsUntouched(benchmark);
        // The log went to a folder of Pyrometer's own, removed after the run.
        QVERIFY(!QDir(dir.path()).entryList().contains(QStringLiteral("gc.log")));

        // A wrapper that starts the JVM is not recognised as Java; declared, it is traced (JAVA_TOOL_OPTIONS).
        const auto wrapper = dir.filePath(QStringLiteral("run-alloc"));
        write(wrapper, ("#!/bin/sh\nexec java -Xmx64m -cp '" + dir.path().toStdString() + "' Alloc\n").c_str());
        QFile(wrapper).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
        QVERIFY(traceOf(tracedRun({ wrapper }, dir.path()))[QStringLiteral("events")].toArray().isEmpty());
        const auto declared
            = tracedRun({ wrapper }, dir.path(), { QStringLiteral("--runtime"), QStringLiteral("java") });
        QCOMPARE(traceOf(declared)[QStringLiteral("runtime")].toString(), QStringLiteral("java"));
        checkEvents(traceOf(declared), 3);
        checkTimedRunsUntouched(declared);
        QCOMPARE(declared[QStringLiteral("settings")][QStringLiteral("runtime")].toString(), QStringLiteral("java"));
    }

    // Node.js refuses --trace-gc in NODE_OPTIONS: a wrapper declared Node.js is measured and says why it is not
    // traced. A runtime Pyrometer does not know is refused before any run.
    void declaredRuntimesThatCannotBeTraced()
    {
        QTemporaryDir dir;
        const auto wrapper = dir.filePath(QStringLiteral("run-node"));
        write(wrapper, "#!/bin/sh\nexec node -e 'console.log(1)'\n");
        QFile(wrapper).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
        const auto benchmark
            = tracedRun({ wrapper }, dir.path(), { QStringLiteral("--runtime"), QStringLiteral("node") });
        QVERIFY2(benchmark[QStringLiteral("probe")][QStringLiteral("missing")].toString().contains(
                     QStringLiteral("refuses it in NODE_OPTIONS")),
            qPrintable(benchmark[QStringLiteral("probe")][QStringLiteral("missing")].toString()));
        QCOMPARE(benchmark[QStringLiteral("summary")][QStringLiteral("n")].toInt(), 2);
        const auto r = runPyrometer({ QStringLiteral("run"), QStringLiteral("--gc"), QStringLiteral("--runtime"),
            QStringLiteral("cobol"), QStringLiteral("--command"), QStringLiteral("--"), wrapper });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("pyrometer run: --runtime takes go, java, node or native, not 'cobol'\n"));
    }

    void node()
    {
        QTemporaryDir dir;
        const auto benchmark = tracedRun({ QStringLiteral("node"), alloc + QStringLiteral("alloc.js") }, dir.path());
        const auto trace = traceOf(benchmark);
        QCOMPARE(trace[QStringLiteral("runtime")].toString(), QStringLiteral("node"));
        checkEvents(trace, 5);
        // The program's own output is kept, the trace taken out of it.
        const auto traced = benchmark[QStringLiteral("probe")][QStringLiteral("runs")].toArray()[0].toObject();
        QVERIFY(traced[QStringLiteral("stdout_bytes")].toInt() > 1000);
    }

    // examples/alloc/alloc.cpp: no collector; the heap shim counts its live heap at the sampler's rate. The
    // workload allocates 1,000,000 records of 48 bytes (an int64, a double and a std::string whose short text
    // needs no block of its own), each a block of 56 usable bytes, and keeps 100,000: at least 5.3 MiB live.
    void nativeHeapCounted()
    {
        QTemporaryDir dir;
        QVERIFY(build(QStringLiteral("c++"),
            { QStringLiteral("-O2"), QStringLiteral("-std=c++20"), QStringLiteral("-o"),
                dir.filePath(QStringLiteral("alloc-cpp")), alloc + QStringLiteral("alloc.cpp") },
            dir.path()));
        const auto benchmark = tracedRun({ dir.filePath(QStringLiteral("alloc-cpp")) }, dir.path());
        const auto trace = traceOf(benchmark);
        QCOMPARE(trace[QStringLiteral("runtime")].toString(), QStringLiteral("native"));
        QVERIFY(trace[QStringLiteral("missing")].isNull());
        const auto traced = benchmark[QStringLiteral("probe")][QStringLiteral("runs")].toArray()[0].toObject();
        const auto timeline = traced[QStringLiteral("timeline")].toObject();
        const auto heap = timeline[QStringLiteral("heap")].toObject();
        QVERIFY2(heap[QStringLiteral("allocations")].toDouble() >= 1'000'000,
            qPrintable(QString::number(heap[QStringLiteral("allocations")].toDouble())));
        QVERIFY(heap[QStringLiteral("peak_live_bytes")].toDouble() >= 100'000 * 56);
        QVERIFY(heap[QStringLiteral("frees")].toDouble() >= 900'000);
        QCOMPARE(
            timeline[QStringLiteral("heap_bytes")].toArray().size(), timeline[QStringLiteral("t_s")].toArray().size());
        checkTimedRunsUntouched(benchmark);
        for (const auto& run : benchmark[QStringLiteral("runs")].toArray())
            QVERIFY(!run[QStringLiteral("timeline")].toObject().contains(QStringLiteral("heap")));
    }

    // The five languages of examples/alloc (six programs: Node.js too) from its workbench file, built by its
    // build.sh, run from another folder: the workbench's relative paths are its own folder's. Each has its live
    // heap (the heap shim for Python, Rust and C++; the collector's trace for Go, Java and Node.js), RSS − heap,
    // and, where there is a collector, its collections, in the JSON's summary.memory.
    void theAllocExamplesFromTheirWorkbench()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("alloc"));
        QVERIFY(QDir().mkpath(copy));
        for (const auto& name : QDir(alloc).entryList(QDir::Files))
            QVERIFY(QFile::copy(alloc + name, copy + QLatin1Char('/') + name));
        QVERIFY(build(QStringLiteral("sh"), { copy + QStringLiteral("/build.sh") }, copy));
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const auto r
            = runPyrometer({ QStringLiteral("run"), QStringLiteral("--no-progress"), QStringLiteral("--workbench"),
                               copy + QStringLiteral("/alloc.workbench.json"), QStringLiteral("--export-json"), json },
                dir.path(), 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto benchmarks = readJson(json)[QStringLiteral("benchmarks")].toArray();
        QCOMPARE(benchmarks.size(), 6);
        const QStringList collected { QStringLiteral("Python"), QStringLiteral("Go"), QStringLiteral("Java"),
            QStringLiteral("Node.js") };
        for (const auto& value : benchmarks) {
            const auto benchmark = value.toObject();
            const auto name = benchmark[QStringLiteral("name")].toString();
            const auto memory = benchmark[QStringLiteral("summary")][QStringLiteral("memory")].toObject();
            QVERIFY2(memory[QStringLiteral("heap_method")].isString(), qPrintable(name));
            // 100,000 records are kept to the end, at least 16 bytes each in any runtime.
            QVERIFY2(memory[QStringLiteral("peak_live_bytes")].toDouble() >= 1.6e6, qPrintable(name));
            QVERIFY2(memory[QStringLiteral("peak_live_bytes")].toDouble() < 1e9, qPrintable(name));
            const double share = memory[QStringLiteral("overhead_share_mean")].toDouble(-2);
            QVERIFY2(share > -1 && share < 1, qPrintable(name + QLatin1Char(' ') + QString::number(share)));
            QVERIFY2(memory[QStringLiteral("allocated_bytes_per_s")].toDouble() > 0, qPrintable(name));
            QCOMPARE(memory[QStringLiteral("collections")].toInt() > 0, collected.contains(name));
            QVERIFY2(!benchmark[QStringLiteral("runs")].toArray().isEmpty(), qPrintable(name));
            // Every run printed "100000 49999500000\n" and nothing else, the same in every language.
            for (const auto& run : benchmark[QStringLiteral("runs")].toArray())
                QVERIFY2(run[QStringLiteral("stdout_bytes")].toInt() == 19, qPrintable(name));
        }
    }

    // A workbench brings its own settings: options that would change them are refused, as are a missing file and
    // one that is not a workbench. One line, exit 2.
    void aWorkbenchWithBadInput()
    {
        QTemporaryDir dir;
        const auto workbench = alloc + QStringLiteral("alloc.workbench.json");
        for (const auto& words :
            { QStringList { QStringLiteral("--workbench"), workbench, QStringLiteral("--runs"), QStringLiteral("3") },
                QStringList { QStringLiteral("--workbench"), dir.filePath(QStringLiteral("none.json")) },
                QStringList { QStringLiteral("--workbench"),
                    QStringLiteral(PYROMETER_FIXTURES "/results_three_benchmarks.json") } }) {
            const auto r = runPyrometer(QStringList { QStringLiteral("run") } + words, dir.path());
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        }
    }

    // No collector, or none Pyrometer traces: said why, and the benchmark measured as ever.
    void untracedRuntimesSayWhy()
    {
        QTemporaryDir dir;
        auto benchmark = tracedRun({ QStringLiteral(PYROMETER_STATIC_PROGRAM) }, dir.path());
        QVERIFY2(traceOf(benchmark)[QStringLiteral("missing")].toString().startsWith(
                     QStringLiteral("the heap shim did not load: a statically linked program")),
            qPrintable(traceOf(benchmark)[QStringLiteral("missing")].toString()));
        QCOMPARE(benchmark[QStringLiteral("summary")][QStringLiteral("n")].toInt(), 2);
        benchmark = tracedRun({ QStringLiteral("go"), QStringLiteral("version") }, dir.path());
        QVERIFY(benchmark[QStringLiteral("probe")][QStringLiteral("missing")].toString().startsWith(
            QStringLiteral("`go run` is not traced")));
    }

    // A "node" whose --trace-gc lines are not V8's: the run is measured, the trace marked not recognised, and the
    // program's lines stay in its output.
    void anUnrecognisedTraceIsMarkedMissing()
    {
        QTemporaryDir dir;
        const auto node = dir.filePath(QStringLiteral("node"));
        write(node,
            "#!/bin/sh\necho '[1:0x1]  12 ms: Scavenge happened, sizes unknown'\necho '[1:0x1]  13 ms: Scavenge "
            "1 (2) -> x'\necho 'the program'\n");
        QFile(node).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
        const auto benchmark = tracedRun({ node, QStringLiteral("script.js") }, dir.path());
        const auto trace = traceOf(benchmark);
        QCOMPARE(trace[QStringLiteral("events")].toArray().size(), 0);
        QCOMPARE(trace[QStringLiteral("unrecognised_lines")].toInt(), 2);
        QVERIFY2(trace[QStringLiteral("missing")].toString().contains(QStringLiteral("format is not recognised")),
            qPrintable(trace[QStringLiteral("missing")].toString()));
        QCOMPARE(benchmark[QStringLiteral("summary")][QStringLiteral("n")].toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRuntimes)
#include "tst_cli_runtimes.moc"
