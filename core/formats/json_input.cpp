#include "core/formats/json_input.h"

#include "core/model/units.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace pyrometer {
namespace {
std::string mebibytes(std::size_t bytes)
{
    return std::to_string(bytes >> 20) + " MiB";
}

class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {
    }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

bool isGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(std::string_view compressed, std::size_t maxBytes)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) // 16: expect a gzip header
        throw InputError("cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[1 << 16];
    int status = Z_OK;
    bool tooLarge = false;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = sizeof buffer - stream.avail_out;
        if (out.size() + produced > maxBytes) {
            tooLarge = true;
            break;
        }
        out.append(buffer, produced);
    }
    inflateEnd(&stream);
    if (tooLarge)
        throw InputError("decompresses to more than " + mebibytes(maxBytes) + ", more than any results file holds");
    if (status != Z_STREAM_END)
        throw InputError("broken gzip data");
    return out;
}

/// Where byte `offset` of `text` is, as "line L, column C".
std::string position(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// Python's json module writes NaN, Infinity and -Infinity, which JSON has not: outside strings they become null.
std::string withoutPythonConstants(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        bool replaced = false;
        for (std::string_view constant : { "NaN", "Infinity", "-Infinity" }) {
            if (!replaced && text.substr(i, constant.size()) == constant) {
                out += "null";
                i += constant.size() - 1;
                replaced = true;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

/// A JSON library error in Pyrometer's words.
std::string inWords(const nlohmann::json::exception& e)
{
    std::string text = e.what();
    if (const auto end = text.find("] "); end != std::string::npos)
        text.erase(0, end + 2);
    if (e.id == 403) { // "key 'x' not found"
        const auto open = text.find('\'');
        const auto close = text.rfind('\'');
        if (open != std::string::npos && close > open)
            return "field '" + text.substr(open + 1, close - open - 1) + "' is missing";
    }
    if (e.id == 302) // "type must be number, but is string"
        return "a value of the wrong kind (" + text + ")";
    return "a value Pyrometer cannot use (" + text + ")";
}

[[noreturn]] void wrongKind(std::string_view key, const char* expected, const Json& value)
{
    throw InputError("field '" + std::string(key) + "' should be " + expected + ", not " + jsonKind(value));
}

/// A number as short as it reads back exactly ("1e+20", "-1", "0.5").
std::string shown(double value)
{
    return std::isfinite(value) ? exactNumber(value) : std::string(std::isnan(value) ? "NaN" : "infinite");
}
} // namespace

std::string readInputFile(const std::filesystem::path& path, std::size_t maxBytes)
{
    // O_NONBLOCK: opening a fifo that no process writes returns at once instead of waiting for a writer.
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0)
        throw InputError("cannot open " + path.string() + ": " + std::strerror(errno));
    struct stat info
    {
    };
    if (::fstat(fd.get(), &info) != 0)
        throw InputError("cannot read " + path.string() + ": " + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        throw InputError(path.string() + " is a directory, not a file");
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > maxBytes)
        throw InputError(path.string() + " is larger than " + mebibytes(maxBytes) + ", more than any results file");
    // Reads wait again for data, as from a pipe whose writer is still writing; a fifo without a writer reads empty.
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0)
        ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw InputError("cannot read " + path.string() + ": " + std::strerror(errno));
        if (n == 0)
            break;
        if (bytes.size() + static_cast<std::size_t>(n) > maxBytes)
            throw InputError(path.string() + " is larger than " + mebibytes(maxBytes) + ", more than any results file");
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    if (isGzip(bytes)) {
        try {
            bytes = gunzip(bytes, maxBytes);
        } catch (const InputError& e) {
            throw InputError(path.string() + ": " + e.what());
        }
    }
    return bytes;
}

Json parseJson(std::string_view text, const InputLimits& limits, bool pythonConstants)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError(text.empty() ? "the file is empty" : "the file holds only white space");
    std::string replaced;
    if (pythonConstants) {
        replaced = withoutPythonConstants(text);
        text = replaced;
    }
    std::size_t values = 0;
    const auto count = [&](int depth, nlohmann::json::parse_event_t event, Json&) {
        using Event = nlohmann::json::parse_event_t;
        if ((event == Event::object_start || event == Event::array_start)
            && static_cast<std::size_t>(depth) >= limits.maxDepth)
            throw InputError("arrays and objects nested deeper than " + std::to_string(limits.maxDepth)
                + " levels, deeper than any results file");
        if ((event == Event::value || event == Event::object_start || event == Event::array_start)
            && ++values > limits.maxValues)
            throw InputError("more than " + std::to_string(limits.maxValues) + " values, more than Pyrometer reads");
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), count);
    } catch (const nlohmann::json::parse_error& e) {
        const auto at = position(text, e.byte == 0 ? 0 : e.byte - 1);
        const std::string what = e.what();
        if (what.find("UTF-8") != std::string::npos)
            throw InputError("not valid JSON: text that is not UTF-8 at " + at);
        if (e.byte > text.size())
            throw InputError("not valid JSON: the text ends before the document does, at " + at);
        throw InputError("not valid JSON: unexpected text at " + at);
    } catch (const nlohmann::json::out_of_range& e) {
        // The one range error of parsing: a number beyond a double ("number overflow parsing '1e999'").
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        const auto number = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
        throw InputError("holds the number " + number.substr(0, 40) + ", too large for any measurement");
    }
}

std::string jsonKind(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "a number";
    default:
        return "a value of no known kind";
    }
}

