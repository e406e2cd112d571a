// SPDX-License-Identifier: Apache-2.0
// EchoHandler: the trivial RequestHandler the HTTP-layer tests run the server
// with. It answers by path:
//   /slow/<ms>/<id>   after <ms> milliseconds (a timer on the worker thread), body <id>
//   /thread/<id>      from another thread
//   /late/<ms>        from another thread, after <ms> milliseconds
//   /stream/<n>       a streamed body of <n> chunks "chunk-<i>;"
//   /status/<code>    an empty answer with that status
//   /head-length      42 bytes; for HEAD an empty body that declares Content-Length: 42
//   /throw            the handler throws
//   /never            no answer at all
//   anything else     200 with "<METHOD> <target> <body>"
// Thread-safe.
#pragma once

#include "server/RequestHandler.h"

#include <QTimer>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace pc::test {

class EchoHandler final : public RequestHandler {
public:
    void handle(HttpRequest request, RequestScope scope) override
    {
        const std::string path(request.path());
        const Responder responder = scope.responder;
        if (path.rfind("/slow/", 0) == 0) {
            const std::size_t slash = path.find('/', 6);
            const int ms = std::stoi(path.substr(6, slash - 6));
            const std::string id = path.substr(slash + 1);
            QTimer::singleShot(ms, [responder, id] { responder.send(text(200, id)); });
        } else if (path.rfind("/thread/", 0) == 0) {
            std::thread([responder, id = path.substr(8)] { responder.send(text(200, id)); }).detach();
        } else if (path.rfind("/late/", 0) == 0) {
            const int ms = std::stoi(path.substr(6));
            std::thread([responder, ms] {
                std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                responder.send(text(200, "late"));
            }).detach();
        } else if (path.rfind("/stream/", 0) == 0) {
            const int n = std::stoi(path.substr(8));
            HttpResponse head = text(200, {});
            responder.beginStream(head, std::nullopt);
            for (int i = 0; i < n; ++i) {
                responder.write("chunk-" + std::to_string(i) + ';');
            }
            responder.end();
        } else if (path.rfind("/status/", 0) == 0) {
            responder.send(text(std::stoi(path.substr(8)), {}));
        } else if (path == "/head-length") {
            HttpResponse r = text(200, request.method == "HEAD" ? std::string() : std::string(42, 'x'));
            r.headers.push_back({"Content-Length", "42"});
            responder.send(std::move(r));
        } else if (path == "/throw") {
            throw std::runtime_error("boom");
        } else if (path == "/never") {
            return;
        } else {
            responder.send(text(200, request.method + ' ' + request.target + ' ' + request.body));
        }
    }

    void decorateServerResponse(HttpResponse& response) const override
    {
        response.headers.push_back({"X-Content-Type-Options", "nosniff"});
    }

    static HttpResponse text(int status, std::string body)
    {
        HttpResponse r;
        r.status = status;
        r.headers.push_back({"Content-Type", "text/plain"});
        r.body = std::move(body);
        r.trace.push_back({"handler", "answer", "echo", ""});
        return r;
    }
};

} // namespace pc::test
