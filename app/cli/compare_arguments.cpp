#include "compare_arguments.h"

#include "core/model/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace pyrometer::cli {
namespace {
double parseNumber(const std::string& option, std::string text, double low, double high, const char* what)
{
    const bool percent = !text.empty() && text.back() == '%';
    if (percent)
        text.pop_back();
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < low
        || value > high)
        throw InputError(option + " must be " + what + ", not '" + text + (percent ? "%" : "") + "'");
    return value;
}
/// "wall,cpu,memory": the metrics that gate.
std::vector<Metric> parseMetrics(const std::string& option, const std::string& text)
{
    std::vector<Metric> metrics;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const auto name = text.substr(start, end - start);
        const auto known = { Metric::Wall, Metric::Cpu, Metric::Memory };
        const auto found = std::find_if(known.begin(), known.end(), [&](Metric m) { return name == metricKey(m); });
        if (found == known.end())
            throw InputError(option
                + " takes metrics from wall, cpu and memory (as in --fail-on-regression=wall,memory), not '" + name
                + "'");
        if (std::find(metrics.begin(), metrics.end(), *found) == metrics.end())
            metrics.push_back(*found);
        start = end + 1;
    }
    return metrics;
}
} // namespace

bool parseCompareOption(const std::string& word, const std::optional<std::string>& attached,
    const std::function<std::string()>& value, CompareOptions& options, bool forRun)
{
    if (word == "--threshold") {
        options.settings.threshold
            = parseNumber(word, value(), 0, 99.999, "a percentage from 0 to 100, as in 2%") / 100.0;
    } else if (word == "--alpha") {
        options.settings.alpha = parseNumber(word, value(), 1e-12, 0.5, "a significance level above 0, up to 0.5");
    } else if (word == "--fail-on-regression") {
        options.failOnRegression = true;
        if (attached)
            options.settings.gate = parseMetrics(word, value());
    } else if (word == "--pair") {
        const auto pair = value();
        const auto at = pair.find('=');
        if (at == std::string::npos || at == 0 || at + 1 == pair.size())
            throw InputError("malformed --pair '" + pair + "': expected BASELINE-NAME=CANDIDATE-NAME");
        options.pairs.emplace_back(pair.substr(0, at), pair.substr(at + 1));
    } else if (word == "--export-html") {
        options.exportHtml = value();
    } else if (word == "--export-junit") {
        options.exportJunit = value();
    } else if (word == "--export-markdown" && !forRun) {
        options.exportMarkdown = value();
    } else if (word == "--export-json" && !forRun) {
        options.exportJson = value();
    } else {
        return false;
    }
    return true;
}

CompareArguments parseCompareArguments(const std::vector<std::string>& words)
{
    CompareArguments arguments;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        std::optional<std::string> attached;
        if (word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
            attached = word.substr(word.find('=') + 1);
            word = word.substr(0, word.find('='));
        }
        bool tookValue = false;
        const auto value = [&]() -> std::string {
            tookValue = true;
            if (attached)
                return *attached;
            if (i + 1 >= words.size())
                throw InputError(word + " needs a value");
            return words[++i];
        };
        if (word == "-h" || word == "--help") {
            arguments.help = true;
        } else if (parseCompareOption(word, attached, value, arguments.options, false)) {
            if (attached && !tookValue)
                throw InputError(word + " takes no value");
        } else if (word.size() > 1 && word[0] == '-') {
            throw InputError("unknown option " + word);
        } else {
            files.push_back(word);
        }
    }
    if (arguments.help)
        return arguments;
    // One file with --pair compares benchmarks of one interleaved run with each other.
    if (files.size() == 1 && !arguments.options.pairs.empty()) {
        arguments.baseline = arguments.candidate = files[0];
        arguments.options.pairsOnly = true;
        return arguments;
    }
    if (files.size() != 2) {
        throw InputError(std::string(files.size() < 2 ? "missing" : "too many")
            + " results files: give BASELINE and CANDIDATE (see pyrometer compare --help)");
    }
    arguments.baseline = files[0];
    arguments.candidate = files[1];
    return arguments;
}

std::string compareHelp()
{
    return R"(Usage: pyrometer compare [options] BASELINE CANDIDATE
       pyrometer compare --pair OLD=NEW [--pair ...] [options] RESULTS

Compares two results files benchmark by benchmark, matching them by name, and says for each whether the
candidate is slower, faster, or not significantly different. BASELINE and CANDIDATE may be results of
Pyrometer, hyperfine (--export-json), pyperf (JSON, also gzipped) or pytest-benchmark (--benchmark-json
with --benchmark-save-data), recognised by their content. With one file and --pair, the benchmarks of one
run are compared with each other: the best way on a noisy machine, since `pyrometer run old.py new.py`
interleaves their runs and the machine's drift falls on both alike.

Each benchmark gets a verdict for wall time, CPU time (user + system) and peak RSS. A verdict of "slower"
or "faster" needs both a significant two-sided Mann–Whitney U test and a change of the median at least as
large as the threshold. Two benchmarks of one interleaved run (one file with --pair) are compared run by
run instead: the Wilcoxon signed-rank test of the ratios of run i of each. With too few runs to ever reach
significance it says so. The test used is named beside every verdict.

Options:
      --threshold PERCENT     smallest change of the median that counts (default 2%)
      --alpha LEVEL           significance level of the test (default 0.01)
      --pair BASE=CANDIDATE   compare these two benchmarks although their names differ (repeatable)
      --fail-on-regression[=METRICS]
                              exit with 1 when any benchmark is slower (or larger) in one of METRICS:
                              wall, cpu, memory, comma-separated (default wall)
      --export-markdown FILE  the table in Markdown, for a pull request
      --export-html FILE      a self-contained page with charts and both environments
      --export-junit FILE     JUnit XML: one test case per benchmark, failed when slower
      --export-json FILE      the comparison as JSON (schema pyrometer.compare/2)
  -h, --help                  this help

An export FILE of - is standard output (one export at most); the report then goes to standard error.

Exit status: 0 compared, 1 a benchmark is slower (with --fail-on-regression) or a report could not be
written, 2 bad usage or bad input (a missing or unreadable file, no benchmark in common).
)";
}

} // namespace pyrometer::cli
