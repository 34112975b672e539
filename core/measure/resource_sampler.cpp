#include "core/measure/resource_sampler.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace pyrometer {

TimelineBuilder::TimelineBuilder(double intervalSeconds, std::size_t capacity)
    : m_capacity(std::max<std::size_t>(2, capacity & ~std::size_t { 1 }))
    , m_interval(intervalSeconds)
{
    m_samples.reserve(std::min<std::size_t>(m_capacity, 1024));
}

ResourceSample TimelineBuilder::merged(const ResourceSample& a, const ResourceSample& b, double weightB)
{
    ResourceSample m = a;
    m.rssBytes = std::max(a.rssBytes, b.rssBytes);
    m.threads = std::max(a.threads, b.threads);
    m.heapBytes = std::max(a.heapBytes, b.heapBytes);
    m.cpuPercent = static_cast<float>(a.cpuPercent * (1 - weightB) + b.cpuPercent * weightB);
    return m;
}

void TimelineBuilder::add(const ResourceSample& sample)
{
    if (m_pendingCount == 0)
        m_pending = sample;
    else
        m_pending = merged(m_pending, sample, 1.0 / static_cast<double>(m_pendingCount + 1));
    if (++m_pendingCount < m_stride)
        return;
    m_samples.push_back(m_pending);
    m_pendingCount = 0;
    if (m_samples.size() < m_capacity)
        return;
    for (std::size_t i = 0; i < m_samples.size() / 2; ++i)
        m_samples[i] = merged(m_samples[2 * i], m_samples[2 * i + 1], 0.5);
    m_samples.resize(m_samples.size() / 2);
    m_stride *= 2;
}

Timeline TimelineBuilder::finish() const
{
    Timeline timeline;
    timeline.samples = m_samples;
    if (m_pendingCount > 0)
        timeline.samples.push_back(m_pending);
    timeline.intervalSeconds = m_interval * static_cast<double>(m_stride);
    return timeline;
}

bool parseProcStat(const char* text, std::size_t size, ProcStat& stat)
{
    // The command name (field 2) is in parentheses and may hold anything, parentheses and spaces included: the
    // fields that follow start after the last ')'.
    const std::string_view view(text, size);
    const auto close = view.rfind(')');
    if (close == std::string_view::npos || close + 2 >= view.size())
        return false;
    std::string rest(view.substr(close + 2));
    // Field 3 is the state, 9 the flags, 20 num_threads, 23 vsize and 24 rss (proc(5)).
    constexpr unsigned long pfExiting = 0x4; // PF_EXITING: the process is on its way out
    unsigned long flags = 0;
    long long vsize = -1;
    std::size_t field = 3;
    char* cursor = rest.data();
    while (field <= 24) {
        while (*cursor == ' ')
            ++cursor;
        if (!*cursor)
            return false;
        char* end = cursor;
        while (*end && *end != ' ')
            ++end;
        if (field == 3)
            stat.state = *cursor;
        else if (field == 9)
            flags = std::strtoul(cursor, nullptr, 10);
        else if (field == 23)
            vsize = std::strtoll(cursor, nullptr, 10);
        else if (field == 20)
            stat.threads = static_cast<std::int32_t>(std::strtol(cursor, nullptr, 10));
        else if (field == 24)
            stat.rssPages = std::strtoll(cursor, nullptr, 10);
        cursor = end;
        ++field;
    }
    // While exiting, the kernel tears the memory down before the process becomes a zombie: such a reading
    // shows RSS falling to 0 rather than what the program used.
    stat.exiting = (flags & pfExiting) != 0 || vsize == 0;
    return true;
}

