#include "ui/charts/scaling_panel.h"

#include "core/measure/suite.h"
#include "core/model/error.h"
#include "core/model/short_names.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>

namespace pyrometer::ui {
namespace {
/// The median's 95% interval from its standard error (normal approximation), kept above zero for the log axis.
std::pair<double, double> interval(const ScalingPoint& p)
{
    return { std::max(p.median - 1.96 * p.error, p.median / 100), p.median + 1.96 * p.error };
}

QString sizeText(double n)
{
    return QLocale().toString(n, 'g', 12);
}
} // namespace

ScalingPanel::ScalingPanel(QWidget* parent)
    : ChartPanel(tr("Median against size, log–log"), parent)
    , m_metric(new QComboBox)
    , m_predict(new QLineEdit)
    , m_predicted(new QLabel)
{
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
    clearChart();
    m_drawn.clear();
}

void ScalingPanel::rebuild()
{
    forgetSeries();
    m_curves = snapshot() ? scalingCurves(*snapshot(), metric()) : std::vector<ScalingCurve> {};
    std::erase_if(m_curves, [](const ScalingCurve& c) { return c.points.empty(); });
    m_predictions.assign(m_curves.size(), std::nullopt);
    m_predictionText.clear();
    auto* c = chart();
    if (m_curves.empty()) {
        c->setTitle(metric() == ScalingMetric::Time
                ? tr("Scaling: no benchmark has a numeric parameter (a function's params or sizes, or a scan)")
                : tr("Scaling: no peak memory measured at two sizes or more"));
        m_predicted->setVisible(false);
        fitLegend(0, true);
        return;
    }
    c->setTitle(tr("Median against size, log–log"));
    // A line per curve: its class and coefficient do not fit a row of four at the bottom.
    c->legend()->setAlignment(Qt::AlignRight);
    std::vector<std::string> full;
    for (const auto& curve : m_curves)
        full.push_back(curve.name);
    m_names.clear();
    for (const auto& name : shortNames(full))
        m_names.push_back(QString::fromStdString(name));

    double lowN = HUGE_VAL, highN = 0, lowY = HUGE_VAL, highY = 0;
    QStringList parameters;
    bool perCall = false, perRun = false;
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const auto& curve = m_curves[i];
        perCall = perCall || curve.perCall;
        perRun = perRun || !curve.perCall;
        if (!parameters.contains(QString::fromStdString(curve.parameter)))
            parameters << QString::fromStdString(curve.parameter);
        for (const auto& p : curve.points) {
            const auto [low, high] = interval(p);
            lowN = std::min(lowN, p.n);
            highN = std::max(highN, p.n);
            lowY = std::min(lowY, low);
            highY = std::max(highY, high);
        }
        if (m_predictAt && curve.analysis.decided()) {
            m_predictions[i] = predictScaling(curve.samples, curve.analysis.best()->complexity, *m_predictAt);
            if (std::isfinite(m_predictions[i]->low) && m_predictions[i]->low > 0) {
                lowY = std::min(lowY, m_predictions[i]->low);
                highY = std::max(highY, m_predictions[i]->high);
                lowN = std::min(lowN, *m_predictAt);
                highN = std::max(highN, *m_predictAt);
            }
        }
    }

    QString unit;
    const bool time = metric() == ScalingMetric::Time;
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
    auto* x = timeAxis(true);
    auto* y = timeAxis(true);
    x->setTitleText(parameters.join(QStringLiteral(", ")));
    // Sizes in full ("10000000", not "1e+07"), unless some lie below 1.
    if (lowN >= 1)
        static_cast<QLogValueAxis*>(x)->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(time ? (perCall && perRun ? tr("Time per call or run (%1)")
                            : perCall         ? tr("Time per call (%1)")
                                              : tr("Time per run (%1)"))
                               .arg(unit)
                         : tr("Peak memory (%1)").arg(unit));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    const auto attach = [&](QXYSeries* series) {
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };

