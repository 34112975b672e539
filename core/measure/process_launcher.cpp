#include "core/measure/process_launcher.h"

#include "core/measure/machine_checks.h"

#include "core/measure/executable_lookup.h"
#include "core/measure/output_tail.h"
#include "core/measure/resource_sampler.h"
#include "core/measure/spawn_helper.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

namespace pyrometer {
namespace {

using Clock = std::chrono::steady_clock;

/// Owns one file descriptor.
class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd)
    {
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

std::string errnoText(int error)
{
    return std::strerror(error);
}

std::chrono::nanoseconds toNanoseconds(const timeval& tv)
{
    return std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
}

std::vector<std::string> mergedEnvironment(const std::map<std::string, std::string>& overrides)
{
    std::vector<std::string> merged;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view item(*entry);
        const auto name = item.substr(0, item.find('='));
        if (!overrides.contains(std::string(name)))
            merged.emplace_back(item);
    }
    for (const auto& [name, value] : overrides)
        merged.push_back(name + '=' + value);
    return merged;
}

std::vector<char*> pointers(std::vector<std::string>& strings)
{
    std::vector<char*> result;
    result.reserve(strings.size() + 1);
    for (auto& s : strings)
        result.push_back(s.data());
    result.push_back(nullptr);
    return result;
}

/// Hands what is available to `take` without blocking; returns false once the write end is closed.
template <typename Take> bool drain(int fd, Take&& take)
{
    std::array<char, 64 * 1024> buffer;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got > 0) {
            take(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
            continue;
        }
        if (got == 0)
            return false;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

auto appendTo(OutputTail& tail)
{
    return [&tail](std::string_view data) { tail.append(data); };
}

/// Keeps a probe's report, up to maxProbeReportBytes, and whether more came.
struct ProbeReportSink
{
    RunRecord& record;
    void operator()(std::string_view data) const
    {
        const auto room = maxProbeReportBytes - std::min(maxProbeReportBytes, record.probeReport.size());
        record.probeReport.append(data.substr(0, room));
        record.probeReportCut = record.probeReportCut || data.size() > room;
    }
};

/// The parts of a spawn that must be undone whatever happens.
struct SpawnAttributes
{
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    SpawnAttributes()
    {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attributes);
    }
    ~SpawnAttributes()
    {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

int prepareSpawn(SpawnAttributes& spawn, const LaunchRequest& request, int outWrite, int errWrite, int probeWrite)
{
    auto& actions = spawn.actions;
    int rc = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_adddup2(&actions, outWrite, STDOUT_FILENO);
    if (rc == 0)
        rc = posix_spawn_file_actions_adddup2(&actions, errWrite, STDERR_FILENO);
    if (rc == 0 && probeWrite >= 0)
        rc = posix_spawn_file_actions_adddup2(&actions, probeWrite, spawn_helper::probeDescriptor);
    if (rc == 0) {
        rc = posix_spawn_file_actions_addclosefrom_np(
            &actions, probeWrite >= 0 ? spawn_helper::probeDescriptor + 1 : STDERR_FILENO + 1);
    }
    if (rc == 0 && !request.workingDirectory.empty())
        rc = posix_spawn_file_actions_addchdir_np(&actions, request.workingDirectory.c_str());
    if (rc != 0)
        return rc;

    // The child starts with default dispositions and an empty mask whatever the caller blocked or ignored.
    sigset_t defaults;
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    sigset_t empty;
    sigemptyset(&empty);
    auto& attributes = spawn.attributes;
    rc = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (rc == 0)
        rc = posix_spawnattr_setpgroup(&attributes, 0);
    if (rc == 0)
        rc = posix_spawnattr_setsigdefault(&attributes, &defaults);
    if (rc == 0)
        rc = posix_spawnattr_setsigmask(&attributes, &empty);
    return rc;
}

/// "cannot run on CPUs 0-1 at niceness 5: Invalid argument".
std::string placementFailure(const spawn_helper::Placement& placement, int error)
{
    std::string where;
    if (!placement.cpus.empty())
        where += " on CPUs " + formatCpuList(placement.cpus);
    if (placement.nice)
        where += " at niceness " + std::to_string(*placement.nice);
    return "cannot run" + where + ": " + errnoText(error);
}
} // namespace

RunRecord ProcessLauncher::launch(const LaunchRequest& request, std::stop_token stop)
{
    RunRecord record;
    if (request.argv.empty()) {
        record.launchError = "empty command";
        return record;
    }
    if (stop.stop_requested()) {
        record.cancelled = true;
        return record;
    }

    int outPipe[2];
    int errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0) {
        record.launchError = "pipe: " + errnoText(errno);
        return record;
    }
    Fd outRead(outPipe[0]), outWrite(outPipe[1]);
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        record.launchError = "pipe: " + errnoText(errno);
        return record;
    }
    Fd errRead(errPipe[0]), errWrite(errPipe[1]);
    ::fcntl(outRead.get(), F_SETFL, O_NONBLOCK);
    ::fcntl(errRead.get(), F_SETFL, O_NONBLOCK);
    Fd probeRead, probeWrite;
    if (request.probeChannel) {
        int probePipe[2];
        if (::pipe2(probePipe, O_CLOEXEC) != 0) {
            record.launchError = "pipe: " + errnoText(errno);
            return record;
        }
        probeRead.reset(probePipe[0]);
        probeWrite.reset(probePipe[1]);
        ::fcntl(probeRead.get(), F_SETFL, O_NONBLOCK);
    }

