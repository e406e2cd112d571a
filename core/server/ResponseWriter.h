// SPDX-License-Identifier: Apache-2.0
// ResponseWriter: serialises response heads and body framing for HTTP/1.1.
// The server owns framing: handler headers that would change it
// (Content-Length, Transfer-Encoding, Connection, Keep-Alive, Date) are
// replaced, and header lines that could split the response (CR, LF, NUL, or a
// name that is not a token) are dropped. Pure functions, thread-safe.
#pragma once

#include "common/Clock.h"
#include "policy/HeaderField.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

enum class BodyFraming {
    ContentLength,  // Content-Length: n
    Chunked,        // Transfer-Encoding: chunked (HTTP/1.1 clients)
    CloseDelimited, // the body ends when the connection closes (HTTP/1.0 clients)
};

class ResponseWriter {
public:
    struct Head {
        int status = 200;
        const std::vector<HeaderField>* headers = nullptr;
        BodyFraming framing = BodyFraming::ContentLength;
        std::uint64_t contentLength = 0;
        bool close = false;
        std::string_view date; // IMF-fixdate
    };

    [[nodiscard]] static std::string head(const Head& head);
    static void appendChunk(std::string& out, std::string_view data);
    static constexpr std::string_view lastChunk = "0\r\n\r\n";
    static constexpr std::string_view continueResponse = "HTTP/1.1 100 Continue\r\n\r\n";

    // 1xx, 204 and 304 responses never carry a body (RFC 9110 §6.4.1).
    [[nodiscard]] static bool statusAllowsBody(int status);
    [[nodiscard]] static bool isServerOwnedHeader(std::string_view name);
    // The Content-Length among `headers`, when there is exactly one and it is a plain number.
    [[nodiscard]] static std::optional<std::uint64_t> declaredLength(const std::vector<HeaderField>& headers);
    [[nodiscard]] static bool isSafeHeader(const HeaderField& field);
    [[nodiscard]] static std::string httpDate(SystemTime time);
};

} // namespace pc
