// SPDX-License-Identifier: Apache-2.0
// SecretResolver: turns secret references (policy/SecretRef.h) into values:
// a SecretRef from the environment, then its dotenv file, then its file; a
// SecretSource from a policy secret, a variable or a file. Relative paths start
// at the base directory (the policy's folder). Errors name the variable or file
// and what to do, never the value. The environment lookup is injectable (tests,
// GUI session overrides). Thread-safe (const after construction).
#pragma once

#include "auth/SecretBytes.h"
#include "common/Result.h"
#include "policy/SecretRef.h"

#include <functional>
#include <optional>
#include <span>
#include <string>

namespace pc {

class SecretResolver {
public:
    using Environment = std::function<std::optional<SecretBytes>(const std::string& name)>;
    static constexpr std::size_t kMaxFileBytes = 1024 * 1024;

    // `environment` defaults to the process environment (getenv).
    explicit SecretResolver(std::string baseDir = {}, Environment environment = {});

    // Error codes: "secret-missing", "secret-unreadable", "secret-too-large",
    // "secret-empty", "secret-too-short", "dotenv-syntax".
    [[nodiscard]] Result<SecretBytes> resolve(const SecretRef& ref) const;
    // Also "secret-unknown" when a {"secret": name} is not in `secrets`.
    [[nodiscard]] Result<SecretBytes> resolve(const SecretSource& source, std::span<const SecretRef> secrets) const;

    // "the environment variable SECRET_KEY", "the file keys/jwt.pem", "the secret secret_key".
    [[nodiscard]] static std::string describe(const SecretSource& source);
    [[nodiscard]] const std::string& baseDir() const { return m_baseDir; }
    // A path as this resolver would open it.
    [[nodiscard]] std::string resolvePath(const std::string& path) const;

private:
    [[nodiscard]] Result<SecretBytes> readFile(const std::string& path, const std::string& purpose) const;
    [[nodiscard]] std::optional<SecretBytes> fromEnvironment(const std::string& name) const;

    std::string m_baseDir;
    Environment m_environment;
};

} // namespace pc
