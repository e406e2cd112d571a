// SPDX-License-Identifier: Apache-2.0
// PolicyFile: policy documents on disk — the one entry point for the CLI and
// the GUI. Loading parses strictly (bounded size), migrates older format
// versions, reads the document and returns either the Policy or every error
// located by file, line and column and sorted by position. Saving writes the
// canonical text atomically: a failed save leaves the previous file intact.
// Stateless and thread-safe.
#pragma once

#include "common/FileIo.h"
#include "common/JsonSourceMap.h"
#include "common/Result.h"
#include "policy/MigrationRegistry.h"
#include "policy/Policy.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace pc {

// A loaded policy with what later stages (compile, audit) need to locate
// their own errors in the same file.
struct LoadedPolicy {
    Policy policy;
    JsonSourceMap sourceMap;
    std::string file;
    int sourceVersion = Policy::kFormatVersion; // before migration
};

class PolicyFile {
public:
    static constexpr std::size_t kMaxBytes = 16U << 20;

    [[nodiscard]] static Result<Policy> load(const std::string& path);
    // `displayName` is used as the file name in errors (e.g. "untitled.json").
    [[nodiscard]] static Result<Policy> loadText(std::string_view text, const std::string& displayName);

    [[nodiscard]] static Result<LoadedPolicy>
    loadDocument(const std::string& path, const MigrationRegistry& migrations = MigrationRegistry::standard());
    [[nodiscard]] static Result<LoadedPolicy>
    loadDocumentText(std::string_view text, const std::string& displayName,
                     const MigrationRegistry& migrations = MigrationRegistry::standard());

    // The canonical text of `policy` (what save() writes).
    [[nodiscard]] static std::string toText(const Policy& policy);
    [[nodiscard]] static Status save(const Policy& policy, const std::string& path, FileIo& io = FileIo::system());

    // Sets file, line and column on errors that lack them, from their pointers,
    // and sorts them by position (stable). For errors of later stages too.
    static void locate(Errors& errors, const JsonSourceMap& sourceMap, const std::string& file);
};

} // namespace pc
