// SPDX-License-Identifier: Apache-2.0
#include "policy/Policy.h"

#include <algorithm>

namespace pc {
namespace {

template <class T, class Member> const T* findByName(const std::vector<T>& items, Member member, std::string_view name)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.*member == name; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const Schema* Policy::schema(std::string_view schemaName) const
{
    return findByName(schemas, &Schema::name, schemaName);
}

const RateLimit* Policy::rateLimit(std::string_view limitName) const
{
    return findByName(rateLimits, &RateLimit::name, limitName);
}

const SecretRef* Policy::secret(std::string_view secretName) const
{
    return findByName(secrets, &SecretRef::name, secretName);
}

const Route* Policy::route(std::string_view routeId) const
{
    return findByName(routes, &Route::id, routeId);
}

} // namespace pc
