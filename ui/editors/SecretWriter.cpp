// SPDX-License-Identifier: Apache-2.0
#include "editors/SecretWriter.h"

#include "policy/PolicyEnums.h"
#include "support/DotEnvFile.h"
#include "support/SecretGenerator.h"
#include "support/Text.h"

#include <QCoreApplication>

namespace pc {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SecretWriter", text);
}

} // namespace

std::optional<QString> SecretWriter::refusal(const SecretRef& secret)
{
    if (secret.env.empty()) {
        return tr("Give the secret an environment variable first: a dotenv file assigns variables.");
    }
    if (!DotEnvFile::isValidName(toQ(secret.env))) {
        return tr("\"%1\" is not a valid environment variable name (letters, digits and _, not starting with a "
                  "digit).")
            .arg(toQ(secret.env));
    }
    if (!SecretGenerator::canGenerate(secret.kind)) {
        return tr("A %1 cannot be random text; create it with its own tool (openssl genpkey, your database).")
            .arg(enumText(secret.kind));
    }
    return std::nullopt;
}

bool SecretWriter::alreadySet(const SecretRef& secret, const QString& dotenvPath)
{
    return DotEnvFile(dotenvPath).contains(toQ(secret.env));
}

SecretWriteResult SecretWriter::write(const SecretRef& secret, const QString& dotenvPath)
{
    SecretWriteResult result;
    if (auto reason = refusal(secret)) {
        result.error = *reason;
        return result;
    }
    DotEnvFile file(dotenvPath);
    result.replaced = file.contains(toQ(secret.env));
    file.setValue(toQ(secret.env), SecretGenerator::generate(secret.kind, secret.minLength));
    if (auto error = file.save()) {
        result.error = *error;
        return result;
    }
    result.ok = true;
    result.bits = SecretGenerator::byteCount(secret.kind, secret.minLength) * 8;
    return result;
}

} // namespace pc
