// SPDX-License-Identifier: Apache-2.0
// TlsIdentity: the certificate chain and private key the test server presents.
// Either the user's PEM files, or a self-signed certificate that OpenSSL
// generates on first use (P-256 key from the CSPRNG; SAN localhost, 127.0.0.1
// and ::1; 397 days) and stores with mode 0600 in a folder the caller chooses,
// regenerating it when it is unreadable, does not match its key or is about
// to expire. Values; the functions are thread-safe.
#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace pc {

struct TlsIdentity {
    QByteArray certificateChainPem; // leaf first
    QByteArray privateKeyPem;       // PKCS#8
    int keyAlgorithm = 0;           // a QSsl::KeyAlgorithm value
    QString certificateFile;        // where the leaf certificate lives (what clients should trust)
    bool generated = false;         // created by this call

    static constexpr const char* certificateName = "portcullis-test-server.crt";
    static constexpr const char* keyName = "portcullis-test-server.key";

    [[nodiscard]] static Result<TlsIdentity> loadFiles(const QString& certificateFile, const QString& keyFile,
                                                       SystemTime now);
    [[nodiscard]] static Result<TlsIdentity> loadOrCreateSelfSigned(const QString& directory, SystemTime now);
};

} // namespace pc
