// SPDX-License-Identifier: Apache-2.0
// RequestParser: the bytes of one HTTP/1.x connection into requests. The head
// is held to the RFC 9112 grammar here (Debian's libhttp-parser is built
// lenient), then libhttp-parser parses it and frames Content-Length bodies;
// chunked bodies go to ChunkedDecoder. Every ServerLimits bound has its status
// (414, 431, 413). One parser per connection; not thread-safe.
#pragma once

#include "server/ServerLimits.h"

#include "policy/HeaderField.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct ParsedRequest {
    std::string method;
    std::string target; // origin-form ("/a?b"); "*" for OPTIONS *
    std::vector<HeaderField> headers;
    std::string body; // decoded (chunked framing removed)
    int versionMinor = 1;
    bool keepAlive = true;       // the client allows another request on this connection
    bool expectContinue = false; // Expect: 100-continue
    bool upgrade = false;        // asked to switch protocols (never granted)
    std::size_t headBytes = 0;
};

struct ProtocolError {
    int status = 400;
    std::string reason; // a sentence, safe to show the client
};

class RequestParser {
public:
    enum class Progress {
        NeedMore,        // give more bytes (plus the unconsumed ones again)
        HeadComplete,    // the head is parsed and a body follows (time for 100-continue)
        MessageComplete, // takeRequest() holds a whole request
        Failed,          // error() says why; the connection must close after answering
    };
    struct Step {
        Progress progress = Progress::NeedMore;
        std::size_t consumed = 0; // bytes of the input used; the rest belongs to later calls
    };

    explicit RequestParser(const ServerLimits& limits);
    ~RequestParser();
    RequestParser(const RequestParser&) = delete;
    RequestParser& operator=(const RequestParser&) = delete;

    // `input` starts at the first unconsumed byte. While the head is incomplete
    // nothing is consumed; the parser remembers how far it has searched.
    [[nodiscard]] Step parse(std::string_view input);
    // After MessageComplete: hands over the request and resets for the next one.
    [[nodiscard]] ParsedRequest takeRequest();
    [[nodiscard]] const ParsedRequest& current() const; // valid from HeadComplete on
    [[nodiscard]] const ProtocolError& error() const;
    [[nodiscard]] bool readingBody() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pc
