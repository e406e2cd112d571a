// SPDX-License-Identifier: Apache-2.0
#include "policy/RateLimitPolicy.h"

#include <algorithm>

namespace pc {
namespace {

bool isHeaderToken(std::string_view s)
{
    // RFC 9110 token characters
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

} // namespace

std::optional<RateKey> RateKey::parse(std::string_view text)
{
    if (text == "client_ip") {
        return RateKey{RateKeyKind::ClientIp, {}};
    }
    if (text == "global") {
        return RateKey{RateKeyKind::Global, {}};
    }
    if (text == "route") {
        return RateKey{RateKeyKind::Route, {}};
    }
    if (text == "api_key") {
        return RateKey{RateKeyKind::ApiKey, {}};
    }
    constexpr std::string_view header = "header:";
    constexpr std::string_view claim = "jwt_claim:";
    if (text.starts_with(header) && isHeaderToken(text.substr(header.size()))) {
        return RateKey{RateKeyKind::Header, std::string(text.substr(header.size()))};
    }
    if (text.starts_with(claim) && isHeaderToken(text.substr(claim.size()))) {
        return RateKey{RateKeyKind::JwtClaim, std::string(text.substr(claim.size()))};
    }
    return std::nullopt;
}

std::string RateKey::toString() const
{
    switch (kind) {
    case RateKeyKind::ClientIp:
        return "client_ip";
    case RateKeyKind::Global:
        return "global";
    case RateKeyKind::Route:
        return "route";
    case RateKeyKind::ApiKey:
        return "api_key";
    case RateKeyKind::Header:
        return "header:" + name;
    case RateKeyKind::JwtClaim:
        return "jwt_claim:" + name;
    }
    return {};
}

} // namespace pc
