// SPDX-License-Identifier: Apache-2.0
// samplePolicy(): a policy built in code after the FastAPI tutorial's checklist (DESIGN.md),
// for GUI tests that need a populated document without reading a file.
#pragma once

#include "policy/Policy.h"

namespace pc::test {

inline Policy samplePolicy()
{
    Policy p;
    p.name = "FastAPI tutorial API";
    p.environment = Environment::Production;

    Route data;
    data.id = "get-data";
    data.methods = {"GET"};
    data.path = "/api/data";
    data.rateLimits = {"per-client"};
    data.response.allowFields = {"data"};
    data.mock.body = {{"data", "limited"}};
    Route users;
    users.id = "create-user";
    users.methods = {"POST"};
    users.path = "/api/users";
    users.auth = RouteAuth::Bearer;
    users.request.body = "UserInput";
    p.routes = {data, users};

    Schema input;
    input.name = "UserInput";
    input.extra = ExtraFields::Forbid;
    Field username;
    username.name = "username";
    username.minLength = 3;
    username.maxLength = 50;
    username.pattern = "^[a-zA-Z0-9_]+$";
    username.denySubstrings = {"'", "\"", ";", "--", "/*", "*/"};
    Field email;
    email.name = "email";
    email.pattern = "^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$";
    input.fields = {username, email};
    p.schemas = {input};

    CorsPolicy cors;
    cors.allowOrigins = {"https://yourdomain.com"};
    cors.allowCredentials = true;
    cors.allowMethods = {"GET", "POST", "PUT", "DELETE"};
    cors.allowHeaders = {"Authorization", "Content-Type"};
    p.cors = cors;

    RateLimit perClient;
    perClient.name = "per-client";
    perClient.limit = "10/minute";
    p.rateLimits = {perClient};

    p.headers.set = {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}};
    p.headers.remove = {"Server", "X-Powered-By"};
    p.headers.csp = CspPolicy{{{"default-src", {"'self'"}}, {"object-src", {"'none'"}}}, false};
    p.headers.hsts = HstsPolicy{};
    p.headers.permissionsPolicy = PermissionsPolicy{{{"camera", {}}, {"geolocation", {"self"}}}};

    JwtSettings jwt;
    jwt.keys = {JwtKey{"", SecretSource{"secret_key", "", ""}}};
    p.auth.jwt = jwt;
    PasswordPolicy passwords;
    passwords.scheme = PasswordScheme::Bcrypt;
    p.auth.passwords = passwords;

    SecretRef key;
    key.name = "secret_key";
    key.env = "SECRET_KEY";
    key.kind = SecretKind::HmacKey;
    p.secrets = {key};

    p.transport.httpsOnly = true;
    return p;
}

} // namespace pc::test
