// SPDX-License-Identifier: Apache-2.0
// Password calibration against a fake HashTimer with scripted durations: the
// settings tried, the recommendation, the OWASP floor (never undercut, reported
// when slower than the target), cancellation and progress; and the floor table.
#include "auth/PasswordCalibration.h"

#include "TestSupport.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <map>

using namespace std::string_literals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(pc::PasswordScheme)
Q_DECLARE_METATYPE(pc::PasswordSetting)
Q_DECLARE_METATYPE(pc::SystemHashTimer::Clock)

namespace {

using Model = std::function<double(const pc::PasswordSetting&)>; // milliseconds
using Script = std::map<std::string, double>;                    // describe() -> milliseconds

// Durations per setting: first from the script (keyed by describe()), else from the model.
class FakeHashTimer final : public pc::HashTimer {
public:
    FakeHashTimer(Script script, Model model) : m_script(std::move(script)), m_model(std::move(model)) {}
    pc::Result<std::chrono::nanoseconds> measure(const pc::PasswordSetting& setting) override
    {
        measured.push_back(setting.describe());
        if (failOn == setting.describe()) {
            return pc::makeError("hash-failed", "scripted failure");
        }
        const auto it = m_script.find(setting.describe());
        const double ms = it != m_script.end() ? it->second : m_model(setting);
        return std::chrono::nanoseconds(static_cast<long long>(ms * 1e6));
    }
    std::vector<std::string> measured;
    std::string failOn;

private:
    Script m_script;
    Model m_model;
};

double bcryptModel(double msAtCost10, const pc::PasswordSetting& s)
{
    return msAtCost10 * std::pow(2.0, s.bcryptCost - 10);
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : " ") + p;
    }
    return out;
}

} // namespace

