#include "ui/charts/scaling_panel.h"

#include "core/measure/suite.h"
#include "core/model/error.h"
#include "core/model/short_names.h"

#include <QChart>
#include <QComboBox>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>

namespace pyrometer::ui {
namespace {
QString sizeText(double n)
{
    return QLocale().toString(n, 'g', 12);
}
} // namespace

/// The error bars of every curve as one item over the plot: a series each made 20 curves at 10 sizes 240 series,
/// which Qt Charts adds and removes one by one, at a cost. Each bar is mapped through its curve's series as it is
/// painted, so that it follows zoom and resizing.
class ErrorBars final : public QGraphicsItem
{
public:
    struct Bar
    {
        const QXYSeries* series; ///< the medians of its curve: their axes, and hidden with them
        QPointF low, high;
        QColor color;
        bool dashed; ///< a prediction's interval
    };
    explicit ErrorBars(QChart* chart)
        : QGraphicsItem(chart)
        , m_chart(chart)
    {
        setZValue(4.5); // above the lines and the grid, below the markers (Qt Charts' series stand at 4 to 6)
    }
    void setBars(std::vector<Bar> bars)
    {
        m_bars = std::move(bars);
        refit();
    }
    void refit()
    {
        prepareGeometryChange();
        update();
    }
    std::size_t count() const { return m_bars.size(); }
    QRectF boundingRect() const override { return m_chart->plotArea(); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        painter->setClipRect(m_chart->plotArea());
        painter->setRenderHint(QPainter::Antialiasing);
        for (const auto& bar : m_bars) {
            if (!bar.series->isVisible())
                continue;
            auto* series = const_cast<QXYSeries*>(bar.series);
            const auto low = m_chart->mapToPosition(bar.low, series), high = m_chart->mapToPosition(bar.high, series);
            painter->setPen(QPen(bar.color, 1.5, bar.dashed ? Qt::DashLine : Qt::SolidLine));
            painter->drawLine(low, high);
            const QPointF cap(3, 0);
            painter->drawLine(low - cap, low + cap);
            painter->drawLine(high - cap, high + cap);
        }
    }

private:
    QChart* m_chart;
    std::vector<Bar> m_bars;
};

ScalingPanel::ScalingPanel(QWidget* parent)
    : ChartPanel(tr("Median against size, log–log"), parent)
    , m_metric(new QComboBox)
    , m_predict(new QLineEdit)
    , m_predicted(new QLabel)
    , m_bars(new ErrorBars(chart()))
{
    connect(chart(), &QChart::plotAreaChanged, this, [this] { m_bars->refit(); });
    m_metric->setObjectName(QStringLiteral("scalingMetric"));
    m_metric->addItems({ tr("Time"), tr("Peak memory") });
    m_metric->setToolTip(tr("Time per call (per run for scripts and commands), or the peak memory of each run's "
                            "process: its slope is the bytes per element"));
    m_predict->setObjectName(QStringLiteral("predictAt"));
    m_predict->setPlaceholderText(tr("size"));
    m_predict->setToolTip(tr("What each fitted class predicts at this size, with a 95% interval from a bootstrap "
                             "over the runs: a number (10000000, 1e7) or small, medium, large, xlarge"));
    m_predict->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("10000000000")) + 16);
    m_predict->setClearButtonEnabled(true);
    controls()->insertWidget(0, m_metric);
    controls()->insertWidget(1, new QLabel(tr("Predict at:")));
    controls()->insertWidget(2, m_predict);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        forgetSeries();
        refresh();
    });
    connect(m_predict, &QLineEdit::editingFinished, this, &ScalingPanel::predictFromField);
    m_predicted->setObjectName(QStringLiteral("predictions"));
    m_predicted->setTextFormat(Qt::PlainText);
    m_predicted->setWordWrap(true);
    m_predicted->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_predicted->setVisible(false);
    if (auto* column = qobject_cast<QBoxLayout*>(layout()))
        column->insertWidget(1, m_predicted);
}

ScalingMetric ScalingPanel::metric() const
{
    return m_metric->currentIndex() == 1 ? ScalingMetric::PeakMemory : ScalingMetric::Time;
}

void ScalingPanel::setMetric(ScalingMetric metric)
{
    m_metric->setCurrentIndex(metric == ScalingMetric::PeakMemory ? 1 : 0);
}

void ScalingPanel::setPredictAt(std::optional<double> n)
{
    m_predictAt = n;
    m_predict->setText(n ? sizeText(*n) : QString());
    refresh();
}

