#include "core/measure/machine_checks.h"

#include "core/model/units.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <sched.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace pyrometer {
namespace {
namespace fs = std::filesystem;

MachineCheck named(std::string key, std::string title)
{
    MachineCheck check;
    check.key = std::move(key);
    check.title = std::move(title);
    return check;
}

constexpr const char* stopTheBusy = "stop what is busy (top -o %CPU shows it), or wait until it ends";

/// `check` rated by `value`: good below `notice`, notice below `bad`, else bad; when not good, with why and fix.
MachineCheck rated(MachineCheck check, double value, double notice, double bad, const char* why, const char* fix)
{
    if (value < notice)
        return check;
    check.rating = value < bad ? Rating::Notice : Rating::Bad;
    check.why = why;
    check.fix = fix;
    return check;
}

/// "/proc/meminfo"-style "Key:   value kB" lines, values in kB.
std::map<std::string, std::uint64_t> meminfo(const fs::path& root)
{
    std::map<std::string, std::uint64_t> values;
    std::ifstream in(root / "proc/meminfo");
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        values[line.substr(0, colon)] = std::strtoull(line.c_str() + colon + 1, nullptr, 10);
    }
    return values;
}

/// "avg10" and "avg60" of the "some" line of a pressure file (PSI), in percent.
std::optional<std::pair<double, double>> pressure(const fs::path& file)
{
    const auto line = readFirstLine(file);
    double avg10 = 0, avg60 = 0;
    if (!line || std::sscanf(line->c_str(), "some avg10=%lf avg60=%lf", &avg10, &avg60) != 2)
        return std::nullopt;
    return std::pair { avg10, avg60 };
}

MachineCheck governor(const fs::path& root, const std::vector<int>& cpus)
{
    auto check = named("governor", "CPU frequency governor");
    std::map<std::string, int> governors;
    for (const int cpu : cpus) {
        if (const auto value
            = readFirstLine(root / ("sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/cpufreq/scaling_governor")))
            ++governors[*value];
    }
    if (governors.empty()) {
        check.observed = "not exposed: no frequency scaling driver (usual in a virtual machine, where the host sets "
                         "the clock)";
        return check;
    }
    for (const auto& [name, count] : governors)
        check.observed += (check.observed.empty() ? "" : ", ") + name + " on " + std::to_string(count) + " of "
            + std::to_string(cpus.size()) + " CPUs";
    if (governors.size() == 1 && governors.begin()->first == "performance")
        return check;
    check.rating = Rating::Notice;
    check.why = "the clock follows the load: the first runs after a pause are slower, and a run's speed depends on "
                "what else runs";
    check.fix = "sudo cpupower frequency-set --governor performance";
    return check;
}

MachineCheck boost(const fs::path& root)
{
    auto check = named("boost", "Turbo boost");
    bool on = false;
    if (const auto noTurbo = readFirstLine(root / "sys/devices/system/cpu/intel_pstate/no_turbo")) {
        on = *noTurbo == "0";
        check.fix = "echo 1 | sudo tee /sys/devices/system/cpu/intel_pstate/no_turbo";
    } else if (const auto boost = readFirstLine(root / "sys/devices/system/cpu/cpufreq/boost")) {
        on = *boost == "1";
        check.fix = "echo 0 | sudo tee /sys/devices/system/cpu/cpufreq/boost";
    } else {
        check.observed = "not exposed by this kernel";
        return check;
    }
    check.observed = on ? "on" : "off";
    if (!on) {
        check.fix.clear();
        return check;
    }
    check.rating = Rating::Notice;
    check.why = "the clock rises above its base while the chip is cool and few cores are busy: long runs and busy "
                "moments run slower than short, idle ones";
    return check;
}

MachineCheck smt(const fs::path& root, const std::vector<int>& cpus)
{
    auto check = named("smt", "Simultaneous multithreading");
    const auto active = readFirstLine(root / "sys/devices/system/cpu/smt/active");
    // Siblings of the first online CPU: "0,4" or "0-1" when two hardware threads share its core.
    const auto siblings = cpus.empty()
        ? std::nullopt
        : readFirstLine(
            root / ("sys/devices/system/cpu/cpu" + std::to_string(cpus.front()) + "/topology/thread_siblings_list"));
    const auto shared = siblings ? parseCpuList(*siblings) : std::vector<int> {};
    if ((active && *active == "1") || shared.size() > 1) {
        check.rating = Rating::Notice;
        check.observed = "on";
        if (shared.size() > 1)
            check.observed += ": CPUs " + formatCpuList(shared) + " are threads of one core";
        check.why = "hardware threads of one core share its execution units: a run's speed depends on what its "
                    "sibling runs";
        check.fix = "pin the runs to one thread per core with --cpu, or: echo off | sudo tee "
                    "/sys/devices/system/cpu/smt/control";
        return check;
    }
    check.observed = active ? "off" : "not exposed by this kernel";
    return check;
}

