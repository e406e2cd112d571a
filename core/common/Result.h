// SPDX-License-Identifier: Apache-2.0
// Result<T>: a value or a non-empty list of Errors (loaders report every error,
// not only the first). Cheap to move; not thread-safe to mutate concurrently.
#pragma once

#include "common/Error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace pc {

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(Errors{std::move(error)}) {}
    Result(Errors errors) : m_state(std::move(errors)) { assert(!std::get<Errors>(m_state).empty()); }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { return std::get<T>(m_state); }
    [[nodiscard]] T& value() & { return std::get<T>(m_state); }
    [[nodiscard]] T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Errors& errors() const { return std::get<Errors>(m_state); }
    [[nodiscard]] Errors&& takeErrors() && { return std::get<Errors>(std::move(m_state)); }
    [[nodiscard]] const Error& error() const { return errors().front(); }

private:
    std::variant<T, Errors> m_state;
};

// Status: a Result that carries no value.
struct Ok {};
using Status = Result<Ok>;

} // namespace pc