void ScalingPanel::predictFromField()
{
    const auto text = m_predict->text().trimmed().remove(QLatin1Char('_'));
    if (text.isEmpty()) {
        if (m_predictAt) {
            m_predictAt.reset();
            refresh();
        }
        return;
    }
    bool isNumber = false;
    double n = QLocale::c().toDouble(text, &isNumber);
    if (!isNumber) {
        try {
            const auto sizes = parseScales(text.toStdString());
            isNumber = sizes.size() == 1;
            n = isNumber ? static_cast<double>(sizes.front()) : 0;
        } catch (const InputError&) {
        }
    }
    if (!isNumber || !(n > 0) || !std::isfinite(n)) {
        Q_EMIT message(tr("Predict at: “%1” is not a size (a number above 0, or small, medium, large, xlarge)")
                           .arg(m_predict->text()));
        return;
    }
    if (m_predictAt != n) {
        m_predictAt = n;
        refresh();
    }
}

bool ScalingPanel::hasData() const
{
    return static_cast<bool>(snapshot());
}

std::size_t ScalingPanel::errorBarCount() const
{
    return m_bars->count();
}

QStringList ScalingPanel::legendTexts() const
{
    QStringList texts;
    for (std::size_t c = 0; c < m_curves.size(); ++c) {
        const auto* best = m_curves[c].analysis.best();
        if (!m_curves[c].analysis.decided()) {
            texts << tr("%1: cannot tell the class").arg(m_names[c]);
            continue;
        }
        // The class and its coefficient; the constant term is in the tooltip, so that four curves fit one line.
        auto leading = *best;
        if (leading.complexity != Complexity::Constant)
            leading.constant = 0;
        texts << tr("%1: %2").arg(m_names[c], QString::fromStdString(describeFit(leading, m_curves[c].metric)));
    }
    return texts;
}

void ScalingPanel::forgetSeries()
{
    m_bars->setBars({}); // before the series they are drawn by go
    clearChart();
    m_tracks.clear();
    m_drawn.clear();
    m_shape.clear();
    m_x = m_y = nullptr;
}

