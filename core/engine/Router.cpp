// SPDX-License-Identifier: Apache-2.0
#include "engine/Router.h"

#include "common/JsonPointer.h"
#include "engine/HttpText.h"

#include <algorithm>
#include <set>

namespace pc {
namespace {

constexpr std::uint16_t kGet = 1;
constexpr std::uint16_t kHead = 2;

struct StandardMethod {
    std::string_view name;
    std::uint16_t bit;
};
constexpr StandardMethod kStandardMethods[] = {{"GET", kGet},   {"HEAD", kHead}, {"POST", 4},
                                               {"PUT", 8},      {"DELETE", 16},  {"PATCH", 32},
                                               {"OPTIONS", 64}, {"TRACE", 128},  {"CONNECT", 256}};

std::string describeRoute(const Route& route, size_t index)
{
    std::string out = "route " + std::to_string(index);
    if (!route.id.empty()) {
        out += " (\"" + route.id + "\")";
    }
    return out;
}

std::string toUpper(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 32);
        }
    }
    return out;
}

bool hasLowerCase(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

std::uint16_t Router::methodBit(std::string_view method)
{
    for (const StandardMethod& m : kStandardMethods) {
        if (m.name == method) {
            return m.bit;
        }
    }
    return 0;
}

bool Router::accepts(const Entry& entry, std::string_view method, std::uint16_t bit)
{
    if (bit != 0) {
        return (entry.methodBits & bit) != 0 || (bit == kHead && (entry.methodBits & kGet) != 0);
    }
    return std::find(entry.otherMethods.begin(), entry.otherMethods.end(), method) != entry.otherMethods.end();
}

Result<Router> Router::compile(const std::vector<Route>& routes)
{
    Errors errors;
    std::vector<Entry> entries;
    std::set<std::string, std::less<>> ids;
    for (size_t i = 0; i < routes.size(); ++i) {
        const Route& route = routes[i];
        const std::string base = JsonPointer::join("/routes", i);
        if (!route.id.empty() && !ids.insert(route.id).second) {
            errors.push_back(makeError("route-duplicate-id", "The route id \"" + route.id + "\" is used twice.",
                                       base + "/id", "give every route its own id"));
        }
        Result<PathTemplate> path = PathTemplate::parse(route.path, base + "/path");
        if (!path) {
            errors.push_back(path.error());
            continue;
        }
        Entry entry;
        entry.index = static_cast<int>(i);
        entry.path = std::move(path).value();
        if (route.methods.empty()) {
            errors.push_back(makeError("route-no-methods", "The " + describeRoute(route, i) + " lists no methods.",
                                       base + "/methods", "list at least one method, e.g. [\"GET\"]"));
            continue;
        }
        bool methodsOk = true;
        for (size_t m = 0; m < route.methods.size(); ++m) {
            const std::string& method = route.methods[m];
            const std::string where = JsonPointer::join(base + "/methods", m);
            if (!HttpText::isToken(method)) {
                errors.push_back(makeError("route-bad-method", "\"" + method + "\" is not an HTTP method.", where,
                                           "write a method token such as \"GET\" or \"POST\""));
                methodsOk = false;
                continue;
            }
            if (hasLowerCase(method)) {
                // Methods are case-sensitive; browsers upper-case only the standard ones, so "patch" never matches.
                errors.push_back(makeError("route-lowercase-method",
                                           "The method \"" + method +
                                               "\" has lower-case letters; methods are "
                                               "case-sensitive and clients send them in upper case.",
                                           where, "write \"" + toUpper(method) + "\""));
                methodsOk = false;
                continue;
            }
            const std::uint16_t bit = methodBit(method);
            if (bit != 0) {
                entry.methodBits |= bit;
            } else if (std::find(entry.otherMethods.begin(), entry.otherMethods.end(), method) ==
                       entry.otherMethods.end()) {
                entry.otherMethods.push_back(method);
            }
            entry.methods.push_back(method);
        }
        if (!methodsOk) {
            continue;
        }
        // A later route of the same shape whose methods an earlier one already serves can never be reached.
        for (const Entry& earlier : entries) {
            if (!earlier.path.sameShape(entry.path)) {
                continue;
            }
            std::vector<std::string> shadowed;
            for (const std::string& method : entry.methods) {
                if (accepts(earlier, method, methodBit(method))) {
                    shadowed.push_back(method);
                }
            }
            if (!shadowed.empty()) {
                std::string list;
                for (const std::string& m : shadowed) {
                    list += (list.empty() ? "" : ", ") + m;
                }
                errors.push_back(makeError(
                    "route-ambiguous",
                    "The " + describeRoute(route, i) + " (" + route.path + ") can never answer " + list + ": " +
                        describeRoute(routes[static_cast<size_t>(earlier.index)], static_cast<size_t>(earlier.index)) +
                        " (" + routes[static_cast<size_t>(earlier.index)].path +
                        ") matches the same requests and comes first.",
                    base + "/path", "remove one of the two routes, or make their paths or methods differ"));
                break;
            }
        }
        entries.push_back(std::move(entry));
    }
    if (!errors.empty()) {
        return errors;
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return PathTemplate::ranksBefore(a.path, b.path); });
    Router router;
    router.m_entries = std::move(entries);
    return router;
}

Router::Match Router::match(std::string_view method, std::string_view path, PathTemplate::Params* params) const
{
    Match result;
    const std::uint16_t bit = methodBit(method);
    for (const Entry& entry : m_entries) {
        if (accepts(entry, method, bit) && entry.path.match(path, params)) {
            result.outcome = Match::Outcome::Found;
            result.routeIndex = entry.index;
            return result;
        }
    }
    // Slow path: is it the method or the path that does not match?
    std::set<std::string, std::less<>> allowed;
    for (const Entry& entry : m_entries) {
        if (!entry.path.match(path, nullptr)) {
            continue;
        }
        if (result.routeIndex < 0 || entry.index < result.routeIndex) {
            result.routeIndex = entry.index;
        }
        for (const std::string& m : entry.methods) {
            allowed.insert(m);
            if (m == "GET") {
                allowed.insert("HEAD");
            }
        }
    }
    if (allowed.empty()) {
        return result;
    }
    result.outcome = Match::Outcome::MethodNotAllowed;
    for (const std::string& m : allowed) {
        if (!result.allow.empty()) {
            result.allow += ", ";
        }
        result.allow += m;
    }
    return result;
}

std::vector<int> Router::precedence() const
{
    std::vector<int> order;
    order.reserve(m_entries.size());
    for (const Entry& entry : m_entries) {
        order.push_back(entry.index);
    }
    return order;
}

} // namespace pc
