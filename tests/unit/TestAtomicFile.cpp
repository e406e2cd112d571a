// SPDX-License-Identifier: Apache-2.0
#include "common/AtomicFile.h"
#include "common/TextFile.h"

#include "TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

// Root ignores folder permissions, so as root (CI runs so) the write is tried
// from a child process that has dropped to the unprivileged "nobody" ids.
bool writeRefusedWithoutRoot(const std::string& path, const std::string& text)
{
    if (::geteuid() != 0) {
        return !pc::AtomicFile::write(path, text).ok();
    }
    const pid_t child = ::fork();
    if (child == 0) {
        constexpr uid_t kNobody = 65534;
        if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
            ::_exit(2);
        }
        ::_exit(pc::AtomicFile::write(path, text).ok() ? 1 : 0);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Fails one chosen step, like KeePassXC's FailDevice: the write step after a
// number of bytes (a disk that fills up midway), or fsync, close, rename, or
// the creation of the temporary file (a read-only folder).
class FailingFileIo final : public pc::FileIo {
public:
    enum class Step { Create, Write, Sync, Close, Rename };
    FailingFileIo(Step step, int errnum, std::size_t bytesBeforeFailure = 0)
        : m_step(step), m_errno(errnum), m_budget(bytesBeforeFailure)
    {
    }

    int createExclusive(const std::string& path, unsigned mode) override
    {
        if (m_step == Step::Create) {
            errno = m_errno;
            return -1;
        }
        m_tempPath = path;
        return FileIo::createExclusive(path, mode);
    }
    long write(int fd, const char* data, std::size_t size) override
    {
        if (m_step != Step::Write) {
            return FileIo::write(fd, data, size);
        }
        if (m_budget == 0) {
            errno = m_errno;
            return -1;
        }
        const std::size_t n = std::min(size, m_budget); // a short write first, then the failure
        m_budget -= n;
        return FileIo::write(fd, data, n);
    }
    int sync(int fd) override { return fail(Step::Sync) ? -1 : FileIo::sync(fd); }
    int close(int fd) override
    {
        const int rc = FileIo::close(fd);
        return fail(Step::Close) ? -1 : rc;
    }
    int rename(const std::string& from, const std::string& to) override
    {
        return fail(Step::Rename) ? -1 : FileIo::rename(from, to);
    }
    [[nodiscard]] const std::string& tempPath() const { return m_tempPath; }

private:
    bool fail(Step step)
    {
        if (m_step == step) {
            errno = m_errno;
            return true;
        }
        return false;
    }
    Step m_step;
    int m_errno;
    std::size_t m_budget;
    std::string m_tempPath;
};

std::string readAll(const std::string& path)
{
    auto text = pc::TextFile::read(path, 1 << 20);
    return text.ok() ? text.value() : "<unreadable>"s;
}

std::size_t entries(const std::string& dir)
{
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

} // namespace

Q_DECLARE_METATYPE(FailingFileIo::Step)

class TestAtomicFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAndReplaces()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        QVERIFY(pc::AtomicFile::write(path, "first\n").ok());
        QCOMPARE(readAll(path), "first\n"s);
        QVERIFY(pc::AtomicFile::write(path, "second\n").ok());
        QCOMPARE(readAll(path), "second\n"s);
        QCOMPARE(entries(dir.path().toStdString()), std::size_t(1)); // no temporary file left behind
    }

    void keepsPermissionsOfTheReplacedFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        QVERIFY(pc::AtomicFile::write(path, "a").ok());
        QCOMPARE(::chmod(path.c_str(), 0640), 0);
        QVERIFY(pc::AtomicFile::write(path, "b").ok());
        struct stat info {};
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0640);
    }

    void privateWritesAreOwnerOnlyEvenOverAReadableFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral(".env")).toStdString();
        QVERIFY(pc::AtomicFile::write(path, "PUBLIC=1\n").ok());
        QCOMPARE(::chmod(path.c_str(), 0644), 0);
        QVERIFY(pc::AtomicFile::writePrivate(path, "SECRET_KEY=x\n").ok());
        struct stat info {};
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
        QCOMPARE(readAll(path), "SECRET_KEY=x\n"s);
        const std::string fresh = dir.filePath(QStringLiteral("key.pem")).toStdString();
        QVERIFY(pc::AtomicFile::writePrivate(fresh, "k").ok());
        QCOMPARE(::stat(fresh.c_str(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
    }

    void followsSymbolicLinks()
    {
        QTemporaryDir dir;
        const std::string real = dir.filePath(QStringLiteral("real.json")).toStdString();
        const std::string link = dir.filePath(QStringLiteral("link.json")).toStdString();
        QVERIFY(pc::AtomicFile::write(real, "old").ok());
        fs::create_symlink(real, link);
        QVERIFY(pc::AtomicFile::write(link, "new").ok());
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(readAll(real), "new"s);
    }

    void failureLeavesThePreviousFileIntact_data()
    {
        QTest::addColumn<FailingFileIo::Step>("step");
        QTest::addColumn<int>("errnum");
        QTest::addColumn<int>("bytesBeforeFailure");
        QTest::newRow("disk full midway through the write") << FailingFileIo::Step::Write << ENOSPC << 5;
        QTest::newRow("write fails at once") << FailingFileIo::Step::Write << EIO << 0;
        QTest::newRow("fsync fails") << FailingFileIo::Step::Sync << EIO << 0;
        QTest::newRow("close fails") << FailingFileIo::Step::Close << EIO << 0;
        QTest::newRow("rename fails") << FailingFileIo::Step::Rename << EXDEV << 0;
        QTest::newRow("read-only folder (simulated)") << FailingFileIo::Step::Create << EACCES << 0;
    }
    void failureLeavesThePreviousFileIntact()
    {
        QFETCH(FailingFileIo::Step, step);
        QFETCH(int, errnum);
        QFETCH(int, bytesBeforeFailure);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        const std::string previous = "{\n  \"portcullis\": 1\n}\n";
        QVERIFY(pc::AtomicFile::write(path, previous).ok());

        FailingFileIo io(step, errnum, static_cast<std::size_t>(bytesBeforeFailure));
        const std::string replacement(64 * 1024, 'x');
        const pc::Status status = pc::AtomicFile::write(path, replacement, io);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, "save-failed"s);
        QVERIFY(status.error().message.find(path) != std::string::npos);
        QVERIFY(status.error().message.find("unchanged") != std::string::npos);
        QVERIFY(!status.error().hint.empty());

        QCOMPARE(readAll(path), previous);
        QCOMPARE(entries(dir.path().toStdString()), std::size_t(1)); // the temporary file was removed
        if (!io.tempPath().empty()) {
            QVERIFY(!fs::exists(io.tempPath()));
        }
    }

    void failsWhenTheParentIsAFile()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath(QStringLiteral("plain")).toStdString();
        QVERIFY(pc::AtomicFile::write(file, "content").ok());
        const pc::Status status = pc::AtomicFile::write(file + "/policy.json", "x");
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, "save-failed"s);
        QCOMPARE(readAll(file), "content"s);
    }

    void failsInAReadOnlyFolder()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        QVERIFY(pc::AtomicFile::write(path, "old").ok());
        QCOMPARE(::chmod(dir.path().toLocal8Bit().constData(), 0555), 0);
        const bool refused = writeRefusedWithoutRoot(path, "new");
        ::chmod(dir.path().toLocal8Bit().constData(), 0755);
        QVERIFY(refused);
        QCOMPARE(readAll(path), "old"s);
    }

    void readRefusesMissingAndOversizedFiles()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
        QCOMPARE(pc::TextFile::read(path, 10).error().code, "file-not-found"s);
        QVERIFY(pc::AtomicFile::write(path, std::string(11, ' ')).ok());
        QCOMPARE(pc::TextFile::read(path, 10).error().code, "file-too-large"s);
        QCOMPARE(pc::TextFile::read(path, 11).value().size(), std::size_t(11));
        QCOMPARE(pc::TextFile::read(dir.path().toStdString(), 10).error().code, "read-failed"s);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