    // Cancellation wakes the poll loop below through an eventfd, so that a stop takes effect at once.
    Fd wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    std::stop_callback onStop(stop, [fd = wake.get()] {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(fd, &one, sizeof one);
    });

    auto environment = mergedEnvironment(request.environment);
    pid_t pid = -1;
    Clock::time_point start;
    Fd pidFd;
    const bool viaHelper = spawn_helper::running();
    // The helper runs one process at a time.
    static std::mutex helperInUse;
    std::unique_lock<std::mutex> helperLock;
    if (viaHelper) {
        helperLock = std::unique_lock(helperInUse);
        const auto started = spawn_helper::begin(request.argv, environment, request.workingDirectory, outWrite.get(),
            errWrite.get(), probeWrite.get(), request.placement);
        if (started.placementError != 0) {
            record.launchError = placementFailure(request.placement, started.placementError);
            return record;
        }
        if (started.error != 0) {
            record.launchError = request.argv[0] + ": " + errnoText(started.error);
            return record;
        }
        pid = started.pid;
        start = Clock::time_point(std::chrono::nanoseconds(started.startNs));
    } else {
        SpawnAttributes spawn;
        if (const int rc = prepareSpawn(spawn, request, outWrite.get(), errWrite.get(), probeWrite.get()); rc != 0) {
            record.launchError = "posix_spawn setup: " + errnoText(rc);
            return record;
        }
        auto argv = request.argv;
        auto argvPointers = pointers(argv);
        auto environmentPointers = pointers(environment);
        std::int64_t startNs = 0;
        int placementError = 0;
        const int spawnError = spawn_helper::spawnPlaced(&pid, argvPointers[0], &spawn.actions, &spawn.attributes,
            argvPointers.data(), environmentPointers.data(), request.placement, &startNs, &placementError);
        start = Clock::time_point(std::chrono::nanoseconds(startNs));
        if (placementError != 0) {
            record.launchError = placementFailure(request.placement, placementError);
            return record;
        }
        if (spawnError != 0) {
            record.launchError = request.argv[0] + ": " + errnoText(spawnError);
            return record;
        }
        pidFd.reset(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
        if (pidFd.get() < 0) {
            record.launchError = "pidfd_open: " + errnoText(errno);
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            return record;
        }
    }
    outWrite.reset();
    errWrite.reset();
    probeWrite.reset();
    std::optional<ResourceSampler> sampler;
    if (request.sampleHz > 0)
        sampler.emplace(pid, start, request.sampleHz, request.heapCountersFile);

    OutputTail out(request.tailBytes);
    OutputTail err(request.tailBytes);
    std::optional<Clock::time_point> deadline;
    if (request.timeout)
        deadline = start + *request.timeout;
    std::optional<Clock::time_point> killAt;
    Clock::time_point end;

    // The exit shows on the pidfd, or on the helper's socket when it has reaped the run.
    enum Slot { OutSlot, ErrSlot, ExitSlot, WakeSlot, ProbeSlot };
    std::array<pollfd, 5> fds {
        pollfd { outRead.get(), POLLIN, 0 },
        pollfd { errRead.get(), POLLIN, 0 },
        pollfd { viaHelper ? spawn_helper::socket() : pidFd.get(), POLLIN, 0 },
        pollfd { wake.get(), POLLIN, 0 },
        pollfd { probeRead.get(), POLLIN, 0 },
    };
    for (;;) {
        int waitMs = -1;
        const auto now = Clock::now();
        for (const auto& due : { deadline, killAt }) {
            if (!due)
                continue;
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(*due - now).count();
            const int ms = static_cast<int>(std::max<long long>(0, left));
            waitMs = waitMs < 0 ? ms : std::min(waitMs, ms);
        }
        const int ready = ::poll(fds.data(), fds.size(), waitMs);
        if (ready < 0 && errno != EINTR) {
            record.launchError = "poll: " + errnoText(errno);
            ::kill(-pid, SIGKILL);
            end = Clock::now();
            break;
        }
        if (fds[OutSlot].revents && !drain(fds[OutSlot].fd, appendTo(out)))
            fds[OutSlot].fd = -1;
        if (fds[ErrSlot].revents && !drain(fds[ErrSlot].fd, appendTo(err)))
            fds[ErrSlot].fd = -1;
        if (fds[ProbeSlot].revents && !drain(fds[ProbeSlot].fd, ProbeReportSink { record }))
            fds[ProbeSlot].fd = -1;
        if (fds[ExitSlot].revents) {
            end = Clock::now();
            break;
        }
        if (fds[WakeSlot].revents) {
            ::kill(-pid, SIGKILL);
            record.cancelled = true;
            fds[WakeSlot].fd = -1;
        }
        const auto later = Clock::now();
        if (deadline && later >= *deadline) {
            ::kill(-pid, SIGTERM);
            record.timedOut = true;
            deadline.reset();
            killAt = later + request.killGrace;
        } else if (killAt && later >= *killAt) {
            ::kill(-pid, SIGKILL);
            killAt.reset();
        }
    }

    if (sampler)
        record.timeline = sampler->stop();
    int status = 0;
    rusage usage {};
    if (viaHelper) {
        const auto ended = spawn_helper::finish();
        status = ended.status;
        usage = ended.usage;
        end = Clock::time_point(std::chrono::nanoseconds(ended.endNs));
    } else {
        // The leader is a zombie until reaped, so its group id still names this run's group: nothing the
        // script started outlives the run.
        ::kill(-pid, SIGKILL);
        while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    }
    if (fds[OutSlot].fd >= 0)
        drain(fds[OutSlot].fd, appendTo(out));
    if (fds[ErrSlot].fd >= 0)
        drain(fds[ErrSlot].fd, appendTo(err));
    if (fds[ProbeSlot].fd >= 0)
        drain(fds[ProbeSlot].fd, ProbeReportSink { record });

    record.wall = std::chrono::duration_cast<std::chrono::nanoseconds>(end - start);
    record.spawnedAtNs = std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count();
    record.user = toNanoseconds(usage.ru_utime);
    record.sys = toNanoseconds(usage.ru_stime);
    record.maxRssBytes = static_cast<std::int64_t>(usage.ru_maxrss) * 1024; // Linux reports KiB
    record.minorFaults = usage.ru_minflt;
    record.majorFaults = usage.ru_majflt;
    record.voluntarySwitches = usage.ru_nvcsw;
    record.involuntarySwitches = usage.ru_nivcsw;
    record.blockInputs = usage.ru_inblock;
    record.blockOutputs = usage.ru_oublock;
    if (WIFEXITED(status))
        record.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        record.signal = WTERMSIG(status);
    record.stdoutBytes = out.totalBytes();
    record.stderrBytes = err.totalBytes();
    record.stdoutTail = out.text();
    record.stderrTail = err.text();
    return record;
}

CaptureResult capture(
    const std::vector<std::string>& argv, const std::string& workingDirectory, std::chrono::nanoseconds timeout)
{
    LaunchRequest request;
    request.argv = argv;
    if (!argv.empty()) {
        if (auto path = findExecutable(argv[0]))
            request.argv[0] = *path;
    }
    request.workingDirectory = workingDirectory;
    request.timeout = timeout;
    ProcessLauncher launcher;
    const RunRecord run = launcher.launch(request, {});
    CaptureResult result;
    result.started = run.launchError.empty();
    result.exitCode = run.exitCode.value_or(-1);
    result.out = run.stdoutTail;
    result.err = run.stderrTail;
    if (!result.started)
        result.error = run.launchError;
    else if (!run.exitCode || *run.exitCode != 0)
        result.error = run.outcome();
    return result;
}

} // namespace pyrometer
