#include "ui/history/history_panel.h"

#include "core/history/store.h"
#include "core/history/trend_report.h"
#include "core/model/error.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>

namespace pyrometer::ui {

namespace {
/// Runs `work` on the thread pool and hands its answer to `deliver` on the GUI thread, unless `panel` is gone.
template <typename Work, typename Deliver> void offThread(QObject* panel, Work work, Deliver deliver)
{
    QPointer<QObject> guard(panel);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), deliver = std::move(deliver)]() mutable {
        auto answer = work();
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, answer = std::move(answer), deliver = std::move(deliver)]() mutable {
                if (guard)
                    deliver(std::move(answer));
            },
            Qt::QueuedConnection);
    });
}

bool isFile(const QString& location)
{
    return !location.startsWith(QLatin1String("postgresql://")) && !location.startsWith(QLatin1String("postgres://"));
}

/// What a read of the store gives: its overview or trends, or why it failed.
struct Read
{
    HistoryOverview overview;
    std::vector<HistoryTrend> trends;
    QString error;
};
} // namespace

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_where(new QLabel)
    , m_benchmarks(new QListWidget)
    , m_branch(new QComboBox)
    , m_machine(new QComboBox)
    , m_chart(new HistoryChart)
    , m_changes(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("historyPanel"));
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_benchmarks->setObjectName(QStringLiteral("historyBenchmarks"));
    m_benchmarks->setTextElideMode(Qt::ElideMiddle);
    m_benchmarks->setToolTip(tr("The benchmarks to draw; several are each shown as a ratio to their first run set"));
    m_branch->setObjectName(QStringLiteral("historyBranch"));
    m_machine->setObjectName(QStringLiteral("historyMachine"));
    m_changes->setObjectName(QStringLiteral("historyChanges"));
    m_changes->setReadOnly(true);
    m_changes->setMaximumHeight(90);
    auto* reload = new QPushButton(tr("Reload"));
    reload->setToolTip(tr("Read the history store again"));
    connect(reload, &QPushButton::clicked, this, &HistoryPanel::reload);

    auto* choices = new QWidget;
    auto* form = new QFormLayout(choices);
    form->setContentsMargins(4, 4, 4, 4);
    form->addRow(m_where);
    form->addRow(tr("Branch:"), m_branch);
    form->addRow(tr("Machine:"), m_machine);
    form->addRow(new QLabel(tr("Benchmarks:")));
    form->addRow(m_benchmarks);
    form->addRow(reload);
    auto* right = new QWidget;
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_chart, 1);
    column->addWidget(m_changes);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(choices);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_benchmarks, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            loadTrends();
    });
    for (auto* combo : { m_branch, m_machine })
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
            if (m_filling)
                return;
            m_machineChosen = m_machineChosen || combo == m_machine;
            loadTrends();
        });
    connect(m_chart, &HistoryChart::runSetClicked, this, &HistoryPanel::runSetClicked);
    connect(m_chart, &ChartPanel::message, this, &HistoryPanel::message);
}

void HistoryPanel::setStoreLocation(const QString& location)
{
    m_location = location;
    reload();
}

void HistoryPanel::reload()
{
    const auto location = m_location;
    const auto request = ++m_request;
    m_where->setText(tr("Store: %1").arg(location));
    if (location.isEmpty() || (isFile(location) && !QFileInfo::exists(location))) {
        showOverview({});
        m_changes->setPlainText(tr("Nothing saved yet: runs are kept here when “Save to the history” is on in the "
                                   "Run Settings, or with pyrometer run --save."));
        return;
    }
    offThread(
        this,
        [location] {
            Read read;
            try {
                read.overview = openStore(location.toStdString())->overview();
            } catch (const std::exception& e) {
                read.error = QString::fromUtf8(e.what());
            }
            return read;
        },
        [this, request](Read read) {
            if (answerHolds(request, read.error))
                showOverview(read.overview);
        });
}

void HistoryPanel::showOverview(const HistoryOverview& overview)
{
    // Keep what the user chose where it is still there; else the first benchmark.
    QStringList checked;
    for (int i = 0; i < m_benchmarks->count(); ++i)
        if (m_benchmarks->item(i)->checkState() == Qt::Checked)
            checked << m_benchmarks->item(i)->text();
    const auto branch = m_branch->currentData().toString(), machine = m_machine->currentData().toString();
    m_filling = true;
    m_benchmarks->clear();
    for (const auto& b : overview.benchmarks) {
        auto* item = new QListWidgetItem(QString::fromStdString(b.name));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(item->text() + QLatin1Char('\n') + tr("%n run set(s)", nullptr, int(b.runSets)));
        m_benchmarks->addItem(item);
    }
    // Nothing chosen yet: the benchmark with the longest history.
    if (checked.isEmpty() && !overview.benchmarks.empty()) {
        const auto longest = std::max_element(overview.benchmarks.begin(), overview.benchmarks.end(),
            [](const auto& a, const auto& b) { return a.runSets < b.runSets; });
        m_benchmarks->item(int(longest - overview.benchmarks.begin()))->setCheckState(Qt::Checked);
    }
    const auto fill = [](QComboBox* combo, const std::vector<HistoryOverview::Count>& counts, const QString& keep,
                          const QString& unnamed) {
        combo->clear();
        combo->addItem(tr("All"), QString());
        for (const auto& c : counts) {
            const auto name = QString::fromStdString(c.name);
            combo->addItem(tr("%1 (%2)").arg(name.isEmpty() ? unnamed : name).arg(c.runSets), name);
        }
        combo->setCurrentIndex(std::max(0, combo->findData(keep)));
    };
    fill(m_branch, overview.branches, branch, tr("not in git"));
    fill(m_machine, overview.machines, machine, tr("unknown"));
    // Changes are looked for on one machine: until the user chooses, the one with the most run sets.
    if (!m_machineChosen && overview.machines.size() > 1) {
        const auto most = std::max_element(overview.machines.begin(), overview.machines.end(),
            [](const auto& a, const auto& b) { return a.runSets < b.runSets; });
        m_machine->setCurrentIndex(int(most - overview.machines.begin()) + 1);
    }
    m_filling = false;
    loadTrends();
}

