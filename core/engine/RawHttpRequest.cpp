// SPDX-License-Identifier: Apache-2.0
#include "engine/RawHttpRequest.h"

#include "engine/HttpText.h"

#include <algorithm>

namespace pc {
namespace {

// Walks the text line by line, remembering where each line starts for error locations.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] int line() const { return m_line; }
    [[nodiscard]] size_t pos() const { return m_pos; }
    [[nodiscard]] std::string_view rest() const { return m_text.substr(std::min(m_pos, m_text.size())); }

    // The next line without its CRLF or LF; `terminated` says whether a line end was found.
    std::string_view nextLine(bool& terminated)
    {
        const size_t nl = m_text.find('\n', m_pos);
        terminated = nl != std::string_view::npos;
        const size_t end = terminated ? nl : m_text.size();
        std::string_view line = m_text.substr(m_pos, end - m_pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        m_pos = terminated ? nl + 1 : m_text.size();
        ++m_line;
        return line;
    }
    void advance(size_t bytes) { m_pos += bytes; }

    // Error at `column` (1-based) of the line last returned.
    [[nodiscard]] Error error(std::string code, std::string message, size_t column, std::string hint = {}) const
    {
        Error e = makeError(std::move(code), std::move(message), std::string(), std::move(hint));
        e.line = std::max(m_line, 1);
        e.column = static_cast<int>(column);
        return e;
    }

private:
    std::string_view m_text;
    size_t m_pos = 0;
    int m_line = 0;
};

bool hasBareCr(std::string_view line)
{
    return line.find('\r') != std::string_view::npos;
}

// A field value may hold visible characters, spaces, tabs and obs-text, nothing else.
size_t badValueByte(std::string_view value)
{
    for (size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool onlyLineBreaks(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; });
}

Result<std::string> parseTarget(std::string_view target, std::string_view method, const Cursor& cursor, size_t column)
{
    for (size_t i = 0; i < target.size(); ++i) {
        const auto c = static_cast<unsigned char>(target[i]);
        if (c <= 0x20 || c >= 0x7f) {
            return cursor.error("http-bad-target",
                                "The request target has a space, control or non-ASCII character; such bytes must be "
                                "percent-encoded.",
                                column + i, "percent-encode it, e.g. a space as %20");
        }
    }
    if (target.front() == '/') {
        return std::string(target);
    }
    if (target == "*" && method == "OPTIONS") {
        return std::string(target);
    }
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (target.size() > scheme.size() && equalsIgnoreCase(target.substr(0, scheme.size()), scheme)) {
            const std::string_view rest = target.substr(scheme.size());
            const size_t slash = rest.find_first_of("/?");
            if (slash == std::string_view::npos) {
                return std::string("/");
            }
            std::string path(rest.substr(slash));
            if (path.front() == '?') {
                path.insert(path.begin(), '/');
            }
            return path;
        }
    }
    return cursor.error("http-bad-target",
                        "The request target \"" + HttpText::excerpt(target, 60) +
                            "\" is neither a path (\"/users?id=1\") nor an absolute http(s) URL.",
                        column, "start the target with \"/\"");
}

} // namespace