MachineCheck isolation(const fs::path& root)
{
    auto check = named("isolated", "Isolated CPUs");
    const auto isolated = readFirstLine(root / "sys/devices/system/cpu/isolated").value_or("");
    const auto nohz = readFirstLine(root / "sys/devices/system/cpu/nohz_full").value_or("");
    if (!isolated.empty() && isolated != "(null)") {
        check.observed = "CPUs " + isolated + " (isolcpus)";
        if (!nohz.empty() && nohz != "(null)")
            check.observed += ", " + nohz + " without the timer tick (nohz_full)";
        check.fix = "pass --cpu " + isolated + " to run there";
        return check;
    }
    check.rating = Rating::Notice;
    check.observed = "none";
    check.why = "the runs share every CPU with the rest of the system, its interrupts and its timer ticks";
    check.fix = "boot with isolcpus=N nohz_full=N (N: a CPU to give to the runs) and pass --cpu N";
    return check;
}

MachineCheck aslr(const fs::path& root)
{
    auto check = named("aslr", "Address space layout randomisation");
    const auto value = readFirstLine(root / "proc/sys/kernel/randomize_va_space");
    if (!value) {
        check.observed = "not exposed by this kernel";
        return check;
    }
    if (*value == "0") {
        check.rating = Rating::Notice;
        check.observed = "off";
        check.why = "every run has the same memory layout, so the results hold for that one layout; with it on, "
                    "Pyrometer's separate processes average over layouts";
        check.fix = "echo 2 | sudo tee /proc/sys/kernel/randomize_va_space";
        return check;
    }
    check.observed = *value == "2" ? "full: each run gets a fresh layout, and the runs average over layouts"
                                   : "partial (" + *value + ")";
    return check;
}

