#include "commands.h"
#include "help_texts.h"

#include "core/doctor/doctor.h"
#include "core/doctor/machine_floor.h"
#include "core/measure/process_launcher.h"
#include "core/model/error.h"

#include <filesystem>
#include <iostream>

namespace pyrometer::cli {
int doctorCommand(const std::vector<std::string>& words)
{
    bool json = false;
    bool checksOnly = false;
    DoctorOptions options;
    try {
        for (std::size_t i = 0; i < words.size(); ++i) {
            const auto& word = words[i];
            const auto value = [&]() -> std::string {
                if (i + 1 >= words.size())
                    throw InputError(word + " needs a value");
                return words[++i];
            };
            if (word == "-h" || word == "--help") {
                std::cout << doctorHelp();
                return ExitOk;
            } else if (word == "--json") {
                json = true;
            } else if (word == "--checks-only") {
                checksOnly = true;
            } else if (word == "--python") {
                options.python = value();
                if (options.python.empty())
                    throw InputError("--python needs an interpreter");
            } else if (word == "--root") {
                options.root = value();
                if (!std::filesystem::is_directory(options.root / "proc"))
                    throw InputError("--root " + options.root.string() + ": no proc/ folder there");
            } else {
                throw InputError("unknown " + std::string(word.starts_with("-") ? "option " : "argument ") + word
                    + " (see pyrometer doctor --help)");
            }
        }
        DoctorReport report;
        if (checksOnly || options.root != "/") {
            // Another machine's tree cannot be measured from here: only its checks are read.
            report = checkOnlyDoctor(options.root);
        } else {
            refuseWithoutSpawnHelper();
            ProcessLauncher launcher;
            report = runDoctor(launcher, options);
            // The floor stands for the runs of the next 30 days: their findings read run times against it.
            try {
                rememberMachineFloor(report);
            } catch (const std::exception& e) {
                std::cerr << "pyrometer doctor: warning: the noise floor is not kept for later runs: " << e.what()
                          << "\n";
            }
        }
        std::cout << (json ? doctorJson(report) : doctorText(report));
        return ExitOk;
    } catch (const InputError& error) {
        std::cerr << "pyrometer doctor: " << error.what() << "\n";
        return ExitUsage;
    }
}
} // namespace pyrometer::cli