    const auto legend = legendTexts();
    QStringList predictions;
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const auto& curve = m_curves[i];
        const auto color = colorFor(curve.name);
        const auto& name = legend[static_cast<qsizetype>(i)];
        // The error bars and curves first, the medians last: hovering a median's marker finds the median.
        for (const auto& p : curve.points) {
            const auto [low, high] = interval(p);
            auto* bar = new QLineSeries;
            bar->setPen(QPen(color, 1.5));
            bar->append(p.n, low * m_perUnit);
            bar->append(p.n, high * m_perUnit);
            belongsTo(bar, name);
            attach(bar);
            m_drawn.push_back({ bar, i, Drawn::Medians });
        }
        if (curve.analysis.decided())
            drawFit(i, name, color, predictions);
        auto* medians = new QScatterSeries;
        medians->setName(name);
        medians->setColor(color);
        useLightMarkers(medians, color, color.darker(140), 8);
        for (const auto& p : curve.points)
            medians->append(p.n, p.median * m_perUnit);
        attach(medians);
        m_drawn.push_back({ medians, i, Drawn::Medians });
    }
    if (m_predictAt) {
        m_predictionText = predictions.isEmpty()
            ? tr("At %1: no prediction, no class was told").arg(sizeText(*m_predictAt))
            : tr("At %1: %2").arg(sizeText(*m_predictAt), predictions.join(QStringLiteral("; ")));
    }
    fitLegend(static_cast<int>(m_curves.size()));
    m_predicted->setText(m_predictionText);
    m_predicted->setVisible(!m_predictionText.isEmpty());
    fitAxis(x, lowN, highN);
    fitAxis(y, lowY * m_perUnit, highY * m_perUnit);
}

void ScalingPanel::drawFit(std::size_t i, const QString& name, QColor color, QStringList& predictions)
{
    const auto& curve = m_curves[i];
    const auto& fit = *curve.analysis.best();
    const bool time = curve.metric == ScalingMetric::Time;
    const double from = curve.points.front().n, to = curve.points.back().n;
    auto* c = chart();
    auto* x = c->axes(Qt::Horizontal).at(0);
    auto* y = c->axes(Qt::Vertical).at(0);
    const auto attach = [&](QXYSeries* series) {
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    const auto line = [&](double a, double b, Qt::PenStyle style) {
        auto* series = new QLineSeries;
        series->setPen(QPen(color, 2, style));
        constexpr int steps = 64;
        for (int s = 0; s <= steps; ++s) {
            const double n = a * std::pow(b / a, static_cast<double>(s) / steps);
            const double value = fit.predict(n);
            if (value > 0 && std::isfinite(value))
                series->append(n, value * m_perUnit);
        }
        belongsTo(series, name);
        attach(series);
        m_drawn.push_back({ series, i, Drawn::Fit });
    };
    line(from, to, Qt::SolidLine);
    const auto& predicted = m_predictions[i];
    if (!predicted || !std::isfinite(predicted->value) || !(predicted->low > 0))
        return;
    // Beyond the sizes measured the curve is dashed: the class is assumed to hold there.
    if (*m_predictAt > to)
        line(to, *m_predictAt, Qt::DashLine);
    else if (*m_predictAt < from)
        line(*m_predictAt, from, Qt::DashLine);
    auto* bar = new QLineSeries;
    bar->setPen(QPen(color, 1.5, Qt::DashLine));
    bar->append(*m_predictAt, predicted->low * m_perUnit);
    bar->append(*m_predictAt, predicted->high * m_perUnit);
    belongsTo(bar, name);
    attach(bar);
    m_drawn.push_back({ bar, i, Drawn::Prediction });
    auto* point = new QScatterSeries;
    point->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    point->setMarkerSize(10);
    point->setColor(color.lighter(130));
    point->setBorderColor(color.darker(150));
    point->append(*m_predictAt, predicted->value * m_perUnit);
    belongsTo(point, name);
    attach(point);
    m_drawn.push_back({ point, i, Drawn::Prediction });
    const auto format = [&](double v) { return QString::fromStdString(time ? formatDuration(v) : formatBytes(v)); };
    predictions << tr("%1 %2 (%3 … %4)%5")
                       .arg(m_names[i], format(predicted->value), format(predicted->low), format(predicted->high),
                           predicted->farOutside ? tr(", far outside the sizes measured") : QString());
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
        const auto [low, high] = interval(*p);
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
