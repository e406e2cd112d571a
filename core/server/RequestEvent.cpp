// SPDX-License-Identifier: Apache-2.0
#include "server/RequestEvent.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace pc {

namespace {

std::string isoTime(SystemTime time)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> buffer{};
    const int n =
        std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
    return std::string(buffer.data(), static_cast<std::size_t>(n));
}

} // namespace

nlohmann::ordered_json toJson(const RequestEvent& event)
{
    nlohmann::ordered_json headers = nlohmann::ordered_json::array();
    for (const HeaderField& h : event.requestHeaders) {
        headers.push_back(nlohmann::ordered_json::array({h.name, h.value}));
    }
    nlohmann::ordered_json trace = nlohmann::ordered_json::array();
    for (const TraceStep& step : event.trace) {
        trace.push_back({{"stage", step.stage.str()},
                         {"verdict", step.verdict.str()},
                         {"reason", step.reason},
                         {"where", step.where}});
    }
    return nlohmann::ordered_json{
        {"time", isoTime(event.time)},
        {"client", event.client},
        {"connection", event.connectionId},
        {"request", event.requestNumber},
        {"tls", event.secure},
        {"method", event.method},
        {"target", event.target},
        {"version", event.httpVersion},
        {"status", event.status},
        {"latency_ms", static_cast<double>(event.latency.count()) / 1000.0},
        {"request_bytes", event.requestBodyBytes},
        {"response_bytes", event.responseBodyBytes},
        {"headers", std::move(headers)},
        {"trace", std::move(trace)},
    };
}

} // namespace pc
