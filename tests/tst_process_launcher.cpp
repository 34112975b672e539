#include "core/measure/environment_capture.h"
#include "core/measure/prepare.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/model/error.h"
#include "core/model/run_plan.h"

#include <QElapsedTimer>
#include <QTest>
#include <csignal>
#include <fstream>
#include <thread>

using namespace pyrometer;
using namespace std::chrono_literals;

namespace {
const std::string python = "/usr/bin/python3";

std::string fixture(const std::string& name)
{
    return std::string(PYROMETER_FIXTURES) + "/" + name;
}

LaunchRequest script(const std::string& name)
{
    LaunchRequest request;
    request.argv = { python, fixture(name) };
    return request;
}

/// A process is gone once /proc no longer lists it, or lists it as a zombie nobody has reaped yet.
bool processGone(long pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!stat || !std::getline(stat, line))
        return true;
    const auto state = line.substr(line.rfind(')') + 2, 1);
    return state == "Z" || state == "X";
}

long grandchildPid(const std::string& stdoutTail)
{
    const auto at = stdoutTail.find("grandchild ");
    return at == std::string::npos ? -1 : std::stol(stdoutTail.substr(at + 11));
}

std::int64_t ownPeakRssKiB()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoll(line.substr(6));
    }
    return -1;
}
} // namespace

class TestProcessLauncher : public QObject
{
    Q_OBJECT
    ProcessLauncher launcher;

private Q_SLOTS:
    void sleepsFiftyMilliseconds()
    {
        const RunRecord r = launcher.launch(script("sleep_50ms.py"), {});
        QVERIFY2(r.succeeded(), r.outcome().c_str());
        QCOMPARE(r.exitCode, std::optional<int>(0));
        // Sleeping 50 ms plus an interpreter start; the upper bound only guards against a broken clock.
        QVERIFY2(r.wall >= 50ms, std::to_string(r.wall.count()).c_str());
        QVERIFY2(r.wall < 2s, std::to_string(r.wall.count()).c_str());
        // Sleeping costs little CPU: user + sys well below the wall time.
        QVERIFY(r.user + r.sys < r.wall);
        QVERIFY(r.maxRssBytes > 1024 * 1024);
        QVERIFY(r.minorFaults > 0);
        QVERIFY(r.voluntarySwitches > 0);
    }

    void exitCodeAndStderrTail()
    {
        const RunRecord r = launcher.launch(script("exit_3.py"), {});
        QVERIFY(!r.succeeded());
        QCOMPARE(r.exitCode, std::optional<int>(3));
        QVERIFY(!r.signal);
        QVERIFY(r.stderrTail.find("ValueError: the fixture fails on purpose") != std::string::npos);
        QCOMPARE(r.stdoutTail, std::string("working on it\n"));
        QCOMPARE(r.outcome(), std::string("exit code 3"));
    }

    void syntaxErrorFails()
    {
        const RunRecord r = launcher.launch(script("syntax_error.py"), {});
        QCOMPARE(r.exitCode, std::optional<int>(1));
        QVERIFY(r.stderrTail.find("SyntaxError") != std::string::npos);
    }

    void timeoutKillsTheWholeGroup()
    {
        auto request = script("loop_forever.py");
        request.timeout = 1s;
        QElapsedTimer timer;
        timer.start();
        const RunRecord r = launcher.launch(request, {});
        QVERIFY(r.timedOut);
        QVERIFY(!r.succeeded());
        QCOMPARE(r.outcome(), std::string("timed out"));
        // Python dies of the SIGTERM sent at the deadline.
        QCOMPARE(r.signal, std::optional<int>(SIGTERM));
        QVERIFY(r.wall >= 1s);
        QVERIFY2(timer.elapsed() < 3000, std::to_string(timer.elapsed()).c_str());
        const long pid = grandchildPid(r.stdoutTail);
        QVERIFY2(pid > 0, r.stdoutTail.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 2000);
    }

