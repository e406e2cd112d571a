// SPDX-License-Identifier: Apache-2.0
#include "auth/OpenSslHandles.h"

#include <openssl/err.h>

namespace pc::ossl {

std::string lastError()
{
    std::string out;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        const char* reason = ERR_reason_error_string(code);
        if (!out.empty()) {
            out += "; ";
        }
        out += reason != nullptr ? reason : "unknown OpenSSL error";
    }
    return out.empty() ? std::string("no detail from OpenSSL") : out;
}

std::shared_ptr<EVP_PKEY> share(PkeyPtr key)
{
    return std::shared_ptr<EVP_PKEY>(key.release(), EVP_PKEY_free);
}

} // namespace pc::ossl
