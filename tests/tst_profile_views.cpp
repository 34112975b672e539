#include "core/formats/csv_export.h"
#include "core/probe/flame_graph.h"
#include "core/probe/pstats_export.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace pyrometer;

namespace {
/// A profile small enough to lay out by hand:
///   <module> (cumulative 10 s) calls a (6 s of a's time) and b (3 s);
///   a (cumulative 8 s in all) calls c (4 s of c's time); b calls a too (2 s of a's time);
///   r calls itself (recursion); nobody calls r, so it is a second root (1 s).
Profile handMadeProfile()
{
    Profile p;
    p.functions = {
        { "/src/app.py", 1, "<module>", 1, 1, 1.0, 10.0 }, // 0
        { "/src/app.py", 10, "a", 2, 2, 4.0, 8.0 }, // 1
        { "/src/app.py", 20, "b", 1, 1, 1.0, 3.0 }, // 2
        { "~", 0, "<built-in method builtins.sorted>", 2, 2, 4.0, 4.0 }, // 3 = c
        { "/src/rec.py", 5, "r", 5, 1, 1.0, 1.0 }, // 4
    };
    p.edges = {
        { 0, 1, 1, 1, 3.0, 6.0 },
        { 0, 2, 1, 1, 1.0, 3.0 },
        { 1, 3, 2, 2, 4.0, 4.0 },
        { 2, 1, 1, 1, 1.0, 2.0 },
        { 4, 4, 4, 0, 0.8, 0.8 },
    };
    return p;
}

const FlameBox* box(const FlameGraph& g, std::size_t function, int depth)
{
    for (const auto& b : g.boxes) {
        if (b.function == function && b.depth == depth)
            return &b;
    }
    return nullptr;
}
} // namespace

class TestProfileViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flameGraphFromCallEdges()
    {
        // Widths worked out by hand from the edges (see handMadeProfile): under <module>, a is 6 s wide and its
        // child c gets 4 s × 6/8 = 3 s; b is 3 s wide, its a 2 s, and that a's c 4 s × 2/8 = 1 s.
        const auto g = flameGraph(handMadeProfile());
        QCOMPARE(g.totalSeconds, 11.0);
        QCOMPARE(g.depth, 4);
        QCOMPARE(g.boxes.size(), std::size_t { 7 });
        const auto* module = box(g, 0, 0);
        QVERIFY(module);
        QCOMPARE(module->startSeconds, 0.0);
        QCOMPARE(module->seconds, 10.0);
        const auto* a = box(g, 1, 1);
        QVERIFY(a);
        QCOMPARE(a->startSeconds, 0.0);
        QCOMPARE(a->seconds, 6.0);
        QCOMPARE(box(g, 3, 2)->seconds, 3.0);
        const auto* b = box(g, 2, 1);
        QCOMPARE(b->startSeconds, 6.0);
        QCOMPARE(b->seconds, 3.0);
        QCOMPARE(box(g, 1, 2)->startSeconds, 6.0);
        QCOMPARE(box(g, 1, 2)->seconds, 2.0);
        QCOMPARE(box(g, 3, 3)->seconds, 1.0);
        // The recursive r is a root of 1 s after <module>, and is not entered again.
        const auto* r = box(g, 4, 0);
        QCOMPARE(r->startSeconds, 10.0);
        QCOMPARE(r->seconds, 1.0);
        QVERIFY(!box(g, 4, 1));
    }

    void zoomingMakesAFunctionTheWholeWidth()
    {
        const auto g = flameGraph(handMadeProfile(), 1);
        QCOMPARE(g.totalSeconds, 8.0);
        QCOMPARE(g.boxes.size(), std::size_t { 2 });
        QCOMPARE(box(g, 1, 0)->seconds, 8.0);
        QCOMPARE(box(g, 3, 1)->seconds, 4.0);
    }

    void narrowBoxesAreLeftOut()
    {
        // 1 s of 11 s is 9%: at a 10% floor, the 1 s boxes go.
        const auto g = flameGraph(handMadeProfile(), std::nullopt, 0.1);
        QVERIFY(!box(g, 4, 0));
        QVERIFY(!box(g, 3, 3));
        QVERIFY(box(g, 1, 2));
    }

    void pstatsOpensInPython()
    {
        // Python's own pstats module reads the file back: the numbers are the reference.
        auto profile = handMadeProfile();
        profile.functions[2].name = "grüße, \"quoted\"";
        profile.functions[3].calls = 5'000'000'000; // beyond a 32-bit integer
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("profile.pstats"));
        std::ofstream(path.toStdString(), std::ios::binary) << pstatsBytes(profile);
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import pstats, sys\n"
                               "s = pstats.Stats(sys.argv[1])\n"
                               "print(s.total_calls, s.prim_calls, round(s.total_tt, 6))\n"
                               "cc, nc, tt, ct, callers = s.stats[('/src/app.py', 10, 'a')]\n"
                               "print(cc, nc, tt, ct, sorted(callers.items()))\n"
                               "print(s.stats[('/src/app.py', 20, 'grüße, \"quoted\"')][:4])\n"),
                path });
        QVERIFY(python.waitForFinished(30000));
        const auto out = QString::fromUtf8(python.readAllStandardOutput());
        QVERIFY2(python.exitCode() == 0, qPrintable(QString::fromUtf8(python.readAllStandardError())));
        const auto lines = out.split(QLatin1Char('\n'));
        // Calls 1 + 2 + 1 + 5e9 + 5; primitive 1 + 2 + 1 + 2 + 1; own time 1 + 4 + 1 + 4 + 1.
        QCOMPARE(lines.value(0), QStringLiteral("5000000009 7 11.0"));
        QCOMPARE(lines.value(1),
            QStringLiteral("2 2 4.0 8.0 [(('/src/app.py', 1, '<module>'), (1, 1, 3.0, 6.0)), "
                           "(('/src/app.py', 20, 'grüße, \"quoted\"'), (1, 1, 1.0, 2.0))]"));
        QCOMPARE(lines.value(2), QStringLiteral("(1, 1, 1.0, 3.0)"));
    }

    void hotspotsCsvIsSortedAndEscaped()
    {
        auto profile = handMadeProfile();
        profile.functions[2].name = "=HYPERLINK(\"x\"), b";
        const auto csv = hotspotsCsv(profile);
        const auto lines = QString::fromStdString(csv).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.value(0), QStringLiteral("function,file,line,calls,primitive_calls,own_s,cumulative_s"));
        // Own time 4 s twice (a first: more cumulative time), then 1 s three times.
        QVERIFY(lines.value(1).startsWith(QStringLiteral("a,/src/app.py,10,2,2,4,8")));
        QVERIFY(lines.value(2).startsWith(QStringLiteral("<built-in method builtins.sorted>,~,0,2,2,4,4")));
        QVERIFY(csv.find("\"'=HYPERLINK(\"\"x\"\"), b\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestProfileViews)
#include "tst_profile_views.moc"
