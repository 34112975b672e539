// The garbage-collection traces of Go, Java and Node.js, read from what those runtimes really wrote (the
// fixtures in tests/fixtures/runtimes, with the versions and commands in its README) and from hostile text.

#include "core/probe/runtime_traces.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace pyrometer;

namespace {
std::string fixture(const char* name)
{
    QFile file(QStringLiteral(PYROMETER_FIXTURES "/runtimes/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no fixture %s", name);
    return file.readAll().toStdString();
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

constexpr std::int64_t MiB = 1024 * 1024;
} // namespace

class TestRuntimeTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // examples/alloc/alloc.go under Go 1.19: 16 collections on stderr, after the program's own "100000 …" on
    // stdout (not here). The first: "gc 1 @0.008s 5%: 0.013+1.2+0.002 ms clock, …, 3->3->2 MB, 4 MB goal, …".
    void goTrace()
    {
        auto stderrText = fixture("go-1.19-gctrace.txt");
        const auto trace = takeGoTrace(stderrText);
        QCOMPARE(trace.runtime, std::string("go"));
        QCOMPARE(trace.events.size(), std::size_t(16));
        QCOMPARE(trace.unrecognised, std::size_t(0));
        QVERIFY(trace.missing.empty());
        QVERIFY2(stderrText.empty(), stderrText.c_str()); // every line was the trace's
        const auto& first = trace.events[0];
        QVERIFY(near(first.tSeconds, 0.008));
        QVERIFY(near(first.pauseSeconds, (0.013 + 0.002) / 1000)); // the two stop-the-world phases
        QVERIFY(near(*first.durationSeconds, (0.013 + 1.2 + 0.002) / 1000));
        QCOMPARE(*first.heapBeforeBytes, 3 * MiB);
        QCOMPARE(*first.heapAfterBytes, 3 * MiB);
        QCOMPARE(*first.liveBytes, 2 * MiB);
        QCOMPARE(*first.heapGoalBytes, 4 * MiB);
        // "gc 7 @0.065s 22%: 0.010+11+6.9 ms clock": a long mark termination.
        QVERIFY(near(trace.events[6].pauseSeconds, (0.010 + 6.9) / 1000));
    }

    // A program that writes to stderr itself and forces collections (runtime.GC()): its lines stay, in order; the
    // runtime's and the program's writes cut two trace lines apart, which are counted and left in stderr rather
    // than guessed at.
    void goTraceBesideTheProgramsOwnLines()
    {
        auto stderrText = fixture("go-1.19-gctrace-forced.txt");
        const auto trace = takeGoTrace(stderrText);
        QCOMPARE(trace.events.size(), std::size_t(3));
        QCOMPARE(trace.events[0].kind, std::string("forced"));
        QCOMPARE(trace.events[2].kind, std::string());
        QCOMPARE(trace.unrecognised, std::size_t(3));
        QVERIFY(stderrText.starts_with("starting: 3 rounds\nround 0 done\ngc 4round 1 done\n"));
        QVERIFY(stderrText.find("gc 1 @") == std::string::npos);
    }

    // Node.js 20 with --trace-gc: 15 lines on stdout (scavenges and two mark-compacts), then the program's own.
    void nodeTrace()
    {
        auto stdoutText = fixture("node-20-trace-gc.txt");
        const auto trace = takeNodeTrace(stdoutText);
        QCOMPARE(trace.events.size(), std::size_t(15));
        QCOMPARE(stdoutText, std::string("100000 49999500000\n"));
        const auto& first = trace.events[0];
        QCOMPARE(first.kind, std::string("Scavenge"));
        QVERIFY(near(first.tSeconds, 0.037));
        QVERIFY(near(first.pauseSeconds, 0.00391));
        QCOMPARE(*first.heapBeforeBytes, std::llround(3.9 * MiB));
        QCOMPARE(*first.heapAfterBytes, std::llround(3.7 * MiB));
        QCOMPARE(*first.heapCommittedBytes, std::llround(5.0 * MiB));
        const auto& full = trace.events[11];
        QCOMPARE(full.kind, std::string("Mark-Compact"));
        QVERIFY(near(full.pauseSeconds, 0.01381));
        QCOMPARE(*full.liveBytes, std::llround(9.5 * MiB));
    }

    // OpenJDK 17, G1 with -Xlog:gc*: the collector, and 4 young pauses among 84 lines of other tags.
    void javaG1()
    {
        const auto trace = parseJavaGcLog(fixture("java-17-gc.log"));
        QCOMPARE(trace.collector, std::string("G1"));
        QCOMPARE(trace.events.size(), std::size_t(4));
        const auto& first = trace.events[0];
        QCOMPARE(first.kind, std::string("Pause Young (Normal) (G1 Evacuation Pause)"));
        QVERIFY(near(first.tSeconds, 0.246)); // its gc,start line
        QVERIFY(near(first.pauseSeconds, 0.023957));
        QCOMPARE(*first.heapBeforeBytes, 19 * MiB);
        QCOMPARE(*first.heapAfterBytes, 10 * MiB);
        QCOMPARE(*first.heapCommittedBytes, 388 * MiB);
    }

    // G1 in 48 MiB: a concurrent mark cycle (no pause of its own) with its remark and cleanup pauses.
    void javaG1ConcurrentCycle()
    {
        const auto trace = parseJavaGcLog(fixture("java-17-g1-48m-gc.log"));
        const auto cycle = std::find_if(trace.events.begin(), trace.events.end(),
            [](const RuntimeGcEvent& e) { return e.kind == "Concurrent Mark Cycle"; });
        QVERIFY(cycle != trace.events.end());
        QCOMPARE(cycle->pauseSeconds, 0.0);
        QVERIFY(near(*cycle->durationSeconds, 0.101));
        QVERIFY(near(cycle->tSeconds, 0.429 - 0.101));
        const auto remark = std::find_if(
            trace.events.begin(), trace.events.end(), [](const RuntimeGcEvent& e) { return e.kind == "Pause Remark"; });
        QVERIFY(remark != trace.events.end());
        QVERIFY(near(remark->pauseSeconds, 0.00061));
        QVERIFY(near(remark->tSeconds, 0.357));
        QCOMPARE(trace.unrecognised, std::size_t(0));
    }

    // ZGC: its summary lines have no pause; the pauses are those of its phases. Allocation stalls stop a thread.
    void javaZgc()
    {
        const auto trace = parseJavaGcLog(fixture("java-17-zgc-64m-gc.log"));
        QCOMPARE(trace.collector, std::string("The Z Garbage Collector"));
        const auto& first = trace.events[0];
        QCOMPARE(first.kind, std::string("Garbage Collection (Warmup)"));
        QVERIFY(near(first.tSeconds, 0.183));
        QVERIFY(near(first.pauseSeconds, (0.009 + 0.012 + 0.007) / 1000));
        QVERIFY(near(*first.durationSeconds, 0.216 - 0.183));
        QCOMPARE(*first.heapBeforeBytes, 12 * MiB);
        QCOMPARE(*first.heapAfterBytes, 32 * MiB);
        QVERIFY(std::any_of(trace.events.begin(), trace.events.end(),
            [](const RuntimeGcEvent& e) { return e.kind == "Allocation Stall (main)" && e.pauseSeconds > 0; }));
    }

    void javaSerialWithoutStartLines()
    {
        const auto trace = parseJavaGcLog(fixture("java-17-serial-64m-gc.log"));
        QCOMPARE(trace.collector, std::string("Serial"));
        QVERIFY(trace.events.size() >= 4);
        // "[0.175s] GC(0) Pause Young (Allocation Failure) 17M->7M(61M) 20.458ms": began its pause before.
        QVERIFY(near(trace.events[0].tSeconds, 0.175 - 0.020458));
    }

    // Nothing that looks like a trace: no events, the reason, the text untouched. Lines that look like it and do
    // not parse: counted, kept, and the reason says the format is not recognised. Hostile text never crashes.
    void unrecognisedAndHostileText()
    {
        std::string plain = "hello\nworld\n";
        const auto none = takeGoTrace(plain);
        QVERIFY(none.events.empty());
        QCOMPARE(plain, std::string("hello\nworld\n"));
        QVERIFY2(none.missing.find("has no collection") != std::string::npos, none.missing.c_str());

        std::string future = "gc 1 @0.008s 5%: 0.013+1.2+0.002+0.5 ms clock, 1 ms cpu, 3->3 MB\n";
        const auto changed = takeGoTrace(future);
        QCOMPARE(changed.unrecognised, std::size_t(1));
        QVERIFY2(changed.missing.find("format is not recognised") != std::string::npos, changed.missing.c_str());
        QVERIFY(future.starts_with("gc 1 @"));

        for (const std::string& hostile : { std::string("gc 1 @nan s 5%: inf+1+1 ms clock, x ms cpu, -3->3->2 MB"),
                 std::string("gc ") + std::string(100'000, '9'), std::string("[1:2]   1e308 ms: Scavenge"),
                 std::string("[0.1s][info][gc] GC(99999999999999999999) Pause Young 1Q->2M(3M) 1ms"),
                 std::string("[0.1s][info][gc] GC(1) Pause Young 18446744073709551615G->2M(3M) 1ms"),
                 std::string("[0.1s][info][gc] GC(1) Pause Young 999999999999G->2M(3M) 1ms"),
                 std::string("gc 1 @0.1s 1%: 1+1+1 ms clock, 1 ms cpu, 999999999999->1->1 MB, 1 MB goal, 2 P"),
                 std::string("[0.1s][info][gc,phases] GC(1) Pause"), std::string("\0\n\n[", 4) }) {
            auto a = hostile, b = hostile;
            const auto go = takeGoTrace(a);
            const auto node = takeNodeTrace(b);
            const auto java = parseJavaGcLog(hostile);
            for (const auto* trace : { &go, &node, &java }) {
                for (const auto& e : trace->events)
                    QVERIFY(std::isfinite(e.pauseSeconds) && e.pauseSeconds >= 0 && e.heapBeforeBytes.value_or(0) >= 0);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRuntimeTraces)
#include "tst_runtime_traces.moc"