    void sigtermIgnoredMeansSigkillAfterGrace()
    {
        LaunchRequest request;
        request.argv = { python, "-c",
            "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
            "print('ready', flush=True)\nwhile True: time.sleep(0.01)" };
        request.timeout = 300ms;
        request.killGrace = 200ms;
        const RunRecord r = launcher.launch(request, {});
        QVERIFY(r.timedOut);
        QCOMPARE(r.signal, std::optional<int>(SIGKILL));
        QVERIFY(r.wall >= 500ms);
        QVERIFY(r.wall < 3s);
    }

    void cancellingEndsTheRunAtOnce()
    {
        std::stop_source stop;
        std::jthread canceller([&] {
            std::this_thread::sleep_for(400ms);
            stop.request_stop();
        });
        QElapsedTimer timer;
        timer.start();
        const RunRecord r = launcher.launch(script("loop_forever.py"), stop.get_token());
        const auto took = timer.elapsed();
        QVERIFY(r.cancelled);
        QCOMPARE(r.signal, std::optional<int>(SIGKILL));
        QVERIFY2(took < 1400, std::to_string(took).c_str());
        const long pid = grandchildPid(r.stdoutTail);
        if (pid > 0)
            QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 2000);
    }

    void floodOfOutputStaysBounded()
    {
        const auto before = ownPeakRssKiB();
        const RunRecord r = launcher.launch(script("print_100mb.py"), {});
        const auto after = ownPeakRssKiB();
        QVERIFY2(r.succeeded(), r.outcome().c_str());
        QCOMPARE(r.stdoutBytes, std::uint64_t(100) * 1024 * 1024);
        QVERIFY(r.stdoutTail.size() <= 64 * 1024);
        QVERIFY(r.stdoutTail.find("the end of 100 MiB") != std::string::npos);
        // Draining 100 MiB must not grow Pyrometer: a few buffers of 64 KiB at most.
        QVERIFY2(after - before < 8 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(after - before)));
    }

    void peakMemoryIsTheRunsOwn()
    {
        // Pyrometer holding 64 MiB must not show in the peak RSS of a tiny program: /usr/bin/time -v reports
        // 992 KiB for /bin/true here, and so must Pyrometer, give or take the kernel's rounding.
        std::vector<char> ballast(64 * 1024 * 1024, 1);
        LaunchRequest request;
        request.argv = { "/bin/true" };
        const RunRecord r = launcher.launch(request, {});
        QVERIFY2(r.succeeded(), r.outcome().c_str());
        QVERIFY2(r.maxRssBytes < 2 * 1024 * 1024, std::to_string(r.maxRssBytes).c_str());
        QVERIFY(ballast.back() == 1);
    }

    void peakMemoryOfTwoHundredMegabytes()
    {
        const RunRecord r = launcher.launch(script("allocate_200mb.py"), {});
        QVERIFY2(r.succeeded(), r.outcome().c_str());
        QVERIFY2(r.maxRssBytes >= 200LL * 1024 * 1024, std::to_string(r.maxRssBytes).c_str());
        QVERIFY(r.maxRssBytes < 300LL * 1024 * 1024);
    }

    void argumentsEnvironmentAndWorkingDirectory()
    {
        LaunchRequest request;
        request.argv = { python, fixture("path with spaces/grüße ünïcode.py"), "one arg", "zwei" };
        request.environment["PYROMETER_FIXTURE"] = "set by the test";
        request.workingDirectory = std::string(PYROMETER_FIXTURES) + "/path with spaces";
        const RunRecord r = launcher.launch(request, {});
        QVERIFY2(r.succeeded(), r.stderrTail.c_str());
        QVERIFY(r.stdoutTail.find("argv: ['one arg', 'zwei']") != std::string::npos);
        QVERIFY(
            r.stdoutTail.find("cwd: " + std::string(PYROMETER_FIXTURES) + "/path with spaces\n") != std::string::npos);
        QVERIFY(r.stdoutTail.find("env: set by the test") != std::string::npos);
    }

    void stdinIsEmptyAndNoDescriptorLeaks()
    {
        LaunchRequest request;
        request.argv = {
            python, "-c",
            "import os, sys\nprint(repr(sys.stdin.read()))\nprint(sorted(int(f) for f in os.listdir('/proc/self/fd')))"
        };
        const RunRecord r = launcher.launch(request, {});
        QVERIFY2(r.succeeded(), r.stderrTail.c_str());
        // Descriptor 3 is the one listdir itself opened.
        QCOMPARE(r.stdoutTail, std::string("''\n[0, 1, 2, 3]\n"));
    }

    void aMissingProgramIsALaunchError()
    {
        LaunchRequest request;
        request.argv = { "/nonexistent/python3" };
        const RunRecord r = launcher.launch(request, {});
        QVERIFY(!r.launchError.empty());
        QVERIFY(!r.succeeded());
        QVERIFY(r.outcome().find("could not start") == 0);
    }

    void interpreterIsResolvedToTheRealExecutable()
    {
        const auto info = resolveInterpreter("python3");
        QVERIFY(info.path.front() == '/');
        QVERIFY(!info.version.empty());
        QCOMPARE(info.requested, std::string("python3"));
        QVERIFY(info.implementation == "CPython" || info.implementation == "PyPy");
        // What it reported is itself runnable.
        QCOMPARE(resolveInterpreter(info.path).path, info.path);
    }

    void badInterpretersAreNamed()
    {
        try {
            resolveInterpreter("no-such-python-here");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(std::string(e.what()), std::string("interpreter not found: no-such-python-here"));
        }
        try {
            resolveInterpreter("/bin/false");
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY(std::string(e.what()).rfind("interpreter not runnable: /bin/false", 0) == 0);
        }
    }

    void everyBrokenBenchmarkIsNamed()
    {
        RunPlan plan;
        BenchmarkRequest good;
        good.script = fixture("sleep_50ms.py");
        BenchmarkRequest missing = good;
        missing.script = fixture("gone.py");
        BenchmarkRequest badCwd = good;
        badCwd.settings.workingDirectory = "/no/such/dir";
        plan.benchmarks = { good, missing, badCwd };
        try {
            prepare(plan);
            QFAIL("no error");
        } catch (const PlanError& e) {
            QCOMPARE(e.problems().size(), std::size_t(2));
            QCOMPARE(e.problems()[0].benchmark, std::size_t(1));
            QCOMPARE(e.problems()[0].message, "script not found: " + fixture("gone.py"));
            QCOMPARE(e.problems()[1].benchmark, std::size_t(2));
            QCOMPARE(e.problems()[1].message, std::string("working directory not found: /no/such/dir"));
            QCOMPARE(std::string(e.what()), e.problems()[0].message);
        }
    }

    void environmentIsRecorded()
    {
        const auto env = captureEnvironment();
        QVERIFY(!env.hostname.empty());
        QVERIFY(!env.kernel.empty());
        QVERIFY(env.logicalCores >= 1);
        QCOMPARE(env.date.size(), std::size_t(20)); // 2026-11-21T05:40:34Z
        QCOMPARE(env.date.back(), 'Z');
        // This test lives in Pyrometer's own repository when it is a git checkout.
        const auto git = gitInfoFor(PYROMETER_FIXTURES);
        if (git)
            QCOMPARE(git->commit.size(), std::size_t(40));
    }
};

// The runs go through the spawn helper, as in the application: it must be forked before Qt starts threads.
int main(int argc, char** argv)
{
    const bool helper = pyrometer::spawn_helper::start(PYROMETER_SPAWN_HELPER);
    QCoreApplication app(argc, argv);
    if (!helper)
        qFatal("the spawn helper did not start");
    TestProcessLauncher test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_process_launcher.moc"
