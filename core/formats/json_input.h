#pragma once

#include "core/formats/results_json.h"
#include "core/model/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyrometer {

// Every file Pyrometer reads (results, journals, workbenches, other tools' files) comes in through here: its
// size, nesting and number of values are bounded, and whatever is wrong with it, from an unreadable path to a
// field of the wrong type deep inside, becomes one InputError in Pyrometer's words that names the place.

/// What one input file may cost. Beyond a limit the file is refused with one line naming the limit.
struct InputLimits
{
    std::size_t maxBytes = std::size_t(256) << 20; ///< the file's text, after decompression
    std::size_t maxValues = 20'000'000; ///< JSON values of every kind
    std::size_t maxDepth = 64; ///< arrays and objects inside each other
};

/// Reads a whole file of at most `maxBytes`, decompressing gzip. Never blocks on a fifo without a writer, never
/// reads more than the limit from a device that does not end, refuses a directory. Throws InputError.
std::string readInputFile(const std::filesystem::path& path, std::size_t maxBytes = InputLimits {}.maxBytes);

/// Parses JSON text within the limits. Throws InputError: a syntax error with its line and column, a number too
/// large for a double, nesting or size beyond the limits. With `pythonConstants`, the `NaN`, `Infinity` and
/// `-Infinity` that Python's json module writes are read as null.
Json parseJson(std::string_view text, const InputLimits& limits = {}, bool pythonConstants = false);

// Fields of a JSON object, read with checks: a missing field, a value of the wrong type or out of its range
// throws InputError naming the field and what is wrong with it.

/// The field, which must be there (null counts as there).
const Json& field(const Json& object, std::string_view key);
/// The field, or nullptr when it is missing or null.
const Json* optionalField(const Json& object, std::string_view key);
std::string textField(const Json& object, std::string_view key);
std::optional<std::string> optionalTextField(const Json& object, std::string_view key);
bool flagField(const Json& object, std::string_view key);
/// A whole number in [low, high].
std::int64_t integerField(const Json& object, std::string_view key, std::int64_t low, std::int64_t high);
std::optional<std::int64_t> optionalIntegerField(
    const Json& object, std::string_view key, std::int64_t low, std::int64_t high);
/// A finite number in [low, high].
double numberField(const Json& object, std::string_view key, double low, double high);
std::optional<double> optionalNumberField(const Json& object, std::string_view key, double low, double high);
/// A duration in seconds: finite, not negative, at most `maxSeconds`.
double secondsField(const Json& object, std::string_view key);
/// A time in seconds, or nothing when the field is absent or null.
std::optional<double> optionalSecondsField(const Json& object, std::string_view key);
std::vector<std::string> textListField(const Json& object, std::string_view key);
/// An object whose values are all strings, as environment variables.
std::map<std::string, std::string> textMapField(const Json& object, std::string_view key);
/// A descriptive field of another tool's file (host name, CPU model), which varies between its versions: its text
/// when it is a string, else empty. Never throws.
std::string descriptiveText(const Json& object, std::string_view key);

/// The longest duration a file may hold, in seconds (about 31 years): any longer is a damaged value.
inline constexpr double maxSeconds = 1e6; // 11.6 days; a run's Duration reaches 106 days

/// An array, which must be there.
const Json& arrayField(const Json& object, std::string_view key);

/// Values, checked like fields: `what` names the value in errors ("time 3", "field 'calls'").
double secondsValue(const Json& value, const std::string& what);
std::int64_t integerValue(const Json& value, const std::string& what, std::int64_t low, std::int64_t high);
double numberValue(const Json& value, const std::string& what, double low, double high);

/// The largest count a file may hold: exact in a double.
inline constexpr std::int64_t maxCount = std::int64_t(1) << 53;

/// What `value` is, for messages: "a string", "a number", "null".
std::string jsonKind(const Json& value);

/// Runs `read`; an InputError it throws is thrown again with `where` before its message ("run 3: …"), so that
/// nested readers name the whole path to the damage. A JSON library error becomes an InputError in Pyrometer's
/// words too.
template <typename F> auto within(const std::string& where, F&& read) -> decltype(read());
[[noreturn]] void rethrowWithin(const std::string& where);

template <typename F> auto within(const std::string& where, F&& read) -> decltype(read())
{
    try {
        return read();
    } catch (...) {
        rethrowWithin(where);
    }
}

/// Calls `read(item)` for every item of the array field `key`, naming the item in errors ("run 3: …").
template <typename F> void forEachItem(const Json& object, std::string_view key, const std::string& itemName, F&& read)
{
    const auto& items = arrayField(object, key);
    for (std::size_t i = 0; i < items.size(); ++i) {
        within(itemName + " " + std::to_string(i + 1), [&] {
            read(items[i]);
            return 0;
        });
    }
}

} // namespace pyrometer
