// SPDX-License-Identifier: Apache-2.0
#include "auth/JwtDecoder.h"

#include "auth/Base64Url.h"
#include "auth/Jws.h"
#include "auth/StrictJson.h"
#include "engine/HttpRequest.h"

namespace pc {
namespace {

std::optional<std::string> decodePart(std::string_view b64, const char* part, Errors& problems)
{
    if (auto strict = Base64Url::decode(b64)) {
        return strict;
    }
    problems.push_back(makeError("bad-encoding", std::string("The ") + part + " is not canonical base64url. " +
                                                     Base64Url::diagnose(b64)));
    return Base64Url::decodeLenient(b64);
}

} // namespace

Result<UnverifiedToken> JwtDecoder::decodeUnverified(std::string_view token)
{
    if (token.size() > kMaxTokenBytes) {
        return makeError("too-large", "The token is larger than 1 MiB; it is not decoded.");
    }
    auto parts = Jws::split(token);
    if (!parts) {
        return std::move(parts).takeErrors();
    }
    UnverifiedToken out;
    const auto headerBytes = decodePart(parts->headerB64, "header", out.problems);
    if (!headerBytes) {
        return makeError("bad-encoding", "The header is not base64 at all, so nothing can be shown.");
    }
    auto header = StrictJson::parse(*headerBytes);
    if (!header) {
        // Show the duplicate-carrying header anyway (nlohmann keeps the last value).
        out.problems.push_back(header.error());
        auto lenient = nlohmann::json::parse(*headerBytes, nullptr, false);
        if (lenient.is_discarded() || !lenient.is_object()) {
            return makeError("bad-json", "The header is not a JSON object, so nothing can be shown.");
        }
        out.header = std::move(lenient);
    } else if (!header->is_object()) {
        return makeError("bad-header", "The header is not a JSON object.");
    } else {
        out.header = std::move(header.value());
    }
    if (const auto alg = out.header.find("alg"); alg != out.header.end() && alg->is_string()) {
        out.algorithm = alg->get<std::string>();
        if (equalsIgnoreCase(out.algorithm, "none")) {
            out.problems.push_back(makeError("alg-none", "The token is unsigned (\"alg\": \"none\")."));
        }
    } else {
        out.problems.push_back(makeError("bad-header", "The header has no \"alg\" string."));
    }
    for (const char* name : {"jwk", "jku", "x5u", "x5c"}) {
        if (out.header.contains(name)) {
            out.problems.push_back(makeError("untrusted-header-key", std::string("The header carries \"") + name +
                                                                         "\", which a verifier must never trust."));
        }
    }
    if (out.header.contains("crit")) {
        out.problems.push_back(makeError("unknown-critical", "The header marks extensions as critical (\"crit\")."));
    }
    if (auto payload = decodePart(parts->payloadB64, "payload", out.problems)) {
        out.payloadText = std::move(*payload);
        auto claims = StrictJson::parse(out.payloadText);
        if (claims && claims->is_object()) {
            out.payload = std::move(claims.value());
        } else if (!claims) {
            out.problems.push_back(claims.error());
            auto lenient = nlohmann::json::parse(out.payloadText, nullptr, false);
            if (!lenient.is_discarded()) {
                out.payload = std::move(lenient);
            }
        }
    }
    if (auto signature = decodePart(parts->signatureB64, "signature", out.problems)) {
        out.signature = std::move(*signature);
    }
    if (out.signature.empty()) {
        out.problems.push_back(makeError("empty-signature", "The token has no signature."));
    }
    return out;
}

} // namespace pc
