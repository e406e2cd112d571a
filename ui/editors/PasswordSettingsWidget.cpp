// SPDX-License-Identifier: Apache-2.0
#include "editors/PasswordSettingsWidget.h"

#include "editors/EditorKit.h"
#include "policy/PolicyEnums.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pc {

PasswordSettingsWidget::PasswordSettingsWidget(PolicyDocument* document, QWidget* parent,
                                               CalibrationRunner::TimerFactory timers)
    : QWidget(parent), m_document(document),
      m_auth(std::make_unique<FormBinder<AuthPolicy>>(
          document, this, [](Locus) { return std::string("/auth"); }, [](auto& p, Locus) { return &p.auth; })),
      m_passwords(std::make_unique<FormBinder<PasswordPolicy>>(
          document, this, [](Locus) { return std::string("/auth/passwords"); },
          [](auto& p, Locus) { return p.auth.passwords ? &*p.auth.passwords : nullptr; })),
      m_body(new QWidget(this)), m_pages(new QStackedWidget(this)),
      m_runner(new CalibrationRunner(std::move(timers), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* enabled = new QCheckBox(tr("Hash passwords"), this);
    enabled->setObjectName(QStringLiteral("passwordsEnabledCheckBox"));
    m_auth->section(enabled, "passwords", &AuthPolicy::passwords, PasswordPolicy{});
    layout->addWidget(enabled);

    auto* form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    auto* scheme = new QComboBox(m_body);
    scheme->setObjectName(QStringLiteral("passwordSchemeComboBox"));
    m_passwords->choice<PasswordScheme>(scheme, "scheme", &PasswordPolicy::scheme);
    form->addRow(makeFieldLabel(tr("Scheme"), "/auth/passwords/scheme", m_body), scheme);
    auto* accept = new TokenChecklist(enumTexts<PasswordScheme>(), m_body);
    accept->setObjectName(QStringLiteral("passwordAcceptChecklistWidget"));
    m_passwords->custom(accept, "accept", &PasswordPolicy::accept, [accept](const std::vector<PasswordScheme>& v) {
        std::vector<std::string> names;
        for (PasswordScheme s : v) {
            names.emplace_back(enumName(s));
        }
        accept->setTokens(names);
    });
    connect(accept, &TokenChecklist::edited, this, [this](const std::vector<std::string>& names) {
        std::vector<PasswordScheme> schemes;
        for (const std::string& n : names) {
            if (auto s = enumFromName<PasswordScheme>(n)) {
                schemes.push_back(*s);
            }
        }
        m_passwords->apply<std::vector<PasswordScheme>>("accept", &PasswordPolicy::accept, schemes);
        m_document->closeMergeSession();
    });
    form->addRow(makeFieldLabel(tr("Also accepted"), "/auth/passwords/accept", m_body), accept);
    m_pages->setObjectName(QStringLiteral("passwordSchemeStackedWidget"));
    m_pages->addWidget(buildBcrypt());
    m_pages->addWidget(buildArgon2());
    m_pages->addWidget(buildScrypt());
    m_pages->addWidget(buildPbkdf2());
    form->addRow(m_pages);
    auto* target = new QLineEdit(m_body);
    target->setObjectName(QStringLiteral("passwordTargetTimeLineEdit"));
    auto* targetMessage = new MessageLabel(m_body);
    m_passwords->duration(target, targetMessage, "target_time", &PasswordPolicy::targetTime);
    form->addRow(makeFieldLabel(tr("Target time"), "/auth/passwords/target_time", m_body), target);
    form->addRow(QString(), targetMessage);
    form->addRow(buildCalibration());
    layout->addWidget(m_body);
    layout->addStretch(1);

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/auth/passwords")) {
            refresh();
        }
    });
    refresh();
}

PasswordSettingsWidget::~PasswordSettingsWidget() = default;

