// SPDX-License-Identifier: Apache-2.0
#include "server/ProxyHeaders.h"

#include <algorithm>
#include <array>

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

std::vector<std::string_view> connectionOptions(const std::vector<HeaderField>& headers)
{
    std::vector<std::string_view> names;
    for (const HeaderField& h : headers) {
        if (!equalsIgnoreCase(h.name, "connection")) {
            continue;
        }
        std::string_view list = h.value;
        while (!list.empty()) {
            const std::size_t comma = list.find(',');
            if (const std::string_view item = trim(list.substr(0, comma)); !item.empty()) {
                names.push_back(item);
            }
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        }
    }
    return names;
}

} // namespace

bool ProxyHeaders::isHopByHop(std::string_view name)
{
    static constexpr std::array<std::string_view, 10> fields{"connection",
                                                             "keep-alive",
                                                             "proxy-connection",
                                                             "te",
                                                             "trailer",
                                                             "transfer-encoding",
                                                             "upgrade",
                                                             "proxy-authenticate",
                                                             "proxy-authorization",
                                                             "http2-settings"};
    return std::any_of(fields.begin(), fields.end(), [&](std::string_view f) { return equalsIgnoreCase(f, name); });
}

std::vector<HeaderField> ProxyHeaders::withoutHopByHop(const std::vector<HeaderField>& headers)
{
    const std::vector<std::string_view> named = connectionOptions(headers);
    std::vector<HeaderField> out;
    out.reserve(headers.size());
    for (const HeaderField& h : headers) {
        const bool listed =
            std::any_of(named.begin(), named.end(), [&](std::string_view n) { return equalsIgnoreCase(n, h.name); });
        if (!listed && !isHopByHop(h.name)) {
            out.push_back(h);
        }
    }
    return out;
}

std::vector<HeaderField> ProxyHeaders::upstreamRequestHeaders(const HttpRequest& request,
                                                              const ConnectionInfo& connection,
                                                              const std::string& upstreamAuthority)
{
    std::string forwardedFor;
    for (const std::string_view v : request.headerValues("x-forwarded-for")) {
        forwardedFor += forwardedFor.empty() ? "" : ", ";
        forwardedFor += v;
    }
    forwardedFor += forwardedFor.empty() ? "" : ", ";
    forwardedFor += connection.peerAddress;

    std::vector<HeaderField> out;
    out.push_back({"Host", upstreamAuthority});
    for (HeaderField& h : withoutHopByHop(request.headers)) {
        if (equalsIgnoreCase(h.name, "host") || equalsIgnoreCase(h.name, "content-length") ||
            equalsIgnoreCase(h.name, "expect") || equalsIgnoreCase(h.name, "x-forwarded-for") ||
            equalsIgnoreCase(h.name, "x-forwarded-proto") || equalsIgnoreCase(h.name, "x-forwarded-host")) {
            continue;
        }
        out.push_back(std::move(h));
    }
    out.push_back({"X-Forwarded-For", forwardedFor});
    out.push_back({"X-Forwarded-Proto", connection.secure ? "https" : "http"});
    if (const auto host = request.header("host")) {
        out.push_back({"X-Forwarded-Host", std::string(*host)});
    }
    std::string via;
    for (const std::string_view v : request.headerValues("via")) {
        via += v;
        via += ", ";
    }
    std::erase_if(out, [](const HeaderField& h) { return equalsIgnoreCase(h.name, "via"); });
    out.push_back({"Via", via + "1.1 portcullis"});
    const bool sendsBody =
        !request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (sendsBody) {
        out.push_back({"Content-Length", std::to_string(request.body.size())});
    }
    out.push_back({"Connection", "close"});
    return out;
}

} // namespace pc
