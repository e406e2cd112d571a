// SPDX-License-Identifier: Apache-2.0
#include "server/ServerConfig.h"

namespace pc {

namespace {

// libhttp-parser refuses heads above HTTP_MAX_HEADER_SIZE (80 KiB) on its own.
constexpr std::size_t parserHeadLimit = 80 * 1024;

} // namespace

Status ServerConfig::validate() const
{
    Errors errors;
    if (address.isNull()) {
        errors.push_back(makeError("server-address", "The listen address is not an IP address.", {},
                                   "use 127.0.0.1, ::1 or, with the explicit option, another local address"));
    } else if (!address.isLoopback() && !allowNonLoopback) {
        errors.push_back(makeError("server-not-loopback",
                                   "The test server only listens on loopback unless you allow other addresses.", {},
                                   "bind 127.0.0.1, or pass the option that allows non-loopback addresses"));
    }
    if (threads < 1 || threads > 64) {
        errors.push_back(makeError("server-threads", "The number of server threads must be between 1 and 64."));
    }
    if (maxConnections < 1) {
        errors.push_back(makeError("server-max-connections", "The connection limit must be at least 1."));
    }
    if (maxPipelinedRequests < 1) {
        errors.push_back(makeError("server-pipeline", "At least one request per connection must be allowed."));
    }
    if (limits.maxTargetBytes < 16 || limits.maxHeaderBytes < 256 || limits.maxHeaders < 1) {
        errors.push_back(makeError("server-limits", "The request size limits are too small to serve any client.", {},
                                   "allow at least 16 bytes of target, 256 bytes and one field of headers"));
    }
    if (limits.maxTargetBytes + limits.maxHeaderBytes > parserHeadLimit - 128) {
        errors.push_back(makeError("server-limits", "The request target and header limits together exceed 80 KiB.", {},
                                   "the HTTP parser refuses larger request heads; lower the limits"));
    }
    using std::chrono::milliseconds;
    if (headerTimeout <= milliseconds(0) || bodyTimeout <= milliseconds(0) || idleTimeout <= milliseconds(0) ||
        lingerTimeout <= milliseconds(0)) {
        errors.push_back(makeError("server-timeouts", "Every server timeout must be positive."));
    }
    if (tls.enabled && (tls.certificateFile.isEmpty() != tls.privateKeyFile.isEmpty())) {
        errors.push_back(makeError("server-tls-files",
                                   "A TLS certificate needs its private key, and the other way round.", {},
                                   "give both files, or neither to use a generated self-signed certificate"));
    }
    if (tls.enabled && tls.certificateFile.isEmpty() && tls.generatedDirectory.isEmpty()) {
        errors.push_back(makeError("server-tls-directory", "No folder was given for the generated TLS certificate."));
    }
    if (!errors.empty()) {
        return errors;
    }
    return Ok{};
}

void ServerConfig::applyPolicy(const TransportPolicy& transport, const SizeLimits& sizes)
{
    limits.maxTargetBytes = static_cast<std::size_t>(sizes.maxUrlBytes.bytes());
    limits.maxHeaderBytes = static_cast<std::size_t>(sizes.maxHeaderBytes.bytes());
    limits.maxHeaders = static_cast<std::size_t>(std::max(sizes.maxHeaders, 1));
    limits.maxBodyBytes = sizes.maxBodyBytes.bytes();
    headerTimeout = transport.headerTimeout.ms();
    idleTimeout = transport.idleTimeout.ms();
    maxConnections = transport.maxConnections;
    tls.minimumVersion = transport.minTls;
}

} // namespace pc