Result<HttpRequest> RawHttpRequest::parse(std::string_view text, const Options& options)
{
    HttpRequest request;
    request.peerAddress = options.peerAddress;
    request.secure = options.secure;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    Cursor cursor(text);
    bool terminated = false;
    std::string_view line;
    do { // RFC 9112 §2.2: ignore empty lines before the request line
        if (cursor.atEnd()) {
            return cursor.error("http-empty", "The request is empty.", 1, "start with a request line: GET / HTTP/1.1");
        }
        line = cursor.nextLine(terminated);
    } while (line.empty());

    if (line.size() > options.maxRequestLineBytes) {
        return cursor.error("http-too-large",
                            "The request line is longer than " + std::to_string(options.maxRequestLineBytes) +
                                " bytes.",
                            options.maxRequestLineBytes + 1);
    }
    if (hasBareCr(line)) {
        return cursor.error("http-bare-cr", "The request line contains a bare carriage return.", line.find('\r') + 1);
    }
    const size_t sp1 = line.find(' ');
    const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos ||
        line.find(' ', sp2 + 1) != std::string_view::npos || sp2 == sp1 + 1) {
        return cursor.error("http-bad-request-line",
                            "The request line must be METHOD, target and version separated by single spaces.", 1,
                            "write e.g. \"GET /api/data HTTP/1.1\"");
    }
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    if (!HttpText::isToken(method)) {
        return cursor.error("http-bad-method", "The method \"" + HttpText::excerpt(method, 40) + "\" is not a token.",
                            1);
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return cursor.error("http-bad-version",
                            "The version \"" + HttpText::excerpt(version, 20) + "\" is not HTTP/1.1 or HTTP/1.0.",
                            sp2 + 2, "end the request line with HTTP/1.1");
    }
    Result<std::string> parsedTarget = parseTarget(target, method, cursor, sp1 + 2);
    if (!parsedTarget) {
        return std::move(parsedTarget).takeErrors();
    }
    request.method = std::string(method);
    request.target = std::move(parsedTarget).value();

    size_t headerBytes = 0;
    int hostCount = 0;
    while (true) {
        if (cursor.atEnd()) {
            break; // the text ends right after the last header line
        }
        line = cursor.nextLine(terminated);
        if (line.empty()) {
            break;
        }
        headerBytes += line.size() + 2;
        if (headerBytes > options.maxHeaderBytes) {
            return cursor.error(
                "http-too-large",
                "The header section is larger than " + std::to_string(options.maxHeaderBytes) + " bytes.", 1);
        }
        if (request.headers.size() >= options.maxHeaders) {
            return cursor.error("http-too-large",
                                "The request has more than " + std::to_string(options.maxHeaders) + " header lines.",
                                1);
        }
        if (line.front() == ' ' || line.front() == '\t') {
            return cursor.error("http-obs-fold",
                                "This header line starts with whitespace (obsolete line folding), which servers must "
                                "reject.",
                                1, "put the whole value on the header's own line");
        }
        if (hasBareCr(line)) {
            return cursor.error("http-bare-cr", "The header line contains a bare carriage return.",
                                line.find('\r') + 1);
        }
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            return cursor.error("http-bad-header", "The header line has no \":\".", 1, "write \"Name: value\"");
        }
        const std::string_view name = line.substr(0, colon);
        if (!HttpText::isToken(name)) {
            const size_t bad =
                name.empty() ? 0
                             : static_cast<size_t>(std::find_if(name.begin(), name.end(),
                                                                [](char c) { return !HttpText::isTokenChar(c); }) -
                                                   name.begin());
            return cursor.error("http-bad-header",
                                name.empty() ? std::string("The header line has no name before \":\".")
                                             : "The header name \"" + HttpText::excerpt(name, 60) +
                                                   "\" has a character that is not allowed (whitespace before \":\" "
                                                   "included).",
                                bad + 1);
        }
        const std::string_view value = HttpText::trim(line.substr(colon + 1));
        if (const size_t bad = badValueByte(value); bad != std::string_view::npos) {
            return cursor.error("http-bad-header", "The value of " + std::string(name) + " has a control character.",
                                static_cast<size_t>(value.data() - line.data()) + bad + 1);
        }
        if (equalsIgnoreCase(name, "Host")) {
            ++hostCount;
        }
        request.headers.push_back({std::string(name), std::string(value)});
    }
    const int headerEndLine = cursor.line();
    const auto framingError = [&](std::string code, std::string message, std::string hint = {}) {
        Error e = makeError(std::move(code), std::move(message), std::string(), std::move(hint));
        e.line = headerEndLine;
        e.column = 1;
        return e;
    };
    if (options.requireHost && version == "HTTP/1.1" && hostCount != 1) {
        return framingError("http-host",
                            hostCount == 0 ? "An HTTP/1.1 request must have a Host header."
                                           : "The request has " + std::to_string(hostCount) + " Host headers.",
                            "add exactly one line such as \"Host: api.example.com\"");
    }

    const std::vector<std::string_view> lengths = request.headerValues("Content-Length");
    const std::vector<std::string_view> encodings = request.headerValues("Transfer-Encoding");
    std::string_view rest = cursor.rest();
    if (!encodings.empty()) {
        if (!lengths.empty()) {
            return framingError("http-ambiguous-framing",
                                "The request has both Content-Length and Transfer-Encoding; servers must refuse that "
                                "(request smuggling).",
                                "keep only one of them");
        }
        const std::string_view last = HttpText::trim(encodings.back().substr(encodings.back().rfind(',') + 1));
        if (encodings.size() != 1 || !equalsIgnoreCase(HttpText::trim(encodings.back()), "chunked")) {
            return framingError("http-unsupported-encoding",
                                "Only \"Transfer-Encoding: chunked\" is supported, not \"" +
                                    HttpText::excerpt(last, 40) + "\".");
        }
        std::string body;
        int chunkLine = headerEndLine;
        while (true) {
            if (rest.empty()) {
                return framingError("http-bad-chunk", "The chunked body ends before its last (zero-size) chunk.");
            }
            ++chunkLine;
            const size_t nl = rest.find('\n');
            std::string_view sizeLine = rest.substr(0, nl);
            if (!sizeLine.empty() && sizeLine.back() == '\r') {
                sizeLine.remove_suffix(1);
            }
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            const std::string_view hex = HttpText::trim(sizeLine.substr(0, sizeLine.find(';')));
            std::uint64_t size = 0;
            bool ok = !hex.empty() && hex.size() <= 15;
            for (char c : hex) {
                const int digit = (c >= '0' && c <= '9')   ? c - '0'
                                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                           : -1;
                ok = ok && digit >= 0;
                size = size * 16 + static_cast<std::uint64_t>(digit < 0 ? 0 : digit);
            }
            if (!ok) {
                Error e = framingError("http-bad-chunk", "The chunk size \"" + HttpText::excerpt(sizeLine, 40) +
                                                             "\" is not hexadecimal.");
                e.line = chunkLine;
                return e;
            }
            if (size == 0) {
                break; // trailer fields, if any, are ignored
            }
            if (body.size() + size > options.maxBodyBytes) {
                return framingError("http-too-large",
                                    "The body is larger than " + std::to_string(options.maxBodyBytes) + " bytes.");
            }
            if (rest.size() < size) {
                return framingError("http-bad-chunk", "A chunk is shorter than its declared size.");
            }
            body.append(rest.substr(0, size));
            rest.remove_prefix(size);
            if (rest.starts_with("\r\n")) {
                rest.remove_prefix(2);
            } else if (rest.starts_with("\n")) {
                rest.remove_prefix(1);
            } else {
                return framingError("http-bad-chunk", "A chunk is longer than its declared size.");
            }
        }
        request.body = std::move(body);
        return request;
    }
    if (!lengths.empty()) {
        std::optional<std::uint64_t> length;
        for (std::string_view value : lengths) {
            while (!value.empty()) { // "5, 5" is allowed when the values agree (RFC 9110 §8.6)
                const size_t comma = value.find(',');
                const auto parsed = HttpText::parseDecimal(HttpText::trim(value.substr(0, comma)));
                value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
                if (!parsed || (length && *length != *parsed)) {
                    return framingError("http-bad-length",
                                        "Content-Length is not one non-negative number (or the copies disagree).",
                                        "give the body size in bytes once");
                }
                length = parsed;
            }
        }
        if (!length || *length > options.maxBodyBytes) {
            return framingError("http-too-large",
                                "The body is larger than " + std::to_string(options.maxBodyBytes) + " bytes.");
        }
        if (rest.size() < *length) {
            return framingError("http-short-body",
                                "The body has " + std::to_string(rest.size()) + " bytes but Content-Length says " +
                                    std::to_string(*length) + ".",
                                "fix Content-Length or remove it to take the rest of the text as the body");
        }
        if (!onlyLineBreaks(rest.substr(*length))) {
            return framingError("http-long-body",
                                "The text goes on after the " + std::to_string(*length) +
                                    " bytes that Content-Length announces.",
                                "fix Content-Length or remove it to take the rest of the text as the body");
        }
        request.body = std::string(rest.substr(0, *length));
        return request;
    }
    if (!onlyLineBreaks(rest)) {
        if (rest.size() > options.maxBodyBytes) {
            return framingError("http-too-large",
                                "The body is larger than " + std::to_string(options.maxBodyBytes) + " bytes.");
        }
        // A hand-written file's final line break is an editor's, not the body's.
        while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) {
            rest.remove_suffix(1);
        }
        request.body = std::string(rest);
    }
    return request;
}

} // namespace pc