void HistoryPanel::loadTrends()
{
    std::vector<std::string> names;
    for (int i = 0; i < m_benchmarks->count(); ++i)
        if (m_benchmarks->item(i)->checkState() == Qt::Checked)
            names.push_back(m_benchmarks->item(i)->text().toStdString());
    const TrendFilter filter { m_branch->currentData().toString().toStdString(),
        m_machine->currentData().toString().toStdString(), "", 0 };
    const auto location = m_location;
    const auto request = ++m_request;
    if (location.isEmpty() || (isFile(location) && !QFileInfo::exists(location))) {
        m_chart->setTrends(std::make_shared<const std::vector<HistoryTrend>>());
        // Said from the event loop, as an answer read from a store is: whoever asks has connected by then.
        QMetaObject::invokeMethod(this, &HistoryPanel::trendsShown, Qt::QueuedConnection);
        return; // nothing saved yet: the store is not made by looking at it
    }
    offThread(
        this,
        [location, names, filter] {
            Read read;
            try {
                const auto store = openStore(location.toStdString());
                for (const auto& name : names) {
                    HistoryTrend trend { name, store->trend(name, filter), {} };
                    trend.changes = trendChanges(trend.points);
                    read.trends.push_back(std::move(trend));
                }
            } catch (const std::exception& e) {
                read.error = QString::fromUtf8(e.what());
            }
            return read;
        },
        [this, request, location](Read read) {
            if (!answerHolds(request, read.error))
                return;
            QStringList lines;
            for (const auto& trend : read.trends) {
                const TrendReport report { trend.name, location.toStdString(), trend.points, trend.changes };
                for (const auto& change : trend.changes)
                    lines << QString::fromStdString(trend.name + ": " + describeChange(report, change));
            }
            m_changes->setPlainText(lines.isEmpty()
                    ? (read.trends.empty() ? tr("Choose benchmarks on the left.")
                                           : tr("No change of level of 2% or more (E-Divisive, p ≤ 0.01)."))
                    : lines.join(QLatin1Char('\n')));
            m_chart->setTrends(std::make_shared<const std::vector<HistoryTrend>>(std::move(read.trends)));
            Q_EMIT trendsShown();
        });
}

bool HistoryPanel::answerHolds(quint64 request, const QString& error)
{
    if (request != m_request)
        return false; // a newer read was asked for
    if (error.isEmpty())
        return true;
    m_changes->setPlainText(error);
    Q_EMIT message(error);
    Q_EMIT trendsShown(); // what there is to show is shown: the reason it could not be read
    return false;
}

QString HistoryPanel::changesText() const
{
    return m_changes->toPlainText();
}

void HistoryPanel::runSetClicked(qint64 runSet, bool extend)
{
    const auto location = m_location;
    const std::optional<qint64> before = extend ? m_lastClicked : std::nullopt;
    m_lastClicked = runSet;
    const auto request = ++m_clicks; // the latest click wins: an earlier one's answer, coming later, is dropped
    offThread(
        this,
        [location, runSet, before] {
            std::pair<std::shared_ptr<const Results>, std::shared_ptr<const Results>> loaded;
            QString error;
            try {
                const auto store = openStore(location.toStdString());
                loaded.second = std::make_shared<const Results>(store->load(runSet));
                if (before)
                    loaded.first = std::make_shared<const Results>(store->load(*before));
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
            return std::make_pair(loaded, error);
        },
        [this, runSet, before, request](auto answer) {
            if (request != m_clicks)
                return;
            const auto& [loaded, error] = answer;
            if (!error.isEmpty()) {
                Q_EMIT message(error);
                return;
            }
            const auto label = tr("run set %1").arg(runSet);
            if (loaded.first)
                Q_EMIT compareRunSets(loaded.first, tr("run set %1").arg(*before), loaded.second, label);
            else
                Q_EMIT openRunSet(loaded.second, label);
        });
}

} // namespace pyrometer::ui
