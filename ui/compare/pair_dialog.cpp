#include "ui/compare/pair_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace pyrometer::ui {
namespace {
QComboBox* benchmarkBox(const Results& results, const QString& objectName)
{
    auto* box = new QComboBox;
    box->setObjectName(objectName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto& benchmark : results.benchmarks)
        box->addItem(QString::fromStdString(benchmark.name));
    return box;
}
} // namespace

PairDialog::PairDialog(const Results& baseline, const Results& candidate, bool withinOne, QWidget* parent)
    : QDialog(parent)
    , m_baseline(benchmarkBox(baseline, QStringLiteral("baselineBenchmark")))
    , m_candidate(benchmarkBox(candidate, QStringLiteral("candidateBenchmark")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_withinOne(withinOne)
{
    setWindowTitle(tr("Pair by Hand"));
    auto* layout = new QFormLayout(this);
    auto* help = new QLabel(withinOne ? tr("Compare two benchmarks of the same run. When the run interleaved them, "
                                           "their runs are compared in pairs, which cancels the machine's drift.")
                                      : tr("Compare a benchmark of the baseline with one of the candidate, "
                                           "whatever their names. A pair made before with either is undone."));
    help->setWordWrap(true);
    layout->addRow(help);
    layout->addRow(withinOne ? tr("Baseline (old):") : tr("Baseline:"), m_baseline);
    layout->addRow(withinOne ? tr("Candidate (new):") : tr("Candidate:"), m_candidate);
    layout->addRow(m_buttons);
    // Within one run, the second benchmark is the natural candidate: old.py, new.py.
    if (withinOne && m_candidate->count() > 1)
        m_candidate->setCurrentIndex(1);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_baseline, &QComboBox::currentIndexChanged, this, &PairDialog::updateButtons);
    connect(m_candidate, &QComboBox::currentIndexChanged, this, &PairDialog::updateButtons);
    updateButtons();
}

std::string PairDialog::baselineName() const
{
    return m_baseline->currentText().toStdString();
}

std::string PairDialog::candidateName() const
{
    return m_candidate->currentText().toStdString();
}

void PairDialog::updateButtons()
{
    const bool self = m_withinOne && m_baseline->currentIndex() == m_candidate->currentIndex();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_baseline->currentIndex() >= 0 && m_candidate->currentIndex() >= 0 && !self);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(self ? tr("A benchmark compared with itself shows no change") : QString());
}

} // namespace pyrometer::ui
