// SPDX-License-Identifier: Apache-2.0
#include "auth/BearerAuthenticator.h"

#include "auth/JwtKeyring.h"
#include "auth/SecretResolver.h"

namespace pc {
namespace {

bool isToken68Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+' || c == '/';
}

std::string joinMessages(const Errors& errors)
{
    std::string out;
    for (const Error& e : errors) {
        out += (out.empty() ? "" : " ") + e.message;
        if (!e.hint.empty()) {
            out += " (" + e.hint + ")";
        }
    }
    return out;
}

} // namespace

std::optional<std::string_view> BearerAuthenticator::bearerToken(std::string_view authorization)
{
    constexpr std::string_view scheme = "Bearer";
    const auto space = authorization.find(' ');
    const std::string_view given = authorization.substr(0, space);
    if (!equalsIgnoreCase(given, scheme)) {
        return std::nullopt;
    }
    if (space == std::string_view::npos) {
        return std::string_view{};
    }
    std::string_view token = authorization.substr(space);
    while (!token.empty() && token.front() == ' ') {
        token.remove_prefix(1);
    }
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) {
        token.remove_suffix(1);
    }
    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    std::size_t i = 0;
    while (i < token.size() && isToken68Char(token[i])) {
        ++i;
    }
    const std::size_t body = i;
    while (i < token.size() && token[i] == '=') {
        ++i;
    }
    if (body == 0 || i != token.size()) {
        return std::string_view{};
    }
    return token;
}

Result<std::shared_ptr<const BearerAuthenticator>> BearerAuthenticator::compile(const Policy& policy,
                                                                                const CompileOptions& options)
{
    auto out = std::make_shared<BearerAuthenticator>();
    if (!policy.auth.jwt) {
        return std::shared_ptr<const BearerAuthenticator>(std::move(out));
    }
    out->m_configured = true;
    const JwtSettings& settings = *policy.auth.jwt;
    if (auto ok = JwtVerifier::checkSettings(settings); !ok) {
        return std::move(ok).takeErrors();
    }
    const SecretResolver fallback(options.baseDir);
    const SecretResolver& resolver = options.secrets != nullptr ? *options.secrets : fallback;
    auto keys = JwtKeyring::load(settings, policy.secrets, resolver);
    Result<JwtVerifier> verifier =
        keys ? JwtVerifier::create(settings, std::move(keys.value())) : Result<JwtVerifier>(keys.errors());
    if (!verifier) {
        if (options.requireSecrets) {
            return std::move(verifier).takeErrors();
        }
        out->m_unavailable = "The JWT verification key is unavailable: " + joinMessages(verifier.errors());
        return std::shared_ptr<const BearerAuthenticator>(std::move(out));
    }
    out->m_verifier.emplace(std::move(verifier.value()));
    return std::shared_ptr<const BearerAuthenticator>(std::move(out));
}

BearerOutcome BearerAuthenticator::authenticate(const HttpRequest& request, SystemTime now) const
{
    BearerOutcome outcome;
    if (!m_configured) {
        outcome.kind = BearerOutcome::Kind::NotConfigured;
        return outcome;
    }
    const auto values = request.headerValues("Authorization");
    if (values.empty()) {
        outcome.kind = BearerOutcome::Kind::NoToken;
        return outcome;
    }
    if (values.size() > 1) {
        outcome.kind = BearerOutcome::Kind::Malformed;
        outcome.error = makeError("invalid-request", "The request carries more than one Authorization header.");
        return outcome;
    }
    const auto token = bearerToken(values.front());
    if (!token) {
        outcome.kind = BearerOutcome::Kind::NoToken;
        return outcome;
    }
    if (token->empty()) {
        outcome.kind = BearerOutcome::Kind::Malformed;
        outcome.error = makeError("invalid-request", "The Authorization header says Bearer but carries no "
                                                     "well-formed token.");
        return outcome;
    }
    if (!m_verifier) {
        outcome.kind = BearerOutcome::Kind::Unavailable;
        outcome.error = makeError("key-unavailable", m_unavailable);
        return outcome;
    }
    auto verified = m_verifier->verify(*token, now, TokenUse::Access);
    if (!verified) {
        outcome.kind = BearerOutcome::Kind::Refused;
        outcome.error = verified.error();
        return outcome;
    }
    outcome.kind = BearerOutcome::Kind::Verified;
    outcome.token = std::move(verified.value());
    return outcome;
}

} // namespace pc