class TestPasswordCalibration final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recommends_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<Script>("script");
        QTest::addColumn<Model>("model");
        QTest::addColumn<qint64>("budgetKib");
        QTest::addColumn<std::string>("tried");
        QTest::addColumn<std::string>("recommended");
        QTest::addColumn<bool>("floorExceedsTarget");
        using S = pc::PasswordSetting;
        const qint64 mib64 = 65536;
        const Script none;

        QTest::newRow("bcrypt: doubling, the closest is above the target")
            << pc::PasswordScheme::Bcrypt << none << Model([](const S& s) { return bcryptModel(40, s); }) << mib64
            << "cost=10 cost=12 cost=13"s
            << "cost=13"s << false;
        QTest::newRow("bcrypt: the closest is below the target")
            << pc::PasswordScheme::Bcrypt << none << Model([](const S& s) { return bcryptModel(50, s); }) << mib64
            << "cost=10 cost=12 cost=13"s
            << "cost=12"s << false;
        QTest::newRow("bcrypt: floor slower than the target is still recommended")
            << pc::PasswordScheme::Bcrypt << none << Model([](const S& s) { return bcryptModel(400, s); }) << mib64
            << "cost=10"s
            << "cost=10"s << true;
        QTest::newRow("bcrypt: floor exactly on target")
            << pc::PasswordScheme::Bcrypt << none << Model([](const S& s) { return bcryptModel(250, s); }) << mib64
            << "cost=10"s
            << "cost=10"s << false;
        QTest::newRow("bcrypt: a very fast machine jumps, then stops at the limit")
            << pc::PasswordScheme::Bcrypt << none << Model([](const S& s) { return bcryptModel(0.001, s); }) << mib64
            << "cost=10 cost=20"s
            << "cost=20"s << false;

        QTest::newRow("pbkdf2_sha256: proportional, one step")
            << pc::PasswordScheme::Pbkdf2Sha256 << none << Model([](const S& s) { return s.pbkdf2Iterations / 6000.0; })
            << mib64 << "rounds=600000 rounds=1500000"s
            << "rounds=1500000"s << false;
        QTest::newRow("pbkdf2_sha256: refines an overshoot")
            << pc::PasswordScheme::Pbkdf2Sha256
            << Script{{"rounds=600000", 100}, {"rounds=1500000", 300}, {"rounds=1250000", 255}}
            << Model([](const S&) { return 1000.0; }) << mib64 << "rounds=600000 rounds=1500000 rounds=1250000"s
            << "rounds=1250000"s << false;
        QTest::newRow("pbkdf2_sha512: floor 220000 slower than the target")
            << pc::PasswordScheme::Pbkdf2Sha512 << none << Model([](const S& s) { return s.pbkdf2Iterations / 500.0; })
            << mib64 << "rounds=220000"s
            << "rounds=220000"s << true;

        const Model argon2Model = [](const S& s) {
            return 25.0 * s.argon2MemoryKib * s.argon2TimeCost / (19456.0 * 2);
        };
        QTest::newRow("argon2id: memory to the 64 MiB budget, then passes")
            << pc::PasswordScheme::Argon2id << none << argon2Model << mib64
            << "m=19456,t=2,p=1 m=65536,t=2,p=1 m=65536,t=6,p=1"s
            << "m=65536,t=6,p=1"s << false;
        QTest::newRow("argon2id: budget at the floor's memory, passes only")
            << pc::PasswordScheme::Argon2id << none << argon2Model << qint64(1) << "m=19456,t=2,p=1 m=19456,t=20,p=1"s
            << "m=19456,t=20,p=1"s << false;
        QTest::newRow("argon2id: a 1 GiB budget doubles memory")
            << pc::PasswordScheme::Argon2id << none << argon2Model << qint64(1'048'576)
            << "m=19456,t=2,p=1 m=155648,t=2,p=1 m=311296,t=2,p=1"s
            << "m=155648,t=2,p=1"s << false;
        QTest::newRow("argon2id: slow floor") << pc::PasswordScheme::Argon2id << none
                                              << Model([](const S&) { return 300.0; }) << mib64 << "m=19456,t=2,p=1"s
                                              << "m=19456,t=2,p=1"s << true;

        const Model scryptModel = [](const S& s) { return 50.0 * std::pow(2.0, s.scryptLogN - 17) * s.scryptP; };
        QTest::newRow("scrypt: floor memory above the budget, so p grows")
            << pc::PasswordScheme::Scrypt << none << scryptModel << mib64 << "ln=17,r=8,p=1 ln=17,r=8,p=5"s
            << "ln=17,r=8,p=5"s << false;
        QTest::newRow("scrypt: a 1 GiB budget doubles N")
            << pc::PasswordScheme::Scrypt << none << scryptModel << qint64(1'048'576)
            << "ln=17,r=8,p=1 ln=19,r=8,p=1 ln=20,r=8,p=1"s
            << "ln=19,r=8,p=1"s << false;
        QTest::newRow("scrypt: 280 ms floor, as on this machine")
            << pc::PasswordScheme::Scrypt << none << Model([](const S&) { return 280.0; }) << mib64 << "ln=17,r=8,p=1"s
            << "ln=17,r=8,p=1"s << true;
    }
    void recommends()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(Script, script);
        QFETCH(Model, model);
        QFETCH(qint64, budgetKib);
        QFETCH(std::string, tried);
        QFETCH(std::string, recommended);
        QFETCH(bool, floorExceedsTarget);
        FakeHashTimer timer(script, model);
        pc::CalibrationOptions options;
        options.memoryBudgetKib = std::uint64_t(budgetKib);
        auto report = pc::calibratePasswordScheme(scheme, pc::Duration(250ms), timer, {}, nullptr, options);
        QVERIFY(report.ok());
        QCOMPARE(joined(timer.measured), tried);
        QCOMPARE(report->trials.size(), timer.measured.size());
        QVERIFY(report->recommended.has_value());
        QCOMPARE(report->recommended->setting.describe(), recommended);
        QCOMPARE(report->floorExceedsTarget, floorExceedsTarget);
        QVERIFY(!report->cancelled);
        QCOMPARE(report->trials.front().setting, pc::PasswordSetting::owaspFloor(scheme));
        for (const auto& trial : report->trials) {
            QVERIFY(trial.meetsFloor);
            QVERIFY(trial.setting.meetsOwaspFloor());
        }
        const std::string text = report->toText();
        QVERIFY(text.find(recommended + " ") != std::string::npos);
        QVERIFY(text.find("recommended") != std::string::npos);
        QCOMPARE(text.find("more than the 250ms target") != std::string::npos, floorExceedsTarget);
    }

    void reportsProgress()
    {
        FakeHashTimer timer({}, [](const pc::PasswordSetting& s) { return bcryptModel(40, s); });
        std::vector<std::pair<int, int>> calls;
        std::vector<std::string> settings;
        auto report = pc::calibratePasswordScheme(pc::PasswordScheme::Bcrypt, pc::Duration(250ms), timer,
                                                  [&](const pc::CalibrationTrial& trial, int completed, int expected) {
                                                      calls.emplace_back(completed, expected);
                                                      settings.push_back(trial.setting.describe());
                                                  });
        QVERIFY(report.ok());
        QCOMPARE(settings, timer.measured);
        QCOMPARE(calls.size(), std::size_t(3));
        for (std::size_t i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls[i].first, int(i + 1));
            QVERIFY(calls[i].second >= calls[i].first);
        }
        QVERIFY(calls[0].second > calls[0].first); // more to come
        QCOMPARE(calls.back().second, calls.back().first);
    }

    void cancels_data()
    {
        QTest::addColumn<int>("cancelAfter"); // trials before the flag is raised
        QTest::newRow("before the first trial") << 0;
        QTest::newRow("after the first trial") << 1;
        QTest::newRow("after the second trial") << 2;
    }
    void cancels()
    {
        QFETCH(int, cancelAfter);
        FakeHashTimer timer({}, [](const pc::PasswordSetting& s) { return bcryptModel(1, s); });
        std::atomic<bool> cancel{cancelAfter == 0};
        auto report = pc::calibratePasswordScheme(
            pc::PasswordScheme::Bcrypt, pc::Duration(250ms), timer,
            [&](const pc::CalibrationTrial&, int completed, int) {
                if (completed == cancelAfter) {
                    cancel = true;
                }
            },
            &cancel);
        QVERIFY(report.ok());
        QVERIFY(report->cancelled);
        QCOMPARE(int(report->trials.size()), cancelAfter);
        QCOMPARE(int(timer.measured.size()), cancelAfter);
        QVERIFY(!report->recommended.has_value());
        QVERIFY(report->notes.back().find("cancelled") != std::string::npos);
    }

    void timerFailureIsAnError()
    {
        FakeHashTimer timer({}, [](const pc::PasswordSetting& s) { return bcryptModel(40, s); });
        timer.failOn = "cost=12";
        auto report = pc::calibratePasswordScheme(pc::PasswordScheme::Bcrypt, pc::Duration(250ms), timer);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, "hash-failed"s);
    }

    void stopsAfterMaxTrials()
    {
        // A fixed overhead makes proportional steps undershoot, so the search keeps going.
        FakeHashTimer timer({}, [](const pc::PasswordSetting& s) { return s.pbkdf2Iterations / 7500.0 + 100; });
        pc::CalibrationOptions options;
        options.maxTrials = 3;
        auto report = pc::calibratePasswordScheme(pc::PasswordScheme::Pbkdf2Sha256, pc::Duration(250ms), timer, {},
                                                  nullptr, options);
        QVERIFY(report.ok());
        QCOMPARE(report->trials.size(), std::size_t(3));
        QVERIFY(report->recommended.has_value());
        QCOMPARE(report->recommended->setting.describe(), "rounds=988000"s);
        QVERIFY(report->notes.front().find("Stopped after 3 trials") != std::string::npos);
    }

    void systemTimerHashesForReal_data()
    {
        QTest::addColumn<pc::SystemHashTimer::Clock>("clock");
        QTest::newRow("wall clock") << pc::SystemHashTimer::Clock::Wall;
        QTest::newRow("process CPU time") << pc::SystemHashTimer::Clock::ProcessCpu;
    }
    void systemTimerHashesForReal()
    {
        // No timing assertion: only that it measured something and that it refuses what a hasher refuses.
        QFETCH(pc::SystemHashTimer::Clock, clock);
        pc::SystemHashTimer timer(1, clock);
        pc::PasswordSetting cheap = pc::PasswordSetting::owaspFloor(pc::PasswordScheme::Pbkdf2Sha256);
        cheap.pbkdf2Iterations = 20'000;
        auto measured = timer.measure(cheap);
        QVERIFY(measured.ok());
        QVERIFY(measured->count() > 0);
        pc::PasswordSetting absurd = pc::PasswordSetting::owaspFloor(pc::PasswordScheme::Bcrypt);
        absurd.bcryptCost = 25;
        auto refused = timer.measure(absurd);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, "parameters-too-costly"s);
    }

    void owaspFloor_data()
    {
        QTest::addColumn<pc::PasswordSetting>("setting");
        QTest::addColumn<bool>("meets");
        auto make = [](pc::PasswordScheme scheme, auto edit) {
            pc::PasswordSetting s = pc::PasswordSetting::owaspFloor(scheme);
            edit(s);
            return s;
        };
        using S = pc::PasswordSetting&;
        const auto A = pc::PasswordScheme::Argon2id;
        const auto Sc = pc::PasswordScheme::Scrypt;
        QTest::newRow("bcrypt 10") << make(pc::PasswordScheme::Bcrypt, [](S) {}) << true;
        QTest::newRow("bcrypt 9") << make(pc::PasswordScheme::Bcrypt, [](S s) { s.bcryptCost = 9; }) << false;
        QTest::newRow("argon2id 19456/2") << make(A, [](S) {}) << true;
        QTest::newRow("argon2id 47104/1")
            << make(A, [](S s) { s.argon2MemoryKib = 47104, s.argon2TimeCost = 1; }) << true;
        QTest::newRow("argon2id 46080/1")
            << make(A, [](S s) { s.argon2MemoryKib = 46080, s.argon2TimeCost = 1; }) << false;
        QTest::newRow("argon2id 7168/5") << make(A, [](S s) { s.argon2MemoryKib = 7168, s.argon2TimeCost = 5; })
                                         << true;
        QTest::newRow("argon2id 7168/4") << make(A, [](S s) { s.argon2MemoryKib = 7168, s.argon2TimeCost = 4; })
                                         << false;
        QTest::newRow("argon2id 12288/2") << make(A, [](S s) { s.argon2MemoryKib = 12288; }) << false;
        QTest::newRow("scrypt 2^17/8/1") << make(Sc, [](S) {}) << true;
        QTest::newRow("scrypt 2^16/8/1") << make(Sc, [](S s) { s.scryptLogN = 16; }) << false;
        QTest::newRow("scrypt 2^16/8/2") << make(Sc, [](S s) { s.scryptLogN = 16, s.scryptP = 2; }) << true;
        QTest::newRow("scrypt 2^13/8/10") << make(Sc, [](S s) { s.scryptLogN = 13, s.scryptP = 10; }) << true;
        QTest::newRow("scrypt 2^13/8/9") << make(Sc, [](S s) { s.scryptLogN = 13, s.scryptP = 9; }) << false;
        QTest::newRow("scrypt 2^16/16/1: same memory as 2^17/8")
            << make(Sc, [](S s) { s.scryptLogN = 16, s.scryptR = 16; }) << true;
        QTest::newRow("pbkdf2_sha256 600000") << make(pc::PasswordScheme::Pbkdf2Sha256, [](S) {}) << true;
        QTest::newRow("pbkdf2_sha256 599999")
            << make(pc::PasswordScheme::Pbkdf2Sha256, [](S s) { s.pbkdf2Iterations = 599'999; }) << false;
        QTest::newRow("pbkdf2_sha512 220000") << make(pc::PasswordScheme::Pbkdf2Sha512, [](S) {}) << true;
        QTest::newRow("pbkdf2_sha512 210000 (the old OWASP figure)")
            << make(pc::PasswordScheme::Pbkdf2Sha512, [](S s) { s.pbkdf2Iterations = 210'000; }) << false;
    }
    void owaspFloor()
    {
        QFETCH(pc::PasswordSetting, setting);
        QFETCH(bool, meets);
        QCOMPARE(setting.meetsOwaspFloor(), meets);
    }

    void settingMapsToPolicy()
    {
        pc::PasswordPolicy policy;
        pc::PasswordSetting s = pc::PasswordSetting::owaspFloor(pc::PasswordScheme::Pbkdf2Sha512);
        s.pbkdf2Iterations = 300'000;
        s.applyTo(policy);
        QCOMPARE(policy.pbkdf2Sha512Iterations, 300'000U);
        QCOMPARE(policy.pbkdf2Sha256Iterations, 600'000U); // untouched
        QCOMPARE(pc::PasswordSetting::fromPolicy(policy, pc::PasswordScheme::Pbkdf2Sha512).pbkdf2Iterations, 300'000U);
    }
};

QTEST_GUILESS_MAIN(TestPasswordCalibration)
#include "TestPasswordCalibration.moc"
