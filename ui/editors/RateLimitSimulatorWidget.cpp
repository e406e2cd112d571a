// SPDX-License-Identifier: Apache-2.0
#include "editors/RateLimitSimulatorWidget.h"

#include "document/PolicyDocument.h"
#include "policy/PolicyEnums.h"
#include "support/Text.h"
#include "support/Theme.h"
#include "widgets/TokenChecklist.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pc {

RateLimitSimulatorWidget::RateLimitSimulatorWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_kind(new QComboBox(this)), m_duration(new QSpinBox(this)),
      m_rate(new QDoubleSpinBox(this)), m_burstSize(new QSpinBox(this)), m_burstEvery(new QSpinBox(this)),
      m_strategies(new TokenChecklist(enumTexts<RateStrategy>(), this)), m_charts(new QGridLayout)
{
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    m_kind->setObjectName(QStringLiteral("trafficKindComboBox"));
    m_kind->addItem(tr("Steady"), static_cast<int>(TrafficPattern::Kind::Steady));
    m_kind->addItem(tr("Burst"), static_cast<int>(TrafficPattern::Kind::Burst));
    m_kind->addItem(tr("Ramp"), static_cast<int>(TrafficPattern::Kind::Ramp));
    m_kind->setToolTip(tr("Steady: a constant rate. Burst: groups of requests at once, then quiet. Ramp: a rate "
                          "rising from zero."));
    m_duration->setObjectName(QStringLiteral("trafficDurationSpinBox"));
    m_duration->setRange(5, 3600);
    m_duration->setValue(120);
    m_duration->setSuffix(tr(" s"));
    m_rate->setObjectName(QStringLiteral("trafficRateSpinBox"));
    m_rate->setRange(0.1, 200.0);
    m_rate->setValue(0.5);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_rate->setToolTip(tr("Steady: the rate. Ramp: the rate reached at the end."));
    m_burstSize->setObjectName(QStringLiteral("burstSizeSpinBox"));
    m_burstSize->setRange(1, 10'000);
    m_burstSize->setValue(20);
    m_burstEvery->setObjectName(QStringLiteral("burstEverySpinBox"));
    m_burstEvery->setRange(1, 3600);
    m_burstEvery->setValue(45);
    m_burstEvery->setSuffix(tr(" s"));
    controls->addWidget(new QLabel(tr("Traffic"), this));
    controls->addWidget(m_kind);
    controls->addWidget(m_rate);
    controls->addWidget(new QLabel(tr("bursts of"), this));
    controls->addWidget(m_burstSize);
    controls->addWidget(new QLabel(tr("every"), this));
    controls->addWidget(m_burstEvery);
    controls->addWidget(new QLabel(tr("for"), this));
    controls->addWidget(m_duration);
    controls->addStretch(1);
    layout->addLayout(controls);
    m_strategies->setObjectName(QStringLiteral("simulatedStrategyChecklistWidget"));
    m_strategies->setToolTip(tr("Strategies to compare, each replaying the same traffic on its own counters."));
    m_strategies->setTokens({"fixed_window", "moving_window", "sliding_window_counter", "token_bucket"});
    layout->addWidget(m_strategies);
    layout->addLayout(m_charts, 1);

    m_quiet.setSingleShot(true);
    m_quiet.setInterval(120);
    connect(&m_quiet, &QTimer::timeout, this, &RateLimitSimulatorWidget::simulate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = static_cast<TrafficPattern::Kind>(m_kind->currentData().toInt());
        m_rate->setEnabled(kind != TrafficPattern::Kind::Burst);
        m_burstSize->setEnabled(kind == TrafficPattern::Kind::Burst);
        m_burstEvery->setEnabled(kind == TrafficPattern::Kind::Burst);
        schedule();
    });
    connect(m_duration, &QSpinBox::valueChanged, this, &RateLimitSimulatorWidget::schedule);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &RateLimitSimulatorWidget::schedule);
    connect(m_burstSize, &QSpinBox::valueChanged, this, &RateLimitSimulatorWidget::schedule);
    connect(m_burstEvery, &QSpinBox::valueChanged, this, &RateLimitSimulatorWidget::schedule);
    connect(m_strategies, &TokenChecklist::edited, this, &RateLimitSimulatorWidget::schedule);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/rate_limits") ||
            policypath::related(change.path, "/auth")) {
            schedule();
        }
    });
    m_burstSize->setEnabled(false);
    m_burstEvery->setEnabled(false);
}

RateLimitSimulatorWidget::~RateLimitSimulatorWidget() = default;

void RateLimitSimulatorWidget::setLimit(int row)
{
    m_row = row;
    simulate();
}

void RateLimitSimulatorWidget::setPattern(const TrafficPattern& pattern)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(pattern.kind)));
    m_duration->setValue(pattern.durationSeconds);
    m_rate->setValue(pattern.ratePerSecond);
    m_burstSize->setValue(pattern.burstSize);
    m_burstEvery->setValue(pattern.burstEverySeconds);
    simulate();
}

