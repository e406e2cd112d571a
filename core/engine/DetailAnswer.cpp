// SPDX-License-Identifier: Apache-2.0
#include "engine/DetailAnswer.h"

namespace pc {

std::string DetailAnswer::body(std::string_view detail)
{
    nlohmann::json j = nlohmann::json::object();
    j["detail"] = std::string(detail);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StageAnswer DetailAnswer::make(int status, std::string_view detail)
{
    StageAnswer answer;
    answer.status = status;
    answer.headers.push_back({"Content-Type", std::string(kJsonContentType)});
    answer.body = body(detail);
    return answer;
}

} // namespace pc
