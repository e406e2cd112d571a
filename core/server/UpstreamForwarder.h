// SPDX-License-Identifier: Apache-2.0
// UpstreamForwarder: reverse proxying to the engineer's own API. Sends the
// request upstream (hop-by-hop fields removed, X-Forwarded-* added), parses the
// answer with libhttp-parser and hands on head, flow-controlled body pieces and
// end, or a failure (502 unreachable or garbage, 504 silent) with the reason.
// One per worker thread; forward() and the callbacks run on that thread.
#pragma once

#include "server/ConnectionInfo.h"
#include "server/Responder.h"
#include "server/ServerConfig.h"

#include "common/Result.h"
#include "engine/HttpRequest.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pc {

struct UpstreamHead {
    int status = 0;
    std::vector<HeaderField> headers; // end-to-end fields only
    std::optional<std::uint64_t> contentLength;
};

struct UpstreamFailure {
    int status = 502; // 502 Bad Gateway, 504 Gateway Timeout
    std::string reason;
};

struct UpstreamCallbacks {
    std::function<void(UpstreamHead)> onHead;
    std::function<void(std::string_view)> onBody;
    std::function<void()> onEnd;
    std::function<void(UpstreamFailure)> onFailure; // before or after onHead
    // Flow control and cancellation; all optional.
    std::function<bool()> canTakeBody;
    std::function<void(std::function<void()>)> whenCanTakeBody;
    std::function<bool()> stillWanted;
};

class UpstreamForwarder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamForwarder)

public:
    explicit UpstreamForwarder(UpstreamOptions options, QObject* parent = nullptr);
    ~UpstreamForwarder() override;

    // "http://127.0.0.1:8000" or "https://dev.example:8443/base": scheme, host, optional port and path.
    [[nodiscard]] static Result<QUrl> parseUpstream(const std::string& text);

    void forward(const QUrl& upstream, const HttpRequest& request, const ConnectionInfo& connection,
                 UpstreamCallbacks callbacks);

    // Callbacks that stream the upstream's answer to the client through `responder`,
    // with `trace` (the decision so far) and a handler step appended.
    [[nodiscard]] static UpstreamCallbacks streamTo(Responder responder, std::vector<TraceStep> trace);

    [[nodiscard]] int activeExchanges() const;

private:
    UpstreamOptions m_options;
};

} // namespace pc
