#include "ui/profile/memory_panel.h"

#include "ui/snapshot/run_numbers.h"

#include "core/model/units.h"
#include "core/probe/memory_profile.h"
#include "core/stats/chart_math.h"

#include <QChart>
#include <QCheckBox>
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

/// The RSS curve of `run`'s samples.
std::vector<MemoryPoint> rssOf(const RunRecord& run)
{
    std::vector<MemoryPoint> points;
    points.reserve(run.timeline->samples.size());
    for (const auto& s : run.timeline->samples)
        points.push_back({ s.tSeconds, s.rssBytes });
    return points;
}

/// The views of the "Show" choice, in its order; OneChartEach draws OneRunEach in a small chart per benchmark.
enum Mode { OneRunEach, EveryRun, OverheadShare, OneChartEach };
} // namespace

MemoryPanel::MemoryPanel(QWidget* parent)
    : ChartPanel(tr("RSS over time"), parent)
    , m_mode(new QComboBox)
{
    m_mode->addItems({ tr("One run per benchmark"), tr("Every run"), tr("RSS − heap"), tr("A chart per benchmark") });
    m_mode->setObjectName(QStringLiteral("memoryMode"));
    m_mode->setToolTip(tr("One run per benchmark (the instrumented one, with its heap and garbage collections, "
                          "when there is one), every measured run overlaid, the share of RSS that is not heap in "
                          "use (the allocator's free memory and fragmentation, the runtime's own), or one run per "
                          "benchmark in a small chart each, all on the same axes"));
    controls()->insertWidget(0, new QLabel(tr("Show:")));
    controls()->insertWidget(1, m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        setSmallMultiples(index == OneChartEach);
        refresh();
        for (auto* part : multiples())
            static_cast<MemoryPanel*>(part)->refresh();
    });
    addSmallMultiplesChoice([this](std::size_t) {
        auto* part = new MemoryPanel;
        part->m_whole = this;
        return part;
    });
    // Chosen under Show, which keeps the controls narrow enough to leave the time series beside it its room.
    findChild<QCheckBox*>(QStringLiteral("smallMultiples"))->hide();
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
    m_heapCurves = 0;
    if (!hasData()) {
        chart()->setTitle(tr("RSS over time: no samples (set a memory timeline rate in Run Settings)"));
        return;
    }
    // Benchmarks and the collections' markers share the legend of a half-width chart (a theme resets the font).
    auto font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    chart()->legend()->setFont(font);
    if (mode() == OverheadShare) {
        drawOverheadShares();
        return;
    }
    const auto& results = *snapshot();
    const auto names = displayNames(snapshot());
    const int columns = plotWidth();
    const bool everyRun = mode() == EveryRun;
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(tr("Time since start (s)"));
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    double maxT = 0, maxBytes = 0;

    const auto addCurve = [&](const std::vector<MemoryPoint>& curve, const QString& name, QColor color, qreal width,
                              Qt::PenStyle style) {
        std::vector<Point> points;
        points.reserve(curve.size());
        for (const auto& p : curve)
            points.push_back({ p.tSeconds, static_cast<double>(p.bytes) / MiB });
        auto* series = new QLineSeries;
        series->setName(name);
        QPen pen(color);
        pen.setWidthF(width);
        pen.setStyle(style);
        series->setPen(pen);
        for (const auto& p : downsampleMinMax(points, columns)) {
            series->append(p.x, p.y);
            maxT = std::max(maxT, p.x);
            maxBytes = std::max(maxBytes, p.y);
        }
        chart()->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        // The charts beside this one name the benchmarks' colours: a narrow legend keeps the collections' markers.
        optionalEntry(series);
        return series;
    };

    // CPython's three generations, and the pauses of the other runtimes' collectors.
    std::array<QScatterSeries*, 4> markers {};
    std::array<std::size_t, 4> perKind {};
    struct Curves
    {
        std::vector<MemoryPoint> rss;
        std::vector<MemoryPoint> heap;
        std::size_t b = 0;
    };
    std::vector<Curves> shownCurves;
    QStringList shownLabels;
    double pause = 0;
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto& benchmark = results.benchmarks[b];
        if (everyRun) {
            bool named = false;
            for (const auto& run : benchmark.runs) {
                if (run.warmup || !run.timeline || run.timeline->samples.empty())
                    continue;
                auto* series
                    = addCurve(rssOf(run), names[static_cast<int>(b)], colorFor(benchmark.name), 1.0, Qt::SolidLine);
                if (named) // one legend entry per benchmark, hiding all its runs
                    belongsTo(series, names[static_cast<int>(b)]);
                named = true;
            }
            continue;
        }
        const auto shown = shownRun(b);
        if (!shown.run)
            continue;
        shownLabels << names[static_cast<int>(b)] + QStringLiteral(": ") + shown.label;
        if (!shown.instrumented) {
            shownCurves.push_back({ rssOf(*shown.run), {}, b });
            continue;
        }
        auto profile = memoryProfile(benchmark);
        // Thousands of collections would make a blob: one marker per kind and pixel column.
        const double column = profile.rss.empty() ? 1.0 : profile.rss.back().tSeconds / columns;
        std::array<double, 4> lastMarker { -1, -1, -1, -1 };
        for (const auto& e : profile.pauses) {
            const auto k = e.generation < 0 ? std::size_t(3) : static_cast<std::size_t>(std::clamp(e.generation, 0, 2));
            if (!markers[k]) {
                // Young collections are many: small and see-through, so that the curve shows through them.
                markers[k] = new QScatterSeries;
                markers[k]->setMarkerSize(k == 3 ? 8.0 : 4.0 + 3.0 * static_cast<double>(k));
                markers[k]->setMarkerShape(k == 0 ? QScatterSeries::MarkerShapeCircle
                        : k == 1                  ? QScatterSeries::MarkerShapeRectangle
                        : k == 2                  ? QScatterSeries::MarkerShapeTriangle
                                                  : QScatterSeries::MarkerShapeRotatedRectangle);
                auto color = generationColor(static_cast<int>(std::min<std::size_t>(k, 2)),
                    palette().color(QPalette::WindowText), palette().color(QPalette::Base));
                color.setAlpha(k == 0 ? 110 : 230);
                markers[k]->setColor(k == 3 ? Qt::transparent : color);
                markers[k]->setBorderColor(color);
            }
            if (lastMarker[k] < 0 || e.tSeconds - lastMarker[k] >= column) {
                markers[k]->append(e.tSeconds, valueAt(profile.rss, e.tSeconds).value_or(0) / MiB);
                lastMarker[k] = e.tSeconds;
            }
            ++perKind[k];
            pause += e.pauseSeconds;
        }
        shownCurves.push_back({ std::move(profile.rss), std::move(profile.heap), b });
    }
    // Markers first, so that the curves are drawn over them.
    for (std::size_t k = 0; k < markers.size(); ++k) {
        if (!markers[k])
            continue;
        markers[k]->setName(k == 3 ? tr("GC pause") : tr("gen %1").arg(k));
        chart()->addSeries(markers[k]);
        markers[k]->attachAxis(x);
        markers[k]->attachAxis(y);
        m_gcMarkers += perKind[k];
    }
    for (const auto& c : shownCurves) {
        const auto name = names[static_cast<int>(c.b)];
        const auto color = colorFor(results.benchmarks[c.b].name);
        addCurve(c.rss, name, color, 2.0, Qt::SolidLine);
        if (!c.heap.empty()) {
            belongsTo(addCurve(c.heap, name + tr(" (heap in use)"), color, 1.5, Qt::DashLine), name);
            ++m_heapCurves;
        }
    }
    y->setTitleText(m_heapCurves > 0 ? tr("Memory (MiB)") : tr("RSS (MiB)"));
    setToolTip(shownLabels.join(QLatin1Char('\n')));
    if (m_whole && m_whole->snapshot()) {
        const auto [t, bytes] = m_whole->extent();
        maxT = std::max(maxT, t);
        maxBytes = std::max(maxBytes, bytes);
    }
    fitAxis(x, 0, std::max(maxT, 1e-3));
    fitAxis(y, 0, std::max(maxBytes, 1.0));
    const QString what = m_heapCurves > 0 ? tr("RSS and heap (dashed)") : tr("RSS over time");
    chart()->setTitle(m_gcMarkers > 0
            ? tr("%1 — %2 GCs, %3 paused").arg(what).arg(m_gcMarkers).arg(QString::fromStdString(formatDuration(pause)))
            : what);
    if (m_whole) // a small multiple: its benchmark's name is its title
        chart()->setTitle(chartText(names.value(0)));
    if (perKind[0] + perKind[1] + perKind[2] > 0)
        shownLabels << tr("Garbage collections by generation (0/1/2): %1/%2/%3")
                           .arg(perKind[0])
                           .arg(perKind[1])
                           .arg(perKind[2]);
}

