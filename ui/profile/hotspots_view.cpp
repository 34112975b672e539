#include "ui/profile/hotspots_view.h"

#include "ui/profile/flame_graph_widget.h"
#include "ui/profile/hotspots_model.h"

#include "core/formats/csv_export.h"
#include "core/formats/file_output.h"
#include "core/model/units.h"
#include "core/probe/probe_summary.h"
#include "core/probe/pstats_export.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace pyrometer::ui {
namespace {
bool writeProfile(const Profile* profile, const QString& path, QString* error, std::string (*format)(const Profile&))
{
    if (!profile) {
        if (error)
            *error = QObject::tr("No profile to export");
        return false;
    }
    try {
        writeFileAtomically(path.toStdString(), format(*profile));
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}
} // namespace

HotspotsView::HotspotsView(QWidget* parent)
    : QWidget(parent)
    , m_benchmark(new QComboBox)
    , m_filter(new QLineEdit)
    , m_exportCsv(new QPushButton(tr("Export CSV…")))
    , m_exportPstats(new QPushButton(tr("Export .pstats…")))
    , m_info(new QLabel)
    , m_model(new HotspotsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_flame(new FlameGraphWidget)
{
    m_benchmark->setObjectName(QStringLiteral("hotspotsBenchmark"));
    m_benchmark->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->setObjectName(QStringLiteral("hotspotsFilter"));
    m_filter->setPlaceholderText(tr("Filter functions and files…"));
    m_filter->setClearButtonEnabled(true);
    m_exportCsv->setToolTip(tr("The table as CSV, every function"));
    m_exportPstats->setToolTip(tr("The raw profile, for python -m pstats and snakeviz"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HotspotsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HotspotsModel::Own, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(HotspotsModel::Function, QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click a function to zoom the flame graph on it"));

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_flame);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Benchmark:")));
    row->addWidget(m_benchmark);
    row->addWidget(m_filter, 1);
    row->addWidget(m_exportCsv);
    row->addWidget(m_exportPstats);
    row->addWidget(m_flame->exportButton([this](const QString& text) { Q_EMIT message(text); }));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(m_info);
    layout->addWidget(splitter, 1);

    connect(m_benchmark, &QComboBox::currentIndexChanged, this, [this] { showBenchmark(); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        m_flame->zoomTo(static_cast<std::size_t>(index.data(HotspotsModel::FunctionIndexRole).toInt()));
    });
    const auto exporter = [this](const QString& title, const QString& filter, auto write) {
        const auto path = QFileDialog::getSaveFileName(this, title, QString(), filter);
        if (path.isEmpty())
            return;
        QString error;
        Q_EMIT message((this->*write)(path, &error) ? tr("Saved %1").arg(path) : error);
    };
    connect(m_exportCsv, &QPushButton::clicked, this,
        [exporter, this] { exporter(tr("Export Hotspots"), tr("CSV (*.csv)"), &HotspotsView::exportHotspots); });
    connect(m_exportPstats, &QPushButton::clicked, this, [exporter, this] {
        exporter(tr("Export Profile"), tr("Python profile (*.pstats *.prof)"), &HotspotsView::exportPstats);
    });
    showBenchmark();
}

void HotspotsView::setSnapshot(ResultsSnapshot snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const auto keep = m_benchmark->currentData().toString();
    m_snapshot = std::move(snapshot);
    // Only benchmarks that were probed are offered.
    // Shown by the name every view uses; the full name is the item's data, and its tooltip.
    QStringList names, full;
    if (m_snapshot) {
        for (std::size_t b = 0; b < m_snapshot->benchmarks.size(); ++b) {
            if (m_snapshot->benchmarks[b].probe) {
                names << QString::fromStdString(m_snapshot.view().names[b]);
                full << QString::fromStdString(m_snapshot->benchmarks[b].name);
            }
        }
    }
    QStringList current;
    for (int i = 0; i < m_benchmark->count(); ++i)
        current << m_benchmark->itemData(i).toString();
    if (full != current) {
        const QSignalBlocker block(m_benchmark);
        m_benchmark->clear();
        for (qsizetype i = 0; i < names.size(); ++i) {
            m_benchmark->addItem(names[i], full[i]);
            m_benchmark->setItemData(static_cast<int>(i), full[i], Qt::ToolTipRole);
        }
        m_benchmark->setCurrentIndex(std::max<int>(0, static_cast<int>(full.indexOf(keep))));
    }
    showBenchmark();
}

const BenchmarkResult* HotspotsView::shownBenchmark() const
{
    if (!m_snapshot)
        return nullptr;
    const auto name = m_benchmark->currentData().toString().toStdString();
    for (const auto& benchmark : m_snapshot->benchmarks) {
        if (benchmark.probe && benchmark.name == name)
            return &benchmark;
    }
    return nullptr;
}

QString HotspotsView::describe(const BenchmarkResult& benchmark) const
{
    const auto& probe = *benchmark.probe;
    QStringList parts;
    if (!probe.missing.empty())
        parts << QString::fromStdString(probe.missing);
    for (const auto& run : probe.runs) {
        QStringList instruments;
        for (const auto& name : run.instruments.names())
            instruments << QString::fromStdString(name);
        if (!run.missing.empty())
            parts << tr("No %1 data: %2")
                         .arg(instruments.join(QStringLiteral(", ")), QString::fromStdString(run.missing));
        else if (run.forks > 0)
            parts << tr("The script forked %n time(s); the data covers the parent only.", nullptr, run.forks);
    }
    if (probe.gcEvents) {
        const auto generations = summarizeGc(*probe.gcEvents);
        double pause = 0;
        QStringList counts;
        for (std::size_t g = 0; g < generations.size(); ++g) {
            pause += generations[g].pauseSeconds;
            counts << tr("gen %1: %2").arg(g).arg(generations[g].collections);
        }
        parts << tr("GC: %1 paused (%2).")
                     .arg(QString::fromStdString(formatDuration(pause)), counts.join(QStringLiteral(", ")));
    }
    if (const auto& t = probe.tracemalloc) {
        QString text = tr("tracemalloc: peak %1 traced")
                           .arg(QString::fromStdString(formatBytes(static_cast<double>(t->peakBytes))));
        if (!t->top.empty()) {
            const auto& site = t->top.front();
            text += tr("; most still held at %1:%2 (%3)")
                        .arg(QString::fromStdString(site.file).section(QLatin1Char('/'), -1))
                        .arg(site.line)
                        .arg(QString::fromStdString(formatBytes(static_cast<double>(site.sizeBytes))));
        }
        parts << text + QLatin1Char('.');
    }
    return parts.join(QLatin1Char(' '));
}

void HotspotsView::showBenchmark()
{
    const auto* benchmark = shownBenchmark();
    const Profile* profile = benchmark && benchmark->probe->profile ? &*benchmark->probe->profile : nullptr;
    if (profile != m_model->profile()) {
        m_model->setProfile(m_snapshot.results(), profile);
        m_flame->setProfile(m_snapshot.results(), profile);
        m_table->resizeColumnsToContents();
    }
    m_exportCsv->setEnabled(profile);
    m_exportPstats->setEnabled(profile);
    m_info->setText(benchmark ? describe(*benchmark)
                              : tr("Tick GC, Profile or tracemalloc in Run Settings: after the timed runs, an "
                                   "instrumented run shows here where the time goes."));
}

bool HotspotsView::exportHotspots(const QString& path, QString* error) const
{
    return writeProfile(m_model->profile(), path, error, hotspotsCsv);
}

bool HotspotsView::exportPstats(const QString& path, QString* error) const
{
    return writeProfile(m_model->profile(), path, error, pstatsBytes);
}

} // namespace pyrometer::ui
