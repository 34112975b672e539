#pragma once

#include <QStringList>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// Pythons on this machine: python3, python3.N and pypy3 on PATH, /usr/bin and /usr/local/bin, and pyenv's
/// versions; one entry per real executable, the PATH name first.
QStringList findPythons();

/// The version an interpreter's path tells without running it ("Python 3.11" for /usr/bin/python3, a link to
/// python3.11; "Python 3.12.1" for pyenv's versions/3.12.1; "PyPy" for pypy3); empty when the path does not say.
QString pythonVersionHint(const QString& path);

/// Fills `combo` with `pythons`, each shown in the list with its version and full path beside it, so that
/// equal-looking paths are told apart; the edit field keeps the path alone.
void fillPythonChoices(QComboBox* combo, const QStringList& pythons);

} // namespace pyrometer::ui