QWidget* PasswordSettingsWidget::buildBcrypt()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    auto* rounds = new QSpinBox(page);
    rounds->setObjectName(QStringLiteral("bcryptRoundsSpinBox"));
    rounds->setRange(4, 31);
    m_passwords->number(rounds, "bcrypt_rounds", &PasswordPolicy::bcryptRounds);
    form->addRow(makeFieldLabel(tr("Cost (log2 rounds)"), "/auth/passwords/bcrypt_rounds", page), rounds);
    auto* longPasswords = new QComboBox(page);
    longPasswords->setObjectName(QStringLiteral("bcryptLongPasswordsComboBox"));
    m_passwords->choice<LongPasswordPolicy>(longPasswords, "bcrypt_long_passwords",
                                            &PasswordPolicy::bcryptLongPasswords);
    form->addRow(makeFieldLabel(tr("Over 72 bytes"), "/auth/passwords/bcrypt_long_passwords", page), longPasswords);
    for (const auto& [key, label, member] :
         {std::tuple{"bcrypt_min_rounds", tr("Minimum cost"), &PasswordPolicy::bcryptMinRounds},
          std::tuple{"bcrypt_max_rounds", tr("Maximum cost"), &PasswordPolicy::bcryptMaxRounds}}) {
        auto* edit = new QLineEdit(page);
        edit->setObjectName(QString::fromLatin1(key) + QStringLiteral("LineEdit"));
        edit->setPlaceholderText(tr("none"));
        auto* message = new MessageLabel(page);
        m_passwords->optionalCount(edit, message, key, member);
        form->addRow(makeFieldLabel(label, "/auth/passwords/" + std::string(key), page), edit);
        form->addRow(QString(), message);
    }
    return page;
}

QWidget* PasswordSettingsWidget::buildArgon2()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    const std::array<std::tuple<const char*, QString, std::uint32_t PasswordPolicy::*, int, int>, 3> params{
        {{"argon2_memory_kib", tr("Memory (KiB)"), &PasswordPolicy::argon2MemoryKib, 8, 4'194'304},
         {"argon2_time_cost", tr("Iterations"), &PasswordPolicy::argon2TimeCost, 1, 100},
         {"argon2_parallelism", tr("Lanes"), &PasswordPolicy::argon2Parallelism, 1, 64}}};
    for (const auto& [key, label, member, low, high] : params) {
        auto* spin = new QSpinBox(page);
        spin->setObjectName(QString::fromLatin1(key) + QStringLiteral("SpinBox"));
        spin->setRange(low, high);
        m_passwords->number(spin, key, member);
        form->addRow(makeFieldLabel(label, "/auth/passwords/" + std::string(key), page), spin);
    }
    return page;
}

QWidget* PasswordSettingsWidget::buildScrypt()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    auto* logN = new QSpinBox(page);
    logN->setObjectName(QStringLiteral("scryptLogNSpinBox"));
    logN->setRange(10, 24);
    m_passwords->number(logN, "scrypt_log_n", &PasswordPolicy::scryptLogN);
    form->addRow(makeFieldLabel(tr("log2 N"), "/auth/passwords/scrypt_log_n", page), logN);
    for (const auto& [key, label, member] : {std::tuple{"scrypt_r", tr("r"), &PasswordPolicy::scryptR},
                                             std::tuple{"scrypt_p", tr("p"), &PasswordPolicy::scryptP}}) {
        auto* spin = new QSpinBox(page);
        spin->setObjectName(QString::fromLatin1(key) + QStringLiteral("SpinBox"));
        spin->setRange(1, 64);
        m_passwords->number(spin, key, member);
        form->addRow(makeFieldLabel(label, "/auth/passwords/" + std::string(key), page), spin);
    }
    return page;
}

