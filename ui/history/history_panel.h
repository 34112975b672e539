#pragma once

#include "ui/history/history_chart.h"

#include "core/model/results.h"

#include <QWidget>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// The History tab: pick benchmarks, a branch and a machine from the history store; their trends are drawn with
/// their changes of level (HistoryChart) and listed below. What the store holds is read off the GUI thread, the
/// latest request winning. A clicked run set opens as the results shown; Shift+clicking a second one compares them.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    /// The store it reads (a SQLite file or a PostgreSQL URI); a file that does not exist yet is not made.
    void setStoreLocation(const QString& location);
    QString storeLocation() const { return m_location; }
    /// Reads the store again: its benchmarks, branches and machines, then the trends of the benchmarks chosen.
    void reload();

    HistoryChart* chart() const { return m_chart; }
    QListWidget* benchmarkList() const { return m_benchmarks; }
    QComboBox* branchChoice() const { return m_branch; }
    QComboBox* machineChoice() const { return m_machine; }
    /// The changes of level of the trends shown, a line each.
    QString changesText() const;

Q_SIGNALS:
    void message(const QString& text);
    /// The trends chosen are drawn (after reload(), or a change of choice), or the reason they cannot be is shown.
    void trendsShown();
    void openRunSet(std::shared_ptr<const pyrometer::Results> results, const QString& label);
    void compareRunSets(std::shared_ptr<const pyrometer::Results> baseline, const QString& baselineLabel,
        std::shared_ptr<const pyrometer::Results> candidate, const QString& candidateLabel);

private:
    void loadTrends();
    void showOverview(const HistoryOverview& overview);
    void runSetClicked(qint64 runSet, bool extend);
    /// Whether the answer to read `request` is still wanted and came without `error` (else shown).
    bool answerHolds(quint64 request, const QString& error);

    QString m_location;
    QLabel* m_where;
    QListWidget* m_benchmarks;
    QComboBox* m_branch;
    QComboBox* m_machine;
    HistoryChart* m_chart;
    QPlainTextEdit* m_changes;
    quint64 m_request = 0; ///< the latest read asked for; older answers are dropped
    std::optional<qint64> m_lastClicked; ///< the run set clicked before, for Shift+click
    quint64 m_clicks = 0; ///< the latest click's number
    bool m_filling = false; ///< the choices are being filled: no reads meanwhile
    bool m_machineChosen = false; ///< the user chose the machine (else the one with the most run sets)
};

} // namespace pyrometer::ui
