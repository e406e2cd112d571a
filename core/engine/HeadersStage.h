// SPDX-License-Identifier: Apache-2.0
// HeadersStage: the last stage; every answer leaves through it (errors,
// preflights, mocks and upstream answers alike). It strips headers.remove
// from the handler's or upstream's headers (case-insensitively), drops their
// Access-Control-* headers when the policy has a cors section (one CORS layer
// only), merges the stage-computed headers (CORS, rate limits) and then
// headers.rendered() without duplicates (Vary tokens are merged, other names
// replaced), and makes Content-Type / Content-Length agree with bodies the
// engine generated (none on 1xx/204/304; HEAD keeps GET's length, no body).
// Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class HeadersStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<HeadersStage>> compile(const Policy& policy,
                                                                       const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "headers"; }
    void run(RequestContext& ctx) const override;

    // Adds `field` to `headers`: Vary tokens merge into an existing Vary, any other
    // existing field of that name is replaced. Returns true when one was replaced.
    static bool merge(std::vector<HeaderField>& headers, const HeaderField& field);
    static bool merge(std::vector<HeaderField>& headers, HeaderField&& field);

private:
    HeadersStage() = default;
    [[nodiscard]] int removedIndex(std::string_view name) const;

    std::vector<HeaderField> m_set;      // headers.rendered()
    std::vector<std::string> m_setWhere; // pointer of each rendered header
    std::vector<std::string> m_remove;   // as written, matched case-insensitively
    bool m_hasCors = false;
    std::string m_summary;
};

} // namespace pc
