// SPDX-License-Identifier: Apache-2.0
// CompileOptions: how CompiledPolicy::compile() reaches the outside world
// (secret values for JWT keys) and how strict it is about them.
#pragma once

#include <string>

namespace pc {

class SecretResolver;

struct CompileOptions {
    // Where secret references are resolved; null means the process environment,
    // dotenv files and key files (relative paths against baseDir).
    const SecretResolver* secrets = nullptr;
    std::string baseDir;
    // When false, a missing secret does not fail compilation: the stages that
    // need it fail closed (e.g. bearer routes answer 401) and say why in the trace.
    bool requireSecrets = true;
};

} // namespace pc
