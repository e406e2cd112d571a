// SPDX-License-Identifier: Apache-2.0
// EcdsaSignature: converts ECDSA signatures between JOSE's fixed-length R‖S
// (RFC 7518 §3.4) and the DER SEQUENCE OpenSSL produces and expects. Exact
// lengths only: 64, 96 or 132 bytes; r or s of zero is refused before OpenSSL
// sees it. Internal to core/auth. Stateless, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class EcdsaSignature {
public:
    // nullopt when `der` is not one DER ECDSA-Sig-Value or r/s do not fit.
    [[nodiscard]] static std::optional<std::string> derToJose(std::string_view der, std::size_t coordinateBytes);
    // nullopt for a wrong length or a zero r or s.
    [[nodiscard]] static std::optional<std::string> joseToDer(std::string_view jose, std::size_t coordinateBytes);
};

} // namespace pc
