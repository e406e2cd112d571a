// SPDX-License-Identifier: Apache-2.0
#include "engine/ClientAddressResolver.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

Q_DECLARE_METATYPE(pc::ClientIpHeader)

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

pc::ClientAddress resolve(const std::vector<std::string>& trusted, pc::ClientIpHeader header, const std::string& peer,
                          const Headers& headers)
{
    pc::TransportPolicy transport;
    transport.trustedProxies = trusted;
    transport.clientIpHeader = header;
    const auto resolver = pc::ClientAddressResolver::compile(transport);
    Q_ASSERT(resolver.ok());
    pc::HttpRequest request;
    request.peerAddress = peer;
    for (const auto& [name, value] : headers) {
        request.headers.push_back({name, value});
    }
    return resolver->resolve(request);
}

} // namespace

class TestClientAddressResolver final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<std::vector<std::string>>("trusted");
        QTest::addColumn<pc::ClientIpHeader>("header");
        QTest::addColumn<std::string>("peer");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<std::string>("client");
        QTest::addColumn<bool>("fromHeader");

        const auto xff = pc::ClientIpHeader::XForwardedFor;
        const auto fwd = pc::ClientIpHeader::Forwarded;
        const std::vector<std::string> proxies{"10.0.0.0/8", "2001:db8:ffff::/48"};

        QTest::newRow("no header configured: the peer, whatever the headers say")
            << proxies << pc::ClientIpHeader::None << "10.0.0.2"s << Headers{{"X-Forwarded-For", "198.51.100.9"}}
            << "10.0.0.2"s << false;
        QTest::newRow("spoofed X-Forwarded-For from an untrusted peer is ignored")
            << proxies << xff << "203.0.113.50"s << Headers{{"X-Forwarded-For", "1.2.3.4"}} << "203.0.113.50"s << false;
        QTest::newRow("trusted proxy: the hop before it")
            << proxies << xff << "10.0.0.2"s << Headers{{"X-Forwarded-For", "198.51.100.9"}} << "198.51.100.9"s << true;
        QTest::newRow("rightmost untrusted hop, not the leftmost (client-forged prefix)")
            << proxies << xff << "10.0.0.2"s << Headers{{"X-Forwarded-For", "1.2.3.4, 198.51.100.9, 10.0.0.7"}}
            << "198.51.100.9"s << true;
        QTest::newRow("several header lines read as one list")
            << proxies << xff << "10.0.0.2"s
            << Headers{{"X-Forwarded-For", "1.2.3.4"}, {"x-forwarded-for", "198.51.100.9"}} << "198.51.100.9"s << true;
        QTest::newRow("every hop trusted: the leftmost")
            << proxies << xff << "10.0.0.2"s << Headers{{"X-Forwarded-For", "10.1.1.1, 10.0.0.7"}} << "10.1.1.1"s
            << true;
        QTest::newRow("garbage hop: stop at the trusted proxy that wrote it")
            << proxies << xff << "10.0.0.2"s << Headers{{"X-Forwarded-For", "198.51.100.9, bogus, 10.0.0.7"}}
            << "10.0.0.7"s << true;
        QTest::newRow("hop with a port") << proxies << xff << "10.0.0.2"s
                                         << Headers{{"X-Forwarded-For", "198.51.100.9:51234"}} << "198.51.100.9"s
                                         << true;
        QTest::newRow("IPv4-mapped peer is trusted as IPv4")
            << proxies << xff << "::ffff:10.0.0.2"s << Headers{{"X-Forwarded-For", "198.51.100.9"}} << "198.51.100.9"s
            << true;
        QTest::newRow("X-Forwarded-For ignored when Forwarded is configured")
            << proxies << fwd << "10.0.0.2"s << Headers{{"X-Forwarded-For", "198.51.100.9"}} << "10.0.0.2"s << false;
        QTest::newRow("Forwarded with a quoted IPv6 and port")
            << proxies << fwd << "10.0.0.2"s
            << Headers{{"Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.2"}}
            << "2001:db8:cafe::17"s << true;
        QTest::newRow("Forwarded: rightmost untrusted element")
            << proxies << fwd << "10.0.0.2"s
            << Headers{{"Forwarded", "for=1.2.3.4, for=192.0.2.60;proto=http, For=\"[2001:db8:ffff::1]\""}}
            << "192.0.2.60"s << true;
        QTest::newRow("Forwarded: quoted comma does not split")
            << proxies << fwd << "10.0.0.2"s << Headers{{"Forwarded", "for=192.0.2.60;host=\"a,b\""}} << "192.0.2.60"s
            << true;
        QTest::newRow("Forwarded: for=unknown stops at the proxy")
            << proxies << fwd << "10.0.0.2"s << Headers{{"Forwarded", "for=192.0.2.60, for=unknown"}} << "10.0.0.2"s
            << false;
        QTest::newRow("Forwarded: element without for stops at the proxy")
            << proxies << fwd << "10.0.0.2"s << Headers{{"Forwarded", "proto=https"}} << "10.0.0.2"s << false;
        QTest::newRow("Forwarded from an untrusted peer is ignored")
            << proxies << fwd << "192.0.2.1"s << Headers{{"Forwarded", "for=198.51.100.9"}} << "192.0.2.1"s << false;
    }
    void resolves()
    {
        QFETCH(std::vector<std::string>, trusted);
        QFETCH(pc::ClientIpHeader, header);
        QFETCH(std::string, peer);
        QFETCH(Headers, headers);
        QFETCH(std::string, client);
        QFETCH(bool, fromHeader);
        const pc::ClientAddress got = resolve(trusted, header, peer, headers);
        QVERIFY(got.address);
        QCOMPARE(got.address->toString(), client);
        QCOMPARE(got.source != pc::ClientAddress::Source::Peer, fromHeader);
    }

    void explainsIgnoredHeaders()
    {
        const auto got = resolve({"10.0.0.0/8"}, pc::ClientIpHeader::XForwardedFor, "203.0.113.50",
                                 {{"X-Forwarded-For", "1.2.3.4"}});
        QVERIFY(got.note.find("not a trusted proxy") != std::string::npos);
        QVERIFY(got.note.find("203.0.113.50") != std::string::npos);
    }

    void boundsTheWalk()
    {
        std::string hops;
        for (int i = 0; i < 200; ++i) {
            hops += (i ? ", " : "") + "10.0.0."s + std::to_string(i % 250);
        }
        const auto got = resolve({"10.0.0.0/8"}, pc::ClientIpHeader::XForwardedFor, "10.0.0.1",
                                 {{"X-Forwarded-For", "198.51.100.9, " + hops}});
        QVERIFY(got.address);
        QVERIFY(got.address->toString() != "198.51.100.9");
        QVERIFY(!got.note.empty());
    }

    void unusablePeer()
    {
        const auto got = resolve({}, pc::ClientIpHeader::None, "not-an-address", {});
        QVERIFY(!got.address);
        QVERIFY(!got.note.empty());
    }

    void reportsBadTrustedProxies()
    {
        pc::TransportPolicy transport;
        transport.trustedProxies = {"10.0.0.0/8", "proxy.internal", "::1"};
        const auto resolver = pc::ClientAddressResolver::compile(transport);
        QVERIFY(!resolver.ok());
        QCOMPARE(resolver.errors().size(), std::size_t(1));
        QCOMPARE(resolver.error().code, "bad-cidr"s);
        QCOMPARE(resolver.error().pointer, "/transport/trusted_proxies/1"s);
    }

    void parsesForwardedFor()
    {
        const auto nodes = pc::ClientAddressResolver::forwardedFor(
            "for=192.0.2.43, for=\"[2001:db8:cafe::17]\";by=x,, proto=http;for=_hidden");
        QCOMPARE(nodes, (std::vector<std::string>{"192.0.2.43", "[2001:db8:cafe::17]", "_hidden"}));
        QVERIFY(!pc::ClientAddressResolver::parseNode("_hidden"));
        QVERIFY(!pc::ClientAddressResolver::parseNode("unknown"));
        QCOMPARE(pc::ClientAddressResolver::parseNode("[::1]:8080")->toString(), "::1"s);
    }
};

QTEST_GUILESS_MAIN(TestClientAddressResolver)
#include "TestClientAddressResolver.moc"
