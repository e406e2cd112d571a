// SPDX-License-Identifier: Apache-2.0
#include "policy/SecretReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/SyntaxCheck.h"

#include <algorithm>
#include <cctype>

namespace pc {
namespace {

constexpr const char* kEnvHint = "name the variable, for example \"SECRET_KEY\" (letters, digits and underscores, not "
                                 "starting with a digit); the value itself stays in the environment";

void readEnv(ObjectReader& r, std::string& out)
{
    std::string env;
    if (!r.nonEmptyString("env", env)) {
        return;
    }
    if (!SyntaxCheck::isEnvName(env)) {
        // Never echo it: people paste the secret itself here.
        r.context().error("bad-value", "\"env\" must be the name of an environment variable.", r.at("env"), kEnvHint);
        return;
    }
    out = env;
}

void readEntry(ReadContext& ctx, const PolicyJson& value, const std::string& pointer, std::vector<SecretRef>& out)
{
    ObjectReader r(ctx, &value, pointer, "the secret");
    if (!r.valid()) {
        return;
    }
    SecretRef secret;
    r.require("name", "add \"name\": the name other settings use to reference this secret");
    if (r.nonEmptyString("name", secret.name)) {
        const bool duplicate =
            std::any_of(out.begin(), out.end(), [&](const SecretRef& s) { return s.name == secret.name; });
        if (duplicate) {
            ctx.error("duplicate-id", "Another secret is already named \"" + secret.name + "\".", r.at("name"),
                      "give each secret a unique name");
        }
    }
    r.string("description", secret.description);
    r.enumeration("kind", secret.kind);
    readEnv(r, secret.env);
    r.nonEmptyString("dotenv", secret.dotenv);
    r.nonEmptyString("file", secret.file);
    r.boolean("required", secret.required);
    r.integer("min_length", secret.minLength, 1, 65536);
    if (r.get("env") == nullptr && r.get("file") == nullptr) {
        ctx.error("missing-key", "The secret needs \"env\" or \"file\" to say where its value comes from.", r.at("env"),
                  "add \"env\": \"VARIABLE_NAME\" or \"file\": \"/run/secrets/name\"");
    } else if (r.get("dotenv") != nullptr && r.get("env") == nullptr) {
        ctx.error("missing-key", "\"dotenv\" names a file of environment variables, so \"env\" must say which one.",
                  r.at("env"), "add \"env\": \"VARIABLE_NAME\"");
    }
    r.finish(true);
    out.push_back(std::move(secret));
}

} // namespace

std::vector<std::string> SecretReader::definedNames(const PolicyJson* value)
{
    std::vector<std::string> names;
    if (value == nullptr || !value->is_array()) {
        return names;
    }
    for (const PolicyJson& entry : *value) {
        if (entry.is_object() && entry.contains("name") && entry["name"].is_string()) {
            names.push_back(entry["name"].get<std::string>());
        }
    }
    return names;
}

void SecretReader::readSecrets(ReadContext& ctx, const PolicyJson* value, std::vector<SecretRef>& out)
{
    if (value == nullptr) {
        return;
    }
    if (!value->is_array()) {
        ObjectReader::wrongType(ctx, *value, "/secrets", "an array of secret references", "\"secrets\"");
        return;
    }
    for (size_t i = 0; i < value->size(); ++i) {
        readEntry(ctx, (*value)[i], JsonPointer::join("/secrets", i), out);
    }
}

bool SecretReader::readSource(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                              std::string_view what, SecretSource& out)
{
    std::string subject(what);
    subject.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(subject.front())));
    if (value.is_string()) {
        ctx.error("inline-secret",
                  "The value of " + std::string(what) +
                      " is written inline; a policy file must never contain secret values.",
                  pointer,
                  "move the value into an environment variable or a file and reference it: {\"env\": \"SECRET_KEY\"}, "
                  "{\"file\": \"/run/secrets/key\"}, or {\"secret\": \"<a name from secrets>\"}");
        return false;
    }
    ObjectReader r(ctx, &value, pointer, what);
    if (!r.valid()) {
        return false;
    }
    const std::size_t before = ctx.count();
    SecretSource source;
    if (r.nonEmptyString("secret", source.secret)) {
        ctx.checkReference(source.secret, ctx.names().secrets, "unknown-secret", "secrets", r.at("secret"), false);
    }
    readEnv(r, source.env);
    r.nonEmptyString("file", source.file);
    const int given = (r.get("secret") ? 1 : 0) + (r.get("env") ? 1 : 0) + (r.get("file") ? 1 : 0);
    r.finish(true);
    if (given == 0 && ctx.count() == before) {
        ctx.error("missing-key", subject + " must say where the value comes from.", pointer,
                  "write {\"secret\": \"<a name from secrets>\"}, {\"env\": \"VARIABLE\"} or {\"file\": \"/path\"}");
    } else if (given > 1) {
        ctx.error("bad-value", subject + " names more than one source.", pointer,
                  "keep exactly one of \"secret\", \"env\" and \"file\"");
    }
    if (ctx.count() != before) {
        return false;
    }
    out = source;
    return true;
}

} // namespace pc
