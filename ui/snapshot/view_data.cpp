#include "ui/snapshot/view_data.h"

#include "core/model/short_names.h"

#include <algorithm>

namespace pyrometer::ui {

ViewData computeViewData(const Results& results, int columns)
{
    ViewData view;
    view.benchmarks.reserve(results.benchmarks.size());
    std::vector<BenchmarkSummary> summaries;
    for (const auto& benchmark : results.benchmarks) {
        BenchmarkView b;
        b.summary = summarize(benchmark);
        // x is the run's number (runNumber): failed runs keep their place, as an empty one.
        auto times = successfulWallSeconds(benchmark);
        std::vector<double> numbers;
        numbers.reserve(times.size());
        if (benchmark.measured.wall) {
            std::size_t number = 0;
            for (const auto& run : benchmark.runs) {
                number += run.warmup ? 0 : 1;
                if (!run.warmup && run.succeeded())
                    numbers.push_back(static_cast<double>(number));
            }
        }
        for (std::size_t i = 0; i < benchmark.runs.size() && !b.firstSampledRun; ++i) {
            const auto& run = benchmark.runs[i];
            if (!run.warmup && run.timeline && !run.timeline->samples.empty())
                b.firstSampledRun = i;
        }
        std::vector<Point> points(times.size());
        for (std::size_t i = 0; i < times.size(); ++i)
            points[i] = { numbers[i], times[i] };
        const auto rolling = rollingMedian(times, rollingWindow);
        std::vector<Point> medianPoints(rolling.size());
        for (std::size_t i = 0; i < rolling.size(); ++i)
            medianPoints[i] = { numbers[i], rolling[i] };
        view.lastRun = std::max(view.lastRun, numbers.empty() ? 0.0 : numbers.back());
        b.runs = downsampleMinMax(points, columns);
        b.rollingMedian = downsampleMinMax(medianPoints, columns);
        view.longest = std::max(view.longest, times.size());
        std::sort(times.begin(), times.end());
        b.box = tukeyBox(times);
        if (!times.empty()) {
            view.lowest = view.any ? std::min(view.lowest, times.front()) : times.front();
            view.highest = view.any ? std::max(view.highest, times.back()) : times.back();
            view.smallestMedian
                = view.any ? std::min(view.smallestMedian, b.summary.wall.median) : b.summary.wall.median;
            view.any = true;
        }
        b.sortedWalls = std::move(times);
        summaries.push_back(b.summary);
        view.benchmarks.push_back(std::move(b));
    }
    view.fastest = fastest(summaries);
    std::vector<std::string> full;
    for (const auto& benchmark : results.benchmarks)
        full.push_back(benchmark.name);
    view.names = shortNames(full);
    view.scaling = scalingCurves(results);
    return view;
}

} // namespace pyrometer::ui
