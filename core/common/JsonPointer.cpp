// SPDX-License-Identifier: Apache-2.0
#include "common/JsonPointer.h"

namespace pc {

std::string JsonPointer::escape(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string JsonPointer::unescape(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

std::string JsonPointer::join(std::string_view base, std::string_view token)
{
    std::string out(base);
    out += '/';
    out += escape(token);
    return out;
}

std::string JsonPointer::join(std::string_view base, size_t index)
{
    std::string out(base);
    out += '/';
    out += std::to_string(index);
    return out;
}

std::string JsonPointer::parent(std::string_view pointer)
{
    const size_t slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(pointer.substr(0, slash));
}

} // namespace pc
