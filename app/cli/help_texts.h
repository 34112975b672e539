#pragma once

#include <string>
#include <vector>

namespace pyrometer::cli {

/// The help of `pyrometer` itself and of the subcommands whose help is not next to their arguments' parser. Every
/// help text is the one source of what `--help` prints, the man page and the shell completions (manual.h).
std::string mainHelp();
std::string openHelp();
std::string recoverHelp();
std::string historyHelp();
std::string bisectHelp();
std::string doctorHelp();

struct CommandHelp
{
    std::string name;
    std::string summary; ///< one line, for the command list
    std::string text; ///< what `pyrometer NAME --help` prints
};

/// Every subcommand, in the order `pyrometer --help` lists them.
const std::vector<CommandHelp>& commandHelps();

} // namespace pyrometer::cli
