// SPDX-License-Identifier: Apache-2.0
#include "TokenCommand.h"

#include "CliPolicyLoader.h"
#include "SecretInput.h"
#include "SubVerbDispatcher.h"
#include "VerbParser.h"

#include "auth/JwtToolkit.h"
#include "common/AtomicFile.h"
#include "common/Timestamp.h"

#include <nlohmann/json.hpp>

namespace pc::cli {
namespace {

QCommandLineOption policyOption()
{
    return {QStringLiteral("policy"), QStringLiteral("The policy whose JWT settings apply."), QStringLiteral("FILE")};
}

QCommandLineOption atOption()
{
    return {QStringLiteral("at"), QStringLiteral("Evaluate at this RFC 3339 time instead of now."),
            QStringLiteral("TIME")};
}

// --at TIME, or now. nullopt after a usage error was printed.
std::optional<SystemTime> timeOption(VerbParser& parser, CliContext& io, int& exitCode)
{
    if (!parser.isSet(QStringLiteral("at"))) {
        return SystemClock::instance().now();
    }
    auto at = Timestamp::parseRfc3339(parser.value(QStringLiteral("at")).toStdString());
    if (!at) {
        exitCode = parser.usageError(QStringLiteral("--at takes an RFC 3339 time such as 2026-11-28T12:00:00Z"), io);
    }
    return at;
}

// "role=admin" -> {"role": "admin"}; a value that parses as JSON keeps its type ("n=5" -> 5).
std::optional<std::pair<std::string, nlohmann::json>> parseClaim(const QString& text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        return std::nullopt;
    }
    const std::string value = text.mid(eq + 1).toStdString();
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
    return std::pair{text.left(eq).toStdString(), parsed.is_discarded() ? nlohmann::json(value) : parsed};
}

} // namespace

QString TokenCommand::summary() const
{
    return QStringLiteral("Generate keys, issue, verify and decode JSON Web Tokens");
}

int TokenCommand::run(const QStringList& args, CliContext& io)
{
    return SubVerbDispatcher(
               "token", "Usage: portcullis-cli token <keygen|issue|verify|decode> [options]\n\n"
                        "  keygen --alg ALG [--bits N] [-o FILE]   generate a signing key (HS*, RS*, PS*, ES*, EdDSA)\n"
                        "  issue --policy FILE [--kind access|refresh] [--claim NAME=VALUE]...\n"
                        "                                          mint a test token with the policy's settings\n"
                        "  verify --policy FILE [--at TIME] TOKEN|-\n"
                        "                                          verify as the test server does; claims on stdout\n"
                        "  decode TOKEN|-                          show header and claims WITHOUT verifying\n\n"
                        "Run 'portcullis-cli token <sub-verb> --help' for details.\n")
        .on(QStringLiteral("keygen"), [this](const QStringList& a, CliContext& c) { return keygen(a, c); })
        .on(QStringLiteral("issue"), [this](const QStringList& a, CliContext& c) { return issue(a, c); })
        .on(QStringLiteral("verify"), [this](const QStringList& a, CliContext& c) { return verify(a, c); })
        .on(QStringLiteral("decode"), [this](const QStringList& a, CliContext& c) { return decode(a, c); })
        .run(args, io);
}

