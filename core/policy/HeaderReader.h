// SPDX-License-Identifier: Apache-2.0
// HeaderReader: reads "headers": raw headers to set and remove, and the CSP,
// HSTS and Permissions-Policy builders (validated by their own rules). A
// header set both raw and through a builder is a conflicting-header error.
// Stateless.
#pragma once

#include "policy/HeaderPolicy.h"
#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"

namespace pc {

class HeaderReader {
public:
    static void read(ReadContext& ctx, const PolicyJson* value, HeaderPolicy& out);
    // {"Name": "value", ...} in document order (also used by route mocks).
    static void readFields(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                           std::vector<HeaderField>& out);
};

} // namespace pc