int MemoryPanel::mode() const
{
    const int chosen = (m_whole ? m_whole->m_mode : m_mode)->currentIndex();
    return chosen == OneChartEach ? OneRunEach : chosen;
}

std::pair<double, double> MemoryPanel::extent() const
{
    if (m_extentOf == snapshot().results())
        return m_extent;
    const auto& results = *snapshot();
    double maxT = 0, maxBytes = 0;
    const auto cover = [&](const RunRecord& run) {
        if (!run.timeline)
            return;
        for (const auto& s : run.timeline->samples) {
            maxT = std::max(maxT, static_cast<double>(s.tSeconds));
            maxBytes = std::max(maxBytes, static_cast<double>(std::max(s.rssBytes, s.heapBytes)) / MiB);
        }
    };
    for (const auto& benchmark : results.benchmarks) {
        for (const auto& run : benchmark.runs)
            cover(run);
        if (benchmark.probe) {
            for (const auto& probeRun : benchmark.probe->runs)
                cover(probeRun.run);
        }
        for (const auto& p : memoryProfile(benchmark).heap)
            maxBytes = std::max(maxBytes, static_cast<double>(p.bytes) / MiB);
    }
    m_extentOf = snapshot().results();
    m_extent = { maxT, maxBytes };
    return m_extent;
}

