#pragma once

#include "ui/snapshot/results_snapshot.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace pyrometer::ui {

class FlameGraphWidget;
class HotspotsModel;

/// Where the time goes in one benchmark's profiled run: a sortable, filterable table of functions above a flame
/// graph, with what the probe could not see, traced allocations and GC pauses in one line, and export of the
/// hotspots as CSV and of the raw profile as .pstats.
class HotspotsView : public QWidget
{
    Q_OBJECT
public:
    explicit HotspotsView(QWidget* parent = nullptr);

    void setSnapshot(ResultsSnapshot snapshot);
    HotspotsModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    FlameGraphWidget* flameGraph() const { return m_flame; }
    QComboBox* benchmarkChooser() const { return m_benchmark; }
    QLineEdit* filter() const { return m_filter; }
    /// Writes the shown profile; false with a message when it cannot.
    bool exportHotspots(const QString& path, QString* error = nullptr) const;
    bool exportPstats(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    void message(const QString& text);

private:
    void showBenchmark();
    const BenchmarkResult* shownBenchmark() const;
    QString describe(const BenchmarkResult& benchmark) const;

    ResultsSnapshot m_snapshot;
    QComboBox* m_benchmark;
    QLineEdit* m_filter;
    QPushButton* m_exportCsv;
    QPushButton* m_exportPstats;
    QLabel* m_info;
    HotspotsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    FlameGraphWidget* m_flame;
};

} // namespace pyrometer::ui
