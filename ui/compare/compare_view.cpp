#include "ui/compare/compare_view.h"

#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/comparison_charts.h"
#include "ui/compare/pair_dialog.h"
#include "ui/compare/profile_diff_models.h"
#include "ui/profile/flame_graph_widget.h"

#include "core/compare/comparison_report.h"
#include "core/formats/file_output.h"
#include "core/formats/results_file.h"
#include "core/model/error.h"
#include "core/model/units.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

namespace pyrometer::ui {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
    , m_controller(new CompareController(this))
    , m_model(new CompareModel(this))
    , m_change(new ChangeChartPanel)
    , m_boxes(new PairedBoxPanel)
    , m_distributions(new DistributionPanel)
    , m_functionDiff(new FunctionDiffModel(this))
    , m_allocationDiff(new AllocationDiffModel(this))
    , m_diffFlame(new FlameGraphWidget)
{
    setupControls();
    setupCharts();
    connect(m_controller, &CompareController::comparisonReady, this, &CompareView::showComparison);
    for (ChartPanel* panel : std::initializer_list<ChartPanel*> { m_change, m_boxes, m_distributions })
        connect(panel, &ChartPanel::message, this, &CompareView::message);
    m_liveUpdate = new QTimer(this);
    m_liveUpdate->setSingleShot(true);
    m_liveUpdate->setInterval(250);
    connect(m_liveUpdate, &QTimer::timeout, this, &CompareView::recompute);
    recompute();
}

CompareView::~CompareView() = default;

void CompareView::setupControls()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* sides = new QHBoxLayout;
    m_sides = new QLabel;
    m_sides->setTextFormat(Qt::PlainText);
    m_sides->setWordWrap(true);
    sides->addWidget(m_sides, 1);
    const auto button = [&](const QString& text, const QString& tip, auto slot) {
        auto* b = new QPushButton(text);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        sides->addWidget(b);
        return b;
    };
    button(tr("Pin Current as Baseline"), tr("Compare what runs next with the results shown now"),
        &CompareView::pinCurrent);
    button(tr("Open Baseline…"), tr("A results file of Pyrometer, hyperfine, pyperf or pytest-benchmark"),
        &CompareView::openBaseline);
    button(
        tr("Open Candidate…"), tr("Compare with a file instead of the results shown now"), &CompareView::openCandidate);
    m_useCurrent
        = button(tr("Use Current Results"), tr("The candidate is the results shown now, live while running"), [this] {
              m_candidateFile.reset();
              recompute();
          });
    m_withinButton = button(tr("Within One Run…"),
        tr("Compare two benchmarks of the results shown now, such as old.py and new.py of one interleaved run"),
        [this] {
            compareWithinCurrent();
            pairFromDialog();
        });
    layout->addLayout(sides);

    auto* settings = new QHBoxLayout;
    settings->addWidget(new QLabel(tr("Threshold:")));
    m_threshold = new QDoubleSpinBox;
    m_threshold->setRange(0, 50);
    m_threshold->setDecimals(1);
    m_threshold->setSingleStep(0.5);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_threshold->setValue(m_settings.threshold * 100);
    m_threshold->setToolTip(tr("Smallest change of the median that counts as slower or faster"));
    settings->addWidget(m_threshold);
    settings->addWidget(new QLabel(tr("α:")));
    m_alpha = new QComboBox;
    for (double alpha : { 0.001, 0.01, 0.05 })
        m_alpha->addItem(QString::number(alpha), alpha);
    m_alpha->setCurrentIndex(1);
    m_alpha->setToolTip(tr("Significance level of the Mann–Whitney U test"));
    settings->addWidget(m_alpha);
    auto* pair = new QPushButton(tr("Pair by Hand…"));
    pair->setObjectName(QStringLiteral("pairByHand"));
    pair->setToolTip(tr("Choose which benchmark of the baseline is compared with which of the candidate"));
    connect(pair, &QPushButton::clicked, this, &CompareView::pairFromDialog);
    settings->addWidget(pair);
    auto* report = new QPushButton(tr("Export Report…"));
    report->setToolTip(tr("HTML, Markdown, JUnit XML or JSON, by the file's suffix"));
    connect(report, &QPushButton::clicked, this, &CompareView::exportReport);
    settings->addWidget(report);
    // The method in full is a paragraph: it sits in the tooltip, so that the table keeps its rows on a laptop.
    m_method = new QLabel(tr("How verdicts are made (?)"));
    m_method->setObjectName(QStringLiteral("method"));
    m_method->setTextFormat(Qt::PlainText);
    settings->addWidget(m_method, 1);
    layout->addLayout(settings);
    const auto changed = [this] {
        m_settings.threshold = m_threshold->value() / 100.0;
        m_settings.alpha = m_alpha->currentData().toDouble();
        recompute();
    };
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_alpha, &QComboBox::currentIndexChanged, this, changed);
}