ResourceSampler::ResourceSampler(
    pid_t pid, std::chrono::steady_clock::time_point spawned, int hz, const std::string& heapFile)
    : m_spawned(spawned)
    , m_period(std::chrono::nanoseconds(1'000'000'000 / std::clamp(hz, 1, maxSampleHz)))
    , m_builder(1.0 / std::clamp(hz, 1, maxSampleHz))
    , m_lastTime(spawned)
{
    if (!heapFile.empty()) {
        if (const int fd = ::open(heapFile.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
            void* page = ::mmap(nullptr, sizeof(pyrometer_heap_counters), PROT_READ, MAP_SHARED, fd, 0);
            ::close(fd);
            if (page != MAP_FAILED)
                m_heap = static_cast<const pyrometer_heap_counters*>(page);
        }
    }
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    m_statFd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_statFd < 0 || ::clock_getcpuclockid(pid, &m_cpuClock) != 0)
        return;
    m_thread = std::thread([this] { loop(); });
}

ResourceSampler::~ResourceSampler()
{
    stop();
    if (m_statFd >= 0)
        ::close(m_statFd);
    if (m_heap)
        ::munmap(const_cast<pyrometer_heap_counters*>(m_heap), sizeof(pyrometer_heap_counters));
}

std::shared_ptr<const Timeline> ResourceSampler::stop()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    auto timeline = std::make_shared<Timeline>(m_builder.finish());
    timeline->samplerCpu = m_samplerCpu;
    if (m_heap && __atomic_load_n(&m_heap->magic, __ATOMIC_ACQUIRE) == PYROMETER_HEAP_MAGIC) {
        const auto read = [](const std::int64_t& counter) { return __atomic_load_n(&counter, __ATOMIC_RELAXED); };
        timeline->heap = HeapTotals { read(m_heap->allocations), read(m_heap->frees), read(m_heap->allocated_bytes),
            read(m_heap->peak_live_bytes), std::max<std::int64_t>(0, read(m_heap->live_bytes)) };
    }
    return timeline;
}

bool ResourceSampler::sample(std::chrono::steady_clock::time_point now)
{
    // The CPU clock first: when the stat read after it still succeeds, the clock was this process's.
    timespec cpu {};
    if (::clock_gettime(m_cpuClock, &cpu) != 0)
        return false;
    char text[1024];
    const ssize_t got = ::pread(m_statFd, text, sizeof text - 1, 0);
    if (got <= 0)
        return false;
    text[got] = '\0';
    ProcStat stat;
    if (!parseProcStat(text, static_cast<std::size_t>(got), stat) || stat.state == 'Z' || stat.state == 'X'
        || stat.exiting)
        return false;
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    const auto cpuTime = std::chrono::seconds(cpu.tv_sec) + std::chrono::nanoseconds(cpu.tv_nsec);
    const auto elapsed = now - m_lastTime;
    ResourceSample s;
    s.tSeconds = std::chrono::duration<float>(now - m_spawned).count();
    s.rssBytes = stat.rssPages * pageSize;
    s.threads = stat.threads;
    if (m_heap && __atomic_load_n(&m_heap->magic, __ATOMIC_ACQUIRE) == PYROMETER_HEAP_MAGIC)
        s.heapBytes = std::max<std::int64_t>(0, __atomic_load_n(&m_heap->live_bytes, __ATOMIC_RELAXED));
    if (elapsed.count() > 0)
        s.cpuPercent = static_cast<float>(100.0 * static_cast<double>((cpuTime - m_lastCpu).count())
            / static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()));
    m_lastCpu = cpuTime;
    m_lastTime = now;
    m_builder.add(s);
    return true;
}

void ResourceSampler::loop()
{
    auto next = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const auto now = std::chrono::steady_clock::now();
        if (!sample(now))
            break;
        next += m_period;
        // Behind schedule (the machine was busy): skip the readings missed rather than take them in a burst.
        if (next <= now)
            next = now + m_period;
        m_wake.wait_until(lock, next, [this] { return m_stopping; });
    }
    timespec own {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &own);
    m_samplerCpu = std::chrono::seconds(own.tv_sec) + std::chrono::nanoseconds(own.tv_nsec);
}

} // namespace pyrometer
