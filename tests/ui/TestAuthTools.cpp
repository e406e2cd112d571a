// SPDX-License-Identifier: Apache-2.0
// Password calibration off the GUI thread (progress, result as one undo step,
// cancel) and the token debugger and issuer on the policy's own keys.
#include "document/PolicyDocument.h"
#include "editors/CalibrationRunner.h"
#include "editors/PasswordSettingsWidget.h"
#include "editors/TokenDebuggerWidget.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <functional>

namespace {

// bcrypt cost c takes 60 ms * 2^(c-10): cost 12 is closest to a 250 ms target.
class ScriptedTimer final : public pc::HashTimer {
public:
    explicit ScriptedTimer(std::function<void()> onMeasure = {}) : m_onMeasure(std::move(onMeasure)) {}
    pc::Result<std::chrono::nanoseconds> measure(const pc::PasswordSetting& setting) override
    {
        if (m_onMeasure) {
            m_onMeasure();
        }
        const double ms = 60.0 * std::pow(2.0, setting.bcryptCost - 10);
        return std::chrono::nanoseconds(static_cast<long long>(ms * 1e6));
    }

private:
    std::function<void()> m_onMeasure;
};

} // namespace

class TestAuthTools final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void calibrationRunsInTheBackgroundAndAppliesItsResultAsOneStep()
    {
        pc::PolicyDocument doc;
        pc::Policy policy = pc::test::samplePolicy();
        policy.auth.passwords->bcryptRounds = 10;
        doc.reset(policy, {});
        pc::PasswordSettingsWidget widget(&doc, nullptr, [] { return std::make_unique<ScriptedTimer>(); });
        QSignalSpy progress(widget.calibration(), &pc::CalibrationRunner::progress);
        QSignalSpy finished(widget.calibration(), &pc::CalibrationRunner::finished);
        auto* button = widget.findChild<QPushButton*>(QStringLiteral("calibrateButton"));
        button->click();
        QVERIFY(!button->isEnabled());
        QVERIFY(widget.findChild<QPushButton*>(QStringLiteral("cancelCalibrationButton"))->isEnabled());
        QVERIFY(finished.wait(30'000));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(doc.policy().auth.passwords->bcryptRounds, 12);
        QCOMPARE(doc.undoStack()->count(), 1);
        auto* bar = widget.findChild<QProgressBar*>(QStringLiteral("calibrationProgressBar"));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(button->isEnabled());
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().auth.passwords->bcryptRounds, 10);
    }

    void aCancelledCalibrationChangesNothing()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::CalibrationRunner* runner = nullptr;
        pc::PasswordSettingsWidget widget(&doc, nullptr, [&runner] {
            // Cancel from inside the first measurement, on the worker thread.
            return std::make_unique<ScriptedTimer>([&runner] { runner->cancel(); });
        });
        runner = widget.calibration();
        QSignalSpy finished(runner, &pc::CalibrationRunner::finished);
        widget.calibrate();
        QVERIFY(finished.wait(30'000));
        const auto report = finished.first().first().value<pc::CalibrationReport>();
        QVERIFY(report.cancelled);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void issuedTokensVerifyAndTamperedOnesDoNot()
    {
        qputenv("PC_TEST_JWT_SECRET", "0123456789abcdef0123456789abcdef0123456789abcdef");
        pc::PolicyDocument doc;
        pc::Policy policy = pc::test::samplePolicy();
        policy.secrets[0].env = "PC_TEST_JWT_SECRET";
        doc.reset(policy, {});
        pc::TokenDebuggerWidget debugger(&doc);
        debugger.findChild<QLineEdit*>(QStringLiteral("extraClaimsLineEdit"))
            ->setText(QStringLiteral(R"({"sub": "alice"})"));
        QVERIFY(debugger.issue(false));
        QVERIFY2(debugger.verdict().startsWith(QStringLiteral("Accepted")), qPrintable(debugger.verdict()));
        auto* token = debugger.findChild<QPlainTextEdit*>(QStringLiteral("tokenTextEdit"));
        const QString issued = token->toPlainText();
        QVERIFY(debugger.findChild<QPlainTextEdit*>(QStringLiteral("tokenClaimsTextEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("\"alice\"")));

        // A signature that does not match.
        debugger.setToken(issued.left(issued.size() - 4) + QStringLiteral("AAAA"));
        QVERIFY2(debugger.verdict().startsWith(QStringLiteral("Refused")), qPrintable(debugger.verdict()));

        // The same token two days later: expired.
        debugger.setToken(issued);
        debugger.findChild<QCheckBox*>(QStringLiteral("verifyNowCheckBox"))->setChecked(false);
        debugger.findChild<QDateTimeEdit*>(QStringLiteral("verifyAtDateTimeEdit"))
            ->setDateTime(QDateTime::currentDateTime().addDays(2));
        QVERIFY2(debugger.verdict().startsWith(QStringLiteral("Refused")), qPrintable(debugger.verdict()));
        debugger.findChild<QCheckBox*>(QStringLiteral("verifyNowCheckBox"))->setChecked(true);
        QVERIFY(debugger.verdict().startsWith(QStringLiteral("Accepted")));

        // The policy changes under the token: HS384 only.
        pc::Policy hs384 = doc.policy();
        hs384.auth.jwt->algorithms = {"HS384"};
        doc.reset(hs384, {});
        QVERIFY2(debugger.verdict().startsWith(QStringLiteral("Refused")), qPrintable(debugger.verdict()));
        qunsetenv("PC_TEST_JWT_SECRET");
    }

    void decodesWhatItCannotVerify()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::TokenDebuggerWidget debugger(&doc);
        // RFC 7515 A.5: alg none.
        debugger.setToken(
            QStringLiteral("eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9le"
                           "GFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."));
        QVERIFY(debugger.findChild<QPlainTextEdit*>(QStringLiteral("tokenHeaderTextEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("\"none\"")));
        QVERIFY(debugger.verdict().startsWith(QStringLiteral("Refused")));
    }
};

QTEST_MAIN(TestAuthTools)
#include "TestAuthTools.moc"
