#include "core/formats/journal.h"

#include "core/formats/json_input.h"
#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace pyrometer {
namespace {
constexpr const char* journalSchema = "pyrometer.journal/1";
}

std::filesystem::path journalPathFor(const std::filesystem::path& exportPath)
{
    auto path = exportPath;
    path += ".journal";
    return path;
}

namespace {
/// A journal already at `path` holds what a run that did not finish measured: it is never overwritten.
void refuseToOverwrite(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        return;
    std::string holds;
    try {
        const auto earlier = readJournal(path);
        std::size_t runs = 0;
        for (const auto& benchmark : earlier.benchmarks)
            runs += benchmark.runs.size();
        if (runs == 0)
            return; // a header alone: nothing was measured, and nothing is lost
        holds = "holds " + std::to_string(runs) + " run(s) of a run that did not finish";
    } catch (const InputError&) {
        holds = "is there and is no empty journal";
    }
    throw InputError(path.string() + " " + holds + "; turn it into results with 'pyrometer recover " + path.string()
        + "' or remove it, then run again");
}
} // namespace

JournalWriter::JournalWriter(std::filesystem::path path, const Results& prepared)
    : m_path(std::move(path))
{
    refuseToOverwrite(m_path);
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0666);
    if (m_fd < 0)
        throw InputError("cannot create journal " + m_path.string() + ": " + std::strerror(errno));
    Json benchmarks = Json::array();
    for (const auto& benchmark : prepared.benchmarks)
        benchmarks.push_back(benchmarkHeaderToJson(benchmark));
    const Json header {
        { "schema", journalSchema },
        { "order", prepared.order == RunOrder::Sequential ? "sequential" : "interleaved" },
        { "ignore_failure", prepared.ignoreFailure },
        { "environment", environmentToJson(prepared.environment) },
        { "benchmarks", std::move(benchmarks) },
    };
    try {
        appendLine(header.dump(-1, ' ', false, Json::error_handler_t::replace));
    } catch (const std::runtime_error& e) {
        remove(); // a disk full at the start: no half header is left behind
        throw InputError(e.what());
    }
}

JournalWriter::~JournalWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void JournalWriter::appendRun(std::size_t benchmark, const RunRecord& run)
{
    const Json line { { "benchmark", benchmark }, { "run", runToJson(run) } };
    appendLine(line.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void JournalWriter::appendFailure(std::size_t benchmark, const std::string& failure)
{
    const Json line { { "benchmark", benchmark }, { "failure", failure } };
    appendLine(line.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void JournalWriter::appendProbe(std::size_t benchmark, const ProbeData& probe)
{
    const Json line { { "benchmark", benchmark }, { "probe", probeToJson(probe) } };
    appendLine(line.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void JournalWriter::appendLine(std::string line)
{
    line += '\n';
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error("cannot append to journal " + m_path.string() + ": " + std::strerror(errno));
        written += static_cast<std::size_t>(n);
    }
}

void JournalWriter::remove()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
}

Results readJournal(const std::filesystem::path& path)
{
    const auto text = readInputFile(path);
    if (text.empty())
        throw InputError("empty journal: " + path.string());
    return within(path.string(), [&] { return readJournalText(text); });
}

Results readJournalText(std::string_view text)
{
    if (text.empty())
        throw InputError("empty journal");
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    const bool endsCleanly = text.back() == '\n';

    Results results;
    within("header", [&] {
        const auto header = [&] {
            try {
                return parseJson(lines.front());
            } catch (const InputError& e) {
                throw InputError(
                    std::string("not a Pyrometer journal: its first line is no journal header (") + e.what() + ")");
            }
        }();
        if (!header.is_object() || descriptiveText(header, "schema") != journalSchema)
            throw InputError("not a Pyrometer journal: its first line is no journal header");
        results.order = orderFromJson(header);
        results.ignoreFailure = flagField(header, "ignore_failure");
        results.environment = environmentFromJson(field(header, "environment"));
        forEachItem(header, "benchmarks", "benchmark",
            [&](const Json& benchmark) { results.benchmarks.push_back(benchmarkHeaderFromJson(benchmark)); });
        return 0;
    });

    for (std::size_t i = 1; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        try {
            within("line " + std::to_string(i + 1), [&] {
                const auto line = parseJson(lines[i]);
                const auto index = integerField(line, "benchmark", 0, maxCount);
                if (static_cast<std::size_t>(index) >= results.benchmarks.size())
                    throw InputError("names benchmark " + std::to_string(index) + ", which the header does not have");
                auto& benchmark = results.benchmarks[static_cast<std::size_t>(index)];
                if (const auto* run = optionalField(line, "run"))
                    benchmark.runs.push_back(runFromJson(*run));
                else if (const auto* probe = optionalField(line, "probe"))
                    benchmark.probe = probeFromJson(*probe);
                else
                    benchmark.failure = textField(line, "failure");
                return 0;
            });
        } catch (const InputError&) {
            // Only the line being written when Pyrometer died may be incomplete.
            if (last && !endsCleanly)
                break;
            throw;
        }
    }
    results.complete = false;
    return results;
}

} // namespace pyrometer
