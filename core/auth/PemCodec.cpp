// SPDX-License-Identifier: Apache-2.0
#include "auth/PemCodec.h"

#include "auth/OpenSslHandles.h"

#include <openssl/decoder.h>
#include <openssl/pem.h>

namespace pc {
namespace {

std::string_view label(std::string_view pem)
{
    constexpr std::string_view begin = "-----BEGIN ";
    const auto at = pem.find(begin);
    if (at == std::string_view::npos) {
        return {};
    }
    const auto start = at + begin.size();
    const auto end = pem.find("-----", start);
    return end == std::string_view::npos ? std::string_view{} : pem.substr(start, end - start);
}

ossl::BioPtr memoryBio(std::string_view text)
{
    return ossl::BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

Result<JoseKey> decode(std::string_view pem, int selection, std::string kid)
{
    EVP_PKEY* raw = nullptr;
    std::unique_ptr<OSSL_DECODER_CTX, ossl::Deleter<OSSL_DECODER_CTX_free>> ctx(
        OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, nullptr, selection, nullptr, nullptr));
    auto bio = memoryBio(pem);
    if (!ctx || !bio || OSSL_DECODER_from_bio(ctx.get(), bio.get()) != 1 || raw == nullptr) {
        EVP_PKEY_free(raw);
        return makeError("bad-pem", "The PEM block could not be decoded as a key: " + ossl::lastError() + ".", {},
                         "Check that the whole block, from BEGIN to END, was copied.");
    }
    return JoseKey::fromPkey(ossl::share(ossl::PkeyPtr(raw)), std::move(kid));
}

} // namespace

bool PemCodec::looksLikePem(std::string_view text)
{
    return !label(text).empty();
}

Result<JoseKey> PemCodec::parse(std::string_view pem, std::string kid)
{
    if (pem.size() > kMaxPemBytes) {
        return makeError("too-large", "The PEM text is larger than 64 KiB; no key is that large.");
    }
    const std::string_view what = label(pem);
    if (what.empty()) {
        return makeError("bad-pem", "The text has no \"-----BEGIN ...-----\" line, so it is not PEM.");
    }
    if (what == "ENCRYPTED PRIVATE KEY" || pem.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos) {
        return makeError("encrypted-key", "The private key is encrypted with a passphrase.", {},
                         "Decrypt it for the test environment, e.g. `openssl pkey -in key.pem -out plain.pem`, and "
                         "keep the file out of version control.");
    }
    if (what == "CERTIFICATE") {
        auto bio = memoryBio(pem);
        ossl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            return makeError("bad-pem", "The certificate could not be decoded: " + ossl::lastError() + ".");
        }
        ossl::PkeyPtr pub(X509_get_pubkey(cert.get()));
        if (!pub) {
            return makeError("bad-pem", "The certificate's public key could not be read: " + ossl::lastError() + ".");
        }
        return JoseKey::fromPkey(ossl::share(std::move(pub)), std::move(kid));
    }
    if (what.ends_with("PRIVATE KEY")) {
        return decode(pem, EVP_PKEY_KEYPAIR, std::move(kid));
    }
    if (what.ends_with("PUBLIC KEY")) {
        return decode(pem, EVP_PKEY_PUBLIC_KEY, std::move(kid));
    }
    return makeError("bad-pem", "A PEM block labelled \"" + std::string(what.substr(0, 40)) + "\" does not hold a key.",
                     {}, "Give a \"PRIVATE KEY\", \"PUBLIC KEY\" or \"CERTIFICATE\" block.");
}

Result<SecretBytes> PemCodec::privateKeyPem(const JoseKey& key)
{
    if (key.type() == KeyType::Oct || !key.isPrivate()) {
        return makeError("no-private-key",
                         "PEM export of a private key needs " +
                             std::string(key.type() == KeyType::Oct ? "an asymmetric key" : "the private half") +
                             "; the key is " + key.describe() + ".");
    }
    // Secure-heap BIO: its buffer is cleansed when freed.
    ossl::BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), key.pkey(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return makeError("crypto-failure", "The private key could not be written as PEM: " + ossl::lastError() + ".");
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return SecretBytes(std::string_view(data, static_cast<std::size_t>(len)));
}

Result<std::string> PemCodec::publicKeyPem(const JoseKey& key)
{
    if (key.type() == KeyType::Oct) {
        return makeError("no-public-key", "An HMAC key has no public half to export.");
    }
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key.pkey()) != 1) {
        return makeError("crypto-failure", "The public key could not be written as PEM: " + ossl::lastError() + ".");
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

Result<std::string> PemCodec::publicKeyDer(const JoseKey& key)
{
    if (key.type() == KeyType::Oct) {
        return makeError("no-public-key", "An HMAC key has no public half to export.");
    }
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(key.pkey(), &der);
    if (len <= 0) {
        return makeError("crypto-failure", "The public key could not be written as DER: " + ossl::lastError() + ".");
    }
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return out;
}

} // namespace pc
