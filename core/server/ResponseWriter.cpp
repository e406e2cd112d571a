// SPDX-License-Identifier: Apache-2.0
#include "server/ResponseWriter.h"

#include "engine/HttpRequest.h"
#include "engine/HttpText.h"
#include "server/HeadGrammar.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace pc {

std::string ResponseWriter::head(const Head& h)
{
    std::string out;
    out.reserve(256);
    out += "HTTP/1.1 ";
    out += std::to_string(h.status);
    out += ' ';
    out += HttpText::reasonPhrase(h.status);
    out += "\r\n";
    if (h.headers != nullptr) {
        for (const HeaderField& field : *h.headers) {
            if (isServerOwnedHeader(field.name) || !isSafeHeader(field)) {
                continue;
            }
            out += field.name;
            out += ": ";
            out += field.value;
            out += "\r\n";
        }
    }
    if (!h.date.empty()) {
        out += "Date: ";
        out += h.date;
        out += "\r\n";
    }
    if (statusAllowsBody(h.status)) {
        switch (h.framing) {
        case BodyFraming::ContentLength:
            out += "Content-Length: ";
            out += std::to_string(h.contentLength);
            out += "\r\n";
            break;
        case BodyFraming::Chunked:
            out += "Transfer-Encoding: chunked\r\n";
            break;
        case BodyFraming::CloseDelimited:
            break;
        }
    }
    if (h.close) {
        out += "Connection: close\r\n";
    }
    out += "\r\n";
    return out;
}

void ResponseWriter::appendChunk(std::string& out, std::string_view data)
{
    if (data.empty()) {
        return; // an empty chunk would end the body
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::array<char, 16> hex{};
    std::size_t n = data.size();
    std::size_t len = 0;
    do {
        hex[hex.size() - 1 - len++] = digits[n & 0xf];
        n >>= 4;
    } while (n != 0);
    out.append(hex.data() + hex.size() - len, len);
    out += "\r\n";
    out += data;
    out += "\r\n";
}

bool ResponseWriter::statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

bool ResponseWriter::isServerOwnedHeader(std::string_view name)
{
    return equalsIgnoreCase(name, "content-length") || equalsIgnoreCase(name, "transfer-encoding") ||
           equalsIgnoreCase(name, "connection") || equalsIgnoreCase(name, "keep-alive") ||
           equalsIgnoreCase(name, "date");
}

std::optional<std::uint64_t> ResponseWriter::declaredLength(const std::vector<HeaderField>& headers)
{
    std::optional<std::uint64_t> found;
    for (const HeaderField& h : headers) {
        if (!equalsIgnoreCase(h.name, "content-length")) {
            continue;
        }
        if (found || h.value.empty() || h.value.size() > 15) {
            return std::nullopt;
        }
        std::uint64_t n = 0;
        for (const char c : h.value) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            n = n * 10 + static_cast<std::uint64_t>(c - '0');
        }
        found = n;
    }
    return found;
}

bool ResponseWriter::isSafeHeader(const HeaderField& field)
{
    if (!HeadGrammar::isToken(field.name)) {
        return false;
    }
    for (const char c : field.value) {
        if (!HeadGrammar::isFieldValueChar(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

std::string ResponseWriter::httpDate(SystemTime time)
{
    // Not strftime: QCoreApplication sets the C locale from the environment, and %a/%b would follow it.
    static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&t, &utc);
    std::array<char, 40> buffer{};
    const int n = std::snprintf(buffer.data(), buffer.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                days[static_cast<std::size_t>(utc.tm_wday)].data(), utc.tm_mday,
                                months[static_cast<std::size_t>(utc.tm_mon)].data(), utc.tm_year + 1900, utc.tm_hour,
                                utc.tm_min, utc.tm_sec);
    return std::string(buffer.data(), static_cast<std::size_t>(n));
}

} // namespace pc