void CompareView::setupCharts()
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(CompareModel::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized to the rows in sight: measuring every row of 200 took 20 ms of each update.
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The verdict beside the change, where a narrow window still shows it; interval and p-value after.
    m_table->horizontalHeader()->moveSection(
        m_table->horizontalHeader()->visualIndex(CompareModel::Verdict), CompareModel::Change + 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this, proxy](const QModelIndex& current) {
            if (current.isValid())
                selectPair(static_cast<std::size_t>(proxy->mapToSource(current).row()));
        });

    // The table across the top, the three charts side by side below it.
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_change);
    charts->addWidget(m_distributions);
    charts->addWidget(m_boxes);
    auto* rows = new QSplitter(Qt::Vertical);
    rows->addWidget(m_table);
    setupDetails(charts);
    rows->addWidget(m_detailTabs);
    rows->setStretchFactor(0, 2);
    rows->setStretchFactor(1, 3);
    static_cast<QVBoxLayout*>(layout())->addWidget(rows, 1);
}

void CompareView::setupDetails(QWidget* charts)
{
    m_detailTabs = new QTabWidget;
    m_detailTabs->setObjectName(QStringLiteral("compareDetails"));
    m_detailTabs->setDocumentMode(true);
    m_detailTabs->addTab(charts, tr("Charts"));

    // What got slower, by function: both profiles side by side, and the candidate's flame graph coloured by
    // the change of each function's own time.
    auto* functions = new QWidget;
    auto* layout = new QVBoxLayout(functions);
    layout->setContentsMargins(0, 0, 0, 0);
    m_functionsNote = new QLabel;
    m_functionsNote->setWordWrap(true);
    m_functionsNote->setTextFormat(Qt::PlainText);
    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_functionsNote, 1);
    noteRow->addWidget(m_diffFlame->exportButton([this](const QString& text) { Q_EMIT message(text); }));
    layout->addLayout(noteRow);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_functionDiff);
    proxy->setSortRole(FunctionDiffModel::SortRole);
    auto* table = new QTableView;
    table->setObjectName(QStringLiteral("functionDiffTable"));
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setResizeContentsPrecision(0); // the rows in sight
    table->horizontalHeader()->setStretchLastSection(true);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(table);
    auto* flameScroll = new QScrollArea;
    flameScroll->setWidget(m_diffFlame);
    flameScroll->setWidgetResizable(true);
    split->addWidget(flameScroll);
    layout->addWidget(split, 1);
    m_detailTabs->addTab(functions, tr("Functions"));
    connect(table, &QTableView::doubleClicked, this, [this, proxy](const QModelIndex& index) {
        const auto& f = m_functionDiff->diff().functions[static_cast<std::size_t>(proxy->mapToSource(index).row())];
        if (f.candidate)
            m_diffFlame->zoomTo(*f.candidate);
    });

    auto* allocations = new QTableView;
    allocations->setObjectName(QStringLiteral("allocationDiffTable"));
    auto* allocationProxy = new QSortFilterProxyModel(this);
    allocationProxy->setSourceModel(m_allocationDiff);
    allocationProxy->setSortRole(AllocationDiffModel::SortRole);
    allocations->setModel(allocationProxy);
    allocations->setSortingEnabled(true);
    allocations->sortByColumn(-1, Qt::AscendingOrder);
    allocations->verticalHeader()->hide();
    allocations->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    allocations->horizontalHeader()->setResizeContentsPrecision(0); // the rows in sight
    allocations->horizontalHeader()->setStretchLastSection(true);
    m_detailTabs->addTab(allocations, tr("Allocations"));
    m_detailTabs->setTabEnabled(1, false);
    m_detailTabs->setTabEnabled(2, false);
}