int TokenCommand::keygen(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("token keygen"), QStringLiteral("--alg ALG [--bits N] [-o FILE]"),
                      QStringLiteral("Generates a key for ALG from the operating system's CSPRNG.\n"
                                     "HS*: a random secret (32/48/64 bytes, base64url) for an environment variable.\n"
                                     "Others: a private key in PKCS#8 PEM; the public key follows as PEM and, on\n"
                                     "stderr, as a JWK whose kid is its RFC 7638 thumbprint.\n"
                                     "With -o FILE the secret or private key goes to FILE (mode 0600) and the public\n"
                                     "key to FILE.pub; nothing secret is printed."));
    parser.addOption({QStringLiteral("alg"),
                      QStringLiteral("Algorithm: HS256..512, RS256..512, PS256..512, "
                                     "ES256/384/512 or EdDSA."),
                      QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("bits"), QStringLiteral("RSA modulus size: 2048 (default), 3072 or 4096."),
                      QStringLiteral("N"), QStringLiteral("2048")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write the key to FILE."),
                      QStringLiteral("FILE")});
    parser.setPositionalCount(0, 0);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    if (!parser.isSet(QStringLiteral("alg"))) {
        return parser.usageError(QStringLiteral("--alg is required"), io);
    }
    bool bitsOk = false;
    const int bits = parser.value(QStringLiteral("bits")).toInt(&bitsOk);
    if (!bitsOk) {
        return parser.usageError(QStringLiteral("--bits takes a number"), io);
    }
    auto key = JwtToolkit::keygen(parser.value(QStringLiteral("alg")).toStdString(), bits);
    if (!key.ok()) {
        return io.reportErrors(key.errors());
    }
    const GeneratedKey& k = key.value();
    const bool symmetric = k.publicPem.empty();
    const std::string_view secretText = symmetric ? k.secret.view() : k.privatePem.view();
    if (parser.isSet(QStringLiteral("output"))) {
        const std::string file = parser.value(QStringLiteral("output")).toStdString();
        if (Status written = AtomicFile::writePrivate(file, secretText); !written.ok()) {
            return io.reportErrors(written.errors());
        }
        if (!symmetric) {
            if (Status pub = AtomicFile::write(file + ".pub", k.publicPem); !pub.ok()) {
                return io.reportErrors(pub.errors());
            }
        }
        io.out << "wrote " << (symmetric ? "secret" : "private key") << " to " << file
               << (symmetric ? "" : " and public key to " + file + ".pub") << '\n';
    } else {
        io.out << secretText << (symmetric ? "\n" : "");
        if (!symmetric) {
            io.out << k.publicPem;
        }
    }
    if (!symmetric) {
        io.err << "public JWK: " << k.publicJwk.dump() << '\n';
    }
    return ExitOk;
}

int TokenCommand::issue(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("token issue"),
                      QStringLiteral("--policy FILE [--kind access|refresh] [--claim NAME=VALUE]... [--at TIME]"),
                      QStringLiteral("Mints a test token with the policy's algorithm, key, lifetime, issuer, audience\n"
                                     "and claims. The key comes from the policy's secret references (environment,\n"
                                     "dotenv file or key file). VALUE is JSON when it parses as JSON, else a string;\n"
                                     "--claim sub=alice sets the subject, NAME=null removes a claim."));
    parser.addOption(policyOption());
    parser.addOption({QStringLiteral("kind"), QStringLiteral("access (default) or refresh."), QStringLiteral("KIND"),
                      QStringLiteral("access")});
    parser.addOption(
        {QStringLiteral("claim"), QStringLiteral("An extra claim; repeatable."), QStringLiteral("NAME=VALUE")});
    parser.addOption(atOption());
    parser.setPositionalCount(0, 0);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    if (!parser.isSet(QStringLiteral("policy"))) {
        return parser.usageError(QStringLiteral("--policy is required"), io);
    }
    const QString kind = parser.value(QStringLiteral("kind"));
    if (kind != QStringLiteral("access") && kind != QStringLiteral("refresh")) {
        return parser.usageError(QStringLiteral("--kind must be access or refresh"), io);
    }
    nlohmann::json claims = nlohmann::json::object();
    for (const QString& c : parser.values(QStringLiteral("claim"))) {
        auto claim = parseClaim(c);
        if (!claim) {
            return parser.usageError(QStringLiteral("--claim takes NAME=VALUE, not '") + c + QStringLiteral("'"), io);
        }
        claims[claim->first] = claim->second;
    }
    int exitCode = ExitOk;
    const auto now = timeOption(parser, io, exitCode);
    if (!now) {
        return exitCode;
    }
    auto loaded = CliPolicyLoader::load(parser.value(QStringLiteral("policy")), io);
    if (!loaded) {
        return ExitInvalid;
    }
    const TokenKind tokenKind = kind == QStringLiteral("refresh") ? TokenKind::Refresh : TokenKind::Access;
    auto token = JwtToolkit::issue(loaded->policy, CliPolicyLoader::resolverFor(*loaded), tokenKind, *now, claims);
    if (!token.ok()) {
        return io.reportErrors(token.errors());
    }
    io.out << token.value() << '\n';
    return ExitOk;
}

