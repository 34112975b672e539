#pragma once

#include "core/formats/results_file.h"
#include "core/model/results.h"

#include <memory>
#include <string>

namespace pyrometer::test {

/// A benchmark of `runs` successful runs around `seconds`: 1.00, 1.01, … 1.04 times it, over and over.
inline BenchmarkResult benchmarkOf(const std::string& name, double seconds, int runs)
{
    BenchmarkResult b;
    b.name = name;
    for (int i = 0; i < runs; ++i) {
        RunRecord r;
        r.wall = fromSeconds(seconds * (1 + 0.01 * (i % 5)));
        r.exitCode = 0;
        b.runs.push_back(r);
    }
    return b;
}

/// The fixture of three benchmarks as a real run wrote it (tests/fixtures/results_three_benchmarks.json).
inline std::shared_ptr<const Results> threeBenchmarks()
{
    return std::make_shared<const Results>(readResultsFile(PYROMETER_FIXTURES "/results_three_benchmarks.json"));
}

} // namespace pyrometer::test