MachineCheck load(const fs::path& root, std::size_t cpuCount)
{
    auto check = named("load", "Load");
    check.changing = true;
    double one = 0, five = 0;
    const auto line = readFirstLine(root / "proc/loadavg");
    if (!line || std::sscanf(line->c_str(), "%lf %lf", &one, &five) != 2) {
        check.observed = "not readable (no /proc/loadavg)";
        return check;
    }
    // Runnable tasks now, less the one reading (it is running as it reads): the least of five readings 2 ms apart,
    // as one reading catches whatever happened to be awake at that instant.
    long running = -1;
    for (int reading = 0; reading < 5; ++reading) {
        if (reading > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        std::ifstream stat(root / "proc/stat");
        for (std::string word; stat >> word;) {
            if (word == "procs_running") {
                long now = 0;
                stat >> now;
                running = running < 0 ? now : std::min(running, now);
                break;
            }
        }
    }
    const long others = std::max(0L, running - 1);
    const double cpus = static_cast<double>(std::max<std::size_t>(1, cpuCount));
    check.observed = "load average " + formatFixed(one, 2) + " (1 min), " + formatFixed(five, 2) + " (5 min) on "
        + std::to_string(cpuCount) + " CPUs; " + std::to_string(others) + " other task" + (others == 1 ? "" : "s")
        + " runnable now";
    return rated(std::move(check), std::max(one / cpus, static_cast<double>(others) / cpus), 0.25, 0.75,
        "other programs take CPU time from the runs, and their caches: runs get slower and vary more", stopTheBusy);
}

MachineCheck cpuPressure(const fs::path& root)
{
    auto check = named("cpu-pressure", "CPU pressure");
    check.changing = true;
    const auto value = pressure(root / "proc/pressure/cpu");
    if (!value) {
        check.observed = "not exposed (the kernel has no pressure stall information)";
        return check;
    }
    const auto [avg10, avg60] = *value;
    check.observed = "tasks waited for a CPU " + formatFixed(avg10, 1) + "% of the last 10 s, " + formatFixed(avg60, 1)
        + "% of the last minute";
    return rated(std::move(check), std::max(avg10, avg60), 5, 20, "a run that waits for a CPU is timed while it waits",
        stopTheBusy);
}

MachineCheck memory(const fs::path& root)
{
    auto check = named("memory", "Memory pressure");
    check.changing = true;
    const auto info = meminfo(root);
    const auto total = info.contains("MemTotal") ? info.at("MemTotal") : 0;
    const auto available = info.contains("MemAvailable") ? info.at("MemAvailable") : 0;
    const auto stalls = pressure(root / "proc/pressure/memory");
    if (total == 0) {
        check.observed = "not readable (no /proc/meminfo)";
        return check;
    }
    const double freeShare = static_cast<double>(available) / static_cast<double>(total);
    check.observed = formatFixed(static_cast<double>(available) / 1048576.0, 1) + " GiB of "
        + formatFixed(static_cast<double>(total) / 1048576.0, 1) + " GiB available";
    if (stalls)
        check.observed += "; tasks stalled on memory " + formatFixed(stalls->first, 1) + "% of the last 10 s";
    const double stalled = stalls ? std::max(stalls->first, stalls->second) : 0;
    if (freeShare >= 0.10 && stalled < 1)
        return check;
    check.rating = freeShare < 0.05 || stalled >= 10 ? Rating::Bad : Rating::Notice;
    check.why = "with memory short, the kernel reclaims page cache and swaps: runs wait for the disk";
    check.fix = "close memory-hungry programs (top -o %MEM shows them)";
    return check;
}

MachineCheck swap(const fs::path& root)
{
    auto check = named("swap", "Swap");
    check.changing = true;
    const auto info = meminfo(root);
    const auto total = info.contains("SwapTotal") ? info.at("SwapTotal") : 0;
    const auto free = info.contains("SwapFree") ? info.at("SwapFree") : 0;
    if (total == 0) {
        check.observed = "none configured";
        return check;
    }
    const auto used = total > free ? total - free : 0;
    check.observed = formatFixed(static_cast<double>(used) / 1024.0, 0) + " MiB of "
        + formatFixed(static_cast<double>(total) / 1024.0, 0) + " MiB in use";
    if (used < 64 * 1024)
        return check;
    check.rating = Rating::Notice;
    check.why = "pages swapped out are read back from the disk when touched: a run that touches one waits";
    check.fix = "with enough free memory: sudo swapoff -a && sudo swapon -a";
    return check;
}

MachineCheck virtualisation(const fs::path& root, const std::optional<CpuTicks>& earlier)
{
    auto check = named("vm", "Virtual machine");
    check.changing = true;
    bool hypervisor = false;
    {
        std::ifstream in(root / "proc/cpuinfo");
        for (std::string line; !hypervisor && std::getline(in, line);)
            hypervisor = line.rfind("flags", 0) == 0 && line.find(" hypervisor") != std::string::npos;
    }
    const CpuTicks now = readCpuTicks(root);
    std::optional<double> steal;
    std::string since = "since boot";
    if (now.valid) {
        CpuTicks from = earlier && earlier->valid && earlier->total < now.total ? *earlier : CpuTicks {};
        if (from.valid)
            since = "while the doctor ran";
        steal = static_cast<double>(now.steal - std::min(now.steal, from.steal))
            / static_cast<double>(std::max<std::uint64_t>(1, now.total - from.total));
    }
    check.observed = hypervisor ? "yes (the CPU reports a hypervisor)" : "no sign of one";
    if (steal)
        check.observed += "; steal time " + formatFixed(*steal * 100, 2) + "% " + since;
    if (steal && *steal >= 0.005) {
        check.rating = *steal >= 0.05 ? Rating::Bad : Rating::Notice;
        check.why = "the host gave this machine's CPU time to other guests; a run loses that time unseen";
        check.fix = "measure on a machine of your own, or on a host with dedicated CPUs";
    } else if (hypervisor) {
        check.rating = Rating::Notice;
        check.why = "the host's other guests can take CPU time and cache from the runs at any moment";
        check.fix = "measure on a machine of your own, or on a host with dedicated CPUs";
    }
    return check;
}
} // namespace

std::optional<std::string> readFirstLine(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line))
        return std::nullopt;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.pop_back();
    return line;
}

CpuTicks readCpuTicks(const fs::path& root)
{
    CpuTicks ticks;
    const auto line = readFirstLine(root / "proc/stat");
    if (!line || line->rfind("cpu ", 0) != 0)
        return ticks;
    std::istringstream fields(line->substr(4));
    // user nice system idle iowait irq softirq steal (guest and guest_nice are within user and nice).
    std::uint64_t value = 0;
    for (int column = 0; column < 8 && fields >> value; ++column) {
        ticks.total += value;
        if (column == 7) {
            ticks.steal = value;
            ticks.valid = true;
        }
    }
    return ticks;
}

std::vector<int> parseCpuList(const std::string& text)
{
    std::vector<int> cpus;
    std::istringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
        int first = 0, last = 0;
        char extra = 0;
        if (std::sscanf(part.c_str(), "%d-%d%c", &first, &last, &extra) == 2) {
        } else if (std::sscanf(part.c_str(), "%d%c", &first, &extra) == 1) {
            last = first;
        } else {
            return {};
        }
        if (first < 0 || last < first || last > 65535)
            return {};
        for (int cpu = first; cpu <= last; ++cpu)
            cpus.push_back(cpu);
    }
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    return cpus;
}

