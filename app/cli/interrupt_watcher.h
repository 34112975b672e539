#pragma once

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <poll.h>
#include <pthread.h>
#include <stop_token>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <thread>
#include <unistd.h>

namespace pyrometer::cli {

/// Turns SIGINT, SIGTERM and SIGHUP into a stop request, so that the running process group is killed and
/// what was measured is still written. The signals are blocked and read from a signalfd by a thread of its
/// own, which an eventfd wakes at once when the run is over.
class InterruptWatcher
{
public:
    explicit InterruptWatcher(std::stop_source stop)
    {
        sigemptyset(&m_signals);
        for (int s : { SIGINT, SIGTERM, SIGHUP })
            sigaddset(&m_signals, s);
        pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
        m_signalFd = ::signalfd(-1, &m_signals, SFD_CLOEXEC);
        m_doneFd = ::eventfd(0, EFD_CLOEXEC);
        m_thread = std::thread([this, stop]() mutable {
            std::array<pollfd, 2> fds { pollfd { m_signalFd, POLLIN, 0 }, pollfd { m_doneFd, POLLIN, 0 } };
            while (::poll(fds.data(), fds.size(), -1) >= 0 || errno == EINTR) {
                if (fds[1].revents)
                    return;
                signalfd_siginfo info {};
                if (fds[0].revents && ::read(m_signalFd, &info, sizeof info) == sizeof info) {
                    m_received = static_cast<int>(info.ssi_signo);
                    stop.request_stop();
                }
            }
        });
    }
    ~InterruptWatcher()
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(m_doneFd, &one, sizeof one);
        m_thread.join();
        ::close(m_signalFd);
        ::close(m_doneFd);
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;
    int received() const { return m_received; }

private:
    sigset_t m_signals {};
    sigset_t m_previous {};
    int m_signalFd = -1;
    int m_doneFd = -1;
    std::atomic<int> m_received { 0 };
    std::thread m_thread;
};

} // namespace pyrometer::cli
