// SPDX-License-Identifier: Apache-2.0
// The names every policy enum has in policy files (snake_case), one table each.
// Use enumName(), enumFromName<E>() and enumChoices<E>() from common/EnumNames.h.
#pragma once

#include "common/EnumNames.h"
#include "policy/Policy.h"

namespace pc {

#define PC_DECLARE_ENUM_NAMES(E)                                                                                       \
    template <> struct EnumTraits<E> {                                                                                 \
        static std::span<const EnumName<E>> names();                                                                   \
    };

PC_DECLARE_ENUM_NAMES(Environment)
PC_DECLARE_ENUM_NAMES(FieldType)
PC_DECLARE_ENUM_NAMES(StringFormat)
PC_DECLARE_ENUM_NAMES(ExtraFields)
PC_DECLARE_ENUM_NAMES(RouteAuth)
PC_DECLARE_ENUM_NAMES(RouteHandler)
PC_DECLARE_ENUM_NAMES(RateStrategy)
PC_DECLARE_ENUM_NAMES(RateScope)
PC_DECLARE_ENUM_NAMES(RateHeaderStyle)
PC_DECLARE_ENUM_NAMES(PasswordScheme)
PC_DECLARE_ENUM_NAMES(LongPasswordPolicy)
PC_DECLARE_ENUM_NAMES(SameSite)
PC_DECLARE_ENUM_NAMES(SecretKind)
PC_DECLARE_ENUM_NAMES(ClientIpHeader)
PC_DECLARE_ENUM_NAMES(TlsVersion)

#undef PC_DECLARE_ENUM_NAMES

} // namespace pc