std::string formatCpuList(const std::vector<int>& cpus)
{
    std::string text;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1)
            ++j;
        text += (text.empty() ? "" : ",") + std::to_string(cpus[i]);
        if (j > i)
            text += (j == i + 1 ? "," : "-") + std::to_string(cpus[j]);
        i = j + 1;
    }
    return text;
}

std::vector<int> onlineCpus(const fs::path& root)
{
    return parseCpuList(readFirstLine(root / "sys/devices/system/cpu/online").value_or(""));
}

std::string placementProblem(const std::vector<int>& cpus, const std::optional<int>& nice, const fs::path& root)
{
    if (!cpus.empty()) {
        const auto present = parseCpuList(readFirstLine(root / "sys/devices/system/cpu/present").value_or(""));
        const auto online = onlineCpus(root);
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        const bool knowAllowed = ::sched_getaffinity(0, sizeof allowed, &allowed) == 0;
        const auto has
            = [](const std::vector<int>& list, int cpu) { return std::binary_search(list.begin(), list.end(), cpu); };
        for (const int cpu : cpus) {
            const auto name = "CPU " + std::to_string(cpu);
            if (!present.empty() && !has(present, cpu))
                return name + " does not exist: this machine has CPUs " + formatCpuList(present);
            if (!online.empty() && !has(online, cpu))
                return name + " is offline: the CPUs online are " + formatCpuList(online);
            if (knowAllowed && (cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &allowed)))
                return name + " is not among the CPUs Pyrometer may use (its affinity, from taskset or a cgroup)";
        }
    }
    if (nice) {
        if (*nice < -20 || *nice > 19)
            return "niceness " + std::to_string(*nice) + " is out of range: -20 (first) to 19 (last)";
        // Tried in a thread of its own, as the runs get it: lowering niceness needs privileges.
        int error = 0;
        std::thread trial([&] {
            if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), *nice) != 0)
                error = errno;
        });
        trial.join();
        if (error != 0)
            return "niceness " + std::to_string(*nice) + " is not allowed: " + std::strerror(error)
                + (error == EPERM || error == EACCES ? " (a niceness below the current one needs root or CAP_SYS_NICE)"
                                                     : "");
    }
    return {};
}

std::vector<MachineCheck> checkMachine(const fs::path& root, const std::optional<CpuTicks>& earlier)
{
    const auto cpus = onlineCpus(root);
    return { governor(root, cpus), boost(root), smt(root, cpus), isolation(root), aslr(root), load(root, cpus.size()),
        cpuPressure(root), memory(root), swap(root), virtualisation(root, earlier) };
}

MachineCheck checkTimer()
{
    auto check = named("timer", "Timer resolution");
    timespec resolution {};
    ::clock_getres(CLOCK_MONOTONIC, &resolution);
    const double resolutionNs = static_cast<double>(resolution.tv_sec) * 1e9 + static_cast<double>(resolution.tv_nsec);
    // The smallest step the clock shows between two readings in a row, and what a reading costs.
    std::int64_t smallest = 0;
    timespec previous {}, now {};
    ::clock_gettime(CLOCK_MONOTONIC, &previous);
    const auto started = std::chrono::steady_clock::now();
    constexpr int readings = 20'000;
    for (int i = 0; i < readings; ++i) {
        ::clock_gettime(CLOCK_MONOTONIC, &now);
        const std::int64_t step = (now.tv_sec - previous.tv_sec) * 1'000'000'000LL + (now.tv_nsec - previous.tv_nsec);
        if (step > 0 && (smallest == 0 || step < smallest))
            smallest = step;
        previous = now;
    }
    const double costNs
        = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started).count() / readings;
    check.observed = "CLOCK_MONOTONIC resolution " + formatFixed(resolutionNs, 0) + " ns, smallest step seen "
        + std::to_string(smallest) + " ns, " + formatFixed(costNs, 0) + " ns a reading";
    if (resolutionNs <= 1000 && smallest > 0 && smallest <= 1000)
        return check;
    check.rating = resolutionNs > 1e6 || smallest == 0 || smallest > 1'000'000 ? Rating::Bad : Rating::Notice;
    check.why = "the clock cannot tell apart times closer than its step: short runs are rounded to it";
    check.fix = "use a kernel with high-resolution timers (CONFIG_HIGH_RES_TIMERS) and the TSC clock source";
    return check;
}

} // namespace pyrometer
