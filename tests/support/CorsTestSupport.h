// SPDX-License-Identifier: Apache-2.0
// Test-only: what the CORS tests share. Request builders for an actual request
// and a preflight from an origin, and the fixture most of them evaluate: the
// tutorial policy whose handler adds its own CORS headers. Header-only.
#pragma once

#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"

#include <memory>
#include <string>
#include <vector>

namespace pc::test {

inline HttpRequest actual(const std::string& origin, const std::string& target = "/api/data")
{
    return request("GET", target, {{"Host", "api.example.com"}, {"Origin", origin}});
}

inline HttpRequest preflight(const std::string& origin, const std::string& method, const std::string& headers = {},
                             const std::string& target = "/api/data")
{
    std::vector<HeaderField> h{
        {"Host", "api.example.com"}, {"Accept", "*/*"}, {"Origin", origin}, {"Access-Control-Request-Method", method}};
    if (!headers.empty()) {
        h.push_back({"Access-Control-Request-Headers", headers});
    }
    return request("OPTIONS", target, h);
}

inline bool hasAnyCorsHeader(const Decision& d)
{
    return !headersStartingWith(d, "Access-Control-").empty();
}

// The stage as most CORS tests meet it: the tutorial policy (allow-list {https://app.example.com}, credentials
// on). Inherit it privately after QObject and call compileFixture() from initTestCase().
class CorsStageFixture {
protected:
    void compileFixture()
    {
        // A second CORS layer (the handler) tries to add its own headers: they must never leak (class 16).
        Policy policy = tutorialPolicy();
        policy.routes[0].mock.headers = {{"Access-Control-Allow-Origin", "*"},
                                         {"Access-Control-Allow-Credentials", "true"}};
        m_policy = compileOrDie(policy);
    }

    Decision run(const HttpRequest& r) { return m_policy->evaluate(r, {}, m_store); }

private:
    std::shared_ptr<const CompiledPolicy> m_policy;
    RateLimitStore m_store;
};

} // namespace pc::test
