// SPDX-License-Identifier: Apache-2.0
// OpenSslHandles: unique_ptr aliases for the OpenSSL objects core/auth uses and
// a helper that turns the thread's OpenSSL error queue into text (and empties
// it). Internal to core/auth; not installed with the public headers.
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace pc::ossl {

template <auto Fn> struct Deleter {
    template <class T> void operator()(T* p) const { Fn(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_clear_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;

// The OpenSSL error queue as "reason; reason" (empties the queue). Never
// contains key material: OpenSSL's reason strings do not quote inputs.
std::string lastError();

// Shares ownership of a key in a shared_ptr with the right deleter.
std::shared_ptr<EVP_PKEY> share(PkeyPtr key);

} // namespace pc::ossl
