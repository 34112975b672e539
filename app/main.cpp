#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/terminal_text.h"

#include "core/measure/spawn_helper.h"
#include "core/model/version.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

/// The window is a program of its own, pyrometer-window, which this one becomes: the terminal commands then
/// never load Qt Widgets and Qt Charts (and start in about a millisecond), while the user still types one command.
/// `words` are its arguments; argv[0] stays, so that the window's class on the desktop is "pyrometer".
int becomeWindow(const char* argv0, const std::vector<std::string>& words)
{
    const auto window = pyrometer::companionProgram("pyrometer-window");
    if (window.empty()) {
        std::cerr << "pyrometer: the window program is missing (looked for "
                  << pyrometer::companionPlaces("pyrometer-window") << "); install Pyrometer whole\n";
        return pyrometer::cli::ExitUsage;
    }
    std::vector<char*> arguments { const_cast<char*>(argv0) };
    for (const auto& word : words)
        arguments.push_back(const_cast<char*>(word.c_str()));
    arguments.push_back(nullptr);
    ::execv(window.c_str(), arguments.data());
    std::cerr << "pyrometer: cannot start " << window << ": " << std::strerror(errno) << "\n";
    return pyrometer::cli::ExitFailed;
}
} // namespace

int main(int argc, char** argv)
{
    using namespace pyrometer;
    // Names, paths and a failing script's output reach the terminal with their control characters made visible.
    cli::escapeControlsOnStandardStreams();
    std::vector<std::string> words(argv + 1, argv + argc);
    const std::string command = words.empty() ? std::string() : words.front();
    const std::vector<std::string> rest(words.begin() + (words.empty() ? 0 : 1), words.end());
    // --version answers after any command too ("pyrometer run --version"), as it does alone; after "--" a word is
    // the benchmark's own.
    const auto dashes = std::find(words.begin(), words.end(), "--");
    if (command == "-V" || std::find(words.begin(), dashes, "--version") != dashes) {
        std::cout << "pyrometer " << PYROMETER_VERSION << "\n";
        return cli::ExitOk;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << cli::mainHelp();
        return cli::ExitOk;
    }
    if (command == "open")
        return becomeWindow(argv[0], words);
    // Before anything else, while Pyrometer is small and has one thread: see spawn_helper.h. Only the commands that
    // measure need it.
    if (command == "run" || command == "bisect" || command == "doctor")
        spawn_helper::start();
    if (command == "run")
        return cli::runCommand(rest);
    if (command == "compare")
        return cli::compareCommand(rest);
    if (command == "recover")
        return cli::recoverCommand(rest);
    if (command == "history")
        return cli::historyCommand(rest);
    if (command == "bisect")
        return cli::bisectCommand(rest);
    if (command == "doctor")
        return cli::doctorCommand(rest);
    if (!command.empty() && command.front() == '-') {
        std::cerr << "pyrometer: unknown option '" << command << "' (see pyrometer --help)\n";
        return cli::ExitUsage;
    }
    // A word that is no file and no script or results file name is a mistyped command, not a file to open.
    if (!command.empty() && !command.ends_with(".py") && !command.ends_with(".json")
        && !std::filesystem::exists(command)) {
        std::cerr << "pyrometer: unknown command '" << command << "' (see pyrometer --help)\n";
        return cli::ExitUsage;
    }
    // Results files: shown in the window, as by 'pyrometer open' (which says what to do without a display).
    const auto isResults = [](const std::string& word) { return word.ends_with(".json"); };
    if (!words.empty() && std::all_of(words.begin(), words.end(), isResults)) {
        std::vector<std::string> open { "open" };
        open.insert(open.end(), words.begin(), words.end());
        return becomeWindow(argv[0], open);
    }
    if (std::any_of(words.begin(), words.end(), isResults)) {
        std::cerr << "pyrometer: give scripts to run or results files to show, not both (see pyrometer --help)\n";
        return cli::ExitUsage;
    }
    // Scripts, or nothing: the window, or the terminal table where no window can be shown.
    if (!cli::haveDisplay()) {
        if (words.empty()) {
            std::cerr << "pyrometer: no display for the window; use 'pyrometer run SCRIPT...' (see pyrometer --help)\n";
            return cli::ExitUsage;
        }
        std::cerr << "pyrometer: no display; measuring on the terminal (pyrometer run)\n";
        spawn_helper::start();
        return cli::runCommand(words);
    }
    for (const auto& word : words) {
        if (word.starts_with("-")) {
            std::cerr << "pyrometer: the window takes scripts only; options such as " << word
                      << " go with 'pyrometer run' (see pyrometer --help)\n";
            return cli::ExitUsage;
        }
    }
    return becomeWindow(argv[0], words);
}
