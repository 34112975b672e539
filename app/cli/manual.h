#pragma once

#include <string>
#include <vector>

namespace pyrometer::cli {

/// An option as a help text lists it: "  -n, --runs N            measured runs per benchmark".
struct OptionHelp
{
    std::string shortName; ///< "-n", or ""
    std::string longName; ///< "--runs", or "" for an option that has only a short name
    std::string argument; ///< "N", "[=METRICS]", or "" for a flag
    std::string description; ///< its lines joined
};

/// The options a help text lists, in its order: its option lines, and the options of its usage lines that no option
/// line lists (recover has only those).
std::vector<OptionHelp> optionsOf(const std::string& helpText);

/// pyrometer(1), in man(7) roff: `pyrometer --help`, then every subcommand's --help, each under its name.
std::string manPage(const std::string& version, const std::string& date);

/// Completion of subcommands, options and files, for bash, zsh and fish.
std::string bashCompletion();
std::string zshCompletion();
std::string fishCompletion();

} // namespace pyrometer::cli