QWidget* PasswordSettingsWidget::buildPbkdf2()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    for (const auto& [key, label, member] :
         {std::tuple{"pbkdf2_sha256_iterations", tr("SHA-256 iterations"), &PasswordPolicy::pbkdf2Sha256Iterations},
          std::tuple{"pbkdf2_sha512_iterations", tr("SHA-512 iterations"), &PasswordPolicy::pbkdf2Sha512Iterations}}) {
        auto* spin = new QSpinBox(page);
        spin->setObjectName(QString::fromLatin1(key) + QStringLiteral("SpinBox"));
        spin->setRange(1000, 100'000'000);
        spin->setSingleStep(10'000);
        spin->setGroupSeparatorShown(true);
        m_passwords->number(spin, key, member);
        form->addRow(makeFieldLabel(label, "/auth/passwords/" + std::string(key), page), spin);
    }
    return page;
}

QWidget* PasswordSettingsWidget::buildCalibration()
{
    auto* box = makeGroup(tr("Calibrate on this machine"), QStringLiteral("calibrationGroupBox"), m_body);
    auto* layout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    m_calibrate = new QPushButton(tr("Calibrate"), box);
    m_calibrate->setObjectName(QStringLiteral("calibrateButton"));
    m_calibrate->setToolTip(tr("Hash with growing costs, starting at the OWASP floor, and take the setting closest "
                               "to the target time. Runs in the background; the result is one undo step."));
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("cancelCalibrationButton"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("calibrationProgressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    row->addWidget(m_calibrate);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    m_report = new QLabel(box);
    m_report->setObjectName(QStringLiteral("calibrationReportLabel"));
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setTextFormat(Qt::PlainText);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setWordWrap(true);
    layout->addWidget(m_report);

    connect(m_calibrate, &QPushButton::clicked, this, &PasswordSettingsWidget::calibrate);
    connect(m_cancel, &QPushButton::clicked, m_runner, &CalibrationRunner::cancel);
    connect(m_runner, &CalibrationRunner::progress, this, [this](int completed, int expected, const QString& text) {
        m_progress->setRange(0, std::max(expected, 1));
        m_progress->setValue(completed);
        m_report->setText(text);
    });
    connect(m_runner, &CalibrationRunner::finished, this, &PasswordSettingsWidget::onCalibrated);
    connect(m_runner, &CalibrationRunner::failed, this, [this](const QString& reason) {
        m_calibrate->setEnabled(true);
        m_cancel->setEnabled(false);
        m_report->setText(reason);
    });
    return box;
}

void PasswordSettingsWidget::calibrate()
{
    const auto& passwords = m_document->policy().auth.passwords;
    if (!passwords || m_runner->isRunning()) {
        return;
    }
    m_calibrate->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first trial reports
    m_report->setText(tr("Measuring %1…").arg(enumText(passwords->scheme)));
    m_runner->start(passwords->scheme, passwords->targetTime);
}

void PasswordSettingsWidget::onCalibrated(const CalibrationReport& report)
{
    m_calibrate->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(report.cancelled ? 0 : 1);
    m_report->setText(toQ(report.toText()));
    const auto& passwords = m_document->policy().auth.passwords;
    if (report.cancelled || !report.recommended || !passwords || passwords->scheme != report.scheme) {
        return;
    }
    PasswordPolicy next = *passwords;
    report.recommended->setting.applyTo(next);
    m_passwords->apply<PasswordPolicy>(
        "", [](auto& p) -> auto& { return p; }, next);
    m_document->closeMergeSession();
}

void PasswordSettingsWidget::refresh()
{
    const auto& passwords = m_document->policy().auth.passwords;
    m_body->setEnabled(passwords.has_value());
    if (!passwords) {
        return;
    }
    switch (passwords->scheme) {
    case PasswordScheme::Bcrypt:
        m_pages->setCurrentIndex(0);
        break;
    case PasswordScheme::Argon2id:
        m_pages->setCurrentIndex(1);
        break;
    case PasswordScheme::Scrypt:
        m_pages->setCurrentIndex(2);
        break;
    case PasswordScheme::Pbkdf2Sha256:
    case PasswordScheme::Pbkdf2Sha512:
        m_pages->setCurrentIndex(3);
        break;
    }
}

} // namespace pc
