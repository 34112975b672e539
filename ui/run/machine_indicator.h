#pragma once

#include "core/doctor/doctor.h"

#include <QDialog>
#include <QToolButton>

#include <optional>
#include <thread>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// What `pyrometer doctor` finds, in a dialog: the checks at once, and the full doctor (floors, noise, the
/// instrument's validation, the verdict) measured on a thread of its own when asked for.
class DoctorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DoctorDialog(QWidget* parent = nullptr);
    ~DoctorDialog() override;
    /// Shows `report` (the quick checks, or a full doctor's).
    void show(const DoctorReport& report);
    /// Starts the full doctor; `finished` follows.
    void runDoctor();
    bool running() const;

Q_SIGNALS:
    void finished(const pyrometer::DoctorReport& report);

private:
    QLabel* m_verdict;
    QPlainTextEdit* m_text;
    QPushButton* m_run;
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

/// The machine's state in the status bar: a green, amber or red dot with a word, from the checks of what changes
/// from minute to minute (load, CPU and memory pressure, swap, steal), read every few seconds; after a full doctor,
/// its verdict. A click opens the doctor's findings, with a button to run the full doctor.
class MachineIndicator : public QToolButton
{
    Q_OBJECT
public:
    explicit MachineIndicator(QWidget* parent = nullptr);
    ~MachineIndicator() override;
    /// Reads the checks now, on the calling thread (every 5 s they are read on a thread of their own): under
    /// `root` for tests.
    void refresh();
    void setRoot(const std::filesystem::path& root);
    Rating rating() const { return m_rating; }
    DoctorDialog* dialog() const { return m_dialog; }

private:
    void poll();
    void showChecks(const DoctorReport& quick);
    void showRating(Rating rating, const QString& word, const QString& tip);
    std::filesystem::path m_root = "/";
    Rating m_rating = Rating::Good;
    DoctorReport m_quick;
    std::optional<DoctorReport> m_full;
    DoctorDialog* m_dialog;
    QTimer* m_timer;
    bool m_polling = false;
    std::jthread m_poller; ///< last, so that it is joined before the rest goes
};

} // namespace pyrometer::ui
