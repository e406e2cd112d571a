// SPDX-License-Identifier: Apache-2.0
#include "engine/ClientAddressResolver.h"

#include "common/JsonPointer.h"

#include <algorithm>

namespace pc {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// Splits on `sep` outside double-quoted strings (RFC 9110 quoted-string, with backslash escapes).
std::vector<std::string_view> splitOutsideQuotes(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted && c == '\\') {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == sep) {
            parts.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    parts.push_back(trim(s.substr(start)));
    return parts;
}

std::string unquote(std::string_view v)
{
    if (v.size() < 2 || v.front() != '"' || v.back() != '"') {
        return std::string(v);
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
        if (v[i] == '\\' && i + 2 < v.size()) {
            ++i;
        }
        out += v[i];
    }
    return out;
}

std::string joinValues(const HttpRequest& request, std::string_view name)
{
    std::string joined;
    for (std::string_view v : request.headerValues(name)) {
        if (!joined.empty()) {
            joined += ',';
        }
        joined += v;
    }
    return joined;
}

} // namespace

ClientAddressResolver::ClientAddressResolver(std::vector<CidrBlock> trustedProxies, ClientIpHeader header)
    : m_trusted(std::move(trustedProxies)), m_header(header)
{
}

Result<ClientAddressResolver> ClientAddressResolver::compile(const TransportPolicy& transport, std::string_view pointer)
{
    Errors errors;
    std::vector<CidrBlock> trusted;
    const std::string base = JsonPointer::join(pointer, "trusted_proxies");
    for (std::size_t i = 0; i < transport.trustedProxies.size(); ++i) {
        if (auto block = CidrBlock::parse(transport.trustedProxies[i])) {
            trusted.push_back(*block);
        } else {
            errors.push_back(makeError("bad-cidr",
                                       "\"" + transport.trustedProxies[i] + "\" is not an IP address or CIDR block.",
                                       JsonPointer::join(base, i), std::string(CidrBlock::grammarHint)));
        }
    }
    if (!errors.empty()) {
        return errors;
    }
    return ClientAddressResolver(std::move(trusted), transport.clientIpHeader);
}

bool ClientAddressResolver::isTrusted(const IpAddress& address) const
{
    return CidrBlock::anyContains(m_trusted, address);
}

std::optional<IpAddress> ClientAddressResolver::parseNode(std::string_view node)
{
    node = trim(node);
    if (node.empty() || node.size() > 64) {
        return std::nullopt;
    }
    if (node.front() == '[') {
        const std::size_t close = node.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        const std::string_view rest = node.substr(close + 1);
        if (!rest.empty() && rest.front() != ':') {
            return std::nullopt;
        }
        return IpAddress::parse(node.substr(1, close - 1));
    }
    const std::size_t colon = node.find(':');
    if (colon != std::string_view::npos && node.find(':', colon + 1) == std::string_view::npos) {
        node = node.substr(0, colon); // IPv4 with a port
    }
    return IpAddress::parse(node);
}

std::vector<std::string> ClientAddressResolver::forwardedFor(std::string_view fieldValue)
{
    std::vector<std::string> nodes;
    for (std::string_view element : splitOutsideQuotes(fieldValue, ',')) {
        if (element.empty()) {
            continue; // RFC 9110 list syntax allows empty elements
        }
        std::string node;
        for (std::string_view pair : splitOutsideQuotes(element, ';')) {
            const std::size_t eq = pair.find('=');
            if (eq != std::string_view::npos && equalsIgnoreCase(trim(pair.substr(0, eq)), "for")) {
                node = unquote(trim(pair.substr(eq + 1)));
                break;
            }
        }
        nodes.push_back(std::move(node));
        if (nodes.size() > kMaxHops) {
            break;
        }
    }
    return nodes;
}

ClientAddress ClientAddressResolver::resolve(const HttpRequest& request) const
{
    ClientAddress out;
    out.address = parseNode(request.peerAddress);
    if (!out.address) {
        out.note = "the socket peer address \"" + request.peerAddress.substr(0, 64) + "\" is not an IP address";
        return out;
    }
    if (m_header == ClientIpHeader::None) {
        return out;
    }
    const bool xff = m_header == ClientIpHeader::XForwardedFor;
    const std::string_view headerName = xff ? "X-Forwarded-For" : "Forwarded";
    const std::string joined = joinValues(request, headerName);
    if (joined.empty()) {
        return out;
    }
    if (!isTrusted(*out.address)) {
        out.note =
            std::string(headerName) + " ignored: the peer " + out.address->toString() + " is not a trusted proxy";
        return out;
    }
    std::vector<std::string> hops;
    if (xff) {
        for (std::string_view hop : splitOutsideQuotes(joined, ',')) {
            hops.emplace_back(hop);
            if (hops.size() > kMaxHops) {
                break;
            }
        }
    } else {
        hops = forwardedFor(joined);
    }
    // Walk right to left: each trusted hop vouches for the one on its left.
    const ClientAddress::Source source = xff ? ClientAddress::Source::XForwardedFor : ClientAddress::Source::Forwarded;
    std::size_t examined = 0;
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        if (++examined > kMaxHops) {
            out.note = std::string(headerName) + " has more than " + std::to_string(kMaxHops) +
                       " hops; stopped at the last trusted one";
            return out;
        }
        const auto hop = parseNode(*it);
        if (!hop) {
            out.note = std::string(headerName) + " hop \"" + it->substr(0, 64) +
                       "\" is not an address; using the trusted proxy that reported it";
            return out;
        }
        out.address = *hop;
        out.source = source;
        if (!isTrusted(*hop)) {
            return out;
        }
    }
    return out; // every hop is trusted: the leftmost is the client
}

} // namespace pc
