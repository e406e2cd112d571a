// SPDX-License-Identifier: Apache-2.0
// ServerScreenshot: renders the Test Server dock at work for the README: starts
// the window's test server on a free port, sends it a few real requests (an
// allowed GET, a CORS preflight, a refused body, an unknown path), waits for
// their log rows, selects one so its trace shows, grabs the window and stops the
// server. Secrets get throwaway random values, so no real key is needed or read.
// GUI thread only.
#pragma once

#include <QString>

namespace pc {

class MainWindow;

class ServerScreenshot final {
public:
    static constexpr int kTimeoutMs = 10000;

    // Writes the PNG to `path`; false (and the reason in `error`) when it could not.
    [[nodiscard]] static bool render(MainWindow& window, const QString& path, QString* error = nullptr);
};

} // namespace pc
