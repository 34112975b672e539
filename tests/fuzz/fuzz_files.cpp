// libFuzzer target over every reader of files and every writer of reports. The first byte picks the reader
// (results of any format, a journal, a workbench); the rest is the file's text. Whatever a reader accepts is
// written back out in every format and compared with itself, so that the writers meet every value the readers
// let through. A reader may refuse an input only with InputError; anything else - another exception, a crash, a
// sanitizer report, a hang - is a finding.
//
//     cmake --preset fuzz && cmake --build build/fuzz --target fuzz_files
//     build/fuzz/tests/fuzz/fuzz_files -runs=1000000 tests/fuzz/corpus
#include "core/compare/comparison.h"
#include "core/compare/comparison_report.h"
#include "core/formats/csv_export.h"
#include "core/formats/html_report.h"
#include "core/formats/journal.h"
#include "core/formats/json_input.h"
#include "core/formats/markdown_export.h"
#include "core/formats/results_file.h"
#include "core/formats/results_json.h"
#include "core/formats/text_report.h"
#include "core/formats/workbench_json.h"
#include "core/model/error.h"
#include "core/probe/flame_graph.h"
#include "core/probe/probe_report.h"
#include "core/probe/pstats_export.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace pyrometer;

namespace {
void writeEverything(const Results& results)
{
    const auto json = resultsJsonText(results);
    // What Pyrometer writes, it reads back as the same document.
    if (resultsJsonText(readResultsText(json)) != json)
        __builtin_trap();
    runsCsv(results);
    summaryCsv(results);
    markdownSummary(results);
    resultsHtml(results, "fuzz");
    textReport(results);
    probeReport(results);
    for (const auto& benchmark : results.benchmarks) {
        if (benchmark.probe && benchmark.probe->profile) {
            pstatsBytes(*benchmark.probe->profile);
            hotspotsCsv(*benchmark.probe->profile);
            flameGraph(*benchmark.probe->profile);
        }
    }
    ComparisonSettings settings;
    settings.resamples = 200; // enough to exercise every step, few enough to keep the fuzzer fast
    // Each benchmark with itself (by name), and each with the next: within one file, runs paired by position.
    auto pairs = pairBenchmarks(results, results);
    auto comparison = compare(results, results, pairs, settings);
    std::vector<BenchmarkPair> neighbours;
    for (std::size_t i = 0; i + 1 < results.benchmarks.size(); i += 2)
        neighbours.push_back({ i, i + 1 });
    const auto paired = compare(results, results, neighbours, settings);
    comparison.pairs.insert(comparison.pairs.end(), paired.pairs.begin(), paired.pairs.end());
    const ComparisonSides sides { "baseline", "candidate", &results, &results };
    comparisonText(comparison, sides);
    comparisonMarkdown(comparison, sides);
    comparisonHtml(comparison, sides);
    comparisonJunit(comparison, sides);
    comparisonJson(comparison, sides);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 3) {
        case 0:
            writeEverything(readResultsText(text));
            break;
        case 1:
            writeEverything(readJournalText(text));
            break;
        default:
            readWorkbenchText(text);
            break;
        }
    } catch (const InputError&) {
    }
    return 0;
}
