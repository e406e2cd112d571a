// SPDX-License-Identifier: Apache-2.0
#include "engine/DecisionFormatter.h"

#include "engine/HttpText.h"

#include <nlohmann/json.hpp>

namespace pc {

std::string DecisionFormatter::text(const Decision& decision)
{
    std::string out;
    if (decision.forward) {
        out += "Forward to " + decision.upstream +
               "\n(the server sends the request there; the response stages then run on the upstream's answer)\n";
        if (!decision.pendingHeaders.empty()) {
            out += "\nHeaders added to the upstream's answer:\n";
            for (const HeaderField& h : decision.pendingHeaders) {
                out += h.name + ": " + h.value + "\n";
            }
        }
    } else {
        out += "HTTP/1.1 " + std::to_string(decision.status) + " " +
               std::string(HttpText::reasonPhrase(decision.status)) + "\n";
        for (const HeaderField& h : decision.headers) {
            out += h.name + ": " + h.value + "\n";
        }
        out += "\n";
        if (!decision.body.empty()) {
            out += decision.body;
            if (decision.body.back() != '\n') {
                out += "\n";
            }
        }
    }
    out += "\n";
    out += traceText(decision.trace);
    return out;
}

std::string DecisionFormatter::traceText(const std::vector<TraceStep>& trace)
{
    std::string out = "Trace:\n";
    for (size_t i = 0; i < trace.size(); ++i) {
        const TraceStep& step = trace[i];
        out.append("  ").append(std::to_string(i + 1)).append(". ");
        out.append(step.stage.view()).append(" ").append(step.verdict.view()).append(": ").append(step.reason);
        if (!step.where.empty()) {
            out.append(" [").append(step.where).append("]");
        }
        out += "\n";
    }
    return out;
}

std::string DecisionFormatter::json(const Decision& decision)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["status"] = decision.status;
    nlohmann::ordered_json headers = nlohmann::ordered_json::array();
    for (const HeaderField& h : decision.headers) {
        headers.push_back(nlohmann::ordered_json::array({h.name, h.value}));
    }
    j["headers"] = std::move(headers);
    j["body"] = decision.body;
    nlohmann::ordered_json trace = nlohmann::ordered_json::array();
    for (const TraceStep& step : decision.trace) {
        nlohmann::ordered_json s = nlohmann::ordered_json::object();
        s["stage"] = step.stage.str();
        s["verdict"] = step.verdict.str();
        s["reason"] = step.reason;
        s["where"] = step.where;
        trace.push_back(std::move(s));
    }
    j["trace"] = std::move(trace);
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace pc
