#include "ui/run/machine_indicator.h"

#include "core/doctor/machine_floor.h"
#include "core/measure/process_launcher.h"
#include "core/measure/spawn_helper.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <thread>

namespace pyrometer::ui {
namespace {
QColor colourOf(Rating rating)
{
    switch (rating) {
    case Rating::Good:
        return QColor(0x2e, 0xa0, 0x43);
    case Rating::Notice:
        return QColor(0xe0, 0x9b, 0x10);
    case Rating::Bad:
        return QColor(0xd0, 0x30, 0x30);
    }
    return Qt::gray;
}

QIcon dot(const QColor& colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(140));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    return QIcon(pixmap);
}

Rating ratingOf(MachineVerdict verdict)
{
    return verdict == MachineVerdict::Quiet ? Rating::Good
        : verdict == MachineVerdict::Noisy  ? Rating::Notice
                                            : Rating::Bad;
}

/// The checks of what changes from minute to minute, rated: what a run started now would record.
DoctorReport quickChecks(const std::filesystem::path& root)
{
    auto report = checkOnlyDoctor(root);
    std::erase_if(report.checks, [](const MachineCheck& check) { return !check.changing; });
    decideVerdict(report);
    return report;
}
} // namespace

struct DoctorDialog::Worker
{
    std::jthread thread;
};

DoctorDialog::DoctorDialog(QWidget* parent)
    : QDialog(parent)
    , m_verdict(new QLabel)
    , m_text(new QPlainTextEdit)
    , m_run(new QPushButton(tr("Run the Doctor")))
{
    setWindowTitle(tr("Pyrometer Doctor"));
    setObjectName(QStringLiteral("doctorDialog"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_text->setReadOnly(true);
    m_text->setFont(QFont(QStringLiteral("monospace")));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_run->setObjectName(QStringLiteral("runDoctor"));
    m_run->setToolTip(tr("Measure this machine: the start-up floors, the noise of a fixed loop and the smallest "
                         "change 30 runs a side can detect, and the instrument against known sleeps, CPU work and "
                         "memory (about 5 s; as pyrometer doctor)"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &DoctorDialog::runDoctor);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(1000, 620);
}

DoctorDialog::~DoctorDialog() = default;

void DoctorDialog::show(const DoctorReport& report)
{
    m_verdict->setText(report.noise || !report.validations.empty()
            ? tr("The full doctor, measured at %1.").arg(QString::fromStdString(report.date))
            : tr("What changes from minute to minute, read now. Run the Doctor to measure this machine: its noise, "
                 "the smallest change it lets you see, and the instrument (about 5 s)."));
    m_text->setPlainText(QString::fromStdString(doctorText(report)));
}

bool DoctorDialog::running() const
{
    return m_worker && m_worker->thread.joinable() && !m_run->isEnabled();
}

void DoctorDialog::runDoctor()
{
    if (!m_run->isEnabled())
        return;
    if (const auto problem = spawn_helper::missingProblem(); !problem.empty()) {
        m_verdict->setText(tr("The doctor cannot measure: %1").arg(QString::fromStdString(problem)));
        return;
    }
    m_run->setEnabled(false);
    m_verdict->setText(tr("Measuring this machine (about 5 s)…"));
    m_worker = std::make_unique<Worker>();
    // Closing the window stops the doctor at its next run (the jthread's stop), and a doctor stopped early is
    // neither shown nor kept.
    m_worker->thread = std::jthread([this](std::stop_token stop) {
        ProcessLauncher launcher;
        DoctorOptions options;
        options.stop = stop;
        const auto report = pyrometer::runDoctor(launcher, options);
        if (stop.stop_requested())
            return;
        try {
            rememberMachineFloor(report); // the runs' findings read their times against it
        } catch (const std::exception&) {
            // Not kept (a read-only home): the report is still shown, and runs judge noise without it.
        }
        QMetaObject::invokeMethod(this, [this, report] {
            m_run->setEnabled(true);
            show(report);
            Q_EMIT finished(report);
        });
    });
}

MachineIndicator::MachineIndicator(QWidget* parent)
    : QToolButton(parent)
    , m_dialog(new DoctorDialog(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("machineIndicator"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    connect(this, &QToolButton::clicked, this, [this] {
        m_dialog->show(m_full ? *m_full : m_quick);
        m_dialog->open();
    });
    connect(m_dialog, &DoctorDialog::finished, this, [this](const DoctorReport& report) {
        m_full = report;
        refresh();
    });
    connect(m_timer, &QTimer::timeout, this, &MachineIndicator::poll);
    m_timer->start(5000);
    refresh();
}

MachineIndicator::~MachineIndicator() = default;

void MachineIndicator::poll()
{
    // The checks take about 10 ms (five readings of the runnable tasks, 2 ms apart): read on a thread of their
    // own, so that the window never waits for them.
    if (m_polling)
        return;
    m_polling = true;
    m_poller = std::jthread([this, root = m_root] {
        auto report = quickChecks(root);
        QMetaObject::invokeMethod(this, [this, report = std::move(report)] {
            m_polling = false;
            showChecks(report);
        });
    });
}

void MachineIndicator::setRoot(const std::filesystem::path& root)
{
    m_root = root;
    refresh();
}

void MachineIndicator::refresh()
{
    showChecks(quickChecks(m_root));
}

void MachineIndicator::showChecks(const DoctorReport& quick)
{
    m_quick = quick;
    Rating now = Rating::Good;
    QStringList seen;
    for (const auto& check : m_quick.checks) {
        now = worse(now, check.rating);
        if (check.rating != Rating::Good)
            seen << QString::fromStdString(check.title + ": " + check.observed);
    }
    // The full doctor's verdict stands while the machine is no busier than it was.
    if (m_full && now != Rating::Bad) {
        const auto verdict = m_full->verdict;
        showRating(ratingOf(verdict),
            verdict == MachineVerdict::Quiet       ? tr("Machine: quiet")
                : verdict == MachineVerdict::Noisy ? tr("Machine: noisy")
                                                   : tr("Machine: unusable"),
            QString::fromStdString(m_full->reason));
        return;
    }
    const QString word = now == Rating::Good ? tr("Machine: quiet")
        : now == Rating::Notice              ? tr("Machine: may be noisy")
                                             : tr("Machine: noisy");
    showRating(now, word,
        seen.isEmpty() ? tr("Nothing busy now (load, pressure, swap, steal); click for the checks and the doctor")
                       : seen.join(QLatin1Char('\n')));
}

void MachineIndicator::showRating(Rating rating, const QString& word, const QString& tip)
{
    m_rating = rating;
    setIcon(dot(colourOf(rating)));
    setText(word);
    setToolTip(tip);
}

} // namespace pyrometer::ui
