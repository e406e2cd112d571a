// SPDX-License-Identifier: Apache-2.0
// Shared test helpers: std::string printing for QCOMPARE, paths to the source
// and build trees, and temporary files. Header-only; tests include it first.
#pragma once

#include <QProcess>
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

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
    bool started = false;
};

// Runs a program to completion (60 s at most) with `input` on its stdin.
inline ProcessResult runProcess(const QString& program, const QStringList& args, const std::string& input = {},
                                const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                                const QString& workingDirectory = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty()) {
        p.setWorkingDirectory(workingDirectory);
    }
    p.start(program, args);
    ProcessResult r;
    r.started = p.waitForStarted(10'000);
    if (!r.started) {
        return r;
    }
    p.write(input.data(), static_cast<qint64>(input.size()));
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput().toStdString();
    r.err = p.readAllStandardError().toStdString();
    return r;
}

inline QString cliPath()
{
    return QString::fromStdString(binaryPath("app/cli/portcullis-cli"));
}

} // namespace pc::test
