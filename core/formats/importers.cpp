#include "core/formats/importers.h"

#include "core/formats/json_input.h"

namespace pyrometer {

void appendTimedRuns(BenchmarkResult& benchmark, const Json& times, const std::string& itemName, bool warmup)
{
    for (std::size_t i = 0; i < times.size(); ++i) {
        RunRecord record;
        record.warmup = warmup;
        record.exitCode = 0;
        record.wall = fromSeconds(secondsValue(times[i], itemName + " " + std::to_string(i + 1)));
        benchmark.runs.push_back(record);
    }
}

} // namespace pyrometer
