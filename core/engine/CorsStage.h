// SPDX-License-Identifier: Apache-2.0
// CorsStage: CORS to the Fetch standard (shared reference cors.md).
// A preflight (OPTIONS + Origin + Access-Control-Request-Method) is answered
// here for every path and never reaches auth: 204 with exactly the CORS
// headers it needs when origin, method, headers and Private Network Access are
// all allowed, else cors.denied_preflight_status with no CORS header at all.
// Actual requests get ACAO/ACAC/ACEH and Vary: Origin computed into
// ctx.responseHeaders, so every answer (errors included) carries them; the
// pipeline also runs this stage after an earlier stage answered for that reason.
// Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/OriginMatcher.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class CorsStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<CorsStage>> compile(const Policy& policy,
                                                                    const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "cors"; }
    void run(RequestContext& ctx) const override;

    // OPTIONS with an Origin and an Access-Control-Request-Method header; any other OPTIONS is routed.
    [[nodiscard]] static bool isPreflight(const HttpRequest& request);

private:
    CorsStage() = default;
    void runPreflight(RequestContext& ctx) const;
    void runActual(RequestContext& ctx) const;
    void decideActual(RequestContext& ctx) const;
    // The single Origin value; false when there is none or more than one.
    [[nodiscard]] static bool singleOrigin(const HttpRequest& request, std::string_view& origin, int& count);

    bool m_enabled = false;
    OriginMatcher m_origins;
    bool m_credentials = false;
    bool m_wildcardMode = false; // "*" without credentials: ACAO * everywhere, no Vary
    bool m_dynamic = false;      // the answer depends on the Origin: Vary: Origin
    bool m_anyMethod = false;
    std::vector<std::string> m_methods;
    std::string m_methodsValue;
    bool m_anyHeader = false;
    std::vector<std::string> m_headersLower;
    std::string m_headersValue;
    std::string m_exposeValue;
    std::string m_maxAgeValue;
    bool m_privateNetwork = false;
    int m_deniedStatus = 403;
};

} // namespace pc
