#include "exports.h"

#include "core/formats/csv_export.h"
#include "core/formats/file_output.h"
#include "core/formats/html_report.h"
#include "core/formats/journal.h"
#include "core/formats/markdown_export.h"
#include "core/formats/results_json.h"

#include "core/model/error.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <pthread.h>
#include <stdexcept>
#include <unistd.h>

namespace pyrometer::cli {

std::vector<std::string> ExportPaths::files() const
{
    std::vector<std::string> paths;
    for (const auto* path : { &json, &csv, &markdown, &html }) {
        if (!path->empty())
            paths.push_back(*path);
    }
    if (!csv.empty() && !isStandardOutput(csv))
        paths.push_back(summaryCsvPathFor(csv));
    return paths;
}

std::string ExportPaths::journal() const
{
    for (const auto& path : files())
        if (!isStandardOutput(path))
            return journalPathFor(path).string();
    return {};
}

void checkExports(const ExportPaths& paths)
{
    checkOutputs(paths.files());
}

bool isStandardOutput(const std::string& path)
{
    return path == "-";
}

namespace {
bool standardOutputTaken = false;
}

void checkOutputs(const std::vector<std::string>& paths)
{
    for (const auto& path : paths) {
        if (!isStandardOutput(path)) {
            checkWritable(path);
            continue;
        }
        if (standardOutputTaken)
            throw InputError("only one export can go to standard output (-)");
        standardOutputTaken = true;
        std::cout.flush();
        std::cout.rdbuf(std::cerr.rdbuf());
    }
}

void writeOutput(const std::string& path, std::string_view text)
{
    if (!isStandardOutput(path)) {
        writeFileAtomically(path, text);
        return;
    }
    // A reader that goes away (| head) makes the write fail with EPIPE, not kill Pyrometer with SIGPIPE: blocked
    // here, and a pending one taken, so that nothing Pyrometer starts later inherits a changed disposition.
    sigset_t pipe, before;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, &before);
    int error = 0;
    for (std::size_t done = 0; done < text.size() && error == 0;) {
        const auto n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n > 0)
            done += static_cast<std::size_t>(n);
        else if (errno != EINTR)
            error = errno;
    }
    const timespec now {};
    while (sigtimedwait(&pipe, nullptr, &now) > 0) { }
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    if (error != 0)
        throw std::runtime_error(std::string("cannot write to standard output: ") + std::strerror(error));
}

std::vector<std::string> writeExports(const Results& results, const ExportPaths& paths, const std::string& source)
{
    std::vector<std::string> errors;
    const auto write = [&](const std::string& path, auto&& render) {
        if (path.empty())
            return;
        try {
            writeOutput(path, render());
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
    };
    write(paths.json, [&] { return resultsJsonText(results); });
    write(paths.csv, [&] { return runsCsv(results); });
    // With the runs on standard output, the summary is left out: standard output holds one file.
    write(paths.csv.empty() || isStandardOutput(paths.csv) ? std::string() : summaryCsvPathFor(paths.csv),
        [&] { return summaryCsv(results); });
    write(paths.markdown, [&] { return markdownSummary(results); });
    write(paths.html, [&] { return resultsHtml(results, source); });
    return errors;
}

} // namespace pyrometer::cli
