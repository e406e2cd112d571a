// SPDX-License-Identifier: Apache-2.0
// Shared test helpers: std::string printing for QCOMPARE, paths to the source
// and build trees, and temporary files. Header-only; tests include it first.
#pragma once

#include <QTest>

#include <string>
#include <vector>

namespace QTest {
template <> inline char* toString(const std::string& s)
{
    return QTest::toString(QString::fromStdString(s));
}
} // namespace QTest

namespace pc::test {

inline std::string sourcePath(const std::string& relative)
{
    return std::string(PC_SOURCE_DIR) + "/" + relative;
}

inline std::string binaryPath(const std::string& relative)
{
    return std::string(PC_BINARY_DIR) + "/" + relative;
}

} // namespace pc::test
