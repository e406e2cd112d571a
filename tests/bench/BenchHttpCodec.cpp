// SPDX-License-Identifier: Apache-2.0
// The test server's per-request HTTP work without sockets: parsing a browser's
// request head (strict grammar check plus libhttp-parser), a chunked body, and
// writing a response head with the tutorial's security headers.
#include "server/RequestParser.h"
#include "server/ResponseWriter.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

const std::string browserHead =
    "GET /api/data?page=2&sort=name HTTP/1.1\r\n"
    "Host: 127.0.0.1:8080\r\n"
    "Connection: keep-alive\r\n"
    "sec-ch-ua: \"Chromium\";v=\"120\", \"Not(A:Brand\";v=\"24\"\r\n"
    "Accept: application/json, text/plain, */*\r\n"
    "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl\r\n"
    "sec-ch-ua-mobile: ?0\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\r\n"
    "Origin: https://yourdomain.com\r\n"
    "Sec-Fetch-Site: cross-site\r\n"
    "Sec-Fetch-Mode: cors\r\n"
    "Sec-Fetch-Dest: empty\r\n"
    "Referer: https://yourdomain.com/app\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Accept-Language: en-GB,en;q=0.9\r\n"
    "\r\n";

void parseBrowserHead(benchmark::State& state)
{
    pc::RequestParser parser{pc::ServerLimits{}};
    for (auto _ : state) {
        const auto step = parser.parse(browserHead);
        benchmark::DoNotOptimize(step);
        benchmark::DoNotOptimize(parser.takeRequest());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * browserHead.size()));
}
BENCHMARK(parseBrowserHead);

void parseWrkHead(benchmark::State& state)
{
    const std::string head =
        "GET /api/public HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nOrigin: https://yourdomain.com\r\n\r\n";
    pc::RequestParser parser{pc::ServerLimits{}};
    for (auto _ : state) {
        benchmark::DoNotOptimize(parser.parse(head));
        benchmark::DoNotOptimize(parser.takeRequest());
    }
}
BENCHMARK(parseWrkHead);

void parseChunkedBody(benchmark::State& state)
{
    std::string request = "POST /api/users HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 64; ++i) {
        request += "400\r\n" + std::string(1024, 'x') + "\r\n";
    }
    request += "0\r\n\r\n";
    pc::RequestParser parser{pc::ServerLimits{}};
    for (auto _ : state) {
        std::string_view rest = request;
        while (true) {
            const auto step = parser.parse(rest);
            rest.remove_prefix(step.consumed);
            if (step.progress == pc::RequestParser::Progress::MessageComplete) {
                break;
            }
        }
        benchmark::DoNotOptimize(parser.takeRequest());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * request.size()));
}
BENCHMARK(parseChunkedBody);

void writeResponseHead(benchmark::State& state)
{
    const std::vector<pc::HeaderField> headers{{"Content-Type", "application/json"},
                                               {"X-Content-Type-Options", "nosniff"},
                                               {"X-Frame-Options", "DENY"},
                                               {"X-XSS-Protection", "1; mode=block"},
                                               {"Strict-Transport-Security", "max-age=31536000"},
                                               {"Access-Control-Allow-Origin", "https://yourdomain.com"},
                                               {"Access-Control-Allow-Credentials", "true"},
                                               {"Vary", "Origin"}};
    for (auto _ : state) {
        benchmark::DoNotOptimize(pc::ResponseWriter::head(
            {200, &headers, pc::BodyFraming::ContentLength, 17, false, "Sat, 28 Nov 2026 13:38:06 GMT"}));
    }
}
BENCHMARK(writeResponseHead);

} // namespace

BENCHMARK_MAIN();
