#include "core/measure/spawn_helper.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <sched.h>
#include <span>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace pyrometer::spawn_helper {
namespace {
int helperSocket = -1;
constexpr std::size_t maxMessage = 1 << 20;

std::int64_t monotonicNs()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Messages: a request is NUL-separated strings — argc, argv…, envc, env…, cwd, CPUs ("0,2,3" or ""), niceness
// (a number or "") — with the two output descriptors attached; the helper answers with Started, then Ended, each a
// plain struct.
void appendWords(std::string& message, const std::vector<std::string>& words)
{
    message += std::to_string(words.size());
    message += '\0';
    for (const auto& word : words) {
        message += word;
        message += '\0';
    }
}

bool sendAll(int fd, const void* data, std::size_t size)
{
    while (::send(fd, data, size, MSG_NOSIGNAL) < 0) {
        if (errno != EINTR)
            return false;
    }
    return true;
}

bool receiveStruct(int fd, void* data, std::size_t size)
{
    for (;;) {
        const ssize_t got = ::recv(fd, data, size, 0);
        if (got == static_cast<ssize_t>(size))
            return true;
        if (got < 0 && errno == EINTR)
            continue;
        return false;
    }
}

/// This process's children now, from /proc/self/task/TID/children, or by scanning /proc where the kernel lacks
/// that file.
std::vector<pid_t> children()
{
    std::vector<pid_t> pids;
    const std::string own = "/proc/self/task/" + std::to_string(::getpid()) + "/children";
    if (const int fd = ::open(own.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        std::string text;
        char buffer[4096];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
            text.append(buffer, static_cast<std::size_t>(n));
        ::close(fd);
        for (const char* p = text.c_str(); *p;) {
            char* end = nullptr;
            const long pid = std::strtol(p, &end, 10);
            if (end == p)
                break;
            pids.push_back(static_cast<pid_t>(pid));
            p = end;
        }
        return pids;
    }
    const int proc = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (DIR* dir = proc >= 0 ? ::fdopendir(proc) : nullptr) {
        const pid_t self = ::getpid();
        while (const dirent* entry = ::readdir(dir)) {
            if (entry->d_name[0] < '1' || entry->d_name[0] > '9')
                continue;
            char stat[512] = {};
            const int fd = ::openat(proc, (std::string(entry->d_name) + "/stat").c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            const ssize_t n = ::read(fd, stat, sizeof stat - 1);
            ::close(fd);
            // "pid (comm) state ppid …": comm may hold anything, so read after its last ')'.
            const char* close = n > 0 ? std::strrchr(stat, ')') : nullptr;
            char state = 0;
            int parent = 0;
            if (close && std::sscanf(close + 1, " %c %d", &state, &parent) == 2 && parent == self)
                pids.push_back(static_cast<pid_t>(std::atoi(entry->d_name)));
        }
        ::closedir(dir);
    }
    return pids;
}

/// Kills every descendant and reaps it. The helper is a child subreaper, so a process whose parent dies, a
/// daemon that called setsid() and forked again included, becomes the helper's child: killing the children
/// until none is left ends the whole tree, however it was built.
void killDescendants()
{
    for (;;) {
        const auto pids = children();
        if (pids.empty()) {
            // A zombie not yet listed, or none: reap what there is without waiting.
            while (::waitpid(-1, nullptr, WNOHANG) > 0) { }
            if (children().empty())
                return;
            continue;
        }
        for (const pid_t pid : pids) {
            ::kill(-pid, SIGKILL); // its group, when it leads one
            ::kill(pid, SIGKILL);
        }
        for (const pid_t pid : pids) {
            while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) { }
        }
    }
}

/// Pyrometer has gone (its end of the socket closed, also when it was killed with SIGKILL): nothing it started
/// may outlive it.
[[noreturn]] void endWithPyrometer()
{
    killDescendants();
    ::_exit(0);
}
} // namespace

int spawnPlaced(pid_t* pid, const char* path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* attributes, char* const argv[], char* const envp[], const Placement& placement,
    std::int64_t* startNs, int* placementError)
{
    *placementError = 0;
    if (!placement.any()) {
        *startNs = monotonicNs();
        return ::posix_spawn(pid, path, actions, attributes, argv, envp);
    }
    int error = 0;
    std::thread spawner([&] {
        if (!placement.cpus.empty()) {
            cpu_set_t set;
            CPU_ZERO(&set);
            for (const int cpu : placement.cpus) {
                if (cpu >= 0 && cpu < CPU_SETSIZE)
                    CPU_SET(cpu, &set);
            }
            if (::sched_setaffinity(0, sizeof set, &set) != 0) {
                *placementError = errno;
                return;
            }
        }
        // PRIO_PROCESS with the thread's id sets the niceness of this thread alone (Linux's own semantics).
        if (placement.nice
            && ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), *placement.nice) != 0) {
            *placementError = errno;
            return;
        }
        *startNs = monotonicNs();
        error = ::posix_spawn(pid, path, actions, attributes, argv, envp);
    });
    spawner.join();
    return error;
}

