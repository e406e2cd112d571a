// SPDX-License-Identifier: Apache-2.0
#include "policy/PolicyFile.h"

#include "common/AtomicFile.h"
#include "common/JsonParser.h"
#include "common/TextFile.h"
#include "policy/PolicyReader.h"
#include "policy/PolicyWriter.h"

#include <algorithm>
#include <array>

namespace pc {
namespace {

// Errors about a member itself point at its key; errors about its value at the value.
bool pointsAtKey(std::string_view code)
{
    static constexpr std::array<std::string_view, 4> kKeyCodes{"unknown-key", "duplicate-key", "inline-secret",
                                                               "constraint-not-applicable"};
    return std::find(kKeyCodes.begin(), kKeyCodes.end(), code) != kKeyCodes.end();
}

Errors withFile(Errors errors, const std::string& file)
{
    for (Error& e : errors) {
        e.file = file;
    }
    return errors;
}

} // namespace

void PolicyFile::locate(Errors& errors, const JsonSourceMap& sourceMap, const std::string& file)
{
    for (Error& e : errors) {
        if (e.file.empty()) {
            e.file = file;
        }
        if (e.line == 0) {
            const SourceLocation at = sourceMap.locate(e.pointer, pointsAtKey(e.code));
            e.line = at.line;
            e.column = at.column;
        }
    }
    std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

Result<LoadedPolicy> PolicyFile::loadDocumentText(std::string_view text, const std::string& displayName,
                                                  const MigrationRegistry& migrations)
{
    JsonLimits limits;
    limits.maxBytes = kMaxBytes;
    auto parsed = JsonParser::parse(text, limits);
    if (!parsed.ok()) {
        return withFile(std::move(parsed).takeErrors(), displayName);
    }
    LoadedPolicy loaded;
    loaded.file = displayName;
    loaded.sourceMap = std::move(parsed->sourceMap);
    Errors errors = std::move(parsed->duplicateKeys);
    PolicyJson document = std::move(parsed->value);

    auto version = migrations.migrate(document);
    if (!version.ok()) {
        errors.insert(errors.end(), version.errors().begin(), version.errors().end());
    } else {
        loaded.sourceVersion = version.value();
        auto policy = PolicyReader::read(document);
        if (policy.ok()) {
            loaded.policy = std::move(policy).value();
        } else {
            errors.insert(errors.end(), policy.errors().begin(), policy.errors().end());
        }
    }
    if (!errors.empty()) {
        locate(errors, loaded.sourceMap, displayName);
        return errors;
    }
    return loaded;
}

Result<LoadedPolicy> PolicyFile::loadDocument(const std::string& path, const MigrationRegistry& migrations)
{
    auto text = TextFile::read(path, kMaxBytes);
    if (!text.ok()) {
        return withFile(std::move(text).takeErrors(), path);
    }
    return loadDocumentText(text.value(), path, migrations);
}

Result<Policy> PolicyFile::loadText(std::string_view text, const std::string& displayName)
{
    auto loaded = loadDocumentText(text, displayName);
    if (!loaded.ok()) {
        return std::move(loaded).takeErrors();
    }
    return std::move(loaded.value().policy);
}

Result<Policy> PolicyFile::load(const std::string& path)
{
    auto loaded = loadDocument(path);
    if (!loaded.ok()) {
        return std::move(loaded).takeErrors();
    }
    return std::move(loaded.value().policy);
}

std::string PolicyFile::toText(const Policy& policy)
{
    return PolicyWriter::toText(policy);
}

Status PolicyFile::save(const Policy& policy, const std::string& path, FileIo& io)
{
    return AtomicFile::write(path, toText(policy), io);
}

} // namespace pc
