#include "core/measure/spawn_helper.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <span>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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

// Messages: a request is NUL-separated strings — argc, argv…, envc, env…, cwd — with the two output
// descriptors attached; the helper answers with Started, then Ended, each a plain struct.
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

} // namespace

void serve(int fd)
{
    {
        // Ctrl-C reaches the whole foreground group, the helper included: Pyrometer decides what to stop.
        ::signal(SIGINT, SIG_IGN);
        ::signal(SIGHUP, SIG_IGN);
        ::signal(SIGQUIT, SIG_IGN);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
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
                ::_exit(0);
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
            const char* cwd = at < words.size() ? words[at] : "";

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
            started.startNs = monotonicNs();
            started.error = ::posix_spawn(&started.pid, argv[0], &actions, &attributes, argv.data(), envp.data());
            posix_spawn_file_actions_destroy(&actions);
            posix_spawnattr_destroy(&attributes);
            for (const int descriptor : fds) {
                if (descriptor >= 0)
                    ::close(descriptor);
            }
            if (!sendAll(fd, &started, sizeof started))
                ::_exit(0);
            if (started.error != 0)
                continue;

            Ended ended;
            const int exitFd = static_cast<int>(::syscall(SYS_pidfd_open, started.pid, 0));
            if (exitFd >= 0) {
                pollfd exited { exitFd, POLLIN, 0 };
                while (::poll(&exited, 1, -1) < 0 && errno == EINTR) { }
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
            if (!sendAll(fd, &ended, sizeof ended))
                ::_exit(0);
        }
    }
}

bool start(const std::string& helperProgram)
{
    if (helperSocket >= 0)
        return true;
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
        return false;
    std::string program = helperProgram;
    if (program.empty()) {
        char self[4096] = {};
        const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
        if (length > 0) {
            program.assign(self, static_cast<std::size_t>(length));
            program = program.substr(0, program.rfind('/') + 1) + "pyrometer-spawn-helper";
        }
    }
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
    const std::string& workingDirectory, int out, int err, int probe)
{
    Started started;
    std::string request;
    appendWords(request, argv);
    appendWords(request, environment);
    request += workingDirectory;
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
