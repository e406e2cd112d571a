// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the password-hashing tests: cheap parameters so that round
// trips take milliseconds, and a hasher factory that fails the test loudly.
#pragma once

#include "auth/PasswordHasher.h"
#include "policy/AuthPolicy.h"

#include <QMetaType>

#include <memory>
#include <span>
#include <string>

Q_DECLARE_METATYPE(pc::PasswordScheme);

namespace pc::test {

inline std::span<const unsigned char> asBytes(const std::string& s)
{
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

// Far below the OWASP floors on purpose: these tests check formats and rules, not strength.
inline PasswordPolicy cheapPasswordPolicy(PasswordScheme scheme = PasswordScheme::Argon2id, int bcryptRounds = 4)
{
    PasswordPolicy p;
    p.scheme = scheme;
    p.bcryptRounds = bcryptRounds;
    p.argon2MemoryKib = 64;
    p.argon2TimeCost = 1;
    p.argon2Parallelism = 2;
    p.scryptLogN = 10;
    p.pbkdf2Sha256Iterations = 1000;
    p.pbkdf2Sha512Iterations = 1000;
    return p;
}

inline std::unique_ptr<PasswordHasher> hasherFor(PasswordScheme scheme,
                                                 const PasswordPolicy& policy = cheapPasswordPolicy())
{
    auto made = makePasswordHasher(scheme, policy);
    if (!made) {
        qFatal("cannot make hasher: %s", made.error().message.c_str());
    }
    return std::move(made).value();
}

} // namespace pc::test
