// SPDX-License-Identifier: Apache-2.0
#include "policy/MigrationRegistry.h"

#include "policy/Policy.h"

namespace pc {

MigrationRegistry::MigrationRegistry(int currentVersion) : m_current(currentVersion)
{
}

MigrationRegistry& MigrationRegistry::add(int from, Step step)
{
    m_steps[from] = std::move(step);
    return *this;
}

Result<int> MigrationRegistry::migrate(PolicyJson& document) const
{
    const std::string current = std::to_string(m_current);
    if (!document.is_object()) {
        return makeError("wrong-type", "A policy document must be a JSON object.", "",
                         "start the file with { \"portcullis\": " + current + ", \"name\": \"...\" }");
    }
    const auto it = document.find("portcullis");
    if (it == document.end()) {
        return makeError("missing-version",
                         "The document does not say which format version it uses, so it is not a Portcullis "
                         "policy or it was written by hand without the version.",
                         "/portcullis", "add \"portcullis\": " + current + " as the first member");
    }
    if (!it->is_number_integer() && !it->is_number_unsigned()) {
        return makeError("bad-version", "\"portcullis\" must be the format version, a whole number.", "/portcullis",
                         "write \"portcullis\": " + current);
    }
    const bool huge = it->is_number_unsigned() && it->get<std::uint64_t>() > 1'000'000;
    const long long version = huge ? 1'000'001 : it->get<long long>();
    if (version > m_current) {
        return makeError("newer-version",
                         "This policy uses format version " + std::to_string(version) +
                             ", but this version of Portcullis reads format versions up to " + current + ".",
                         "/portcullis", "upgrade Portcullis to open it; editing it here could lose settings");
    }
    if (version < 1) {
        return makeError("bad-version", "There is no format version " + std::to_string(version) + ".", "/portcullis",
                         "write \"portcullis\": " + current);
    }
    for (long long v = version; v < m_current; ++v) {
        const auto step = m_steps.find(static_cast<int>(v));
        const std::string from = std::to_string(v);
        const std::string to = std::to_string(v + 1);
        if (step == m_steps.end()) {
            return makeError("no-migration", "This build cannot migrate format version " + from + " to " + to + ".",
                             "/portcullis",
                             "open the file with the Portcullis release that matches version " + from +
                                 " and save it, or report this as a bug");
        }
        Status status = Ok{};
        try {
            status = step->second(document);
        } catch (const nlohmann::json::exception& e) {
            status = makeError("migration-failed",
                               "Migrating from format version " + from + " to " + to + " failed: " + e.what() + ".", "",
                               "the document has an unexpected shape; fix it by hand or report the file");
        }
        if (!status.ok()) {
            return status.errors();
        }
        document["portcullis"] = v + 1; // keeps its position: first member
    }
    return static_cast<int>(version);
}

const MigrationRegistry& MigrationRegistry::standard()
{
    // Version 1 is the first format: no steps yet. Each new version adds one
    // step here, and a test document of the old version under tests/data.
    static const MigrationRegistry registry(Policy::kFormatVersion);
    return registry;
}

} // namespace pc
