#pragma once

#include <string>
#include <vector>

namespace pyrometer::cli {

/// `pyrometer run`: measures, prints the report, writes the exports. Returns the process exit status.
int runCommand(const std::vector<std::string>& words);

/// `pyrometer compare BASELINE CANDIDATE`: compares two results files and writes the reports.
int compareCommand(const std::vector<std::string>& words);

/// `pyrometer recover JOURNAL`: turns the journal of an interrupted run into results.
int recoverCommand(const std::vector<std::string>& words);

/// `pyrometer history`: what the history store holds.
int historyCommand(const std::vector<std::string>& words);

/// `pyrometer bisect --good REV --bad REV TARGET…`: the first commit at which the targets got slower.
int bisectCommand(const std::vector<std::string>& words);

/// `pyrometer doctor`: checks and calibrates the machine, and says whether it can measure small changes.
int doctorCommand(const std::vector<std::string>& words);

/// Throws InputError when the spawn helper is missing beside the executable: runs measured without it would count
/// Pyrometer's own memory in their peak RSS, so none are.
void refuseWithoutSpawnHelper();

/// True when a window can be shown: a display, or a Qt platform chosen explicitly (offscreen for tests).
bool haveDisplay();

/// Exit statuses shared by every subcommand.
enum ExitStatus { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitInterrupted = 130 };

} // namespace pyrometer::cli
