// pyrometer-window: the window, which `pyrometer` becomes when it is asked for one (see main.cpp).
#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "gui_main.h"

#include "core/measure/spawn_helper.h"

#include <string>
#include <vector>

int main(int argc, char** argv)
{
    using namespace pyrometer;
    // First of all, while the window is small and has one thread: see spawn_helper.h.
    spawn_helper::start();
    cli::escapeControlsOnStandardStreams();
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (!words.empty() && words.front() == "open")
        return app::openMain(argc, argv, std::vector<std::string>(words.begin() + 1, words.end()));
    return app::windowMain(argc, argv, words);
}
