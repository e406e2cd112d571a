// SPDX-License-Identifier: Apache-2.0
#include "HashCommand.h"

#include "CliPolicyLoader.h"
#include "SecretInput.h"
#include "SubVerbDispatcher.h"
#include "VerbParser.h"

#include "auth/HashTimer.h"
#include "auth/PasswordCalibration.h"
#include "auth/PasswordHashing.h"
#include "policy/PolicyEnums.h"

namespace pc::cli {
namespace {

void addPolicyOptions(VerbParser& parser)
{
    parser.addOption({QStringLiteral("policy"), QStringLiteral("Use the password settings of this policy file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("scheme"),
                      QStringLiteral("Without --policy: bcrypt, argon2id, scrypt, pbkdf2_sha256 or pbkdf2_sha512 "
                                     "with Portcullis' defaults (OWASP floors; bcrypt cost 12)."),
                      QStringLiteral("SCHEME")});
    parser.addOption({QStringLiteral("password-file"),
                      QStringLiteral("Read the password from FILE instead of standard input."),
                      QStringLiteral("FILE")});
}

std::vector<PasswordScheme> allSchemes()
{
    std::vector<PasswordScheme> schemes;
    for (const auto& entry : EnumTraits<PasswordScheme>::names()) {
        schemes.push_back(entry.value);
    }
    return schemes;
}

} // namespace

QString HashCommand::summary() const
{
    return QStringLiteral("Make and verify password hashes; calibrate parameters on this machine");
}

int HashCommand::run(const QStringList& args, CliContext& io)
{
    return SubVerbDispatcher(
               "hash",
               "Usage: portcullis-cli hash <make|verify|calibrate> [options]\n\n"
               "  make [--policy FILE | --scheme S]              hash the password read from stdin\n"
               "  verify [--policy FILE | --scheme S] HASH        check the password read from stdin against HASH\n"
               "  calibrate [--scheme S|all] [--target 250ms]     measure parameters on this machine\n\n"
               "Run 'portcullis-cli hash <sub-verb> --help' for details.\n")
        .on(QStringLiteral("make"), [this](const QStringList& a, CliContext& c) { return make(a, c); })
        .on(QStringLiteral("verify"), [this](const QStringList& a, CliContext& c) { return verify(a, c); })
        .on(QStringLiteral("calibrate"), [this](const QStringList& a, CliContext& c) { return calibrate(a, c); })
        .run(args, io);
}

std::optional<PasswordPolicy> HashCommand::passwordPolicy(VerbParser& parser, CliContext& io, int& exitCode)
{
    const bool hasPolicy = parser.isSet(QStringLiteral("policy"));
    const bool hasScheme = parser.isSet(QStringLiteral("scheme"));
    if (hasPolicy == hasScheme) {
        exitCode = parser.usageError(QStringLiteral("give either --policy FILE or --scheme SCHEME"), io);
        return std::nullopt;
    }
    if (hasScheme) {
        auto scheme = enumFromName<PasswordScheme>(parser.value(QStringLiteral("scheme")).toStdString());
        if (!scheme) {
            exitCode = parser.usageError(
                QStringLiteral("--scheme takes one of ") + QString::fromStdString(enumChoices<PasswordScheme>()), io);
            return std::nullopt;
        }
        PasswordPolicy policy;
        policy.scheme = *scheme;
        return policy;
    }
    auto loaded = CliPolicyLoader::load(parser.value(QStringLiteral("policy")), io);
    if (!loaded) {
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    if (!loaded->policy.auth.passwords) {
        io.err << loaded->file << ": /auth/passwords: the policy has no password settings (add \"auth\": "
               << "{\"passwords\": {\"scheme\": \"argon2id\"}} or use --scheme)\n";
        exitCode = ExitInvalid;
        return std::nullopt;
    }
    return *loaded->policy.auth.passwords;
}

int HashCommand::make(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("hash make"),
                      QStringLiteral("[--policy FILE | --scheme S] [--password-file FILE]"),
                      QStringLiteral("Hashes one password (a line on standard input, or --password-file) with the\n"
                                     "policy's default scheme and parameters; prints the hash in the format passlib\n"
                                     "reads ($2b$..., $argon2id$..., $scrypt$..., $pbkdf2-sha256$...)."));
    addPolicyOptions(parser);
    parser.setPositionalCount(0, 0);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    int exitCode = ExitOk;
    const auto policy = passwordPolicy(parser, io, exitCode);
    if (!policy) {
        return exitCode;
    }
    auto password = SecretInput::read(parser.value(QStringLiteral("password-file")), "password: ", io);
    if (!password.ok()) {
        return io.reportErrors(password.errors());
    }
    auto hashed = hashPassword(*policy, password->view());
    if (!hashed.ok()) {
        return io.reportErrors(hashed.errors());
    }
    for (const std::string& warning : hashed->warnings) {
        io.err << "warning: " << warning << '\n';
    }
    io.out << hashed->hash << '\n';
    return ExitOk;
}

int HashCommand::verify(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("hash verify"),
                      QStringLiteral("[--policy FILE | --scheme S] [--password-file FILE] HASH"),
                      QStringLiteral("Checks the password (a line on standard input, or --password-file) against HASH\n"
                                     "in constant time. With --policy only the policy's schemes are accepted; with\n"
                                     "--scheme every scheme is accepted and S is the current default. Exit 0 on a\n"
                                     "match (stderr says when the hash needs an update), 1 otherwise."));
    addPolicyOptions(parser);
    parser.addPositional(QStringLiteral("HASH"), QStringLiteral("The stored hash string."));
    parser.setPositionalCount(1, 1);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    int exitCode = ExitOk;
    auto policy = passwordPolicy(parser, io, exitCode);
    if (!policy) {
        return exitCode;
    }
    if (parser.isSet(QStringLiteral("scheme"))) {
        policy->accept = allSchemes();
    }
    auto password = SecretInput::read(parser.value(QStringLiteral("password-file")), "password: ", io);
    if (!password.ok()) {
        return io.reportErrors(password.errors());
    }
    const PasswordCheck check = verifyPassword(*policy, password->view(), parser.positional().front().toStdString());
    for (const std::string& warning : check.warnings) {
        io.err << "warning: " << warning << '\n';
    }
    if (!check.ok) {
        io.err << "no match: " << check.code << ": " << check.reason << '\n';
        return ExitInvalid;
    }
    io.out << "ok\n";
    if (check.needsUpdate) {
        io.err << "needs update: " << check.reason << '\n';
    }
    return ExitOk;
}

int HashCommand::calibrate(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("hash calibrate"),
                      QStringLiteral("[--scheme S|all] [--target DURATION] [--cpu-time]"),
                      QStringLiteral("Measures hashing on this machine and recommends, per scheme, the parameters\n"
                                     "closest to the target time that still meet the OWASP Password Storage Cheat\n"
                                     "Sheet minimums (never below them, even when they are slower than the target)."));
    parser.addOption({QStringLiteral("scheme"), QStringLiteral("A scheme, or all (default)."), QStringLiteral("S"),
                      QStringLiteral("all")});
    parser.addOption({QStringLiteral("target"), QStringLiteral("Target time per hash (default 250ms)."),
                      QStringLiteral("DURATION"), QStringLiteral("250ms")});
    parser.addOption({QStringLiteral("cpu-time"),
                      QStringLiteral("Measure process CPU time instead of wall time (for busy machines).")});
    parser.setPositionalCount(0, 0);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    const auto target = Duration::parse(parser.value(QStringLiteral("target")).toStdString());
    if (!target || target->ms().count() <= 0) {
        return parser.usageError(QStringLiteral("--target takes a duration such as 250ms or 1s"), io);
    }
    std::vector<PasswordScheme> schemes;
    const QString scheme = parser.value(QStringLiteral("scheme"));
    if (scheme == QStringLiteral("all")) {
        schemes = allSchemes();
    } else if (auto one = enumFromName<PasswordScheme>(scheme.toStdString())) {
        schemes.push_back(*one);
    } else {
        return parser.usageError(QStringLiteral("--scheme takes all or one of ") +
                                     QString::fromStdString(enumChoices<PasswordScheme>()),
                                 io);
    }
    SystemHashTimer timer(3, parser.isSet(QStringLiteral("cpu-time")) ? SystemHashTimer::Clock::ProcessCpu
                                                                      : SystemHashTimer::Clock::Wall);
    for (PasswordScheme s : schemes) {
        io.out << enumName(s) << " (target " << target->toString() << ")\n";
        auto report = calibratePasswordScheme(s, *target, timer, [&](const CalibrationTrial& trial, int done, int) {
            io.err << "  measured " << trial.setting.describe() << " (" << done << ")\n";
        });
        if (!report.ok()) {
            return io.reportErrors(report.errors());
        }
        io.out << report->toText() << '\n';
    }
    return ExitOk;
}

} // namespace pc::cli
