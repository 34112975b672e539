#include "ui/run/run_settings_widget.h"

#include "core/measure/engine.h"
#include "core/measure/machine_checks.h"
#include "core/measure/resource_sampler.h"
#include "core/model/error.h"

#include "ui/run/python_finder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace pyrometer::ui {

RunSettingsWidget::RunSettingsWidget(QWidget* parent)
    : QWidget(parent)
    , m_interpreter(new QComboBox)
    , m_runs(new QSpinBox)
    , m_warmups(new QSpinBox)
    , m_timeout(new QDoubleSpinBox)
    , m_seedPolicy(new QComboBox)
    , m_seed(new QSpinBox)
    , m_order(new QComboBox)
    , m_ignoreFailure(new QCheckBox(tr("Go on after failures")))
    , m_sampleHz(new QSpinBox)
    , m_gc(new QCheckBox(tr("GC")))
    , m_heap(new QCheckBox(tr("Live heap")))
    , m_profile(new QCheckBox(tr("Profile")))
    , m_tracemalloc(new QCheckBox(tr("tracemalloc")))
    , m_sizes(new QLineEdit)
    , m_minTime(new QDoubleSpinBox)
    , m_gcOff(new QCheckBox(tr("GC off while timing")))
    , m_saveHistory(new QCheckBox(tr("Save to the history")))
    , m_cpus(new QLineEdit)
    , m_nice(new QSpinBox)
    , m_precision(new QDoubleSpinBox)
    , m_maxRuns(new QSpinBox)
    , m_sizesShown(defaultSizes)
{
    m_interpreter->setEditable(true);
    fillPythonChoices(m_interpreter, findPythons());
    // Long interpreter paths must not widen the whole column.
    m_interpreter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Six characters (the list shows whole paths and versions): with ten, Browse… lay past the edge of the
    // dock on a 1024-pixel screen in German.
    m_interpreter->setMinimumContentsLength(6);
    m_interpreter->setToolTip(tr("Interpreter for scripts added from now on"));
    m_runs->setRange(1, 1'000'000);
    m_runs->setValue(20);
    m_warmups->setRange(0, 10'000);
    m_warmups->setValue(1);
    m_timeout->setRange(0, 86'400);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_seedPolicy->addItems({ tr("random, per run"), tr("fixed") });
    m_seedPolicy->setToolTip(
        tr("PYTHONHASHSEED: a fresh recorded seed per run, or one fixed seed for tight comparisons"));
    m_seed->setRange(0, 2'147'483'647);
    m_seed->setEnabled(false);
    m_order->addItems({ tr("interleaved (A B C A B C …)"), tr("sequential") });
    // The choices' long texts must not hold the dock wider than a laptop screen leaves it: they elide.
    for (auto* box : { m_seedPolicy, m_order }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    m_sampleHz->setRange(0, maxSampleHz);
    m_sampleHz->setValue(defaultSampleHz);
    m_sampleHz->setSuffix(tr(" Hz"));
    m_sampleHz->setSpecialValueText(tr("off"));
    m_sampleHz->setToolTip(tr("Samples per second of each run's RSS, CPU use and threads"));
    m_ignoreFailure->setToolTip(tr("A benchmark goes on after a failed run (as --ignore-failure): failed runs are "
                                   "kept but left out of the statistics"));
    m_gc->setToolTip(tr("An extra run after the timed ones records every garbage collection: CPython's, or the "
                        "collector of Go, Java and Node.js; of a native program, its live heap"));
    m_heap->setToolTip(tr("The run with GC counts a Python script's live heap too, with a preloaded allocator shim: "
                          "the script then runs on the C library's malloc (PYTHONMALLOC=malloc), which slows it and "
                          "its collections"));
    m_profile->setToolTip(tr("An extra run after the timed ones profiles every function (cProfile)"));
    m_tracemalloc->setToolTip(
        tr("An extra run traces allocations; it slows the script, so it is not the profiled run"));
    // Benchmark functions (bench_*.py files): the sizes of those that take one, the time one value lasts, the GC.
    m_sizes->setText(QStringLiteral("100,1000,10000,100000"));
    m_sizes->setToolTip(tr("Sizes for benchmark functions that take one and have no params: numbers or small "
                           "(100), medium (10,000), large (1,000,000), xlarge (10,000,000), comma-separated"));
    m_minTime->setRange(0.001, 60);
    m_minTime->setDecimals(3);
    m_minTime->setValue(0.1);
    m_minTime->setSuffix(tr(" s"));
    m_minTime->setToolTip(tr("A benchmark function is called in a loop of as many calls as make one value last "
                             "this long (calibrated by the first run, then the same in every run)"));
    m_gcOff->setToolTip(tr("The garbage collector off while a function is timed, as timeit has it (default: on, "
                           "as users run it)"));
    connect(m_sizes, &QLineEdit::editingFinished, this, &RunSettingsWidget::takeSizes);
    m_sizes->setObjectName(QStringLiteral("sizes"));
    m_minTime->setObjectName(QStringLiteral("minTime"));
    m_gcOff->setObjectName(QStringLiteral("gcOff"));
    m_saveHistory->setObjectName(QStringLiteral("saveToHistory"));
    m_saveHistory->setChecked(true);
    m_saveHistory->setToolTip(tr("Keep each run's results in the history store when it ends, for the History tab and "
                                 "pyrometer history (the store: $PYROMETER_STORE, else history.sqlite beside the "
                                 "saved runs)"));
    m_precision->setRange(0, 50);
    m_precision->setDecimals(1);
    m_precision->setSingleStep(0.5);
    m_precision->setPrefix(tr("±"));
    m_precision->setSuffix(tr(" %"));
    m_precision->setSpecialValueText(tr("off: the runs above"));
    m_precision->setToolTip(tr("Run on until the 95% interval of each median lies within ± this much of it (as "
                               "--precision): Runs is then the least, Most runs the cap"));
    m_precision->setObjectName(QStringLiteral("precision"));
    m_maxRuns->setRange(1, 1'000'000);
    m_maxRuns->setValue(200);
    m_maxRuns->setToolTip(tr("With a precision, the runs stop here even when it is not reached (as --max-runs)"));
    m_maxRuns->setObjectName(QStringLiteral("maxRuns"));
    m_maxRuns->setEnabled(false);
    connect(
        m_precision, &QDoubleSpinBox::valueChanged, this, [this](double value) { m_maxRuns->setEnabled(value > 0); });
    m_cpus->setPlaceholderText(tr("any"));
    m_cpus->setToolTip(tr("Pin every run to these CPUs, as 0-3,8 (as --cpu): a run then never moves between CPUs, "
                          "and other work can be kept off them"));
    m_cpus->setObjectName(QStringLiteral("cpus"));
    m_nice->setRange(-21, 19);
    m_nice->setValue(-21);
    m_nice->setSpecialValueText(tr("unchanged"));
    m_nice->setToolTip(tr("Start every run at this niceness, -20 (first) to 19 (last), as --nice; below 0 needs root"));
    m_nice->setObjectName(QStringLiteral("nice"));
    m_interpreter->setObjectName(QStringLiteral("interpreter"));
    m_sampleHz->setObjectName(QStringLiteral("sampleHz"));
    m_gc->setObjectName(QStringLiteral("probeGc"));
    m_heap->setObjectName(QStringLiteral("probeHeap"));
    m_profile->setObjectName(QStringLiteral("probeProfile"));
    m_tracemalloc->setObjectName(QStringLiteral("probeTracemalloc"));
    m_runs->setObjectName(QStringLiteral("runs"));
    m_warmups->setObjectName(QStringLiteral("warmups"));
    m_timeout->setObjectName(QStringLiteral("timeout"));
    connect(
        m_seedPolicy, &QComboBox::currentIndexChanged, this, [this](int policy) { m_seed->setEnabled(policy == 1); });

    // An icon, as the row must fit a narrow dock beside the interpreter's name.
    auto* browse = new QToolButton;
    browse->setText(tr("Browse…"));
    browse->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    browse->setToolButtonStyle(Qt::ToolButtonIconOnly);
    browse->setAccessibleName(tr("Browse…"));
    browse->setToolTip(tr("Browse… — choose an interpreter anywhere on this machine"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Choose Interpreter"), QStringLiteral("/usr/bin"));
        if (!path.isEmpty())
            m_interpreter->setCurrentText(path);
    });
    auto* interpreterRow = new QHBoxLayout;
    interpreterRow->addWidget(m_interpreter, 1);
    interpreterRow->addWidget(browse);
    auto* layout = new QFormLayout(this);
    // In a narrow dock (a laptop screen, longer German labels) a field goes below its label rather than past
    // the dock's edge.
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addRow(tr("Interpreter:"), interpreterRow);
    layout->addRow(tr("Runs:"), m_runs);
    layout->addRow(tr("Precision:"), m_precision);
    layout->addRow(tr("Most runs:"), m_maxRuns);
    layout->addRow(tr("Warmup runs:"), m_warmups);
    layout->addRow(tr("Timeout per run:"), m_timeout);
    layout->addRow(tr("Hash seed:"), m_seedPolicy);
    layout->addRow(tr("Fixed seed:"), m_seed);
    layout->addRow(tr("Order:"), m_order);
    layout->addRow(tr("CPUs:"), m_cpus);
    layout->addRow(tr("Niceness:"), m_nice);
    layout->addRow(m_ignoreFailure);
    layout->addRow(tr("Memory timeline:"), m_sampleHz);
    // One below the other: side by side they held the dock 250 pixels wide.
    auto* inside = new QVBoxLayout;
    for (auto* box : { m_gc, m_heap, m_profile, m_tracemalloc })
        inside->addWidget(box);
    layout->addRow(tr("Instrumented run:"), inside);
    layout->addRow(tr("Function sizes:"), m_sizes);
    layout->addRow(tr("Time per value:"), m_minTime);
    layout->addRow(m_gcOff);
    layout->addRow(m_saveHistory);
}

void RunSettingsWidget::takeSizes()
{
    try {
        const auto sizes = parseScales(m_sizes->text().toStdString());
        if (sizes.empty())
            throw InputError("no sizes");
        if (sizes == m_sizesShown)
            return;
        m_sizesShown = sizes;
        Q_EMIT sizesChanged(sizes);
    } catch (const InputError& e) {
        Q_EMIT message(tr("Function sizes: %1").arg(QString::fromStdString(e.what())));
    }
}

SuiteOptions RunSettingsWidget::suiteOptions() const
{
    SuiteOptions options;
    options.sizes = m_sizesShown;
    options.minTimeNs = static_cast<std::int64_t>(std::llround(m_minTime->value() * 1e9));
    options.gcOff = m_gcOff->isChecked();
    return options;
}

QString RunSettingsWidget::interpreter() const
{
    return m_interpreter->currentText();
}

void RunSettingsWidget::applyTo(RunPlan& plan) const
{
    plan.order = m_order->currentIndex() == 1 ? RunOrder::Sequential : RunOrder::Interleaved;
    plan.ignoreFailure = m_ignoreFailure->isChecked();
    for (auto& request : plan.benchmarks) {
        request.settings.runs = m_runs->value();
        request.settings.warmups = m_warmups->value();
        if (m_timeout->value() > 0)
            request.settings.timeout = nanosecondsFromSeconds(m_timeout->value());
        else
            request.settings.timeout.reset();
        if (m_seedPolicy->currentIndex() == 1)
            request.settings.fixedHashSeed = static_cast<std::uint32_t>(m_seed->value());
        else
            request.settings.fixedHashSeed.reset();
        request.settings.sampleHz = m_sampleHz->value();
        request.settings.probe = { m_gc->isChecked() || m_heap->isChecked(), m_profile->isChecked(),
            m_tracemalloc->isChecked(), m_heap->isChecked() };
        if (m_precision->value() > 0) {
            AdaptiveRuns adaptive;
            adaptive.minRuns = std::min(m_runs->value(), m_maxRuns->value());
            adaptive.maxRuns = m_maxRuns->value();
            adaptive.precision = m_precision->value() / 100;
            request.settings.adaptive = adaptive;
        } else {
            request.settings.adaptive.reset();
        }
        request.settings.cpus = parseCpuList(m_cpus->text().trimmed().toStdString());
        if (m_nice->value() >= -20)
            request.settings.nice = m_nice->value();
        else
            request.settings.nice.reset();
        if (request.function) {
            const auto options = suiteOptions();
            request.function->minTimeNs = options.minTimeNs;
            request.function->gcOff = options.gcOff;
        }
    }
}

QString RunSettingsWidget::problem() const
{
    const auto cpus = m_cpus->text().trimmed();
    if (!cpus.isEmpty() && parseCpuList(cpus.toStdString()).empty())
        return tr("CPUs: '%1' is not a list of CPUs like 0-3,8").arg(cpus);
    return {};
}

void RunSettingsWidget::showPlan(const RunPlan& plan)
{
    m_order->setCurrentIndex(plan.order == RunOrder::Sequential ? 1 : 0);
    m_ignoreFailure->setChecked(plan.ignoreFailure);
    if (plan.benchmarks.empty())
        return;
    const auto& s = plan.benchmarks.front().settings;
    m_runs->setValue(s.runs);
    m_warmups->setValue(s.warmups);
    m_timeout->setValue(s.timeout ? toSeconds(*s.timeout) : 0.0);
    m_seedPolicy->setCurrentIndex(s.fixedHashSeed ? 1 : 0);
    m_seed->setValue(static_cast<int>(s.fixedHashSeed.value_or(0)));
    m_sampleHz->setValue(s.sampleHz);
    m_gc->setChecked(s.probe.gc);
    m_heap->setChecked(s.probe.heap);
    m_profile->setChecked(s.probe.profile);
    m_tracemalloc->setChecked(s.probe.tracemalloc);
    m_cpus->setText(QString::fromStdString(formatCpuList(s.cpus)));
    m_nice->setValue(s.nice.value_or(-21));
    m_precision->setValue(s.adaptive && s.adaptive->precision ? *s.adaptive->precision * 100 : 0.0);
    if (s.adaptive) {
        m_runs->setValue(s.adaptive->minRuns);
        m_maxRuns->setValue(s.adaptive->maxRuns);
    }
    for (const auto& request : plan.benchmarks) {
        if (request.function) {
            m_minTime->setValue(static_cast<double>(request.function->minTimeNs) / 1e9);
            m_gcOff->setChecked(request.function->gcOff);
            break;
        }
    }
}

void RunSettingsWidget::restore(const QSettings& settings)
{
    const auto interpreter = settings.value(QStringLiteral("interpreter")).toString();
    if (!interpreter.isEmpty())
        m_interpreter->setCurrentText(interpreter);
    m_runs->setValue(settings.value(QStringLiteral("runs"), m_runs->value()).toInt());
    m_warmups->setValue(settings.value(QStringLiteral("warmups"), m_warmups->value()).toInt());
    m_sampleHz->setValue(settings.value(QStringLiteral("sampleHz"), m_sampleHz->value()).toInt());
    m_gc->setChecked(settings.value(QStringLiteral("probeGc"), false).toBool());
    m_heap->setChecked(settings.value(QStringLiteral("probeHeap"), false).toBool());
    m_profile->setChecked(settings.value(QStringLiteral("probeProfile"), false).toBool());
    m_tracemalloc->setChecked(settings.value(QStringLiteral("probeTracemalloc"), false).toBool());
    m_sizes->setText(settings.value(QStringLiteral("functionSizes"), m_sizes->text()).toString());
    takeSizes();
    m_minTime->setValue(settings.value(QStringLiteral("minTime"), m_minTime->value()).toDouble());
    m_gcOff->setChecked(settings.value(QStringLiteral("gcOff"), false).toBool());
    m_saveHistory->setChecked(settings.value(QStringLiteral("saveToHistory"), true).toBool());
    m_cpus->setText(settings.value(QStringLiteral("cpus")).toString());
    m_nice->setValue(settings.value(QStringLiteral("nice"), -21).toInt());
    m_precision->setValue(settings.value(QStringLiteral("precision"), 0.0).toDouble());
    m_maxRuns->setValue(settings.value(QStringLiteral("maxRuns"), m_maxRuns->value()).toInt());
}

void RunSettingsWidget::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("interpreter"), m_interpreter->currentText());
    settings.setValue(QStringLiteral("runs"), m_runs->value());
    settings.setValue(QStringLiteral("warmups"), m_warmups->value());
    settings.setValue(QStringLiteral("sampleHz"), m_sampleHz->value());
    settings.setValue(QStringLiteral("probeGc"), m_gc->isChecked());
    settings.setValue(QStringLiteral("probeHeap"), m_heap->isChecked());
    settings.setValue(QStringLiteral("probeProfile"), m_profile->isChecked());
    settings.setValue(QStringLiteral("probeTracemalloc"), m_tracemalloc->isChecked());
    settings.setValue(QStringLiteral("functionSizes"), m_sizes->text());
    settings.setValue(QStringLiteral("minTime"), m_minTime->value());
    settings.setValue(QStringLiteral("gcOff"), m_gcOff->isChecked());
    settings.setValue(QStringLiteral("saveToHistory"), m_saveHistory->isChecked());
    settings.setValue(QStringLiteral("cpus"), m_cpus->text());
    settings.setValue(QStringLiteral("nice"), m_nice->value());
    settings.setValue(QStringLiteral("precision"), m_precision->value());
    settings.setValue(QStringLiteral("maxRuns"), m_maxRuns->value());
}

bool RunSettingsWidget::saveToHistory() const
{
    return m_saveHistory->isChecked();
}

} // namespace pyrometer::ui
