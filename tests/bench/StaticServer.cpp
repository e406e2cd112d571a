// SPDX-License-Identifier: Apache-2.0
// pc-bench-static-server: the test server's HTTP layer with a constant
// answer and no policy engine, for bench-server.sh to separate the cost of
// HTTP handling from the cost of evaluation. Prints the URL, runs until killed.
#include "server/HttpServer.h"

#include <QCoreApplication>

#include <csignal>
#include <iostream>

namespace {

class ConstantHandler final : public pc::RequestHandler {
public:
    void handle(pc::HttpRequest, pc::RequestScope scope) override
    {
        pc::HttpResponse r;
        r.headers = {{"Content-Type", "application/json"},
                     {"X-Content-Type-Options", "nosniff"},
                     {"X-Frame-Options", "DENY"},
                     {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
                     {"Content-Security-Policy", "default-src 'self'"},
                     {"Referrer-Policy", "strict-origin-when-cross-origin"}};
        r.body = R"({"data":"public"})";
        scope.responder.send(std::move(r));
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    pc::ServerConfig config;
    const QStringList args = QCoreApplication::arguments();
    config.port = args.size() > 1 ? static_cast<quint16>(args.at(1).toUInt()) : 0;
    config.threads = args.size() > 2 ? args.at(2).toInt() : 1;
    pc::HttpServer server(config, std::make_shared<ConstantHandler>());
    if (const pc::Status s = server.start(); !s) {
        std::cerr << s.error().toString() << '\n';
        return 1;
    }
    std::cout << "listening on " << server.url().toStdString() << std::endl;
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}
