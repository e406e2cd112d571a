// SPDX-License-Identifier: Apache-2.0
#include "auth/SecretResolver.h"

#include "auth/DotEnv.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace pc {
namespace {

std::size_t defaultMinLength(SecretKind kind)
{
    return kind == SecretKind::HmacKey ? 32 : 1;
}

// Key files usually end with a newline that is not part of the secret
// (pydantic-settings strips them too); PEM parsing does not care either way.
void stripTrailingNewlines(SecretBytes& value)
{
    std::size_t n = value.size();
    while (n > 0 && (value.view()[n - 1] == '\n' || value.view()[n - 1] == '\r')) {
        --n;
    }
    value.truncate(n);
}

} // namespace

SecretResolver::SecretResolver(std::string baseDir, Environment environment)
    : m_baseDir(std::move(baseDir)), m_environment(std::move(environment))
{
}

std::string SecretResolver::resolvePath(const std::string& path) const
{
    const std::filesystem::path p(path);
    if (p.is_absolute() || m_baseDir.empty()) {
        return p.lexically_normal().string();
    }
    return (std::filesystem::path(m_baseDir) / p).lexically_normal().string();
}

std::optional<SecretBytes> SecretResolver::fromEnvironment(const std::string& name) const
{
    if (m_environment) {
        return m_environment(name);
    }
    const char* value = std::getenv(name.c_str()); // NOLINT(concurrency-mt-unsafe): nobody writes the environment
    if (value == nullptr) {
        return std::nullopt;
    }
    return SecretBytes(std::string_view(value));
}

Result<SecretBytes> SecretResolver::readFile(const std::string& path, const std::string& purpose) const
{
    const std::string full = resolvePath(path);
    std::error_code ec;
    const auto size = std::filesystem::file_size(full, ec);
    if (ec) {
        return makeError("secret-unreadable",
                         "The " + purpose + " \"" + full + "\" cannot be read: " + ec.message() + ".", {},
                         "Create the file or correct the path (relative paths start at the policy's folder).");
    }
    if (size > kMaxFileBytes) {
        return makeError("secret-too-large", "The " + purpose + " \"" + full + "\" is larger than 1 MiB.", {},
                         "Point the reference at the file that holds only the secret.");
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(full.c_str(), "rb"), &std::fclose);
    if (!file) {
        return makeError("secret-unreadable", "The " + purpose + " \"" + full + "\" cannot be opened.", {},
                         "Check the file's permissions.");
    }
    // Unbuffered, so no stdio buffer keeps a copy of the secret.
    std::setvbuf(file.get(), nullptr, _IONBF, 0);
    SecretBytes content(static_cast<std::size_t>(size));
    const std::size_t got = content.empty() ? 0 : std::fread(content.data(), 1, content.size(), file.get());
    content.truncate(got);
    return content;
}

Result<SecretBytes> SecretResolver::resolve(const SecretRef& ref) const
{
    const std::string label = ref.name.empty() ? std::string("The secret") : "The secret \"" + ref.name + "\"";
    std::optional<SecretBytes> value;
    std::string tried;
    if (!ref.env.empty()) {
        value = fromEnvironment(ref.env);
        tried = "the environment variable " + ref.env;
        if (!value && !ref.dotenv.empty()) {
            tried += " and the dotenv file " + resolvePath(ref.dotenv);
            auto text = readFile(ref.dotenv, "dotenv file");
            if (text) {
                auto found = DotEnv::lookup(text->view(), ref.env);
                if (!found) {
                    Error e = found.error();
                    e.message = "In the dotenv file \"" + resolvePath(ref.dotenv) + "\": " + e.message;
                    return e;
                }
                value = std::move(found.value());
            } else if (text.error().code != "secret-unreadable") {
                return text;
            } else {
                // A missing .env is normal when the variable is exported instead.
                tried += " (which cannot be read)";
            }
        }
    }
    if (!value && !ref.file.empty()) {
        auto content = readFile(ref.file, "secret file");
        if (!content) {
            return content;
        }
        stripTrailingNewlines(content.value());
        value = std::move(content.value());
    }
    if (!value) {
        if (tried.empty()) {
            return makeError("secret-missing", label + " names no environment variable and no file.", {},
                             "Give it \"env\" (optionally with \"dotenv\") or \"file\".");
        }
        return makeError("secret-missing", label + " is not set: " + tried + " did not provide it.", {},
                         "Export " + ref.env + " before starting Portcullis" +
                             (ref.dotenv.empty() ? std::string() : " or add " + ref.env + "=... to " + ref.dotenv) +
                             ".");
    }
    if (value->empty()) {
        return makeError("secret-empty", label + " is set but empty.", {}, "Give it a value.");
    }
    const std::size_t minLength = ref.minLength.value_or(defaultMinLength(ref.kind));
    if (value->size() < minLength) {
        return makeError("secret-too-short",
                         label + " is " + std::to_string(value->size()) + " bytes long; at least " +
                             std::to_string(minLength) + " are required.",
                         {}, "Replace it with a longer random value (for example `openssl rand -base64 48`).");
    }
    return std::move(*value);
}

Result<SecretBytes> SecretResolver::resolve(const SecretSource& source, std::span<const SecretRef> secrets) const
{
    if (!source.secret.empty()) {
        for (const SecretRef& ref : secrets) {
            if (ref.name == source.secret) {
                return resolve(ref);
            }
        }
        return makeError("secret-unknown", "No secret named \"" + source.secret + "\" is declared in \"secrets\".", {},
                         "Declare it in the policy's \"secrets\" list or reference the variable with \"env\".");
    }
    if (!source.env.empty()) {
        SecretRef ref;
        ref.name = source.env;
        ref.env = source.env;
        ref.minLength = 1;
        return resolve(ref);
    }
    if (!source.file.empty()) {
        SecretRef ref;
        ref.file = source.file;
        ref.minLength = 1;
        return resolve(ref);
    }
    return makeError("secret-missing", "The key reference is empty.", {}, "Give it \"secret\", \"env\" or \"file\".");
}

std::string SecretResolver::describe(const SecretSource& source)
{
    if (!source.secret.empty()) {
        return "the secret \"" + source.secret + "\"";
    }
    if (!source.env.empty()) {
        return "the environment variable " + source.env;
    }
    if (!source.file.empty()) {
        return "the file " + source.file;
    }
    return "an empty reference";
}

} // namespace pc
