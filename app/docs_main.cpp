// pyrometer-docs: writes the man page and the shell completions from the --help texts, at build time.
#include "cli/manual.h"

#include "core/model/version.h"

#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr
            << "usage: pyrometer-docs DATE FOLDER (writes pyrometer.1, pyrometer.bash, _pyrometer, pyrometer.fish)\n";
        return 2;
    }
    const std::string folder = argv[2];
    using namespace pyrometer::cli;
    const std::pair<const char*, std::string> files[] = {
        { "pyrometer.1", manPage(PYROMETER_VERSION, argv[1]) },
        { "pyrometer.bash", bashCompletion() },
        { "_pyrometer", zshCompletion() },
        { "pyrometer.fish", fishCompletion() },
    };
    for (const auto& [name, text] : files) {
        std::ofstream out(folder + "/" + name, std::ios::binary);
        if (!(out << text) || !out.flush()) {
            std::cerr << "pyrometer-docs: cannot write " << folder << "/" << name << "\n";
            return 1;
        }
    }
    return 0;
}