void MemoryPanel::drawOverheadShares()
{
    const auto& results = *snapshot();
    const auto names = displayNames(snapshot());
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(tr("Time since start (s)"));
    y->setTitleText(tr("RSS − heap in use (% of RSS)"));
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    double maxT = 0, minShare = 0, maxShare = 0;
    int drawn = 0;
    for (std::size_t b = 0; b < results.benchmarks.size(); ++b) {
        const auto profile = memoryProfile(results.benchmarks[b]);
        if (profile.overhead.empty())
            continue;
        std::vector<Point> points;
        for (const auto& o : profile.overhead) {
            const double rss = valueAt(profile.rss, o.tSeconds).value_or(0);
            if (rss > 0)
                points.push_back({ o.tSeconds, 100.0 * static_cast<double>(o.bytes) / rss });
        }
        auto* series = new QLineSeries;
        series->setName(names[static_cast<int>(b)]);
        QPen pen(colorFor(results.benchmarks[b].name));
        pen.setWidthF(2.0);
        series->setPen(pen);
        for (const auto& p : downsampleMinMax(points, plotWidth())) {
            series->append(p.x, p.y);
            maxT = std::max(maxT, p.x);
            minShare = std::min(minShare, p.y);
            maxShare = std::max(maxShare, p.y);
        }
        chart()->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        ++drawn;
    }
    if (m_whole && m_whole->snapshot())
        maxT = std::max(maxT, m_whole->extent().first);
    fitAxis(x, 0, std::max(maxT, 1e-3));
    fitAxis(y, std::max(minShare, -100.0), std::max(maxShare, 100.0));
    fitLegend(drawn, m_whole != nullptr);
    chart()->setTitle(drawn > 0
            ? tr("RSS − heap in use: the allocator's free memory and fragmentation, the runtime's own")
            : tr("RSS − heap: no heap counted (tick GC, and Live heap for Python, in Run Settings)"));
    if (m_whole)
        chart()->setTitle(chartText(names.value(0)));
}

} // namespace pyrometer::ui
