// What the heap shim costs a native program: examples/alloc/alloc.cpp (1,000,000 allocations of small records,
// 900,000 freed), built with c++ -O2, run in rounds through Pyrometer's launcher without and with the shim
// preloaded (counting into its page, the sampler reading it at 100 Hz in both), so that each round's two runs
// share the machine's state.
//
//     build/release/bench/heap_shim_bench [rounds, default 30]
// Prints the median wall time and peak RSS of each, and the median of the per-round ratios.
#include "core/measure/heap_counters.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"
#include "core/model/results.h"
#include "core/stats/statistics.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace pyrometer;

namespace {
double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return quantile(values, 0.5);
}
} // namespace

int main(int argc, char** argv)
{
    spawn_helper::start(PYROMETER_SPAWN_HELPER);
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 30;
    const auto dir = std::filesystem::temp_directory_path() / ("heap_shim_bench." + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto program = (dir / "alloc-cpp").string();
    const std::string compile
        = "c++ -O2 -std=c++20 -o " + program + " " PYROMETER_SOURCE_DIR "/examples/alloc/alloc.cpp";
    if (std::system(compile.c_str()) != 0) {
        std::fprintf(stderr, "heap_shim_bench: cannot build examples/alloc/alloc.cpp\n");
        return 2;
    }
    const auto page = (dir / "heap").string();
    ProcessLauncher launcher;
    std::vector<double> plainWall, shimWall, plainRss, shimRss, ratios;
    for (int r = 0; r < rounds; ++r) {
        double walls[2] = {}, rss[2] = {};
        for (const bool shim : { false, true }) {
            LaunchRequest request;
            request.argv = { program };
            request.sampleHz = 100;
            if (shim) {
                std::ofstream(page, std::ios::binary)
                    .write(std::string(sizeof(pyrometer_heap_counters), '\0').data(), sizeof(pyrometer_heap_counters));
                request.environment
                    = { { "LD_PRELOAD", PYROMETER_HEAP_SHIM_PATH }, { PYROMETER_HEAP_FILE_VARIABLE, page } };
                request.heapCountersFile = page;
            }
            const auto run = launcher.launch(request, {});
            if (!run.succeeded() || (shim && !(run.timeline && run.timeline->heap))) {
                std::fprintf(stderr, "heap_shim_bench: a run failed: %s\n", run.outcome().c_str());
                return 2;
            }
            walls[shim] = toSeconds(run.wall);
            rss[shim] = static_cast<double>(run.maxRssBytes);
        }
        plainWall.push_back(walls[0]);
        shimWall.push_back(walls[1]);
        plainRss.push_back(rss[0]);
        shimRss.push_back(rss[1]);
        ratios.push_back(walls[1] / walls[0]);
    }
    std::filesystem::remove_all(dir);
    std::printf("%d rounds of examples/alloc/alloc.cpp (1,000,200 allocations a run)\n", rounds);
    std::printf("without the shim: %.2f ms, peak RSS %.1f MiB\n", median(plainWall) * 1e3, median(plainRss) / 1048576);
    std::printf("with the shim:    %.2f ms, peak RSS %.1f MiB\n", median(shimWall) * 1e3, median(shimRss) / 1048576);
    std::printf("median ratio of a round's two runs: %.3f (%+.1f%%), %.1f ns an allocation and free\n", median(ratios),
        (median(ratios) - 1) * 100, (median(shimWall) - median(plainWall)) / 1'000'200 * 1e9);
    return 0;
}
