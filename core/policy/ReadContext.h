// SPDX-License-Identifier: Apache-2.0
// ReadContext: what the section readers share while one document is read:
// the error list (every error is collected, reading never stops at the first)
// and the names the document defines, so that references can be checked
// where they are written. Owned by PolicyReader for one read; not thread-safe.
#pragma once

#include "common/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct DefinedNames {
    std::vector<std::string> schemas;
    std::vector<std::string> rateLimits;
    std::vector<std::string> secrets;
};

class ReadContext {
public:
    void error(std::string code, std::string message, std::string pointer, std::string hint = {});
    void add(const Errors& errors);
    [[nodiscard]] const Errors& errors() const { return m_errors; }
    [[nodiscard]] Errors take() { return std::move(m_errors); }
    [[nodiscard]] std::size_t count() const { return m_errors.size(); }

    DefinedNames& names() { return m_names; }

    // Reports `code` (unknown-schema, unknown-rate-limit, unknown-secret) when
    // `name` is not in `defined`; `section` is where such names are defined.
    // `echo` false keeps the name out of the message (it may be a pasted secret).
    bool checkReference(std::string_view name, const std::vector<std::string>& defined, const char* code,
                        std::string_view section, const std::string& pointer, bool echo = true);

private:
    Errors m_errors;
    DefinedNames m_names;
};

} // namespace pc
