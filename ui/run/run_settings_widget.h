#pragma once

#include "core/measure/suite.h"
#include "core/model/run_plan.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSettings;
class QSpinBox;
QT_END_NAMESPACE

namespace pyrometer::ui {

/// The run settings form: interpreter for new scripts, runs, warmups, timeout, hash-seed policy, order, whether
/// to go on after a failure, the memory sampling rate and what instrumented runs look at. It turns them into plan
/// settings and back.
class RunSettingsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RunSettingsWidget(QWidget* parent = nullptr);

Q_SIGNALS:
    /// The sizes for functions that take one changed to `sizes` (valid ones only).
    void sizesChanged(const std::vector<std::int64_t>& sizes);
    /// One line for the status bar.
    void message(const QString& text);

public:
    /// The interpreter given to scripts added from now on.
    QString interpreter() const;
    /// Sets every benchmark's runs, warmups, timeout and hash seed, each benchmark function's time per value and
    /// garbage collector, and the plan's order and failure policy.
    void applyTo(RunPlan& plan) const;
    /// How benchmark files added now become benchmarks: the sizes of functions that take one, their time per value
    /// and garbage collector.
    SuiteOptions suiteOptions() const;
    /// What is wrong with the form ("CPUs: …"), or "" when the settings can be applied.
    QString problem() const;
    /// Whether each run's results go into the history store when it ends ("Save to the history", on by default).
    bool saveToHistory() const;
    /// Shows the settings of a loaded plan (those of its first benchmark).
    void showPlan(const RunPlan& plan);
    void restore(const QSettings& settings);
    void save(QSettings& settings) const;

private:
    QComboBox* m_interpreter;
    QSpinBox* m_runs;
    QSpinBox* m_warmups;
    QDoubleSpinBox* m_timeout;
    QComboBox* m_seedPolicy;
    QSpinBox* m_seed;
    QComboBox* m_order;
    QCheckBox* m_ignoreFailure;
    QSpinBox* m_sampleHz;
    QCheckBox* m_gc;
    QCheckBox* m_heap;
    QCheckBox* m_profile;
    QCheckBox* m_tracemalloc;
    QLineEdit* m_sizes;
    QDoubleSpinBox* m_minTime;
    QCheckBox* m_gcOff;
    QCheckBox* m_saveHistory;
    QLineEdit* m_cpus;
    QSpinBox* m_nice;
    QDoubleSpinBox* m_precision; ///< 0: a fixed number of runs
    QSpinBox* m_maxRuns;
    std::vector<std::int64_t> m_sizesShown; ///< the last valid sizes
    void takeSizes();
};

} // namespace pyrometer::ui
