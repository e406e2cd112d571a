// SPDX-License-Identifier: Apache-2.0
#include "policy/HeaderPolicy.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::chrono_literals;

using namespace std::string_literals;

class TestHeaderBuilders final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersOwaspCsp()
    {
        pc::CspPolicy csp;
        csp.directives = {{"default-src", {"'self'"}},     {"form-action", {"'self'"}},
                          {"base-uri", {"'self'"}},        {"object-src", {"'none'"}},
                          {"frame-ancestors", {"'none'"}}, {"upgrade-insecure-requests", {}}};
        QCOMPARE(csp.render(), std::string("default-src 'self'; form-action 'self'; base-uri 'self'; object-src "
                                           "'none'; frame-ancestors 'none'; upgrade-insecure-requests"));
        QCOMPARE(csp.headerName(), "Content-Security-Policy"s);
        QVERIFY(csp.validate("/headers/csp").empty());
        csp.reportOnly = true;
        QCOMPARE(csp.headerName(), "Content-Security-Policy-Report-Only"s);
    }

    void refusesBadCsp_data()
    {
        QTest::addColumn<std::string>("directive");
        QTest::addColumn<std::vector<std::string>>("sources");
        QTest::addColumn<std::string>("code");
        QTest::newRow("unquoted self") << "script-src"s << std::vector<std::string>{"self"} << "csp-unquoted-keyword"s;
        QTest::newRow("unquoted none") << "object-src"s << std::vector<std::string>{"none"} << "csp-unquoted-keyword"s;
        QTest::newRow("semicolon smuggles a directive")
            << "img-src"s << std::vector<std::string>{"a.com; script-src *"} << "csp-bad-source"s;
        QTest::newRow("upper-case name") << "Default-Src"s << std::vector<std::string>{"'self'"}
                                         << "csp-bad-directive"s;
        QTest::newRow("flag with sources")
            << "upgrade-insecure-requests"s << std::vector<std::string>{"'self'"} << "csp-flag-with-sources"s;
    }
    void refusesBadCsp()
    {
        QFETCH(std::string, directive);
        QFETCH(std::vector<std::string>, sources);
        QFETCH(std::string, code);
        pc::CspDirective d{directive, {}};
        d.sources = sources;
        pc::CspPolicy csp{{d}, false};
        const pc::Errors errors = csp.validate("/headers/csp");
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors.front().code, code);
        QVERIFY(errors.front().pointer.starts_with("/headers/csp/directives/"));
    }

    void rendersHsts()
    {
        pc::HstsPolicy hsts;
        QCOMPARE(hsts.render(), "max-age=31536000"s);
        hsts.maxAge = pc::Duration(std::chrono::hours(24 * 730));
        hsts.includeSubDomains = true;
        QCOMPARE(hsts.render(), "max-age=63072000; includeSubDomains"s);
        hsts.preload = true;
        QCOMPARE(hsts.render(), "max-age=63072000; includeSubDomains; preload"s);
    }

    void rendersPermissionsPolicy()
    {
        pc::PermissionsPolicy pp;
        pp.features = {{"camera", {}}, {"geolocation", {"self", "https://maps.example.com"}}, {"fullscreen", {"*"}}};
        QCOMPARE(pp.render(), std::string("camera=(), geolocation=(self \"https://maps.example.com\"), fullscreen=*"));
        QVERIFY(pp.validate("/headers/permissions_policy").empty());
        pp.features.push_back({"Camera", {"evil"}});
        QCOMPARE(pp.validate("/headers/permissions_policy").size(), size_t(2));
    }

    void combinesRenderedHeaders()
    {
        pc::HeaderPolicy h;
        h.set = {{"X-Content-Type-Options", "nosniff"}};
        h.hsts = pc::HstsPolicy{};
        const auto all = h.rendered();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[1].name, "Strict-Transport-Security"s);
    }
};

QTEST_GUILESS_MAIN(TestHeaderBuilders)
#include "TestHeaderBuilders.moc"