void CompareView::selectPair(std::size_t pair)
{
    m_distributions->setPair(pair);
    showPairDetails();
}

void CompareView::showPairDetails()
{
    const auto comparison = m_model->comparison();
    const auto candidateResults = candidate();
    const PairComparison* pair = comparison && !comparison->pairs.empty()
        ? &comparison->pairs[std::min(m_distributions->pair(), comparison->pairs.size() - 1)]
        : nullptr;
    const BenchmarkResult* after = nullptr;
    if (pair && candidateResults) {
        if (const auto j = findBenchmark(*candidateResults, pair->candidateName))
            after = &candidateResults->benchmarks[*j];
    }
    // The comparison computed the diffs on its worker thread; the flame graph is the candidate's profile.
    const bool profiles = pair && pair->functions && after && after->probe && after->probe->profile;
    const bool sites = pair && pair->allocations;
    m_functionDiff->setDiff(profiles ? pair->functions : nullptr);
    m_allocationDiff->setDiff(sites ? pair->allocations : nullptr);
    m_detailTabs->setTabEnabled(1, profiles);
    m_detailTabs->setTabEnabled(2, sites);
    const auto needs = tr("Tick Profile (and tracemalloc) in Run Settings for both sides to see which functions "
                          "got slower");
    m_detailTabs->setTabToolTip(1, profiles ? QString() : needs);
    m_detailTabs->setTabToolTip(2, sites ? QString() : needs);
    if (!profiles) {
        m_diffFlame->setColoring({}, {});
        m_diffFlame->setProfile(nullptr, nullptr);
        if (m_detailTabs->currentIndex() != 0 && !m_detailTabs->isTabEnabled(m_detailTabs->currentIndex()))
            m_detailTabs->setCurrentIndex(0);
        return;
    }
    // Colours and notes are asked for as boxes are drawn and hovered: nothing is prepared per function here.
    const std::shared_ptr<const ProfileDiff> diff = pair->functions;
    const double total = std::max(diff->baselineSeconds, diff->candidateSeconds);
    m_diffFlame->setProfile(candidateResults, &*after->probe->profile);
    m_diffFlame->setColoring(
        [diff, total](std::size_t function) {
            const auto* f = diff->forCandidate(function);
            if (!f)
                return changeColor(0, total);
            return changeColor(f->baseline ? f->ownChange() : f->candidateOwn, total);
        },
        [diff](std::size_t function) {
            const auto* f = diff->forCandidate(function);
            if (!f)
                return QString();
            return f->baseline ? tr("own time %1 → %2")
                                     .arg(QString::fromStdString(formatDuration(f->baselineOwn)),
                                         QString::fromStdString(formatDuration(f->candidateOwn)))
                               : tr("not called in the baseline");
        });
    m_functionsNote->setText(tr("%1: own time of all functions %2 → %3. The flame graph is the candidate's; red "
                                "boxes got slower, blue ones faster.")
                                 .arg(m_model->shownName(static_cast<std::size_t>(pair - comparison->pairs.data())),
                                     QString::fromStdString(formatDuration(diff->baselineSeconds)),
                                     QString::fromStdString(formatDuration(diff->candidateSeconds))));
}

QString CompareView::baselineLabel() const
{
    return m_baseline ? m_baselineLabel : QString();
}

