// SPDX-License-Identifier: Apache-2.0
// LimitsStage: the first pipeline stage. Refuses a request target longer than
// limits.max_url_bytes (414) and header sections over limits.max_header_bytes
// or limits.max_headers (431) before anything parses them further. Body limits
// depend on the route and live in BodyLimitsStage. Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <cstdint>
#include <memory>
#include <string>

namespace pc {

class LimitsStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<LimitsStage>> compile(const Policy& policy,
                                                                      const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "limits"; }
    void run(RequestContext& ctx) const override;

    // What one header line costs against max_header_bytes: "Name: value\r\n".
    [[nodiscard]] static std::uint64_t headerLineBytes(const HeaderField& field);

private:
    LimitsStage() = default;

    std::uint64_t m_maxUrlBytes = 0;
    std::uint64_t m_maxHeaderBytes = 0;
    std::uint64_t m_maxHeaders = 0;
    std::string m_passReason;
};

} // namespace pc
