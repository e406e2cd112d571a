// SPDX-License-Identifier: Apache-2.0
// ObjectReader: typed, error-collecting access to one JSON object of a policy
// document. Every read marks its key as known; finish() then reports the keys
// nobody asked for (unknown-key, with a "did you mean" among the known ones,
// or inline-secret when the key looks like a secret written in place). Reads
// of absent keys leave the target untouched, so model defaults stay.
// Lives for one object; not thread-safe.
#pragma once

#include "common/ByteSize.h"
#include "common/Duration.h"
#include "common/EnumNames.h"
#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class ObjectReader {
public:
    // `value` null means absent (valid() is false, no error); any other
    // non-object is a wrong-type error naming `what` ("the route").
    ObjectReader(ReadContext& ctx, const PolicyJson* value, std::string pointer, std::string_view what);

    [[nodiscard]] bool valid() const { return m_object != nullptr; }
    [[nodiscard]] const std::string& pointer() const { return m_pointer; }
    [[nodiscard]] std::string at(std::string_view key) const;
    [[nodiscard]] ReadContext& context() { return m_ctx; }

    // Marks `key` known; the member or null when absent.
    const PolicyJson* get(std::string_view key);
    bool has(std::string_view key) { return get(key) != nullptr; }
    // Reports missing-key when absent.
    const PolicyJson* require(std::string_view key, std::string_view hint = {});

    // Typed reads return true when the key is present and valid (and `out` set).
    bool string(std::string_view key, std::string& out);
    bool nonEmptyString(std::string_view key, std::string& out);
    bool boolean(std::string_view key, bool& out);
    bool integer(std::string_view key, long long& out, long long min, long long max, std::string_view hint = {});
    template <class T>
    bool integer(std::string_view key, T& out, long long min, long long max, std::string_view hint = {})
    {
        long long v = 0;
        if (!integer(key, v, min, max, hint)) {
            return false;
        }
        out = static_cast<T>(v);
        return true;
    }
    template <class T>
    bool integer(std::string_view key, std::optional<T>& out, long long min, long long max, std::string_view hint = {})
    {
        long long v = 0;
        if (!integer(key, v, min, max, hint)) {
            return false;
        }
        out = static_cast<T>(v);
        return true;
    }
    bool number(std::string_view key, std::optional<nlohmann::json>& out); // kept as written
    bool duration(std::string_view key, Duration& out, Duration minimum = Duration());
    bool size(std::string_view key, ByteSize& out);
    bool strings(std::string_view key, std::vector<std::string>& out, bool allowEmpty = true);
    // HTTP method and header-name lists (RFC 9110 tokens; methods upper-case).
    bool methods(std::string_view key, std::vector<std::string>& out, bool allowWildcard, bool allowEmpty);
    bool headerNames(std::string_view key, std::vector<std::string>& out, bool allowWildcard);
    template <class E> bool enumeration(std::string_view key, E& out)
    {
        std::string name;
        if (!string(key, name)) {
            return false;
        }
        if (auto value = enumFromName<E>(name)) {
            out = *value;
            return true;
        }
        badChoice(key, name, enumNames<E>());
        return false;
    }

    template <class E> bool enumerations(std::string_view key, std::vector<E>& out)
    {
        std::vector<std::string> names;
        if (!strings(key, names)) {
            return false;
        }
        std::vector<E> values;
        for (size_t i = 0; i < names.size(); ++i) {
            if (auto value = enumFromName<E>(names[i])) {
                values.push_back(*value);
            } else {
                badChoice(key, names[i], enumNames<E>(), i);
            }
        }
        if (values.size() != names.size()) {
            return false;
        }
        out = std::move(values);
        return true;
    }

    // Reports wrong-type for `value` at `pointer`; `expected` is "a string", "an array"...
    static void wrongType(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                          std::string_view expected, std::string_view name);
    static std::string_view typeName(const PolicyJson& value);

    // bad-value for `value` at `key` (or at its element `index` when >= 0), with a "did you mean".
    void badChoice(std::string_view key, std::string_view value, const std::vector<std::string_view>& choices,
                   long index = -1);

    // Reports unknown keys. In `secretContext` (where a secret reference
    // belongs) "value" is also taken for an inline secret.
    void finish(bool secretContext = false);

private:
    template <class E> static std::vector<std::string_view> enumNames()
    {
        std::vector<std::string_view> out;
        for (const auto& entry : EnumTraits<E>::names()) {
            out.push_back(entry.name);
        }
        return out;
    }

    ReadContext& m_ctx;
    const PolicyJson* m_object = nullptr;
    std::string m_pointer;
    std::string m_what;
    std::vector<std::string> m_known;
};

} // namespace pc