std::shared_ptr<const Results> CompareView::candidate() const
{
    if (m_within)
        return m_current;
    if (m_candidateFile)
        return m_candidateFile;
    // Right after pinning, the results shown are the baseline itself: there is no candidate until a run.
    return m_current == m_baseline ? nullptr : m_current;
}

QString CompareView::candidateLabel() const
{
    return m_candidateFile ? m_candidateFileLabel : m_currentLabel;
}

void CompareView::setCurrent(std::shared_ptr<const Results> results, const QString& label)
{
    m_current = std::move(results);
    m_currentLabel = label;
    if (m_within) {
        m_baseline = m_current;
        m_baselineLabel = label;
    }
    if (!m_candidateFile && !m_liveUpdate->isActive())
        m_liveUpdate->start();
}

void CompareView::pinCurrent()
{
    if (!m_current) {
        Q_EMIT message(tr("Nothing to pin: run benchmarks or open results first"));
        return;
    }
    setBaseline(m_current, tr("%1 (pinned)").arg(m_currentLabel));
    Q_EMIT message(tr("Pinned as the baseline; the next run is compared with it"));
}

void CompareView::setBaseline(std::shared_ptr<const Results> results, const QString& label)
{
    if (m_within)
        m_pairs.clear(); // pairs of one run's benchmarks with each other mean nothing between two runs
    m_within = false;
    m_baseline = std::move(results);
    m_baselineLabel = label;
    recompute();
}

void CompareView::setCandidateFile(std::shared_ptr<const Results> results, const QString& label)
{
    if (m_within) {
        m_pairs.clear();
        m_baseline.reset();
    }
    m_within = false;
    m_candidateFile = std::move(results);
    m_candidateFileLabel = label;
    recompute();
}

void CompareView::compareWithinCurrent()
{
    if (!m_current) {
        Q_EMIT message(tr("Nothing to compare: run benchmarks or open results first"));
        return;
    }
    if (!m_within)
        m_pairs.clear();
    m_within = true;
    m_candidateFile.reset();
    m_baseline = m_current;
    m_baselineLabel = m_currentLabel;
    recompute();
}

void CompareView::pairByHand(const std::string& baselineName, const std::string& candidateName)
{
    std::erase_if(m_pairs, [&](const auto& p) { return p.first == baselineName || p.second == candidateName; });
    m_pairs.emplace_back(baselineName, candidateName);
    recompute();
}

void CompareView::clearPairs()
{
    m_pairs.clear();
    recompute();
}

void CompareView::setSettings(const ComparisonSettings& settings)
{
    m_settings = settings;
    const QSignalBlocker blockThreshold(m_threshold), blockAlpha(m_alpha);
    m_threshold->setValue(settings.threshold * 100);
    const int alpha = m_alpha->findData(settings.alpha);
    if (alpha < 0)
        m_alpha->addItem(QString::number(settings.alpha), settings.alpha);
    m_alpha->setCurrentIndex(alpha < 0 ? m_alpha->count() - 1 : alpha);
    recompute();
}

void CompareView::recompute()
{
    m_useCurrent->setEnabled(m_candidateFile != nullptr || m_within);
    if (m_within) {
        QStringList pairs;
        for (const auto& [a, b] : m_pairs)
            pairs << QString::fromStdString(a) + QStringLiteral(" → ") + QString::fromStdString(b);
        m_sides->setText(tr("Within %1\nPairs: %2")
                             .arg(m_currentLabel,
                                 pairs.isEmpty() ? tr("none yet — choose two benchmarks with Pair by Hand")
                                                 : pairs.join(QStringLiteral(", "))));
    } else {
        m_sides->setText(
            tr("Baseline: %1\nCandidate: %2")
                .arg(m_baseline ? m_baselineLabel : tr("none yet — pin the current results or open a file"),
                    candidate() ? candidateLabel() : tr("none yet — run the benchmarks (again) or open results")));
    }
    // The words of describeMethod(), translated here: core/ speaks English only.
    m_method->setToolTip(
        tr("Verdicts: two-sided Mann–Whitney U test at α = %1 and the whole %2% bootstrap interval of the ratio of "
           "medians (%3 resamples) beyond the threshold of %4%; for two benchmarks of one interleaved run, the "
           "Wilcoxon signed-rank test of their paired runs at α = %1 and the median ratio of the pairs beyond the "
           "threshold.")
            .arg(QString::number(m_settings.alpha), QString::number(m_settings.confidence * 100, 'g', 3),
                QString::number(m_settings.resamples), QString::number(m_settings.threshold * 100, 'g', 3)));
    if (m_baseline && candidate()) {
        m_controller->request(m_baseline, candidate(), m_pairs, m_settings);
        return;
    }
    // One side is gone: what was compared before must not stay on screen under the new sides.
    m_controller->cancel();
    if (m_model->comparison())
        showComparison(nullptr);
}