int TokenCommand::verify(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("token verify"), QStringLiteral("--policy FILE [--at TIME] TOKEN|-"),
                      QStringLiteral("Verifies TOKEN exactly as the test server does on a bearer route (signature,\n"
                                     "algorithm allow-list, key, time claims with leeway, issuer, audience, type).\n"
                                     "Exit 0 with the claims as JSON on stdout; exit 1 with the reason on stderr.\n"
                                     "Give - to read the token from standard input."));
    parser.addOption(policyOption());
    parser.addOption(atOption());
    parser.addPositional(QStringLiteral("TOKEN"), QStringLiteral("The compact JWS, or - for standard input."));
    parser.setPositionalCount(1, 1);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    if (!parser.isSet(QStringLiteral("policy"))) {
        return parser.usageError(QStringLiteral("--policy is required"), io);
    }
    int exitCode = ExitOk;
    const auto now = timeOption(parser, io, exitCode);
    if (!now) {
        return exitCode;
    }
    QString tokenArg = parser.positional().front();
    std::string token = tokenArg.toStdString();
    if (tokenArg == QStringLiteral("-")) {
        auto input = SecretInput::read(tokenArg, "token: ", io);
        if (!input.ok()) {
            return io.reportErrors(input.errors());
        }
        token = std::string(input->view());
    }
    auto loaded = CliPolicyLoader::load(parser.value(QStringLiteral("policy")), io);
    if (!loaded) {
        return ExitInvalid;
    }
    auto verified =
        JwtToolkit::verify(loaded->policy, CliPolicyLoader::resolverFor(*loaded), token, *now, TokenUse::Any);
    if (!verified.ok()) {
        const Error& e = verified.error();
        io.err << "token refused: " << e.code << ": " << e.message << (e.hint.empty() ? "" : " (" + e.hint + ")")
               << '\n';
        return ExitInvalid;
    }
    io.out << verified->claims.dump(2) << '\n';
    return ExitOk;
}

int TokenCommand::decode(const QStringList& args, CliContext& io)
{
    VerbParser parser(QStringLiteral("token decode"), QStringLiteral("TOKEN|-"),
                      QStringLiteral("Shows a token's header and claims WITHOUT verifying anything: a decoded token\n"
                                     "proves nothing about who made it. Use 'token verify' for that."));
    parser.addPositional(QStringLiteral("TOKEN"), QStringLiteral("The compact JWS, or - for standard input."));
    parser.setPositionalCount(1, 1);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    std::string token = parser.positional().front().toStdString();
    if (token == "-") {
        auto input = SecretInput::read(QStringLiteral("-"), "token: ", io);
        if (!input.ok()) {
            return io.reportErrors(input.errors());
        }
        token = std::string(input->view());
    }
    auto decoded = JwtToolkit::decodeUnverified(token);
    if (!decoded.ok()) {
        return io.reportErrors(decoded.errors());
    }
    io.err << "NOT VERIFIED: the signature and the claims of this token were not checked.\n";
    nlohmann::ordered_json out;
    out["verified"] = false;
    out["header"] = decoded->header;
    out["payload"] = decoded->payload.is_null() ? nlohmann::json(decoded->payloadText) : decoded->payload;
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const Error& p : decoded->problems) {
        problems.push_back({{"code", p.code}, {"message", p.message}});
    }
    out["problems"] = std::move(problems);
    io.out << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return ExitOk;
}

} // namespace pc::cli
