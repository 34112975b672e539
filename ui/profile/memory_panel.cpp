#include "ui/profile/memory_panel.h"

#include "ui/snapshot/run_numbers.h"

#include "core/model/units.h"
#include "core/stats/chart_math.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>

namespace pyrometer::ui {
namespace {
constexpr double MiB = 1024.0 * 1024.0;

/// Light to strong with the generation (young collections are many and cheap, old ones rare and slow), in the
/// text's hue: no colour a benchmark has, so a marker never reads as a curve.
QColor generationColor(int generation, const QColor& text, const QColor& background)
{
    const double weight = std::array { 0.35, 0.65, 1.0 }[static_cast<std::size_t>(std::clamp(generation, 0, 2))];
    const auto mix = [&](int a, int b) { return static_cast<int>(std::lround(b + (a - b) * weight)); };
    return QColor(
        mix(text.red(), background.red()), mix(text.green(), background.green()), mix(text.blue(), background.blue()));
}

/// The RSS of `samples` at `t`, interpolated between the neighbouring samples.
double rssAt(const std::vector<ResourceSample>& samples, double t)
{
    const auto after = std::lower_bound(
        samples.begin(), samples.end(), t, [](const ResourceSample& s, double time) { return s.tSeconds < time; });
    if (after == samples.begin())
        return static_cast<double>(after->rssBytes);
    if (after == samples.end())
        return static_cast<double>(samples.back().rssBytes);
    const auto before = after - 1;
    const double span = after->tSeconds - before->tSeconds;
    const double f = span > 0 ? (t - before->tSeconds) / span : 0;
    return static_cast<double>(before->rssBytes) + f * static_cast<double>(after->rssBytes - before->rssBytes);
}
} // namespace

MemoryPanel::MemoryPanel(QWidget* parent)
    : ChartPanel(tr("RSS over time"), parent)
    , m_mode(new QComboBox)
{
    m_mode->addItems({ tr("One run per benchmark"), tr("Every run") });
    m_mode->setObjectName(QStringLiteral("memoryMode"));
    m_mode->setToolTip(tr("One run per benchmark (the instrumented one, with its garbage collections, when there is "
                          "one), or every measured run overlaid"));
    controls()->insertWidget(0, new QLabel(tr("Show:")));
    controls()->insertWidget(1, m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
}

void MemoryPanel::selectRun(std::size_t benchmark, std::size_t run)
{
    if (!snapshot())
        return;
    m_selected = Selection { snapshot().set(), benchmark, run };
    refresh();
}

bool MemoryPanel::hasData() const
{
    if (!snapshot())
        return false;
    for (std::size_t b = 0; b < snapshot()->benchmarks.size(); ++b) {
        if (shownRun(b).run)
            return true;
    }
    return false;
}

MemoryPanel::Shown MemoryPanel::shownRun(std::size_t b) const
{
    const auto& benchmark = snapshot()->benchmarks[b];
    const auto sampled = [](const RunRecord& r) { return r.timeline && !r.timeline->samples.empty(); };
    if (m_selected && m_selected->set == snapshot().set() && m_selected->benchmark == b
        && m_selected->run < benchmark.runs.size() && sampled(benchmark.runs[m_selected->run]))
        return { &benchmark.runs[m_selected->run], runLabel(benchmark, m_selected->run), false };
    if (benchmark.probe) {
        if (const auto* probeRun = benchmark.probe->runWith("gc"); probeRun && sampled(probeRun->run))
            return { &probeRun->run, tr("instrumented run"), true };
    }
    if (const auto first = snapshot().view().benchmarks[b].firstSampledRun)
        return { &benchmark.runs[*first], runLabel(benchmark, *first), false };
    return {};
}

void MemoryPanel::forgetSeries()
{
    clearChart();
}

void MemoryPanel::rebuild()
{
    if (m_selected && (!snapshot() || m_selected->set != snapshot().set()))
        m_selected.reset();
    clearChart();
    m_gcMarkers = 0;
    if (!hasData()) {
        chart()->setTitle(tr("RSS over time: no samples (set a memory timeline rate in Run Settings)"));
        return;
    }
    // Benchmarks and three GC generations share the legend of a half-width chart (a theme resets the font).
    auto font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    chart()->legend()->setFont(font);
    const auto& results = *snapshot();
    const auto names = displayNames(snapshot());
    const int columns = plotWidth();
    const bool everyRun = m_mode->currentIndex() == 1;
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(tr("Time since start (s)"));
    y->setTitleText(tr("RSS (MiB)"));
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    double maxT = 0, maxRss = 0;

    const auto addCurve = [&](const RunRecord& run, const QString& name, QColor color, qreal width) {
        std::vector<Point> points;
        points.reserve(run.timeline->samples.size());
        for (const auto& s : run.timeline->samples)
            points.push_back({ s.tSeconds, static_cast<double>(s.rssBytes) / MiB });
        auto* series = new QLineSeries;
        series->setName(name);
        QPen pen(color);
        pen.setWidthF(width);
        series->setPen(pen);
        for (const auto& p : downsampleMinMax(points, columns)) {
            series->append(p.x, p.y);
            maxT = std::max(maxT, p.x);
            maxRss = std::max(maxRss, p.y);
        }
        chart()->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        // The charts beside this one name the benchmarks' colours: a narrow legend keeps the GC generations.
        optionalEntry(series);
        return series;
    };

    std::array<QScatterSeries*, 3> markers {};
    std::vector<std::pair<const RunRecord*, std::size_t>> shownCurves;
    QStringList shownLabels;
    std::array<std::size_t, 3> perGeneration {};
    double pause = 0;
    // Thousands of collections would make a blob: one marker per generation and pixel column.
    std::array<double, 3> lastMarker { -1, -1, -1 };
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto& benchmark = results.benchmarks[b];
        if (everyRun) {
            bool named = false;
            for (const auto& run : benchmark.runs) {
                if (run.warmup || !run.timeline || run.timeline->samples.empty())
                    continue;
                auto* series = addCurve(run, names[static_cast<int>(b)], colorFor(results.benchmarks[b].name), 1.0);
                if (named) // one legend entry per benchmark, hiding all its runs
                    belongsTo(series, names[static_cast<int>(b)]);
                named = true;
            }
            continue;
        }
        const auto shown = shownRun(b);
        if (!shown.run)
            continue;
        shownCurves.push_back({ shown.run, b });
        shownLabels << names[static_cast<int>(b)] + QStringLiteral(": ") + shown.label;
        if (!shown.instrumented || !benchmark.probe->gcEvents)
            continue;
        const double column = static_cast<double>(shown.run->timeline->samples.back().tSeconds) / columns;
        lastMarker = { -1, -1, -1 };
        for (const auto& e : *benchmark.probe->gcEvents) {
            const auto g = static_cast<std::size_t>(std::clamp(e.generation, 0, 2));
            if (!markers[g]) {
                // Young collections are many: small and see-through, so that the curve shows through them.
                markers[g] = new QScatterSeries;
                markers[g]->setMarkerSize(4.0 + 3.0 * static_cast<double>(g));
                markers[g]->setMarkerShape(g == 0 ? QScatterSeries::MarkerShapeCircle
                        : g == 1                  ? QScatterSeries::MarkerShapeRectangle
                                                  : QScatterSeries::MarkerShapeTriangle);
                auto color = generationColor(
                    e.generation, palette().color(QPalette::WindowText), palette().color(QPalette::Base));
                color.setAlpha(g == 0 ? 110 : 230);
                markers[g]->setColor(color);
                markers[g]->setBorderColor(color);
            }
            if (lastMarker[g] < 0 || e.tSeconds - lastMarker[g] >= column) {
                markers[g]->append(e.tSeconds, rssAt(shown.run->timeline->samples, e.tSeconds) / MiB);
                lastMarker[g] = e.tSeconds;
            }
            ++perGeneration[g];
            pause += e.durationSeconds;
        }
    }
    // Markers first, so that the curves are drawn over them.
    for (std::size_t g = 0; g < markers.size(); ++g) {
        if (!markers[g])
            continue;
        markers[g]->setName(tr("gen %1").arg(g));
        chart()->addSeries(markers[g]);
        markers[g]->attachAxis(x);
        markers[g]->attachAxis(y);
        m_gcMarkers += perGeneration[g];
    }
    for (const auto& [run, b] : shownCurves)
        addCurve(*run, names[static_cast<int>(b)], colorFor(results.benchmarks[b].name), 2.0);
    setToolTip(shownLabels.join(QLatin1Char('\n')));
    fitAxis(x, 0, std::max(maxT, 1e-3));
    fitAxis(y, 0, std::max(maxRss, 1.0));
    QStringList counts;
    for (std::size_t g = 0; g < perGeneration.size(); ++g)
        counts << QString::number(perGeneration[g]);
    chart()->setTitle(m_gcMarkers > 0 ? tr("RSS over time — %1 GCs, %2 paused")
                                            .arg(m_gcMarkers)
                                            .arg(QString::fromStdString(formatDuration(pause)))
                                      : tr("RSS over time"));
    if (m_gcMarkers > 0)
        shownLabels << tr("Garbage collections by generation (0/1/2): %1").arg(counts.join(QLatin1Char('/')));
}

} // namespace pyrometer::ui