const Json& field(const Json& object, std::string_view key)
{
    if (!object.is_object())
        throw InputError("should be an object, not " + jsonKind(object));
    const auto it = object.find(key);
    if (it == object.end())
        throw InputError("field '" + std::string(key) + "' is missing");
    return *it;
}

const Json* optionalField(const Json& object, std::string_view key)
{
    if (!object.is_object())
        throw InputError("should be an object, not " + jsonKind(object));
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string textField(const Json& object, std::string_view key)
{
    const auto& value = field(object, key);
    if (!value.is_string())
        wrongKind(key, "a string", value);
    return value.get<std::string>();
}

std::optional<std::string> optionalTextField(const Json& object, std::string_view key)
{
    if (!optionalField(object, key))
        return std::nullopt;
    return textField(object, key);
}

bool flagField(const Json& object, std::string_view key)
{
    const auto& value = field(object, key);
    if (!value.is_boolean())
        wrongKind(key, "true or false", value);
    return value.get<bool>();
}

std::int64_t integerValue(const Json& value, const std::string& what, std::int64_t low, std::int64_t high)
{
    const auto outOfRange = [&](const std::string& shownValue) {
        return InputError(
            what + " is " + shownValue + ", outside " + std::to_string(low) + " … " + std::to_string(high));
    };
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (high < 0 || v > static_cast<std::uint64_t>(high) || static_cast<std::int64_t>(v) < low)
            throw outOfRange(std::to_string(v));
        return static_cast<std::int64_t>(v);
    }
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (v < low || v > high)
            throw outOfRange(std::to_string(v));
        return v;
    }
    if (value.is_number_float()) {
        const auto v = value.get<double>();
        if (!std::isfinite(v) || v != std::floor(v))
            throw InputError(what + " is " + shown(v) + ", not a whole number");
        // Compared as doubles first, so that the conversion below is always defined.
        if (v < static_cast<double>(low) || v > static_cast<double>(high))
            throw outOfRange(shown(v));
        return static_cast<std::int64_t>(v);
    }
    throw InputError(what + " should be a whole number, not " + jsonKind(value));
}

std::int64_t integerField(const Json& object, std::string_view key, std::int64_t low, std::int64_t high)
{
    return integerValue(field(object, key), "field '" + std::string(key) + "'", low, high);
}

std::optional<std::int64_t> optionalIntegerField(
    const Json& object, std::string_view key, std::int64_t low, std::int64_t high)
{
    if (!optionalField(object, key))
        return std::nullopt;
    return integerField(object, key, low, high);
}

double numberValue(const Json& value, const std::string& what, double low, double high)
{
    if (!value.is_number())
        throw InputError(what + " should be a number, not " + jsonKind(value));
    const auto v = value.get<double>();
    if (!std::isfinite(v) || v < low || v > high)
        throw InputError(what + " is " + shown(v) + ", outside " + shown(low) + " … " + shown(high));
    return v;
}

double numberField(const Json& object, std::string_view key, double low, double high)
{
    return numberValue(field(object, key), "field '" + std::string(key) + "'", low, high);
}

std::optional<double> optionalNumberField(const Json& object, std::string_view key, double low, double high)
{
    if (!optionalField(object, key))
        return std::nullopt;
    return numberField(object, key, low, high);
}

double secondsValue(const Json& value, const std::string& what)
{
    if (!value.is_number())
        throw InputError(what + " should be a number of seconds, not " + jsonKind(value));
    const auto v = value.get<double>();
    if (!std::isfinite(v))
        throw InputError(what + " is not a finite number of seconds");
    if (v < 0)
        throw InputError(what + " is " + shown(v) + " s, but a time is never negative");
    if (v > maxSeconds)
        throw InputError(what + " is " + shown(v) + " s, longer than any run (at most " + shown(maxSeconds) + " s)");
    return v;
}

double secondsField(const Json& object, std::string_view key)
{
    return secondsValue(field(object, key), "field '" + std::string(key) + "'");
}

std::optional<double> optionalSecondsField(const Json& object, std::string_view key)
{
    const auto* value = optionalField(object, key);
    if (!value || value->is_null())
        return std::nullopt;
    return secondsField(object, key);
}

const Json& arrayField(const Json& object, std::string_view key)
{
    const auto& value = field(object, key);
    if (!value.is_array())
        wrongKind(key, "an array", value);
    return value;
}

std::vector<std::string> textListField(const Json& object, std::string_view key)
{
    const auto& value = field(object, key);
    if (!value.is_array())
        wrongKind(key, "an array of strings", value);
    std::vector<std::string> list;
    list.reserve(value.size());
    for (const auto& item : value) {
        if (!item.is_string())
            throw InputError("field '" + std::string(key) + "' should hold strings, not " + jsonKind(item));
        list.push_back(item.get<std::string>());
    }
    return list;
}

std::map<std::string, std::string> textMapField(const Json& object, std::string_view key)
{
    const auto& value = field(object, key);
    if (!value.is_object())
        wrongKind(key, "an object", value);
    std::map<std::string, std::string> map;
    for (const auto& [name, item] : value.items()) {
        if (!item.is_string())
            throw InputError(
                "'" + name + "' of field '" + std::string(key) + "' should be a string, not " + jsonKind(item));
        map[name] = item.get<std::string>();
    }
    return map;
}

std::string descriptiveText(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void rethrowWithin(const std::string& where)
{
    try {
        throw;
    } catch (const InputError& e) {
        throw InputError(where + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw InputError(where + ": " + inWords(e));
    }
}

} // namespace pyrometer
