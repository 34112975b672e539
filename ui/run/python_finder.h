#pragma once

#include <QStringList>

namespace pyrometer::ui {

/// Pythons on this machine: python3, python3.N and pypy3 on PATH, /usr/bin and /usr/local/bin, and pyenv's
/// versions; one entry per real executable, the PATH name first.
QStringList findPythons();

} // namespace pyrometer::ui
