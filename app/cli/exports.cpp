#include "exports.h"

#include "core/formats/csv_export.h"
#include "core/formats/file_output.h"
#include "core/formats/html_report.h"
#include "core/formats/journal.h"
#include "core/formats/markdown_export.h"
#include "core/formats/results_json.h"

#include <stdexcept>

namespace pyrometer::cli {

std::vector<std::string> ExportPaths::files() const
{
    std::vector<std::string> paths;
    for (const auto* path : { &json, &csv, &markdown, &html }) {
        if (!path->empty())
            paths.push_back(*path);
    }
    if (!csv.empty())
        paths.push_back(summaryCsvPathFor(csv));
    return paths;
}

std::string ExportPaths::journal() const
{
    const auto paths = files();
    return paths.empty() ? std::string() : journalPathFor(paths.front()).string();
}

void checkExports(const ExportPaths& paths)
{
    for (const auto& file : paths.files())
        checkWritable(file);
}

std::vector<std::string> writeExports(const Results& results, const ExportPaths& paths, const std::string& source)
{
    std::vector<std::string> errors;
    const auto write = [&](const std::string& path, auto&& render) {
        if (path.empty())
            return;
        try {
            writeFileAtomically(path, render());
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
    };
    write(paths.json, [&] { return resultsJsonText(results); });
    write(paths.csv, [&] { return runsCsv(results); });
    write(paths.csv.empty() ? std::string() : summaryCsvPathFor(paths.csv), [&] { return summaryCsv(results); });
    write(paths.markdown, [&] { return markdownSummary(results); });
    write(paths.html, [&] { return resultsHtml(results, source); });
    return errors;
}

} // namespace pyrometer::cli
