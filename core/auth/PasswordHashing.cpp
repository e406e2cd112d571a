// SPDX-License-Identifier: Apache-2.0
#include "auth/PasswordHashing.h"

#include "policy/PolicyEnums.h"

#include <algorithm>

namespace pc {

namespace {

std::string schemeList(const std::vector<std::unique_ptr<PasswordHasher>>& hashers)
{
    std::string out;
    for (std::size_t i = 0; i < hashers.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == hashers.size()) ? " and " : ", ";
        }
        out += enumName(hashers[i]->scheme());
    }
    return out;
}

PasswordCheck failed(const Error& error)
{
    PasswordCheck check;
    check.code = error.code;
    check.reason = error.message;
    return check;
}

} // namespace

Result<PasswordHashing> PasswordHashing::create(const PasswordPolicy& policy, const PasswordLimits& limits)
{
    std::vector<PasswordScheme> schemes{policy.scheme};
    for (const PasswordScheme s : policy.accept) {
        if (std::find(schemes.begin(), schemes.end(), s) == schemes.end()) {
            schemes.push_back(s);
        }
    }
    std::vector<std::unique_ptr<PasswordHasher>> hashers;
    Errors errors;
    for (const PasswordScheme s : schemes) {
        auto made = makePasswordHasher(s, policy, limits);
        if (made) {
            hashers.push_back(std::move(made).value());
        } else {
            errors.insert(errors.end(), made.errors().begin(), made.errors().end());
        }
    }
    if (!errors.empty()) {
        return errors;
    }
    return PasswordHashing(std::move(hashers));
}

const PasswordHasher* PasswordHashing::hasher(PasswordScheme scheme) const
{
    for (const auto& h : m_hashers) {
        if (h->scheme() == scheme) {
            return h.get();
        }
    }
    return nullptr;
}

Result<const PasswordHasher*> PasswordHashing::hasherFor(std::string_view hash) const
{
    auto scheme = identifyPasswordHash(hash);
    if (!scheme) {
        return scheme.errors();
    }
    const PasswordHasher* found = hasher(*scheme);
    if (found == nullptr) {
        return makeError("scheme-not-accepted",
                         "The hash uses " + std::string(enumName(*scheme)) +
                             ", which this policy does not accept (it accepts " + schemeList(m_hashers) + ").",
                         std::string(passwordfield::kAccept),
                         "add the scheme to \"accept\" to let old hashes verify and be upgraded");
    }
    return found;
}

Result<HashedPassword> PasswordHashing::hash(std::string_view password) const
{
    return m_hashers.front()->hash(password);
}

PasswordCheck PasswordHashing::verify(std::string_view password, std::string_view hash) const
{
    auto found = hasherFor(hash);
    if (!found) {
        return failed(found.error());
    }
    auto match = (*found)->verify(password, hash);
    if (!match) {
        return failed(match.error());
    }
    PasswordCheck check;
    check.warnings = match->warnings;
    if (!match->matches) {
        check.code = "mismatch";
        check.reason = "The password does not match the hash.";
        return check;
    }
    check.ok = true;
    auto why = updateReason(hash);
    if (why && why->has_value()) {
        check.needsUpdate = true;
        check.reason = **why;
    }
    return check;
}

Result<std::optional<std::string>> PasswordHashing::updateReason(std::string_view hash) const
{
    auto found = hasherFor(hash);
    if (!found) {
        return found.errors();
    }
    const PasswordHasher& h = **found;
    if (h.scheme() != defaultScheme()) {
        // Still parse it, so that a malformed deprecated hash is an error, not an update.
        if (auto parsed = h.updateReason(hash); !parsed) {
            return parsed.errors();
        }
        return std::optional<std::string>("The hash uses " + std::string(enumName(h.scheme())) +
                                          "; the policy's scheme is " + std::string(enumName(defaultScheme())) + ".");
    }
    return h.updateReason(hash);
}

Result<bool> PasswordHashing::needsUpdate(std::string_view hash) const
{
    auto why = updateReason(hash);
    if (!why) {
        return why.errors();
    }
    return why->has_value();
}

PasswordCheck PasswordHashing::verifyAndUpdate(std::string_view password, std::string_view hash) const
{
    PasswordCheck check = verify(password, hash);
    if (!check.ok || !check.needsUpdate) {
        return check;
    }
    auto fresh = this->hash(password);
    if (!fresh) {
        // The old hash still verified; the user logs in, the upgrade waits.
        check.warnings.push_back("The hash needs an update but the password could not be rehashed: " +
                                 fresh.error().message);
        return check;
    }
    check.newHash = std::move(fresh->hash);
    check.warnings.insert(check.warnings.end(), fresh->warnings.begin(), fresh->warnings.end());
    return check;
}

Result<HashedPassword> hashPassword(const PasswordPolicy& policy, std::string_view password)
{
    auto hashing = PasswordHashing::create(policy);
    if (!hashing) {
        return hashing.errors();
    }
    return hashing->hash(password);
}

PasswordCheck verifyPassword(const PasswordPolicy& policy, std::string_view password, std::string_view hash)
{
    auto hashing = PasswordHashing::create(policy);
    if (!hashing) {
        return failed(hashing.error());
    }
    return hashing->verify(password, hash);
}

} // namespace pc
