#include "core/formats/journal.h"

#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
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

JournalWriter::JournalWriter(std::filesystem::path path, const Results& prepared)
    : m_path(std::move(path))
{
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
    appendLine(header.dump(-1, ' ', false, Json::error_handler_t::replace));
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
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open journal: " + path.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(std::move(line));
    const bool endsCleanly = [&] {
        std::ifstream tail(path, std::ios::binary | std::ios::ate);
        if (tail.tellg() <= 0)
            return true;
        tail.seekg(-1, std::ios::end);
        return tail.get() == '\n';
    }();
    if (lines.empty())
        throw InputError("empty journal: " + path.string());

    Results results;
    try {
        const auto header = Json::parse(lines.front());
        if (header.value("schema", std::string()) != journalSchema)
            throw InputError("not a Pyrometer journal: " + path.string());
        results.order
            = header.at("order").get<std::string>() == "sequential" ? RunOrder::Sequential : RunOrder::Interleaved;
        results.ignoreFailure = header.at("ignore_failure").get<bool>();
        results.environment = environmentFromJson(header.at("environment"));
        for (const auto& benchmark : header.at("benchmarks"))
            results.benchmarks.push_back(benchmarkHeaderFromJson(benchmark));
    } catch (const nlohmann::json::exception& e) {
        throw InputError("damaged journal header: " + path.string() + ": " + e.what());
    }

    for (std::size_t i = 1; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        try {
            const auto line = Json::parse(lines[i]);
            const auto index = line.at("benchmark").get<std::size_t>();
            if (index >= results.benchmarks.size())
                throw InputError("journal line " + std::to_string(i + 1) + " names benchmark " + std::to_string(index)
                    + ", which the header does not have");
            auto& benchmark = results.benchmarks[index];
            if (line.contains("run"))
                benchmark.runs.push_back(runFromJson(line.at("run")));
            else if (line.contains("probe"))
                benchmark.probe = probeFromJson(line.at("probe"));
            else
                benchmark.failure = line.at("failure").get<std::string>();
        } catch (const nlohmann::json::exception& e) {
            // Only the line being written when Pyrometer died may be incomplete.
            if (last && !endsCleanly)
                break;
            throw InputError("damaged journal line " + std::to_string(i + 1) + ": " + path.string() + ": " + e.what());
        }
    }
    results.complete = false;
    return results;
}

} // namespace pyrometer
