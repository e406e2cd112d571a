// SPDX-License-Identifier: Apache-2.0
#include "editors/PasswordSettingsWidget.h"

#include "editors/EditorKit.h"
#include "policy/PolicyEnums.h"

#include <QFormLayout>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pc {

PasswordSettingsWidget::PasswordSettingsWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_auth(std::make_unique<FormBinder<AuthPolicy>>(
          document, this, [](Locus) { return std::string("/auth"); }, [](auto& p, Locus) { return &p.auth; })),
      m_passwords(std::make_unique<FormBinder<PasswordPolicy>>(
          document, this, [](Locus) { return std::string("/auth/passwords"); },
          [](auto& p, Locus) { return p.auth.passwords ? &*p.auth.passwords : nullptr; })),
      m_body(new QWidget(this)), m_pages(new QStackedWidget(this))
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
