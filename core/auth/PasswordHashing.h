// SPDX-License-Identifier: Apache-2.0
// PasswordHashing: a PasswordPolicy made executable, with passlib CryptContext
// semantics (tokens.md §5.4) minus its rounds trap. hash() uses the policy's
// scheme; verify() accepts hashes of `scheme` and `accept` only; a hash needs
// an update when its scheme is not the default ("deprecated") or its parameters
// are weaker than the policy's — for bcrypt, a cost below bcrypt_min_rounds
// (default: bcrypt_rounds) or above bcrypt_max_rounds (default: no maximum).
// Built once from the policy, then immutable: every method is thread-safe.
#pragma once

#include "auth/PasswordHasher.h"
#include "auth/PasswordLimits.h"
#include "common/Result.h"
#include "policy/AuthPolicy.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct PasswordCheck {
    bool ok = false;          // the password matches an accepted, well-formed hash
    bool needsUpdate = false; // (when ok) rehash and store: see PasswordHashing
    std::string code;         // when not ok: "mismatch", "scheme-not-accepted", "malformed-hash", ...
    std::string reason;       // a sentence: why not ok, or why an update is due
    std::vector<std::string> warnings;
    std::optional<std::string> newHash; // filled by verifyAndUpdate() when ok && needsUpdate
};

class PasswordHashing {
public:
    // Fails when a parameter of the scheme or an accepted scheme is invalid or
    // beyond `limits`; the error points at the policy field.
    [[nodiscard]] static Result<PasswordHashing> create(const PasswordPolicy& policy,
                                                        const PasswordLimits& limits = {});

    [[nodiscard]] PasswordScheme defaultScheme() const { return m_hashers.front()->scheme(); }
    [[nodiscard]] bool accepts(PasswordScheme scheme) const { return hasher(scheme) != nullptr; }

    [[nodiscard]] Result<HashedPassword> hash(std::string_view password) const;
    [[nodiscard]] PasswordCheck verify(std::string_view password, std::string_view hash) const;
    // passlib's needs_update: an error for hashes the policy does not accept.
    [[nodiscard]] Result<bool> needsUpdate(std::string_view hash) const;
    [[nodiscard]] Result<std::optional<std::string>> updateReason(std::string_view hash) const;
    // passlib's verify_and_update: (ok, new hash when an update is due).
    [[nodiscard]] PasswordCheck verifyAndUpdate(std::string_view password, std::string_view hash) const;

private:
    explicit PasswordHashing(std::vector<std::unique_ptr<PasswordHasher>> hashers) : m_hashers(std::move(hashers)) {}
    [[nodiscard]] const PasswordHasher* hasher(PasswordScheme scheme) const;
    [[nodiscard]] Result<const PasswordHasher*> hasherFor(std::string_view hash) const;

    std::vector<std::unique_ptr<PasswordHasher>> m_hashers; // the default scheme's first
};

// The three calls of the `hash` CLI verb (the calibrate call is in PasswordCalibration.h).
[[nodiscard]] Result<HashedPassword> hashPassword(const PasswordPolicy& policy, std::string_view password);
[[nodiscard]] PasswordCheck verifyPassword(const PasswordPolicy& policy, std::string_view password,
                                           std::string_view hash);

} // namespace pc
