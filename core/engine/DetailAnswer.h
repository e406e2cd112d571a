// SPDX-License-Identifier: Apache-2.0
// DetailAnswer: the error answers the engine generates itself, in FastAPI's
// HTTPException shape {"detail": "..."} with Content-Type application/json.
// Pure functions; thread-safe.
#pragma once

#include "engine/RequestContext.h"

#include <string>
#include <string_view>

namespace pc {

class DetailAnswer {
public:
    [[nodiscard]] static StageAnswer make(int status, std::string_view detail);
    // The JSON text alone: {"detail":"Not Found"}.
    [[nodiscard]] static std::string body(std::string_view detail);
    static constexpr std::string_view kJsonContentType = "application/json";
};

} // namespace pc
