#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "gui_main.h"

#include "core/measure/spawn_helper.h"
#include "core/model/version.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace {
constexpr const char* usage = R"(Usage: pyrometer [SCRIPT...]
       pyrometer COMMAND [options]

Pyrometer measures how fast Python scripts (or any command) run, how much memory they take, and how
sure you can be of it. With no command it opens the workbench window, running the scripts given; with
no display it measures them on the terminal instead (as 'pyrometer run').

Commands:
  run       run and measure scripts or commands on the terminal (pyrometer run --help)
  compare   compare a baseline with a candidate: verdicts, reports, exit codes for CI (pyrometer compare --help)
  open      show a results file in the window, or render it to a picture (--screenshot OUT.png)
  recover   turn the journal of an interrupted run into results
  history   the history store: what it holds, trends and changes of level, import, check (pyrometer history --help)
  bisect    the first commit at which scripts got slower, each step measured against good and bad

Options:
  --version   print the version
  --help      this help
)";
}

int main(int argc, char** argv)
{
    using namespace pyrometer;
    // First of all, while Pyrometer is small and has one thread: see spawn_helper.h.
    spawn_helper::start();
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
        std::cout << usage;
        return cli::ExitOk;
    }
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
    if (command == "open")
        return app::openMain(argc, argv, rest);
    if (!command.empty() && command.front() == '-') {
        std::cerr << "pyrometer: unknown option '" << command << "' (see pyrometer --help)\n";
        return cli::ExitUsage;
    }
    // A word that is no file and no script name is a mistyped command, not a script to open.
    if (!command.empty() && !command.ends_with(".py") && !std::filesystem::exists(command)) {
        std::cerr << "pyrometer: unknown command '" << command << "' (see pyrometer --help)\n";
        return cli::ExitUsage;
    }
    // Scripts, or nothing: the window, or the terminal table where no window can be shown.
    if (!app::haveDisplay()) {
        if (words.empty()) {
            std::cerr << "pyrometer: no display for the window; use 'pyrometer run SCRIPT...' (see pyrometer --help)\n";
            return cli::ExitUsage;
        }
        std::cerr << "pyrometer: no display; measuring on the terminal (pyrometer run)\n";
        return cli::runCommand(words);
    }
    for (const auto& word : words) {
        if (word.starts_with("-")) {
            std::cerr << "pyrometer: the window takes scripts only; options such as " << word
                      << " go with 'pyrometer run' (see pyrometer --help)\n";
            return cli::ExitUsage;
        }
    }
    return app::windowMain(argc, argv, words);
}