TrafficPattern RateLimitSimulatorWidget::pattern() const
{
    TrafficPattern p;
    p.kind = static_cast<TrafficPattern::Kind>(m_kind->currentData().toInt());
    p.durationSeconds = m_duration->value();
    p.ratePerSecond = m_rate->value();
    p.burstSize = m_burstSize->value();
    p.burstEverySeconds = m_burstEvery->value();
    return p;
}

std::vector<RateStrategy> RateLimitSimulatorWidget::strategies() const
{
    std::vector<RateStrategy> out;
    for (const std::string& name : m_strategies->tokens()) {
        if (auto s = enumFromName<RateStrategy>(name)) {
            out.push_back(*s);
        }
    }
    return out;
}

void RateLimitSimulatorWidget::simulate()
{
    m_quiet.stop();
    const auto& limits = m_document->policy().rateLimits;
    m_results.clear();
    if (m_row >= 0 && static_cast<size_t>(m_row) < limits.size()) {
        m_results = RateLimitSimulation::compare(limits[static_cast<size_t>(m_row)], pattern(), strategies(),
                                                 m_document->policy().auth.apiKeyHeader);
    }
    showResults();
}

int RateLimitSimulatorWidget::limitStatus() const
{
    const auto& limits = m_document->policy().rateLimits;
    return m_row >= 0 && static_cast<size_t>(m_row) < limits.size() ? limits[static_cast<size_t>(m_row)].status : 429;
}

void RateLimitSimulatorWidget::showResults()
{
    while (QLayoutItem* item = m_charts->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool dark = Theme::isDark(palette());
    const auto count = static_cast<int>(m_results.size());
    const int columns = count <= 3 ? std::max(1, count) : (count == 4 ? 2 : 3);
    for (size_t i = 0; i < m_results.size(); ++i) {
        const SimulationSeries& series = m_results[i];
        auto* chart = new QChart;
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundRoundness(0);
        chart->legend()->setAlignment(Qt::AlignBottom);
        if (!series.errors.empty()) {
            chart->setTitle(tr("%1: %2").arg(enumText(series.strategy), toQ(series.errors.front().message)));
        } else {
            chart->setTitle(tr("%1 — %2 admitted, %3 rejected")
                                .arg(enumText(series.strategy))
                                .arg(series.admitted)
                                .arg(series.rejected));
        }
        // A stacked histogram drawn as two areas: admitted from zero, rejected
        // on top of it, in buckets wide enough to keep about 60 of them.
        const int duration = std::max(1, pattern().durationSeconds);
        const int width = std::max(1, (duration + 59) / 60);
        auto* zero = new QLineSeries(chart);
        auto* admittedTop = new QLineSeries(chart);
        auto* rejectedTop = new QLineSeries(chart);
        int peak = 1;
        for (int start = 0; start < duration; start += width) {
            int a = 0;
            int r = 0;
            for (int s = start; s < std::min(duration, start + width); ++s) {
                if (static_cast<size_t>(s) < series.buckets.size()) {
                    a += series.buckets[static_cast<size_t>(s)].admitted;
                    r += series.buckets[static_cast<size_t>(s)].rejected;
                }
            }
            for (const int x : {start, std::min(duration, start + width)}) {
                zero->append(x, 0);
                admittedTop->append(x, a);
                rejectedTop->append(x, a + r);
            }
            peak = std::max(peak, a + r);
        }
        auto* admitted = new QAreaSeries(admittedTop, zero);
        admitted->setName(tr("admitted"));
        const QColor green = dark ? QColor(0x7c, 0xd9, 0x92) : QColor(0x2e, 0x9e, 0x4f);
        admitted->setColor(green);
        admitted->setBorderColor(green.darker(130));
        auto* rejected = new QAreaSeries(rejectedTop, admittedTop);
        rejected->setName(tr("rejected (%1)").arg(limitStatus()));
        const QColor red = Theme::messageColor(palette(), Severity::Error);
        rejected->setColor(red);
        rejected->setBorderColor(red.darker(130));
        chart->addSeries(admitted);
        chart->addSeries(rejected);
        auto* x = new QValueAxis(chart);
        x->setRange(0, duration);
        x->setLabelFormat(QStringLiteral("%d s"));
        auto* y = new QValueAxis(chart);
        y->setRange(0, peak);
        y->setLabelFormat(QStringLiteral("%d"));
        if (peak <= 5) {
            y->setTickCount(peak + 1);
        } else {
            y->applyNiceNumbers();
        }
        y->setTitleText(width == 1 ? tr("per second") : tr("per %1 s").arg(width));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAreaSeries* s : {admitted, rejected}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        auto* view = new QChartView(chart, this);
        view->setObjectName(toQ(enumName(series.strategy)) + QStringLiteral("ChartView"));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        m_charts->addWidget(view, static_cast<int>(i) / columns, static_cast<int>(i) % columns);
    }
}

} // namespace pc
