// SPDX-License-Identifier: Apache-2.0
// MigrationRegistry: the steps that bring an older policy document up to the
// current format version, one version at a time (v1 -> v2 -> ...), applied to
// the JSON before it is read. A document newer than this build, or without a
// usable version, is refused with a sentence that says what to do.
// standard() is the registry of this build (immutable, thread-safe); tests
// build their own to exercise the mechanism.
#pragma once

#include "common/Result.h"
#include "policy/PolicyJson.h"

#include <functional>
#include <map>

namespace pc {

class MigrationRegistry {
public:
    // A step edits the document in place; it need not touch "portcullis".
    using Step = std::function<Status(PolicyJson& document)>;

    explicit MigrationRegistry(int currentVersion);

    // Registers the step from version `from` to `from + 1`.
    MigrationRegistry& add(int from, Step step);
    [[nodiscard]] int currentVersion() const { return m_current; }

    // Brings `document` to currentVersion() in place and returns the version
    // it had. Error codes: missing-version, bad-version, newer-version,
    // no-migration, migration-failed.
    [[nodiscard]] Result<int> migrate(PolicyJson& document) const;

    [[nodiscard]] static const MigrationRegistry& standard();

private:
    int m_current;
    std::map<int, Step> m_steps;
};

} // namespace pc
