#pragma once

#include "core/model/results.h"

#include <QDialog>
#include <string>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// Picks one benchmark of the baseline and one of the candidate to compare, among all of them: a pair made
/// before is replaced, so the user can re-pair at will. Within one set of results a benchmark is never paired
/// with itself.
class PairDialog : public QDialog
{
    Q_OBJECT
public:
    PairDialog(const Results& baseline, const Results& candidate, bool withinOne, QWidget* parent = nullptr);

    std::string baselineName() const;
    std::string candidateName() const;

private:
    void updateButtons();

    QComboBox* m_baseline;
    QComboBox* m_candidate;
    QDialogButtonBox* m_buttons;
    bool m_withinOne;
};

} // namespace pyrometer::ui
