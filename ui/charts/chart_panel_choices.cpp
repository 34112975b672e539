#include "ui/charts/chart_panel.h"

// The chart panel's choices beside the chart: a logarithmic time axis, and one small chart per benchmark.

#include <QChartView>
#include <QCheckBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLogValueAxis>
#include <QPointer>
#include <QScrollArea>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pyrometer::ui {

bool ChartPanel::logScale() const
{
    return m_log && m_log->isChecked();
}

QAbstractAxis* ChartPanel::timeAxis(bool logarithmic)
{
    if (!logarithmic)
        return new QValueAxis;
    auto* axis = new QLogValueAxis;
    axis->setBase(10);
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setMinorTickCount(8); // grid lines at 2, 3, … 9 times each power of ten
    return axis;
}

bool ChartPanel::isLogarithmic(const QAbstractAxis* axis)
{
    return axis && axis->type() == QAbstractAxis::AxisTypeLogValue;
}

void ChartPanel::addLogScaleChoice()
{
    m_log = new QCheckBox(tr("Log scale"));
    m_log->setObjectName(QStringLiteral("logScale"));
    m_log->setToolTip(tr("A logarithmic time axis, so that a 10 ms script and a 1 s one both show; on by itself "
                         "while the medians differ more than tenfold, until you choose"));
    connect(m_log, &QCheckBox::toggled, this, [this] {
        m_logChosen = true;
        if (hasData())
            refresh();
    });
    m_controls->insertWidget(2, m_log); // after Reset zoom and Export…
}

void ChartPanel::addSmallMultiplesChoice(std::function<ChartPanel*(std::size_t)> make)
{
    m_makeMultiple = std::move(make);
    m_separate = new QCheckBox(tr("One per benchmark"));
    m_separate->setObjectName(QStringLiteral("smallMultiples"));
    m_separate->setToolTip(tr("A small chart for each benchmark, each on its own scale, instead of all in one"));
    connect(m_separate, &QCheckBox::toggled, this, [this] {
        if (hasData())
            refresh();
        else
            refreshMultiples();
    });
    m_controls->insertWidget(2, m_separate);
    m_grid = new QScrollArea;
    m_grid->setWidgetResizable(true);
    m_grid->setFrameShape(QFrame::NoFrame);
    m_grid->setWidget(new QWidget);
    new QGridLayout(m_grid->widget());
    m_grid->hide();
    static_cast<QVBoxLayout*>(layout())->addWidget(m_grid, 1);
}

bool ChartPanel::smallMultiples() const
{
    return m_separate && m_separate->isChecked();
}

void ChartPanel::setSmallMultiples(bool separate)
{
    if (m_separate)
        m_separate->setChecked(separate);
}

void ChartPanel::refreshMultiples()
{
    const bool separate = smallMultiples() && m_snapshot && m_snapshot->benchmarks.size() > 1;
    m_view->setVisible(!separate);
    if (m_log)
        m_log->setEnabled(!separate); // each small chart has a linear scale of its own
    if (m_grid)
        m_grid->setVisible(separate);
    const std::size_t count = separate ? m_snapshot->benchmarks.size() : 0;
    auto* grid = m_grid ? static_cast<QGridLayout*>(m_grid->widget()->layout()) : nullptr;
    const int columns = std::max(1, (width() - 20) / 330);
    if (m_multiples.size() != count) {
        for (auto* panel : m_multiples)
            delete panel;
        m_multiples.clear();
        m_multiplesOf.reset();
        for (std::size_t b = 0; b < count; ++b) {
            auto* panel = m_makeMultiple(b);
            // Small and plain: no controls, no legend (the title names the benchmark).
            for (int i = 0; i < panel->m_controls->count(); ++i) {
                if (auto* widget = panel->m_controls->itemAt(i)->widget())
                    widget->hide();
            }
            panel->m_logChosen = true; // each on its own scale: linear
            panel->chart()->legend()->hide();
            panel->setMinimumChartSize(QSize(260, 240));
            connect(panel, &ChartPanel::message, this, &ChartPanel::message);
            m_multiples.push_back(panel);
        }
    }
    // As many columns as the panel's width holds, laid out again when it changes.
    for (std::size_t b = 0; b < m_multiples.size(); ++b) {
        const int row = static_cast<int>(b) / columns, column = static_cast<int>(b) % columns;
        int at = grid->indexOf(m_multiples[b]), r = -1, c = -1, rs = 0, cs = 0;
        if (at >= 0)
            grid->getItemPosition(at, &r, &c, &rs, &cs);
        if (r != row || c != column)
            grid->addWidget(m_multiples[b], row, column);
    }
    for (std::size_t b = 0; b < count; ++b)
        m_multiples[b]->chart()->setTitle(chartText(QString::fromStdString(m_snapshot->benchmarks[b].name)));
    // A refresh of the same results (a resize, a theme) leaves them: each small chart follows its own size.
    if (count > 0 && m_multiplesOf != m_snapshot.results()) {
        m_multiplesOf = m_snapshot.results();
        computeMultiples();
    }
}

void ChartPanel::computeMultiples()
{
    // One computation at a time; results that arrive meanwhile wait, and only the latest is computed next.
    if (m_multiplesBusy) {
        m_multiplesPending = true;
        return;
    }
    m_multiplesBusy = true;
    m_multiplesPending = false;
    // Each shows its benchmark alone, in the same result set. Their view data (statistics, bins, downsampling)
    // is computed off the GUI thread, as the shared chart's is by the analyst: 100,000 runs take 50 ms.
    QThreadPool::globalInstance()->start(
        [all = m_multiplesOf, set = m_snapshot.set(), self = QPointer<ChartPanel>(this)] {
            std::vector<ResultsSnapshot> parts;
            for (const auto& benchmark : all->benchmarks) {
                Results one;
                one.environment = all->environment;
                one.complete = all->complete;
                one.importedFrom = all->importedFrom;
                one.benchmarks = { benchmark };
                parts.emplace_back(shareResults(std::move(one)), set);
            }
            QMetaObject::invokeMethod(
                qApp,
                [self, parts = std::move(parts)] {
                    if (self)
                        self->showMultiples(parts);
                },
                Qt::QueuedConnection);
        });
}

void ChartPanel::showMultiples(const std::vector<ResultsSnapshot>& parts)
{
    m_multiplesBusy = false;
    if (m_multiplesPending) {
        computeMultiples(); // newer results came: these are stale
        return;
    }
    if (parts.size() != m_multiples.size() || parts.empty() || parts.front().set() != m_snapshot.set())
        return; // the choice or the results changed meanwhile
    for (std::size_t b = 0; b < parts.size(); ++b)
        m_multiples[b]->setSnapshot(parts[b]);
    Q_EMIT multiplesShown();
}

} // namespace pyrometer::ui
