// SPDX-License-Identifier: Apache-2.0
// JsonParser: a strict RFC 8259 parser with hard limits (bytes, nesting depth,
// number of values) that yields an order-preserving nlohmann::ordered_json, a
// source map (pointer -> line:column of every value and key), and the duplicate
// object keys it met (nlohmann would silently keep the last; we keep the first
// and report each repeat). Syntax errors stop the parse and carry line:column.
// Pure and thread-safe.
#pragma once

#include "common/JsonSourceMap.h"
#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace pc {

struct ParsedJson {
    nlohmann::ordered_json value;
    JsonSourceMap sourceMap;
    Errors duplicateKeys; // code "duplicate-key", located; the document is still usable
};

struct JsonLimits {
    std::size_t maxBytes = 16U << 20; // 16 MiB
    int maxDepth = 64;                // nested objects and arrays
    std::size_t maxValues = 500'000;  // bounds the source map's memory
};

class JsonParser {
public:
    // Errors (codes json-syntax, json-too-large, json-too-deep) have line and column set.
    [[nodiscard]] static Result<ParsedJson> parse(std::string_view text, const JsonLimits& limits);
    [[nodiscard]] static Result<ParsedJson> parse(std::string_view text) { return parse(text, JsonLimits{}); }
};

} // namespace pc
