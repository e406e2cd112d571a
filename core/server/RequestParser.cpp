// SPDX-License-Identifier: Apache-2.0
#include "server/RequestParser.h"

#include "server/ChunkedDecoder.h"
#include "server/HeadGrammar.h"

#include "engine/HttpRequest.h"

#include <http_parser.h>

#include <algorithm>

namespace pc {

namespace {

std::string_view trimOws(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

struct RequestParser::Impl {
    enum class State { Head, Body, Complete, Failed };

    explicit Impl(const ServerLimits& l) : limits(l)
    {
        http_parser_settings_init(&settings);
        settings.on_url = &Impl::onUrl;
        settings.on_header_field = &Impl::onHeaderField;
        settings.on_header_value = &Impl::onHeaderValue;
        settings.on_headers_complete = &Impl::onHeadersComplete;
        settings.on_body = &Impl::onBody;
        settings.on_message_complete = &Impl::onMessageComplete;
        reset();
    }

    void reset()
    {
        http_parser_init(&parser, HTTP_REQUEST);
        parser.data = this;
        state = State::Head;
        scanned = 0;
        lineStart = 0;
        sawRequestLine = false;
        messageDone = false;
        chunked.reset();
        req = ParsedRequest{};
    }

    Step fail(ProtocolError e, std::size_t consumed)
    {
        if (!failed) {
            error = std::move(e);
        }
        failed = true;
        state = State::Failed;
        return {Progress::Failed, consumed};
    }

    // Callbacks only record a failure; parse() turns it into a Failed step.
    int reject(int status, std::string reason)
    {
        if (!failed) {
            error = ProtocolError{status, std::move(reason)};
            failed = true;
        }
        return -1;
    }

    Step parseHead(std::string_view input);
    Step parseBody(std::string_view input);
    ProtocolError mapParserError(http_errno code) const;
    int checkHeaders();
    int checkTransferEncoding(bool hasContentLength);

    static Impl& self(http_parser* p) { return *static_cast<Impl*>(p->data); }
    static int onUrl(http_parser* p, const char* at, std::size_t len);
    static int onHeaderField(http_parser* p, const char* at, std::size_t len);
    static int onHeaderValue(http_parser* p, const char* at, std::size_t len);
    static int onHeadersComplete(http_parser* p);
    static int onBody(http_parser* p, const char* at, std::size_t len);
    static int onMessageComplete(http_parser* p);

    ServerLimits limits;
    http_parser parser{};
    http_parser_settings settings{};
    State state = State::Head;
    std::size_t scanned = 0;
    std::size_t lineStart = 0;
    bool sawRequestLine = false;
    bool messageDone = false;
    bool failed = false;
    bool chunkedBody = false;
    std::optional<ChunkedDecoder> chunked; // chunked bodies are decoded here, not by libhttp-parser
    ParsedRequest req;
    ProtocolError error;
};

RequestParser::Step RequestParser::Impl::parseHead(std::string_view input)
{
    // RFC 9112 §2.2: ignore empty lines before the request line.
    std::size_t skipped = 0;
    if (scanned == 0) {
        while (input.size() - skipped >= 2 && input[skipped] == '\r' && input[skipped + 1] == '\n') {
            skipped += 2;
        }
        input.remove_prefix(skipped);
        if (input.size() == 1 && input.front() == '\r') {
            return {Progress::NeedMore, skipped};
        }
    }
    const std::size_t maxLine = limits.maxTargetBytes + HeadGrammar::requestLineOverhead;
    const std::size_t maxHead = maxLine + limits.maxHeaderBytes + 2;
    std::size_t headEnd = 0;
    for (std::size_t i = scanned; i < input.size() && headEnd == 0; ++i) {
        const char c = input[i];
        if (i > 0 && input[i - 1] == '\r' && c != '\n') {
            return fail({400, "The request head contains a CR that is not followed by LF."}, skipped);
        }
        if (c == '\n') {
            if (i == 0 || input[i - 1] != '\r') {
                return fail({400, "The request head contains a bare LF; lines must end in CRLF."}, skipped);
            }
            if (!sawRequestLine) {
                sawRequestLine = true;
            } else if (i - 1 == lineStart) {
                headEnd = i + 1;
            }
            lineStart = i + 1;
        } else if (!sawRequestLine && i >= maxLine) {
            return fail({414, "The request line is longer than " + std::to_string(maxLine) + " bytes."}, skipped);
        } else if (i >= maxHead) {
            return fail({431, "The request head is larger than " + std::to_string(maxHead) + " bytes."}, skipped);
        }
    }
    if (headEnd == 0) {
        scanned = input.size();
        return {Progress::NeedMore, skipped};
    }
    const std::string_view head = input.substr(0, headEnd);
    if (auto violation = HeadGrammar::check(head, limits)) {
        return fail(std::move(*violation), skipped);
    }
    req.headBytes = headEnd;
    http_parser_execute(&parser, &settings, head.data(), head.size());
    const auto code = HTTP_PARSER_ERRNO(&parser);
    if (chunkedBody && !failed) {
        chunkedBody = false;
        messageDone = false;
        chunked.emplace(limits.maxBodyBytes, limits.maxHeaderBytes);
        state = State::Body;
        return {Progress::HeadComplete, skipped + headEnd};
    }
    if (messageDone) {
        state = State::Complete;
        return {Progress::MessageComplete, skipped + headEnd};
    }
    if (code != HPE_OK || failed) {
        return fail(mapParserError(code), skipped + headEnd);
    }
    state = State::Body;
    return {Progress::HeadComplete, skipped + headEnd};
}

RequestParser::Step RequestParser::Impl::parseBody(std::string_view input)
{
    if (input.empty()) {
        return {Progress::NeedMore, 0}; // a zero length would tell libhttp-parser the stream ended
    }
    if (chunked) {
        const auto step = chunked->feed(input, req.body);
        if (!step) {
            return fail(chunked->error(), 0);
        }
        if (step->done) {
            state = State::Complete;
            return {Progress::MessageComplete, step->consumed};
        }
        return {Progress::NeedMore, step->consumed};
    }
    const std::size_t used = http_parser_execute(&parser, &settings, input.data(), input.size());
    if (messageDone) {
        state = State::Complete;
        return {Progress::MessageComplete, used};
    }
    const auto code = HTTP_PARSER_ERRNO(&parser);
    if (code != HPE_OK || failed) {
        return fail(mapParserError(code), used);
    }
    return {Progress::NeedMore, used};
}

ProtocolError RequestParser::Impl::mapParserError(http_errno code) const
{
    if (failed) {
        return error;
    }
    switch (code) {
    case HPE_INVALID_METHOD:
        return {501, "The request method is not supported by the test server."};
    case HPE_UNEXPECTED_CONTENT_LENGTH:
        return {400, "Content-Length appears more than once, or together with Transfer-Encoding."};
    case HPE_INVALID_CONTENT_LENGTH:
        return {400, "Content-Length is not a decimal number."};
    case HPE_INVALID_TRANSFER_ENCODING:
        return {400, "Transfer-Encoding must end in 'chunked'."};
    case HPE_INVALID_CHUNK_SIZE:
        return {400, "A chunk size is not a hexadecimal number or is too large."};
    case HPE_HEADER_OVERFLOW:
        return {431, "The request head is too large."};
    default:
        return {400, std::string("The request is malformed: ") + http_errno_description(code) + '.'};
    }
}

int RequestParser::Impl::onUrl(http_parser* p, const char* at, std::size_t len)
{
    self(p).req.target.append(at, len);
    return 0;
}

int RequestParser::Impl::onHeaderField(http_parser* p, const char* at, std::size_t len)
{
    Impl& s = self(p);
    // The whole head is parsed in one call, so a field arrives in one piece.
    s.req.headers.push_back({std::string(at, len), {}});
    return 0;
}

int RequestParser::Impl::onHeaderValue(http_parser* p, const char* at, std::size_t len)
{
    Impl& s = self(p);
    s.req.headers.back().value.assign(trimOws(std::string_view(at, len)));
    return 0;
}

int RequestParser::Impl::onHeadersComplete(http_parser* p)
{
    Impl& s = self(p);
    s.req.method = http_method_str(static_cast<http_method>(p->method));
    s.req.versionMinor = p->http_minor;
    s.req.keepAlive = http_should_keep_alive(p) != 0;
    if (const int verdict = s.checkHeaders(); verdict != 0) {
        return verdict;
    }
    if ((p->flags & F_CHUNKED) != 0) {
        s.chunkedBody = true;
        return 1; // libhttp-parser skips the body; ChunkedDecoder reads it
    }
    return 0;
}

int RequestParser::Impl::onBody(http_parser* p, const char* at, std::size_t len)
{
    Impl& s = self(p);
    if (s.req.body.size() + len > s.limits.maxBodyBytes) {
        return s.reject(413, "The request body is larger than " + std::to_string(s.limits.maxBodyBytes) + " bytes.");
    }
    s.req.body.append(at, len);
    return 0;
}

int RequestParser::Impl::onMessageComplete(http_parser* p)
{
    Impl& s = self(p);
    s.messageDone = true;
    http_parser_pause(p, 1); // stop here: pipelined bytes belong to the next request
    return 0;
}

} // namespace pc

namespace pc {

int RequestParser::Impl::checkHeaders()
{
    int hosts = 0;
    bool hasContentLength = false;
    for (const HeaderField& h : req.headers) {
        if (equalsIgnoreCase(h.name, "host")) {
            ++hosts;
        } else if (equalsIgnoreCase(h.name, "content-length")) {
            hasContentLength = true;
        } else if (equalsIgnoreCase(h.name, "expect") && req.versionMinor >= 1) {
            if (!equalsIgnoreCase(h.value, "100-continue")) {
                return reject(417, "The only expectation the server meets is '100-continue'.");
            }
            req.expectContinue = true;
        } else if (equalsIgnoreCase(h.name, "upgrade")) {
            req.upgrade = true;
        }
    }
    if (hosts > 1 || (hosts == 0 && req.versionMinor >= 1)) {
        return reject(400, hosts > 1 ? "The request has more than one Host header."
                                     : "An HTTP/1.1 request must carry exactly one Host header.");
    }
    if (const int verdict = checkTransferEncoding(hasContentLength); verdict != 0) {
        return verdict;
    }
    if ((parser.flags & F_CONTENTLENGTH) != 0 && parser.content_length > limits.maxBodyBytes) {
        return reject(413, "The request body is larger than " + std::to_string(limits.maxBodyBytes) + " bytes.");
    }
    if (req.upgrade) {
        req.keepAlive = false; // the client may start speaking another protocol; never reuse
    }
    // Absolute-form targets (RFC 9112 §3.2.2) are turned into origin-form.
    if (!req.target.empty() && req.target.front() != '/' && req.target != "*") {
        http_parser_url url;
        http_parser_url_init(&url);
        if (http_parser_parse_url(req.target.data(), req.target.size(), 0, &url) != 0) {
            return reject(400, "The absolute request target is not a valid URL.");
        }
        std::string origin = "/";
        if ((url.field_set & (1 << UF_PATH)) != 0) {
            origin.assign(req.target, url.field_data[UF_PATH].off, url.field_data[UF_PATH].len);
        }
        if ((url.field_set & (1 << UF_QUERY)) != 0) {
            origin += '?';
            origin.append(req.target, url.field_data[UF_QUERY].off, url.field_data[UF_QUERY].len);
        }
        req.target = std::move(origin);
    }
    return 0;
}

int RequestParser::Impl::checkTransferEncoding(bool hasContentLength)
{
    std::vector<std::string_view> codings;
    for (const HeaderField& h : req.headers) {
        if (!equalsIgnoreCase(h.name, "transfer-encoding")) {
            continue;
        }
        std::string_view list = h.value;
        while (!list.empty()) {
            const std::size_t comma = list.find(',');
            const std::string_view item = trimOws(list.substr(0, comma));
            if (!item.empty()) {
                codings.push_back(item);
            }
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        }
    }
    if (codings.empty()) {
        return 0;
    }
    // RFC 9112 §6.1 and §6.3: these are the request-smuggling shapes; refuse them all.
    if (req.versionMinor == 0) {
        return reject(400, "Transfer-Encoding is not allowed in an HTTP/1.0 request.");
    }
    if (hasContentLength) {
        return reject(400, "The request has both Content-Length and Transfer-Encoding.");
    }
    if (!equalsIgnoreCase(codings.back(), "chunked")) {
        return reject(400, "Transfer-Encoding must end in 'chunked'.");
    }
    if (codings.size() > 1) {
        const bool chunkedTwice = std::count_if(codings.begin(), codings.end(),
                                                [](std::string_view c) { return equalsIgnoreCase(c, "chunked"); }) > 1;
        return chunkedTwice ? reject(400, "Transfer-Encoding names 'chunked' more than once.")
                            : reject(501, "Transfer codings other than 'chunked' are not supported.");
    }
    return 0;
}

RequestParser::RequestParser(const ServerLimits& limits) : m_impl(std::make_unique<Impl>(limits))
{
}

RequestParser::~RequestParser() = default;

RequestParser::Step RequestParser::parse(std::string_view input)
{
    switch (m_impl->state) {
    case Impl::State::Head:
        return m_impl->parseHead(input);
    case Impl::State::Body:
        return m_impl->parseBody(input);
    case Impl::State::Complete:
        return {Progress::MessageComplete, 0};
    case Impl::State::Failed:
        break;
    }
    return {Progress::Failed, 0};
}

ParsedRequest RequestParser::takeRequest()
{
    ParsedRequest out = std::move(m_impl->req);
    m_impl->reset();
    return out;
}

const ParsedRequest& RequestParser::current() const
{
    return m_impl->req;
}

const ProtocolError& RequestParser::error() const
{
    return m_impl->error;
}

bool RequestParser::readingBody() const
{
    return m_impl->state == Impl::State::Body;
}

} // namespace pc
