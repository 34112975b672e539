#pragma once

#include <string>
#include <vector>

namespace pyrometer::app {

/// Opens the window; scripts given are added and run at once.
int windowMain(int argc, char** argv, const std::vector<std::string>& scripts);

/// `pyrometer open FILE.json [--screenshot OUT.png] [--size WxH]`: shows results, or renders the window with
/// them to a picture and exits (works with the offscreen platform).
int openMain(int argc, char** argv, const std::vector<std::string>& words);

} // namespace pyrometer::app