void ScalingPanel::rebuild()
{
    m_curves.clear();
    if (snapshot())
        m_curves = metric() == ScalingMetric::Time ? snapshot().view().scaling
                                                   : scalingCurves(*snapshot(), ScalingMetric::PeakMemory);
    std::erase_if(m_curves, [](const ScalingCurve& c) { return c.points.empty(); });
    m_predictions.assign(m_curves.size(), std::nullopt);
    m_predictionText.clear();
    auto* c = chart();
    if (m_curves.empty()) {
        forgetSeries();
        c->setTitle(metric() == ScalingMetric::Time
                ? tr("Scaling: no benchmark has a numeric parameter (a function's params or sizes, or a scan)")
                : tr("Scaling: no peak memory measured at two sizes or more"));
        m_predicted->setVisible(false);
        fitLegend(0, true);
        return;
    }
    std::vector<std::string> full;
    for (const auto& curve : m_curves)
        full.push_back(curve.name);
    m_names.clear();
    for (const auto& name : shortNames(full))
        m_names.push_back(QString::fromStdString(name));

    double lowN = HUGE_VAL, highN = 0, lowY = HUGE_VAL, highY = 0;
    QStringList parameters;
    bool perCall = false, perRun = false;
    QString shape = QString::number(static_cast<int>(metric()));
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const auto& curve = m_curves[i];
        perCall = perCall || curve.perCall;
        perRun = perRun || !curve.perCall;
        if (!parameters.contains(QString::fromStdString(curve.parameter)))
            parameters << QString::fromStdString(curve.parameter);
        for (const auto& p : curve.points) {
            const auto [low, high] = medianInterval(p);
            lowN = std::min(lowN, p.n);
            highN = std::max(highN, p.n);
            lowY = std::min(lowY, low);
            highY = std::max(highY, high);
        }
        if (m_predictAt && curve.analysis.decided()) {
            const auto p = predictScaling(curve.samples, curve.analysis.best()->complexity, *m_predictAt);
            if (std::isfinite(p.value) && p.low > 0) {
                m_predictions[i] = p;
                lowY = std::min(lowY, p.low);
                highY = std::max(highY, p.high);
                lowN = std::min(lowN, *m_predictAt);
                highN = std::max(highN, *m_predictAt);
            }
        }
        // What the series are made for: a live refresh of the same only swaps their points in.
        shape += QLatin1Char('\n') + QString::fromStdString(curve.name)
            + QLatin1Char(curve.analysis.decided() ? '+' : '-') + QLatin1Char(m_predictions[i] ? 'p' : ' ');
    }

    const bool time = metric() == ScalingMetric::Time;
    QString unit;
    if (time) {
        // The unit of the range's geometric middle: labels at powers of ten then read 0.01 … 10000, not 1e+07, over
        // the six decades a quadratic function spans.
        const auto u = durationUnitFor(std::sqrt(lowY * highY));
        m_perUnit = u.perSecond;
        unit = QString::fromUtf8(u.symbol);
    } else {
        m_perUnit = 1.0 / (1024 * 1024);
        unit = QStringLiteral("MiB");
    }
    if (shape != m_shape || !m_x)
        makeSeries(shape);
    m_x->setTitleText(chartText(parameters.join(QStringLiteral(", "))));
    // Sizes in full ("10000000", not "1e+07"), unless some lie below 1.
    static_cast<QLogValueAxis*>(m_x)->setLabelFormat(lowN >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%g"));
    m_y->setTitleText(time ? (perCall && perRun ? tr("Time per call or run (%1)")
                              : perCall         ? tr("Time per call (%1)")
                                                : tr("Time per run (%1)"))
                                 .arg(unit)
                           : tr("Peak memory (%1)").arg(unit));

    const auto legend = legendTexts();
    QStringList predictions;
    std::vector<ErrorBars::Bar> bars;
    const auto format = [&](double v) { return QString::fromStdString(time ? formatDuration(v) : formatBytes(v)); };
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const auto& curve = m_curves[i];
        auto& track = m_tracks[i];
        const auto color = colorFor(curve.name);
        const auto& name = legend[static_cast<qsizetype>(i)];
        track.medians->setName(name);
        QList<QPointF> medians;
        for (const auto& p : curve.points) {
            medians.append(QPointF(p.n, p.median * m_perUnit));
            const auto [low, high] = medianInterval(p);
            bars.push_back(
                { track.medians, QPointF(p.n, low * m_perUnit), QPointF(p.n, high * m_perUnit), color, false });
        }
        track.medians->replace(medians);
        if (!track.fit)
            continue;
        const auto& fit = *curve.analysis.best();
        const auto line = [&](QLineSeries* series, double a, double b) {
            QList<QPointF> points;
            constexpr int steps = 24; // smooth on log–log axes, where every class but a bend is a straight line
            for (int s = 0; s <= steps; ++s) {
                const double n = a * std::pow(b / a, static_cast<double>(s) / steps);
                const double value = fit.predict(n);
                if (value > 0 && std::isfinite(value))
                    points.append(QPointF(n, value * m_perUnit));
            }
            series->replace(points);
            belongsTo(series, name);
        };
        const double from = curve.points.front().n, to = curve.points.back().n;
        line(track.fit, from, to);
        const auto& predicted = m_predictions[i];
        if (!predicted || !track.predicted)
            continue;
        // Beyond the sizes measured the curve is dashed: the class is assumed to hold there.
        line(track.beyond, std::min(*m_predictAt, to), std::max(*m_predictAt, from));
        track.predicted->replace({ QPointF(*m_predictAt, predicted->value * m_perUnit) });
        belongsTo(track.predicted, name);
        bars.push_back({ track.medians, QPointF(*m_predictAt, predicted->low * m_perUnit),
            QPointF(*m_predictAt, predicted->high * m_perUnit), color, true });
        predictions << tr("%1 %2 (%3 … %4)%5")
                           .arg(m_names[i], format(predicted->value), format(predicted->low), format(predicted->high),
                               predicted->farOutside ? tr(", far outside the sizes measured") : QString());
    }
    if (m_predictAt) {
        m_predictionText = predictions.isEmpty()
            ? tr("At %1: no prediction, no class was told").arg(sizeText(*m_predictAt))
            : tr("At %1: %2").arg(sizeText(*m_predictAt), predictions.join(QStringLiteral("; ")));
    }
    fitLegend(static_cast<int>(m_curves.size()));
    m_predicted->setText(m_predictionText);
    m_predicted->setVisible(!m_predictionText.isEmpty());
    fitAxis(m_x, lowN, highN);
    fitAxis(m_y, lowY * m_perUnit, highY * m_perUnit);
    m_bars->setBars(std::move(bars));
}

