#include "cli/commands.h"

#include "core/version.h"

#include <iostream>
#include <string>
#include <vector>

namespace {
constexpr const char* usage = R"(Usage: pyrometer COMMAND [options]

Pyrometer measures how fast Python scripts (or any command) run, how much memory they take, and how
sure you can be of it.

Commands:
  run       run and measure scripts or commands (pyrometer run --help)
  recover   turn the journal of an interrupted run into results

Options:
  --version   print the version
  --help      this help
)";
}

int main(int argc, char** argv)
{
    using namespace pyrometer::cli;
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << usage;
        return ExitUsage;
    }
    const std::string command = words.front();
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    if (command == "--version" || command == "-V") {
        std::cout << "pyrometer " << PYROMETER_VERSION << "\n";
        return ExitOk;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << usage;
        return ExitOk;
    }
    if (command == "run")
        return runCommand(rest);
    if (command == "recover")
        return recoverCommand(rest);
    std::cerr << "pyrometer: unknown command '" << command << "' (see pyrometer --help)\n";
    return ExitUsage;
}
