// SPDX-License-Identifier: Apache-2.0
// Engine test helpers: the FastAPI-tutorial-like policy most engine tests
// start from, request builders and header lookups on Decisions. Header-only,
// no Qt, so the benchmarks use it too.
#pragma once

#include "engine/CompiledPolicy.h"
#include "engine/Decision.h"
#include "engine/HttpRequest.h"
#include "policy/Policy.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc::test {

// Routes (index: id, methods, path, handler):
//   0 get-data     GET     /api/data           mock 200 {"data":"limited","internal":"x"}, allow_fields [data]
//   1 get-user     GET     /users/{id:int}     mock 200 user with email, password_hash, roles; allow_fields
//                                              [id, name, roles.name]
//   2 user-me      GET     /users/me           mock 200 {"id":0,"name":"me"}
//   3 create-user  POST    /users              echo; request.max_body_bytes 1024
//   4 delete-user  DELETE  /users/{id:int}     mock 204
//   5 files        GET     /files/{rest:path}  upstream (transport.upstream)
//   6 upload       PUT     /upload             mock 201; content_types text/plain, application/octet-stream
// CORS: https://app.example.com with credentials; GET POST PUT DELETE; Authorization, Content-Type;
// exposes X-Request-Id; max_age 600. Headers: X-Content-Type-Options, X-Frame-Options, Referrer-Policy set;
// Server and X-Powered-By removed.
inline Policy tutorialPolicy()
{
    Policy p;
    p.name = "FastAPI tutorial API";
    p.environment = Environment::Production;

    Route data;
    data.id = "get-data";
    data.methods = {"GET"};
    data.path = "/api/data";
    data.mock.body = {{"data", "limited"}, {"internal", "x"}};
    data.response.allowFields = {"data"};
    p.routes.push_back(data);

    Route user;
    user.id = "get-user";
    user.methods = {"GET"};
    user.path = "/users/{id:int}";
    user.mock.body =
        nlohmann::json::parse(R"({"id":1,"name":"Ada","email":"ada@example.com","password_hash":"$2b$12$x",)"
                              R"("roles":[{"name":"admin","granted_by":"root"},{"name":"dev","granted_by":"ada"}]})");
    user.response.allowFields = {"id", "name", "roles.name"};
    p.routes.push_back(user);

    Route me;
    me.id = "user-me";
    me.methods = {"GET"};
    me.path = "/users/me";
    me.mock.body = {{"id", 0}, {"name", "me"}};
    p.routes.push_back(me);

    Route create;
    create.id = "create-user";
    create.methods = {"POST"};
    create.path = "/users";
    create.handler = RouteHandler::Echo;
    create.request.maxBodyBytes = ByteSize(1024);
    p.routes.push_back(create);

    Route remove;
    remove.id = "delete-user";
    remove.methods = {"DELETE"};
    remove.path = "/users/{id:int}";
    remove.mock.status = 204;
    p.routes.push_back(remove);

    Route files;
    files.id = "files";
    files.methods = {"GET"};
    files.path = "/files/{rest:path}";
    files.handler = RouteHandler::Upstream;
    p.routes.push_back(files);

    Route upload;
    upload.id = "upload";
    upload.methods = {"PUT"};
    upload.path = "/upload";
    upload.request.contentTypes = {"text/plain", "application/octet-stream"};
    upload.mock.status = 201;
    upload.mock.body = {{"stored", true}};
    p.routes.push_back(upload);

    CorsPolicy cors;
    cors.allowOrigins = {"https://app.example.com"};
    cors.allowCredentials = true;
    cors.allowMethods = {"GET", "POST", "PUT", "DELETE"};
    cors.allowHeaders = {"Authorization", "Content-Type"};
    cors.exposeHeaders = {"X-Request-Id"};
    cors.maxAge = 600;
    p.cors = cors;

    p.headers.set = {
        {"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}, {"Referrer-Policy", "no-referrer"}};
    p.headers.remove = {"Server", "X-Powered-By"};
    p.transport.upstream = "http://127.0.0.1:8000";
    return p;
}

inline HttpRequest request(std::string method, std::string target, std::vector<HeaderField> headers = {},
                           std::string body = {})
{
    HttpRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.headers = std::move(headers);
    r.body = std::move(body);
    r.peerAddress = "127.0.0.1";
    return r;
}

inline std::optional<std::string> header(const std::vector<HeaderField>& headers, std::string_view name)
{
    std::optional<std::string> found;
    for (const HeaderField& h : headers) {
        if (equalsIgnoreCase(h.name, name)) {
            found = h.value;
        }
    }
    return found;
}

inline std::optional<std::string> header(const Decision& d, std::string_view name)
{
    return header(d.headers, name);
}

inline int headerCount(const Decision& d, std::string_view name)
{
    int n = 0;
    for (const HeaderField& h : d.headers) {
        n += equalsIgnoreCase(h.name, name) ? 1 : 0;
    }
    return n;
}

// "Name: value" lines of the headers whose name starts with `prefix` (case-insensitive), plus Vary when asked.
inline std::vector<std::string> headersStartingWith(const Decision& d, std::string_view prefix, bool withVary = false)
{
    std::vector<std::string> out;
    for (const HeaderField& h : d.headers) {
        const bool match = h.name.size() >= prefix.size() && equalsIgnoreCase(h.name.substr(0, prefix.size()), prefix);
        if (match || (withVary && equalsIgnoreCase(h.name, "Vary"))) {
            out.push_back(h.name + ": " + h.value);
        }
    }
    return out;
}

inline std::vector<std::string> traceStages(const Decision& d)
{
    std::vector<std::string> out;
    for (const TraceStep& s : d.trace) {
        out.push_back(s.stage.str() + ":" + s.verdict.str());
    }
    return out;
}

inline const TraceStep* traceStep(const Decision& d, std::string_view stage)
{
    for (const TraceStep& s : d.trace) {
        if (s.stage == stage) {
            return &s;
        }
    }
    return nullptr;
}

inline std::shared_ptr<const CompiledPolicy> compileOrDie(const Policy& policy)
{
    auto compiled = CompiledPolicy::compile(policy);
    if (!compiled) {
        std::string all;
        for (const Error& e : compiled.errors()) {
            all += e.toString() + "\n";
        }
        throw std::runtime_error("policy does not compile:\n" + all);
    }
    return compiled.value();
}

inline std::vector<std::string> errorPointers(const Errors& errors)
{
    std::vector<std::string> out;
    for (const Error& e : errors) {
        out.push_back(e.pointer);
    }
    return out;
}

} // namespace pc::test
