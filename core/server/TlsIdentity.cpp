// SPDX-License-Identifier: Apache-2.0
#include "server/TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QSsl>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <memory>

namespace pc {

namespace {

struct Free {
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
};
template <class T> using Owned = std::unique_ptr<T, Free>;

constexpr int validityDays = 397; // the CA/Browser Forum's maximum
constexpr long renewBeforeSeconds = 7L * 24 * 3600;

Owned<BIO> memoryBio(const QByteArray& data)
{
    return Owned<BIO>(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

Error tlsError(std::string code, std::string message, std::string hint = {})
{
    return makeError(std::move(code), std::move(message), {}, std::move(hint));
}

Result<QByteArray> readFile(const QString& path, const char* what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return tlsError("tls-file-unreadable", std::string("Cannot read the TLS ") + what + " '" + path.toStdString() +
                                                   "': " + file.errorString().toStdString() + '.');
    }
    return file.readAll();
}

// Writes `data` to `path` with mode 0600 through a temporary file and rename().
Status writePrivateFile(const QString& path, const QByteArray& data)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temp = target + ".tmp";
    ::unlink(temp.constData());
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return tlsError("tls-write-failed", "Cannot create '" + path.toStdString() + "'.",
                        "check that the folder is writable");
    }
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (n <= 0) {
            break;
        }
        written += n;
    }
    const bool ok = written == data.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(temp.constData(), target.constData()) != 0) {
        ::unlink(temp.constData());
        return tlsError("tls-write-failed", "Cannot write '" + path.toStdString() + "'.");
    }
    return Ok{};
}

int qtAlgorithm(const EVP_PKEY* key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return QSsl::Rsa;
    case EVP_PKEY_EC:
        return QSsl::Ec;
    case EVP_PKEY_DSA:
        return QSsl::Dsa;
    default:
        return -1;
    }
}

// Parses and cross-checks a chain and a key; `now` decides whether the leaf is still valid.
Result<TlsIdentity> parseIdentity(const QByteArray& chainPem, const QByteArray& keyPem, SystemTime now)
{
    auto certBio = memoryBio(chainPem);
    Owned<X509> leaf(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    if (!leaf) {
        return tlsError("tls-bad-certificate", "The TLS certificate is not a PEM certificate.");
    }
    auto keyBio = memoryBio(keyPem);
    // An empty passphrase callback: encrypted keys fail instead of prompting on the terminal.
    Owned<EVP_PKEY> key(PEM_read_bio_PrivateKey(
        keyBio.get(), nullptr, [](char*, int, int, void*) { return 0; }, nullptr));
    if (!key) {
        return tlsError("tls-bad-key", "The TLS private key is not an unencrypted PEM key.",
                        "decrypt it first, e.g. with 'openssl pkey -in key.pem -out plain.pem'");
    }
    if (X509_check_private_key(leaf.get(), key.get()) != 1) {
        return tlsError("tls-key-mismatch", "The TLS private key does not belong to the certificate.");
    }
    const int algorithm = qtAlgorithm(key.get());
    if (algorithm < 0) {
        return tlsError("tls-key-type", "The TLS private key must be RSA, EC or DSA.");
    }
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    if (X509_cmp_time(X509_get0_notAfter(leaf.get()), &t) <= 0) {
        return tlsError("tls-expired", "The TLS certificate has expired.");
    }
    Owned<BIO> out(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    TlsIdentity identity;
    identity.certificateChainPem = chainPem;
    identity.privateKeyPem = bioBytes(out.get());
    identity.keyAlgorithm = algorithm;
    return identity;
}

bool addExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Result<std::pair<QByteArray, QByteArray>> generate(SystemTime now)
{
    Owned<EVP_PKEY> key(EVP_EC_gen("P-256"));
    Owned<X509> cert(X509_new());
    unsigned char serialBytes[16];
    if (!key || !cert || RAND_bytes(serialBytes, sizeof serialBytes) != 1) {
        return tlsError("tls-generate-failed", "OpenSSL could not generate a key for the self-signed certificate.");
    }
    serialBytes[0] &= 0x7f; // a positive serial number
    Owned<BIGNUM> serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    X509_NAME* name = X509_get_subject_name(cert.get());
    const auto* cn = reinterpret_cast<const unsigned char*>("Portcullis local test server");
    const auto* org = reinterpret_cast<const unsigned char*>("Portcullis (self-signed, for local testing only)");
    const bool ok = X509_set_version(cert.get(), 2) == 1 &&
                    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr &&
                    X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, -3600, &t) != nullptr &&
                    X509_time_adj_ex(X509_getm_notAfter(cert.get()), validityDays, 0, &t) != nullptr &&
                    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1 &&
                    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, org, -1, -1, 0) == 1 &&
                    X509_set_issuer_name(cert.get(), name) == 1 && X509_set_pubkey(cert.get(), key.get()) == 1 &&
                    addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") &&
                    addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") &&
                    addExtension(cert.get(), NID_ext_key_usage, "serverAuth") &&
                    addExtension(cert.get(), NID_subject_key_identifier, "hash") &&
                    addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1") &&
                    X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    if (!ok) {
        return tlsError("tls-generate-failed", "OpenSSL could not build the self-signed certificate.");
    }
    Owned<BIO> certOut(BIO_new(BIO_s_mem()));
    Owned<BIO> keyOut(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(certOut.get(), cert.get());
    PEM_write_bio_PKCS8PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return std::make_pair(bioBytes(certOut.get()), bioBytes(keyOut.get()));
}

} // namespace

Result<TlsIdentity> TlsIdentity::loadFiles(const QString& certificateFile, const QString& keyFile, SystemTime now)
{
    auto chain = readFile(certificateFile, "certificate");
    if (!chain) {
        return chain.errors();
    }
    auto key = readFile(keyFile, "private key");
    if (!key) {
        return key.errors();
    }
    auto identity = parseIdentity(*chain, *key, now);
    if (identity) {
        identity->certificateFile = certificateFile;
    }
    return identity;
}

Result<TlsIdentity> TlsIdentity::loadOrCreateSelfSigned(const QString& directory, SystemTime now)
{
    const QString certPath = QDir(directory).filePath(QLatin1String(certificateName));
    const QString keyPath = QDir(directory).filePath(QLatin1String(keyName));
    if (QFile::exists(certPath) && QFile::exists(keyPath)) {
        auto chain = readFile(certPath, "certificate");
        auto key = readFile(keyPath, "private key");
        if (chain && key) {
            // Renew a week early, so a long test session never meets an expired certificate.
            auto existing = parseIdentity(*chain, *key, now + std::chrono::seconds(renewBeforeSeconds));
            if (existing) {
                existing->certificateFile = certPath;
                return existing;
            }
        }
    }
    if (!QDir(directory).exists()) {
        if (!QDir().mkpath(directory)) {
            return tlsError("tls-write-failed", "Cannot create the folder '" + directory.toStdString() + "'.");
        }
        ::chmod(QFile::encodeName(directory).constData(), 0700);
    }
    auto generated = generate(now);
    if (!generated) {
        return generated.errors();
    }
    if (auto s = writePrivateFile(keyPath, generated->second); !s) {
        return s.errors();
    }
    if (auto s = writePrivateFile(certPath, generated->first); !s) {
        return s.errors();
    }
    auto identity = parseIdentity(generated->first, generated->second, now);
    if (identity) {
        identity->certificateFile = certPath;
        identity->generated = true;
    }
    return identity;
}

} // namespace pc
