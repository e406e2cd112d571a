// SPDX-License-Identifier: Apache-2.0
#include "engine/LimitsStage.h"

#include "engine/DetailAnswer.h"

namespace pc {

Result<std::unique_ptr<LimitsStage>> LimitsStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    Errors errors;
    const SizeLimits& limits = policy.limits;
    if (limits.maxUrlBytes.bytes() == 0) {
        errors.push_back(makeError("limit-zero", "limits.max_url_bytes is 0, so every request would be refused.",
                                   "/limits/max_url_bytes", "use at least a few KiB, e.g. \"8KiB\""));
    }
    if (limits.maxHeaderBytes.bytes() == 0) {
        errors.push_back(makeError("limit-zero", "limits.max_header_bytes is 0, so every request would be refused.",
                                   "/limits/max_header_bytes", "use at least a few KiB, e.g. \"16KiB\""));
    }
    if (limits.maxHeaders <= 0) {
        errors.push_back(makeError("limit-zero", "limits.max_headers must be a positive number of header lines.",
                                   "/limits/max_headers", "100 is a common value"));
    }
    if (!errors.empty()) {
        return errors;
    }
    std::unique_ptr<LimitsStage> stage(new LimitsStage());
    stage->m_maxUrlBytes = limits.maxUrlBytes.bytes();
    stage->m_maxHeaderBytes = limits.maxHeaderBytes.bytes();
    stage->m_maxHeaders = static_cast<std::uint64_t>(limits.maxHeaders);
    stage->m_passReason = "The request target and the header section are within limits.max_url_bytes (" +
                          limits.maxUrlBytes.toString() + "), max_header_bytes (" + limits.maxHeaderBytes.toString() +
                          ") and max_headers (" + std::to_string(limits.maxHeaders) + ").";
    return stage;
}

std::uint64_t LimitsStage::headerLineBytes(const HeaderField& field)
{
    return field.name.size() + field.value.size() + 4;
}

void LimitsStage::run(RequestContext& ctx) const
{
    const HttpRequest& request = ctx.request;
    if (request.target.size() > m_maxUrlBytes) {
        ctx.answer = DetailAnswer::make(414, "URI Too Long");
        ctx.addTrace("limits", "deny",
                     "The request target is " + std::to_string(request.target.size()) +
                         " bytes long, more than limits.max_url_bytes (" + std::to_string(m_maxUrlBytes) +
                         " bytes), so the request is refused with 414.",
                     "/limits/max_url_bytes");
        return;
    }
    if (request.headers.size() > m_maxHeaders) {
        ctx.answer = DetailAnswer::make(431, "Request Header Fields Too Large");
        ctx.addTrace("limits", "deny",
                     "The request has " + std::to_string(request.headers.size()) +
                         " header lines, more than limits.max_headers (" + std::to_string(m_maxHeaders) +
                         "), so it is refused with 431.",
                     "/limits/max_headers");
        return;
    }
    std::uint64_t headerBytes = 0;
    for (const HeaderField& field : request.headers) {
        headerBytes += headerLineBytes(field);
    }
    if (headerBytes > m_maxHeaderBytes) {
        ctx.answer = DetailAnswer::make(431, "Request Header Fields Too Large");
        ctx.addTrace("limits", "deny",
                     "The header section is " + std::to_string(headerBytes) +
                         " bytes (each line counted as \"Name: value\" plus CRLF), more than "
                         "limits.max_header_bytes (" +
                         std::to_string(m_maxHeaderBytes) + " bytes), so the request is refused with 431.",
                     "/limits/max_header_bytes");
        return;
    }
    ctx.addTrace("limits", "pass", m_passReason, "/limits");
}

} // namespace pc