void ScalingPanel::makeSeries(const QString& shape)
{
    forgetSeries();
    m_shape = shape;
    auto* c = chart();
    c->setTitle(tr("Median against size, log–log"));
    // A line per curve: its class and coefficient do not fit a row of four at the bottom.
    c->legend()->setAlignment(Qt::AlignRight);
    m_x = timeAxis(true);
    m_y = timeAxis(true);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    for (auto* axis : { m_x, m_y })
        connect(static_cast<QLogValueAxis*>(axis), &QLogValueAxis::rangeChanged, this, [this] { m_bars->refit(); });
    const auto attach = [&](QXYSeries* series) {
        c->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    };
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const auto& curve = m_curves[i];
        const auto color = colorFor(curve.name);
        Track track;
        // The curves first, the medians last: hovering a median's marker finds the median.
        if (curve.analysis.decided()) {
            track.fit = new QLineSeries;
            track.fit->setPen(QPen(color, 2));
            attach(track.fit);
            m_drawn.push_back({ track.fit, i, Drawn::Fit });
            if (m_predictions[i]) {
                track.beyond = new QLineSeries;
                track.beyond->setPen(QPen(color, 2, Qt::DashLine));
                attach(track.beyond);
                m_drawn.push_back({ track.beyond, i, Drawn::Fit });
                track.predicted = new QScatterSeries;
                track.predicted->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
                track.predicted->setMarkerSize(10);
                track.predicted->setColor(color.lighter(130));
                track.predicted->setBorderColor(color.darker(150));
                attach(track.predicted);
                m_drawn.push_back({ track.predicted, i, Drawn::Prediction });
            }
        }
        track.medians = new QScatterSeries;
        track.medians->setColor(color);
        useLightMarkers(track.medians, color, color.darker(140), 8);
        attach(track.medians);
        m_drawn.push_back({ track.medians, i, Drawn::Medians });
        m_tracks.push_back(track);
    }
}

QString ScalingPanel::hoverText(QPointF position) const
{
    // A median under the pointer goes before the curve through it: what was measured, then what was fitted.
    const QXYSeries* closest = nullptr;
    QPointF at;
    qreal best = 8 * 8;
    for (const auto& track : m_tracks) {
        if (!track.medians->isVisible())
            continue;
        for (const auto& point : track.medians->points()) {
            const auto d = chart()->mapToPosition(point, track.medians) - position;
            if (const qreal distance = d.x() * d.x() + d.y() * d.y(); distance <= best) {
                best = distance;
                closest = track.medians;
                at = point;
            }
        }
    }
    return closest ? describePoint(closest, at) : ChartPanel::hoverText(position);
}

QString ScalingPanel::describePoint(const QXYSeries* series, QPointF point) const
{
    const auto drawn = std::find_if(m_drawn.begin(), m_drawn.end(), [&](const Drawn& d) { return d.series == series; });
    if (drawn == m_drawn.end())
        return ChartPanel::describePoint(series, point);
    const auto& curve = m_curves[drawn->curve];
    const bool time = curve.metric == ScalingMetric::Time;
    const auto format = [&](double v) { return QString::fromStdString(time ? formatDuration(v) : formatBytes(v)); };
    const auto name = QString::fromStdString(curve.name);
    const auto parameter = QString::fromStdString(curve.parameter);
    switch (drawn->kind) {
    case Drawn::Medians: {
        const auto p = std::min_element(curve.points.begin(), curve.points.end(), [&](const auto& a, const auto& b) {
            return std::abs(std::log(a.n / point.x())) < std::abs(std::log(b.n / point.x()));
        });
        const auto [low, high] = medianInterval(*p);
        auto text = tr("%1\n%2 = %3: median %4 (95% interval %5 … %6)")
                        .arg(name, parameter, sizeText(p->n), format(p->median), format(low), format(high));
        text += QLatin1Char('\n')
            + (curve.analysis.decided()
                    ? QString::fromStdString(
                        describeFit(*curve.analysis.best(), curve.metric) + "\n" + describeQuality(curve.analysis))
                    : tr("Cannot tell the class: %1").arg(QString::fromStdString(curve.analysis.undecided)));
        return text;
    }
    case Drawn::Fit:
        return tr("%1\n%2 at %3 = %4: %5")
            .arg(name, QString::fromStdString(describeFit(*curve.analysis.best(), curve.metric)), parameter,
                sizeText(point.x()), format(point.y() / m_perUnit));
    case Drawn::Prediction: {
        const auto& p = *m_predictions[drawn->curve];
        return tr("%1\npredicted at %2 = %3: %4 (95% interval %5 … %6, a bootstrap over the runs)%7")
            .arg(name, parameter, sizeText(p.n), format(p.value), format(p.low), format(p.high),
                p.farOutside ? tr("\nfar outside the sizes measured: it assumes the class holds there") : QString());
    }
    }
    return {};
}

} // namespace pyrometer::ui
