#pragma once

#include "ui/charts/chart_panel.h"

#include "core/model/units.h"
#include "core/stats/scaling.h"

#include <optional>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QComboBox;
class QLineSeries;
class QLabel;
class QLineEdit;
class QScatterSeries;
QT_END_NAMESPACE

namespace pyrometer::ui {

class ErrorBars;

/// How each benchmark function, script or command scales: its median time per call (or peak memory) against its one
/// numeric parameter, log–log, with the median's 95% interval as error bars, the fitted complexity curve, and its
/// class in the legend ("sort: O(n log n), ≈ 41 ns · n log n"). Several curves share the chart, to compare
/// algorithms. A size typed in the prediction field adds what each class predicts there, with its bootstrap interval.
class ScalingPanel final : public ChartPanel
{
    Q_OBJECT
public:
    explicit ScalingPanel(QWidget* parent = nullptr);

    /// The curves the chart shows, of the metric chosen.
    const std::vector<ScalingCurve>& curves() const { return m_curves; }
    ScalingMetric metric() const;
    void setMetric(ScalingMetric metric);
    /// The size to predict at, as the field sets it; nullopt for none.
    void setPredictAt(std::optional<double> n);
    std::optional<double> predictAt() const { return m_predictAt; }
    /// The predictions shown, one per decided curve, as the line above the chart gives them.
    QString predictionText() const { return m_predictionText; }
    /// Each curve's legend entry, in order.
    QStringList legendTexts() const;
    /// The error bars drawn (the medians' 95% intervals, and the predictions'), for tests.
    std::size_t errorBarCount() const;

protected:
    void rebuild() override;
    void forgetSeries() override;
    bool hasData() const override;
    QString hoverText(QPointF position) const override;
    QString describePoint(const QXYSeries* series, QPointF point) const override;

private:
    void predictFromField();
    /// Makes the axes and each curve's series anew, for curves of another `shape`.
    void makeSeries(const QString& shape);
    /// What each series shows, for the tooltips.
    struct Drawn
    {
        const QXYSeries* series = nullptr;
        std::size_t curve = 0;
        enum { Medians, Fit, Prediction } kind = Medians;
    };
    std::vector<Drawn> m_drawn;
    /// One curve's series: its medians, its fitted class, and the class beyond the sizes to a prediction.
    struct Track
    {
        QScatterSeries* medians = nullptr;
        QLineSeries* fit = nullptr;
        QLineSeries* beyond = nullptr;
        QScatterSeries* predicted = nullptr;
    };
    std::vector<Track> m_tracks;
    QString m_shape; ///< what the series were made for
    QAbstractAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr;
    std::vector<ScalingCurve> m_curves;
    std::vector<QString> m_names; ///< each curve's short name
    std::vector<std::optional<ScalingPrediction>> m_predictions;
    QComboBox* m_metric;
    QLineEdit* m_predict;
    QLabel* m_predicted; ///< the predictions, a line across the panel under its controls
    ErrorBars* m_bars; ///< every curve's, one item
    std::optional<double> m_predictAt;
    QString m_predictionText;
    double m_perUnit = 1; ///< display units per second or per byte
};

} // namespace pyrometer::ui
