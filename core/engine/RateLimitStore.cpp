// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStore.h"

namespace pc {

struct RateLimitStore::Impl {
    Options options;
};

RateLimitStore::RateLimitStore() : RateLimitStore(Options{})
{
}

RateLimitStore::RateLimitStore(Options options) : m_impl(std::make_unique<Impl>(Impl{options}))
{
}

RateLimitStore::~RateLimitStore() = default;

const RateLimitStore::Options& RateLimitStore::options() const
{
    return m_impl->options;
}

} // namespace pc
