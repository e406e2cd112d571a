// SPDX-License-Identifier: Apache-2.0
#include "server/HttpServer.h"
#include "server/TlsIdentity.h"

#include "EchoHandler.h"
#include "RawHttpClient.h"
#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;
using pc::test::RawHttpClient;

namespace {

pc::ServerConfig tlsConfig(const QString& directory)
{
    pc::ServerConfig config;
    config.tls.enabled = true;
    config.tls.generatedDirectory = directory;
    return config;
}

QList<QSslCertificate> trust(const QString& file)
{
    return QSslCertificate::fromPath(file, QSsl::Pem);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs `openssl s_client` offering exactly one TLS version; returns its output.
QString sClient(quint16 port, const QString& versionFlag)
{
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
             versionFlag, QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0")});
    p.closeWriteChannel();
    p.waitForFinished(15000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestServerTls final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatesSelfSignedCertificateOnFirstUse()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("tls"));
        pc::HttpServer server(tlsConfig(dir), std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        QVERIFY(server.url().startsWith(QStringLiteral("https://127.0.0.1:")));
        const QString cert = server.certificateFile();
        QCOMPARE(QFileInfo(cert).absolutePath(), QFileInfo(dir).absoluteFilePath());
        const QString key = QDir(dir).filePath(QLatin1String(pc::TlsIdentity::keyName));
        QVERIFY(QFile::exists(key));
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QCOMPARE(QFile::permissions(key) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
        QCOMPARE(QFile::permissions(cert) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
        QVERIFY(!(QFile::permissions(dir) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));

        const QList<QSslCertificate> chain = trust(cert);
        QCOMPARE(chain.size(), 1);
        const auto san = chain.front().subjectAlternativeNames();
        QVERIFY(san.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("0:0:0:0:0:0:0:1")) ||
                san.values(QSsl::IpAddressEntry).contains(QStringLiteral("::1")));

        for (const QString& host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
            RawHttpClient c(true);
            QVERIFY2(c.connectTls(server.port(), chain, host), qPrintable(c.socket().errorString()));
            auto* ssl = qobject_cast<QSslSocket*>(&c.socket());
            QVERIFY(ssl->sessionProtocol() == QSsl::TlsV1_3 || ssl->sessionProtocol() == QSsl::TlsV1_2);
            QVERIFY(c.send("GET /secure HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "GET /secure "s);
        }
    }

    void reusesTheStoredCertificate()
    {
        QTemporaryDir tmp;
        QByteArray first;
        {
            pc::HttpServer server(tlsConfig(tmp.path()), std::make_shared<pc::test::EchoHandler>());
            QVERIFY(server.start());
            first = readAll(server.certificateFile());
        }
        pc::HttpServer again(tlsConfig(tmp.path()), std::make_shared<pc::test::EchoHandler>());
        QVERIFY(again.start());
        QVERIFY(!first.isEmpty());
        QCOMPARE(readAll(again.certificateFile()), first);
    }

    void regeneratesAnExpiredCertificate()
    {
        QTemporaryDir tmp;
        const auto now = std::chrono::system_clock::now();
        const auto old = pc::TlsIdentity::loadOrCreateSelfSigned(tmp.path(), now - std::chrono::hours(24 * 800));
        QVERIFY(old);
        QVERIFY(old->generated);
        const QString key = QDir(tmp.path()).filePath(QLatin1String(pc::TlsIdentity::keyName));
        const auto expired = pc::TlsIdentity::loadFiles(old->certificateFile, key, now);
        QVERIFY(!expired);
        QCOMPARE(expired.error().code, "tls-expired"s);
        const auto renewed = pc::TlsIdentity::loadOrCreateSelfSigned(tmp.path(), now);
        QVERIFY(renewed);
        QVERIFY(renewed->generated);
        QVERIFY(pc::TlsIdentity::loadFiles(renewed->certificateFile, key, now));
    }

    void usesTheUsersFiles()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const auto now = std::chrono::system_clock::now();
        const auto idA = pc::TlsIdentity::loadOrCreateSelfSigned(a.path(), now);
        const auto idB = pc::TlsIdentity::loadOrCreateSelfSigned(b.path(), now);
        QVERIFY(idA && idB);
        const QString keyA = QDir(a.path()).filePath(QLatin1String(pc::TlsIdentity::keyName));
        const QString keyB = QDir(b.path()).filePath(QLatin1String(pc::TlsIdentity::keyName));

        pc::ServerConfig config;
        config.tls.enabled = true;
        config.tls.certificateFile = idA->certificateFile;
        config.tls.privateKeyFile = keyA;
        pc::HttpServer server(config, std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        RawHttpClient c(true);
        QVERIFY(c.connectTls(server.port(), trust(idA->certificateFile)));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(c.read().status, 200);

        config.tls.privateKeyFile = keyB;
        pc::HttpServer mismatched(config, std::make_shared<pc::test::EchoHandler>());
        const pc::Status s = mismatched.start();
        QVERIFY(!s);
        QCOMPARE(s.error().code, "tls-key-mismatch"s);

        config.tls.privateKeyFile = a.filePath(QStringLiteral("missing.key"));
        pc::HttpServer missing(config, std::make_shared<pc::test::EchoHandler>());
        QCOMPARE(missing.start().error().code, "tls-file-unreadable"s);
    }

    void curlTrustsTheGeneratedCertificate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()) {
            QSKIP("curl is not installed");
        }
        QTemporaryDir tmp;
        pc::HttpServer server(tlsConfig(tmp.path()), std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        for (const QString& host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            QProcess curl;
            curl.start(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--cacert"),
                                                server.certificateFile(), QStringLiteral("--tlsv1.2"),
                                                QStringLiteral("https://%1:%2/curl").arg(host).arg(server.port())});
            QVERIFY(curl.waitForFinished(15000));
            QCOMPARE(curl.exitCode(), 0);
            QCOMPARE(curl.readAllStandardOutput(), QByteArray("GET /curl "));
        }
        // Without the certificate, curl must refuse: the test above is not vacuous.
        QProcess untrusted;
        untrusted.start(QStringLiteral("curl"),
                        {QStringLiteral("-sS"), QStringLiteral("https://127.0.0.1:%1/").arg(server.port())});
        QVERIFY(untrusted.waitForFinished(15000));
        QVERIFY(untrusted.exitCode() != 0);
    }

    void refusesTls11()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            QSKIP("openssl is not installed");
        }
        QTemporaryDir tmp;
        pc::HttpServer server(tlsConfig(tmp.path()), std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        const QString tls11 = sClient(server.port(), QStringLiteral("-tls1_1"));
        QVERIFY2(tls11.contains(QStringLiteral("Cipher is (NONE)")), qPrintable(tls11));
        const QString tls12 = sClient(server.port(), QStringLiteral("-tls1_2"));
        QVERIFY2(tls12.contains(QStringLiteral("New, TLSv1.2")), qPrintable(tls12));
        const QString tls13 = sClient(server.port(), QStringLiteral("-tls1_3"));
        QVERIFY2(tls13.contains(QStringLiteral("New, TLSv1.3")), qPrintable(tls13));
    }

    void policyCanRequireTls13()
    {
        QTemporaryDir tmp;
        pc::ServerConfig config = tlsConfig(tmp.path());
        config.tls.minimumVersion = pc::TlsVersion::Tls13;
        pc::HttpServer server(config, std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        const auto chain = trust(server.certificateFile());
        RawHttpClient old(true);
        QVERIFY(!old.connectTls(server.port(), chain, QStringLiteral("localhost"), QSsl::TlsV1_2));
        RawHttpClient modern(true);
        QVERIFY(modern.connectTls(server.port(), chain, QStringLiteral("localhost"), QSsl::TlsV1_3));
        QVERIFY(modern.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(modern.read().status, 200);
    }

    void plainHttpOnTheTlsPortDoesNotHurt()
    {
        QTemporaryDir tmp;
        pc::HttpServer server(tlsConfig(tmp.path()), std::make_shared<pc::test::EchoHandler>());
        QVERIFY(server.start());
        {
            RawHttpClient plain;
            QVERIFY(plain.connect(server.port()));
            QVERIFY(plain.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
            plain.waitClosed();
            QVERIFY(plain.closed());
        }
        QTRY_COMPARE(server.openConnections(), 0);
        RawHttpClient c(true);
        QVERIFY(c.connectTls(server.port(), trust(server.certificateFile())));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(c.read().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "TestServerTls.moc"
