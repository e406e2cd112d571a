// SPDX-License-Identifier: Apache-2.0
#include "policy/ReadContext.h"

#include "common/ClosestName.h"

#include <algorithm>

namespace pc {

void ReadContext::error(std::string code, std::string message, std::string pointer, std::string hint)
{
    m_errors.push_back(makeError(std::move(code), std::move(message), std::move(pointer), std::move(hint)));
}

void ReadContext::add(const Errors& errors)
{
    m_errors.insert(m_errors.end(), errors.begin(), errors.end());
}

bool ReadContext::checkReference(std::string_view name, const std::vector<std::string>& defined, const char* code,
                                 std::string_view section, const std::string& pointer, bool echo)
{
    if (std::find(defined.begin(), defined.end(), name) != defined.end()) {
        return true;
    }
    std::vector<std::string_view> candidates(defined.begin(), defined.end());
    const std::string closest = ClosestName::find(name, candidates);
    std::string hint;
    if (!closest.empty()) {
        hint = "did you mean \"" + closest + "\"?";
    } else if (defined.empty()) {
        hint = "define it under \"" + std::string(section) + "\" first";
    } else {
        hint = "define it under \"" + std::string(section) + "\" or use one of the names defined there";
    }
    const std::string subject = echo ? "\"" + std::string(name) + "\"" : std::string("The name given here");
    error(code, subject + " is not defined in \"" + std::string(section) + "\".", pointer, std::move(hint));
    return false;
}

} // namespace pc
