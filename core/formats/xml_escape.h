#pragma once

#include <string>
#include <string_view>

namespace pyrometer {

/// Text safe in HTML and XML content and attribute values: & < > " ' as entities, control characters dropped.
std::string xmlEscape(std::string_view text);

} // namespace pyrometer