void serve(int fd)
{
    {
        // Ctrl-C reaches the whole foreground group, the helper included: Pyrometer decides what to stop.
        ::signal(SIGINT, SIG_IGN);
        ::signal(SIGHUP, SIG_IGN);
        ::signal(SIGQUIT, SIG_IGN);
        // Orphans of the runs become the helper's children, so that it can end them (see killDescendants).
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
        // Left uninitialised: only the pages a request uses are touched, and the helper stays small.
        const std::unique_ptr<char[]> storage(new char[maxMessage]);
        const std::span<char> buffer(storage.get(), maxMessage);
        for (;;) {
            char control[CMSG_SPACE(3 * sizeof(int))] = {};
            iovec io { buffer.data(), buffer.size() };
            msghdr message {};
            message.msg_iov = &io;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            const ssize_t got = ::recvmsg(fd, &message, MSG_CMSG_CLOEXEC);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                endWithPyrometer();
            // stdout, stderr, and the probe channel when the run has one.
            int fds[3] = { -1, -1, -1 };
            if (auto* header = CMSG_FIRSTHDR(&message); header && header->cmsg_type == SCM_RIGHTS) {
                const std::size_t count = std::min<std::size_t>(3, (header->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                std::memcpy(fds, CMSG_DATA(header), count * sizeof(int));
            }

            // Parse argc, argv, envc, env, cwd.
            std::vector<char*> words;
            for (char* p = buffer.data(); p < buffer.data() + got; p += std::strlen(p) + 1)
                words.push_back(p);
            std::size_t at = 0;
            const auto argc = static_cast<std::size_t>(std::atol(words[at++]));
            std::vector<char*> argv(words.begin() + static_cast<std::ptrdiff_t>(at),
                words.begin() + static_cast<std::ptrdiff_t>(at + argc));
            argv.push_back(nullptr);
            at += argc;
            const auto envc = static_cast<std::size_t>(std::atol(words[at++]));
            std::vector<char*> envp(words.begin() + static_cast<std::ptrdiff_t>(at),
                words.begin() + static_cast<std::ptrdiff_t>(at + envc));
            envp.push_back(nullptr);
            at += envc;
            const char* cwd = at < words.size() ? words[at++] : "";
            Placement placement;
            if (at < words.size()) {
                const char* p = words[at++];
                while (*p) {
                    char* end = nullptr;
                    const long cpu = std::strtol(p, &end, 10);
                    if (end == p)
                        break;
                    placement.cpus.push_back(static_cast<int>(cpu));
                    p = *end == ',' ? end + 1 : end;
                }
            }
            if (at < words.size() && *words[at])
                placement.nice = std::atoi(words[at]);

            posix_spawn_file_actions_t actions;
            posix_spawnattr_t attributes;
            posix_spawn_file_actions_init(&actions);
            posix_spawnattr_init(&attributes);
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
            posix_spawn_file_actions_adddup2(&actions, fds[0], STDOUT_FILENO);
            posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
            if (fds[2] >= 0)
                posix_spawn_file_actions_adddup2(&actions, fds[2], probeDescriptor);
            posix_spawn_file_actions_addclosefrom_np(&actions, fds[2] >= 0 ? probeDescriptor + 1 : STDERR_FILENO + 1);
            if (*cwd)
                posix_spawn_file_actions_addchdir_np(&actions, cwd);
            sigset_t defaults, empty;
            sigfillset(&defaults);
            sigdelset(&defaults, SIGKILL);
            sigdelset(&defaults, SIGSTOP);
            sigemptyset(&empty);
            posix_spawnattr_setflags(
                &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
            posix_spawnattr_setpgroup(&attributes, 0);
            posix_spawnattr_setsigdefault(&attributes, &defaults);
            posix_spawnattr_setsigmask(&attributes, &empty);

            Started started;
            started.error = spawnPlaced(&started.pid, argv[0], &actions, &attributes, argv.data(), envp.data(),
                placement, &started.startNs, &started.placementError);
            posix_spawn_file_actions_destroy(&actions);
            posix_spawnattr_destroy(&attributes);
            for (const int descriptor : fds) {
                if (descriptor >= 0)
                    ::close(descriptor);
            }
            if (!sendAll(fd, &started, sizeof started))
                endWithPyrometer();
            if (started.error != 0 || started.placementError != 0)
                continue;

            Ended ended;
            const int exitFd = static_cast<int>(::syscall(SYS_pidfd_open, started.pid, 0));
            if (exitFd >= 0) {
                // Also watch the socket: Pyrometer sends nothing during a run, so any event there means it is gone.
                pollfd watched[2] = { { exitFd, POLLIN, 0 }, { fd, POLLIN, 0 } };
                while (::poll(watched, 2, -1) < 0 && errno == EINTR) { }
                if (watched[1].revents != 0 && watched[0].revents == 0) {
                    ::kill(-started.pid, SIGKILL);
                    endWithPyrometer();
                }
                ended.endNs = monotonicNs();
                ::close(exitFd);
            } else {
                // Without pidfd the exit is seen when reaped; the group is killed after.
                while (::waitid(P_PID, static_cast<id_t>(started.pid), nullptr, WEXITED | WNOWAIT) < 0
                    && errno == EINTR) { }
                ended.endNs = monotonicNs();
            }
            // The leader is a zombie until reaped, so its group id still names this run's group.
            ::kill(-started.pid, SIGKILL);
            while (::wait4(started.pid, &ended.status, 0, &ended.usage) < 0 && errno == EINTR) { }
            // What the run left outside its group (daemons that called setsid()) ends with it.
            killDescendants();
            if (!sendAll(fd, &ended, sizeof ended))
                endWithPyrometer();
        }
    }
}

namespace {
std::string notFound; ///< the helper program looked for and not found

/// The folder of the running executable, with its trailing slash ("" when /proc cannot say).
std::string ownFolder()
{
    char self[4096] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return {};
    const std::string path(self, static_cast<std::size_t>(length));
    return path.substr(0, path.rfind('/') + 1);
}
} // namespace

const std::string& missingProgram()
{
    return notFound;
}

std::string missingProblem()
{
    if (notFound.empty())
        return {};
    return "the spawn helper is missing (looked for " + notFound
        + "): measured without it, every run's peak RSS would hold Pyrometer's own size; install Pyrometer whole";
}

bool start(const std::string& helperProgram)
{
    if (helperSocket >= 0)
        return true;
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
        return false;
    std::string program = helperProgram.empty() ? companionProgram("pyrometer-spawn-helper") : helperProgram;
    if (!program.empty() && ::access(program.c_str(), X_OK) == 0) {
        // The helper program gets its end of the socket as descriptor 3.
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pair[1], 3);
        std::string fdArgument = "3";
        char* argv[] = { program.data(), fdArgument.data(), nullptr };
        pid_t helper = -1;
        const int error = ::posix_spawn(&helper, program.c_str(), &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pair[1]);
        if (error != 0) {
            ::close(pair[0]);
            return false;
        }
        helperSocket = pair[0];
        return true;
    }
    // No helper program: a forked copy of this process serves instead; its peak RSS is what this process had
    // at the fork, so call start() early.
    notFound = helperProgram.empty() ? companionPlaces("pyrometer-spawn-helper") : helperProgram;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(pair[0]);
        ::close(pair[1]);
        return false;
    }
    if (pid == 0) {
        ::close(pair[0]);
        serve(pair[1]);
    }
    ::close(pair[1]);
    helperSocket = pair[0];
    return true;
}

bool running()
{
    return helperSocket >= 0;
}

int socket()
{
    return helperSocket;
}

Started begin(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
    const std::string& workingDirectory, int out, int err, int probe, const Placement& placement)
{
    Started started;
    std::string request;
    appendWords(request, argv);
    appendWords(request, environment);
    request += workingDirectory;
    request += '\0';
    for (std::size_t i = 0; i < placement.cpus.size(); ++i)
        request += (i ? "," : "") + std::to_string(placement.cpus[i]);
    request += '\0';
    if (placement.nice)
        request += std::to_string(*placement.nice);
    request += '\0';
    if (request.size() > maxMessage) {
        started.error = E2BIG;
        return started;
    }
    const int fds[3] = { out, err, probe };
    const std::size_t fdBytes = (probe >= 0 ? 3 : 2) * sizeof(int);
    char control[CMSG_SPACE(sizeof fds)] = {};
    iovec io { request.data(), request.size() };
    msghdr message {};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = CMSG_SPACE(fdBytes);
    auto* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(fdBytes);
    std::memcpy(CMSG_DATA(header), fds, fdBytes);
    while (::sendmsg(helperSocket, &message, MSG_NOSIGNAL) < 0) {
        if (errno != EINTR) {
            started.error = errno;
            return started;
        }
    }
    if (!receiveStruct(helperSocket, &started, sizeof started))
        started.error = EPIPE;
    return started;
}

Ended finish()
{
    Ended ended;
    if (!receiveStruct(helperSocket, &ended, sizeof ended))
        ended.status = -1;
    return ended;
}

} // namespace pyrometer::spawn_helper

namespace pyrometer {
std::string companionProgram(const std::string& name)
{
    const auto folder = spawn_helper::ownFolder();
    if (folder.empty())
        return {};
    for (const auto& candidate : { folder + name, folder + "../libexec/pyrometer/" + name })
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    return {};
}

std::string companionPlaces(const std::string& name)
{
    const auto folder = spawn_helper::ownFolder();
    return folder + name + " or " + folder + "../libexec/pyrometer/" + name;
}
} // namespace pyrometer
