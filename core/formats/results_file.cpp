#include "core/formats/results_file.h"

#include "core/formats/importers.h"
#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <zlib.h>

namespace pyrometer {
namespace {
/// A decompressed results file larger than this is refused: no results file is, and a small compressed
/// file that expands without end must not exhaust memory.
constexpr std::size_t maxDecompressedBytes = std::size_t(1) << 30;

bool isGzip(const std::string& bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(const std::string& compressed)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) // 16: expect a gzip header
        throw InputError("cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[1 << 16];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > maxDecompressedBytes)
            status = Z_MEM_ERROR;
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw InputError(
            out.size() > maxDecompressedBytes ? "decompressed file larger than 1 GiB" : "broken gzip data");
    return out;
}

Results fromJson(const Json& json)
{
    if (json.is_object() && json.contains("schema"))
        return resultsFromJson(json);
    // Another tool's file: a value of the wrong type deep inside becomes one line naming the format.
    const auto read = [&](const char* format, Results (*reader)(const Json&)) {
        try {
            return reader(json);
        } catch (const nlohmann::json::exception& e) {
            throw InputError(std::string("not a valid ") + format + " file: " + e.what());
        }
    };
    if (isHyperfineJson(json))
        return read("hyperfine JSON", resultsFromHyperfine);
    if (isPyperfJson(json))
        return read("pyperf JSON", resultsFromPyperf);
    if (isPytestBenchmarkJson(json))
        return read("pytest-benchmark JSON", resultsFromPytestBenchmark);
    throw InputError("not a results file of Pyrometer, hyperfine, pyperf or pytest-benchmark");
}
} // namespace

Results readResultsFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open results file " + path.string() + ": " + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        if (isGzip(bytes))
            bytes = gunzip(bytes);
        Json json;
        try {
            json = Json::parse(bytes);
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError(std::string("not a JSON file: ") + e.what());
        }
        return fromJson(json);
    } catch (const InputError& e) {
        throw InputError(path.string() + ": " + e.what());
    }
}

} // namespace pyrometer
