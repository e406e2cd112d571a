// SPDX-License-Identifier: Apache-2.0
#include "undo/RenameEdits.h"

#include "document/PolicyDocument.h"
#include "undo/ChangeValue.h"

#include <QCoreApplication>

namespace pc {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RenameEdits", text);
}

void changeString(PolicyDocument* document, std::string path, std::function<std::string&(Policy&)> access,
                  const std::string& value)
{
    document->push(
        new ChangeValue<std::string>(document, tr("Update reference"), std::move(path), std::move(access), value));
}

void renameFieldReferences(PolicyDocument* document, const std::string& from, const std::string& to)
{
    const Policy& policy = document->policy();
    for (size_t s = 0; s < policy.schemas.size(); ++s) {
        for (size_t f = 0; f < policy.schemas[s].fields.size(); ++f) {
            if (policy.schemas[s].fields[f].schema == from) {
                changeString(
                    document, "/schemas/" + std::to_string(s) + "/fields/" + std::to_string(f) + "/schema",
                    [s, f](Policy& p) -> std::string& { return p.schemas[s].fields[f].schema; }, to);
            }
        }
    }
}

} // namespace

void renameSchema(PolicyDocument* document, int index, const std::string& newName)
{
    const Policy& policy = document->policy();
    if (index < 0 || static_cast<size_t>(index) >= policy.schemas.size()) {
        return;
    }
    const auto i = static_cast<size_t>(index);
    const std::string oldName = policy.schemas[i].name;
    if (oldName == newName || policy.schema(newName) != nullptr) {
        return; // a second schema of that name would merge with the first in the file
    }
    document->undoStack()->beginMacro(tr("Rename schema %1").arg(QString::fromStdString(oldName)));
    changeString(
        document, "/schemas/" + std::to_string(i) + "/name",
        [i](Policy& p) -> std::string& { return p.schemas[i].name; }, newName);
    for (size_t r = 0; r < policy.routes.size(); ++r) {
        const std::string base = "/routes/" + std::to_string(r) + "/request/";
        const RouteRequest& req = policy.routes[r].request;
        if (req.body == oldName) {
            changeString(
                document, base + "body", [r](Policy& p) -> std::string& { return p.routes[r].request.body; }, newName);
        }
        if (req.query == oldName) {
            changeString(
                document, base + "query", [r](Policy& p) -> std::string& { return p.routes[r].request.query; },
                newName);
        }
        if (req.pathParams == oldName) {
            changeString(
                document, base + "path_params",
                [r](Policy& p) -> std::string& { return p.routes[r].request.pathParams; }, newName);
        }
        if (req.headers == oldName) {
            changeString(
                document, base + "headers", [r](Policy& p) -> std::string& { return p.routes[r].request.headers; },
                newName);
        }
    }
    renameFieldReferences(document, oldName, newName);
    document->undoStack()->endMacro();
}

void renameRateLimit(PolicyDocument* document, int index, const std::string& newName)
{
    const Policy& policy = document->policy();
    if (index < 0 || static_cast<size_t>(index) >= policy.rateLimits.size()) {
        return;
    }
    const auto i = static_cast<size_t>(index);
    const std::string oldName = policy.rateLimits[i].name;
    if (oldName == newName || policy.rateLimit(newName) != nullptr) {
        return; // names key the file's "rate_limits" object
    }
    document->undoStack()->beginMacro(tr("Rename rate limit %1").arg(QString::fromStdString(oldName)));
    changeString(
        document, "/rate_limits/" + std::to_string(i) + "/name",
        [i](Policy& p) -> std::string& { return p.rateLimits[i].name; }, newName);
    for (size_t r = 0; r < policy.routes.size(); ++r) {
        for (size_t k = 0; k < policy.routes[r].rateLimits.size(); ++k) {
            if (policy.routes[r].rateLimits[k] == oldName) {
                changeString(
                    document, "/routes/" + std::to_string(r) + "/rate_limits/" + std::to_string(k),
                    [r, k](Policy& p) -> std::string& { return p.routes[r].rateLimits[k]; }, newName);
            }
        }
    }
    document->undoStack()->endMacro();
}

void renameSecret(PolicyDocument* document, int index, const std::string& newName)
{
    const Policy& policy = document->policy();
    if (index < 0 || static_cast<size_t>(index) >= policy.secrets.size()) {
        return;
    }
    const auto i = static_cast<size_t>(index);
    const std::string oldName = policy.secrets[i].name;
    if (oldName == newName || policy.secret(newName) != nullptr) {
        return; // references by name would become ambiguous
    }
    document->undoStack()->beginMacro(tr("Rename secret %1").arg(QString::fromStdString(oldName)));
    changeString(
        document, "/secrets/" + std::to_string(i) + "/name",
        [i](Policy& p) -> std::string& { return p.secrets[i].name; }, newName);
    if (policy.auth.jwt) {
        for (size_t k = 0; k < policy.auth.jwt->keys.size(); ++k) {
            if (policy.auth.jwt->keys[k].source.secret == oldName) {
                changeString(
                    document, "/auth/jwt/keys/" + std::to_string(k) + "/secret",
                    [k](Policy& p) -> std::string& { return p.auth.jwt->keys[k].source.secret; }, newName);
            }
        }
    }
    document->undoStack()->endMacro();
}

} // namespace pc