void CompareView::showComparison(std::shared_ptr<const Comparison> comparison)
{
    m_model->setComparison(comparison);
    // The charts name pairs as the table does; the names are worked out once, by the model.
    m_change->setComparison(comparison, m_model->shownNames());
    m_boxes->setComparison(comparison, m_model->shownNames());
    m_distributions->setComparison(comparison, m_model->shownNames());
    showPairDetails();
    if (!comparison)
        return;
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    if (comparison->pairs.empty()) {
        m_askedToPair = true;
        Q_EMIT message(m_within ? tr("Choose the two benchmarks to compare with Pair by Hand")
                                : tr("No benchmark in common: pair them by hand"));
    } else if (std::exchange(m_askedToPair, false)) {
        // The request to pair is answered; other messages (a run's progress) are left alone.
        Q_EMIT message(tr("%n pair(s) compared", nullptr, static_cast<int>(comparison->pairs.size())));
    }
}

std::optional<std::pair<std::shared_ptr<const Results>, QString>> CompareView::askForResults(const QString& title)
{
    const auto path = QFileDialog::getOpenFileName(this, title, {}, tr("Results (*.json *.json.gz);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    try {
        return std::pair { shareResults(readResultsFile(path.toStdString())), QFileInfo(path).fileName() };
    } catch (const InputError& e) {
        Q_EMIT message(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

void CompareView::openBaseline()
{
    if (auto results = askForResults(tr("Open Baseline")))
        setBaseline(std::move(results->first), results->second);
}

void CompareView::openCandidate()
{
    if (auto results = askForResults(tr("Open Candidate")))
        setCandidateFile(std::move(results->first), results->second);
}

void CompareView::pairFromDialog()
{
    if (!m_baseline || !candidate()) {
        Q_EMIT message(tr("Choose a baseline and a candidate first"));
        return;
    }
    PairDialog dialog(*m_baseline, *candidate(), m_within, this);
    if (dialog.exec() == QDialog::Accepted)
        pairByHand(dialog.baselineName(), dialog.candidateName());
}

void CompareView::exportReport()
{
    const auto comparison = m_model->comparison();
    if (!comparison) {
        Q_EMIT message(tr("Nothing to export: choose a baseline and a candidate first"));
        return;
    }
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), QStringLiteral("comparison.html"),
        tr("HTML (*.html);;Markdown (*.md);;JUnit XML (*.xml);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const ComparisonSides sides { m_baselineLabel.toStdString(), candidateLabel().toStdString(), m_baseline.get(),
        candidate().get() };
    const auto suffix = QFileInfo(path).suffix().toLower();
    const auto text = suffix == QLatin1String("md") ? comparisonMarkdown(*comparison, sides)
        : suffix == QLatin1String("xml")            ? comparisonJunit(*comparison, sides)
        : suffix == QLatin1String("json")           ? comparisonJson(*comparison, sides)
                                                    : comparisonHtml(*comparison, sides);
    try {
        writeFileAtomically(path.toStdString(), text);
        Q_EMIT message(tr("Wrote %1").arg(path));
    } catch (const std::exception& e) {
        Q_EMIT message(QString::fromUtf8(e.what()));
    }
}

} // namespace pyrometer::ui
