// SPDX-License-Identifier: Apache-2.0
#include "support/SecretGenerator.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <algorithm>
#include <cstring>
#include <vector>

namespace pc {

int SecretGenerator::byteCount(SecretKind, std::optional<std::uint32_t> minLength)
{
    // minLength counts bytes of the value as stored; base64url makes 4
    // characters of 3 bytes, so 3/4 of the length in random bytes suffices,
    // but the entropy floor of 32 bytes always holds.
    const int fromLength = minLength ? static_cast<int>((*minLength * 3 + 3) / 4) : 0;
    return std::clamp(std::max(32, fromLength), 32, 4096);
}

bool SecretGenerator::canGenerate(SecretKind kind)
{
    return kind != SecretKind::PrivateKey && kind != SecretKind::PublicKey && kind != SecretKind::DatabaseUrl;
}

QString SecretGenerator::generate(SecretKind kind, std::optional<std::uint32_t> minLength)
{
    const int bytes = byteCount(kind, minLength);
    std::vector<quint32> words(static_cast<size_t>((bytes + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), static_cast<qsizetype>(words.size()));
    QByteArray raw(bytes, Qt::Uninitialized);
    std::memcpy(raw.data(), words.data(), static_cast<size_t>(bytes));
    const QByteArray encoded = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    // Do not leave the key material lying around in freed memory.
    raw.fill('\0');
    std::fill(words.begin(), words.end(), 0U);
    return QString::fromLatin1(encoded);
}

} // namespace pc
