// SPDX-License-Identifier: Apache-2.0
#include "common/Error.h"

namespace pc {

std::string Error::toString() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        out += ':';
        if (line > 0) {
            out += std::to_string(line) + ':' + std::to_string(column > 0 ? column : 1) + ':';
        }
        out += ' ';
    }
    out += pointer.empty() ? std::string("/") : pointer;
    out += ": ";
    out += message;
    if (!hint.empty()) {
        out += " (";
        out += hint;
        out += ')';
    }
    return out;
}

Error makeError(std::string code, std::string message, std::string pointer, std::string hint)
{
    Error e;
    e.code = std::move(code);
    e.message = std::move(message);
    e.pointer = std::move(pointer);
    e.hint = std::move(hint);
    return e;
}

} // namespace pc
