// SPDX-License-Identifier: Apache-2.0
// RateLimitSimulatorWidget: pick a traffic pattern (steady, burst, ramp) and
// see, per second, how many requests of one client the selected limit admits
// and rejects — one chart per strategy, side by side, from the engine itself
// (RateLimitSimulation). Re-runs as the limit or the pattern changes.
#pragma once

#include "simulation/RateLimitSimulation.h"

#include <QTimer>
#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QSpinBox;

namespace pc {

class PolicyDocument;
class TokenChecklist;

class RateLimitSimulatorWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitSimulatorWidget)

public:
    explicit RateLimitSimulatorWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~RateLimitSimulatorWidget() override;

    void setLimit(int row);
    void setPattern(const TrafficPattern& pattern);
    [[nodiscard]] TrafficPattern pattern() const;
    // Runs now (otherwise runs shortly after a change).
    void simulate();
    [[nodiscard]] const std::vector<SimulationSeries>& results() const { return m_results; }

private:
    void schedule() { m_quiet.start(); }
    void showResults();
    [[nodiscard]] std::vector<RateStrategy> strategies() const;
    [[nodiscard]] int limitStatus() const;

    PolicyDocument* m_document;
    int m_row = -1;
    QTimer m_quiet;
    QComboBox* m_kind;
    QSpinBox* m_duration;
    QDoubleSpinBox* m_rate;
    QSpinBox* m_burstSize;
    QSpinBox* m_burstEvery;
    TokenChecklist* m_strategies;
    QGridLayout* m_charts;
    std::vector<SimulationSeries> m_results;
};

} // namespace pc
