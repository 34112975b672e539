#include "core/model/probe_data.h"

#include <algorithm>

namespace pyrometer {

std::vector<std::string> ProbeSettings::names() const
{
    std::vector<std::string> list;
    if (gc)
        list.emplace_back("gc");
    if (heap)
        list.emplace_back("heap");
    if (profile)
        list.emplace_back("profile");
    if (tracemalloc)
        list.emplace_back("tracemalloc");
    return list;
}

ProbeSettings ProbeSettings::fromNames(const std::vector<std::string>& names)
{
    ProbeSettings settings;
    for (const auto& name : names) {
        settings.gc = settings.gc || name == "gc";
        settings.profile = settings.profile || name == "profile";
        settings.tracemalloc = settings.tracemalloc || name == "tracemalloc";
        settings.heap = settings.heap || name == "heap";
    }
    return settings;
}

const ProbeRun* ProbeData::runWith(const std::string& instrument) const
{
    for (const auto& run : runs) {
        const auto names = run.instruments.names();
        if (std::find(names.begin(), names.end(), instrument) != names.end())
            return &run;
    }
    return nullptr;
}

} // namespace pyrometer
