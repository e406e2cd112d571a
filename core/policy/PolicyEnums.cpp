// SPDX-License-Identifier: Apache-2.0
#include "policy/PolicyEnums.h"

#include <array>

namespace pc {

#define PC_ENUM_NAMES(E, ...)                                                                                          \
    std::span<const EnumName<E>> EnumTraits<E>::names()                                                                \
    {                                                                                                                  \
        static constexpr std::array kNames = std::to_array<EnumName<E>>({__VA_ARGS__});                                \
        return kNames;                                                                                                 \
    }

PC_ENUM_NAMES(Environment, {Environment::Development, "development"}, {Environment::Staging, "staging"},
              {Environment::Production, "production"})
PC_ENUM_NAMES(FieldType, {FieldType::String, "string"}, {FieldType::Integer, "integer"}, {FieldType::Number, "number"},
              {FieldType::Boolean, "boolean"}, {FieldType::Enum, "enum"}, {FieldType::Array, "array"},
              {FieldType::Object, "object"})
PC_ENUM_NAMES(StringFormat, {StringFormat::None, "none"}, {StringFormat::Email, "email"}, {StringFormat::Uuid, "uuid"},
              {StringFormat::Uri, "uri"}, {StringFormat::DateTime, "date-time"}, {StringFormat::Ipv4, "ipv4"},
              {StringFormat::Ipv6, "ipv6"})
PC_ENUM_NAMES(ExtraFields, {ExtraFields::Ignore, "ignore"}, {ExtraFields::Forbid, "forbid"},
              {ExtraFields::Allow, "allow"})
PC_ENUM_NAMES(RouteAuth, {RouteAuth::None, "none"}, {RouteAuth::Bearer, "bearer"})
PC_ENUM_NAMES(RouteHandler, {RouteHandler::Mock, "mock"}, {RouteHandler::Echo, "echo"},
              {RouteHandler::Upstream, "upstream"})
PC_ENUM_NAMES(RateStrategy, {RateStrategy::FixedWindow, "fixed_window"}, {RateStrategy::MovingWindow, "moving_window"},
              {RateStrategy::SlidingWindowCounter, "sliding_window_counter"},
              {RateStrategy::TokenBucket, "token_bucket"}, {RateStrategy::LeakyBucket, "leaky_bucket"})
PC_ENUM_NAMES(RateScope, {RateScope::Route, "route"}, {RateScope::Shared, "shared"})
PC_ENUM_NAMES(RateHeaderStyle, {RateHeaderStyle::None, "none"}, {RateHeaderStyle::Legacy, "legacy"},
              {RateHeaderStyle::Ietf, "ietf"})
PC_ENUM_NAMES(PasswordScheme, {PasswordScheme::Bcrypt, "bcrypt"}, {PasswordScheme::Argon2id, "argon2id"},
              {PasswordScheme::Scrypt, "scrypt"}, {PasswordScheme::Pbkdf2Sha256, "pbkdf2_sha256"},
              {PasswordScheme::Pbkdf2Sha512, "pbkdf2_sha512"})
PC_ENUM_NAMES(LongPasswordPolicy, {LongPasswordPolicy::Refuse, "refuse"}, {LongPasswordPolicy::Truncate, "truncate"})
PC_ENUM_NAMES(SameSite, {SameSite::Lax, "lax"}, {SameSite::Strict, "strict"}, {SameSite::None, "none"})
PC_ENUM_NAMES(SecretKind, {SecretKind::Generic, "generic"}, {SecretKind::HmacKey, "hmac_key"},
              {SecretKind::PrivateKey, "private_key"}, {SecretKind::PublicKey, "public_key"},
              {SecretKind::Password, "password"}, {SecretKind::DatabaseUrl, "database_url"},
              {SecretKind::ApiKey, "api_key"})
PC_ENUM_NAMES(ClientIpHeader, {ClientIpHeader::None, "none"}, {ClientIpHeader::XForwardedFor, "x-forwarded-for"},
              {ClientIpHeader::Forwarded, "forwarded"})
PC_ENUM_NAMES(TlsVersion, {TlsVersion::Tls12, "1.2"}, {TlsVersion::Tls13, "1.3"})

#undef PC_ENUM_NAMES

} // namespace pc
