// SPDX-License-Identifier: Apache-2.0
// PatternLint: each row is a pattern, a finding code it must raise (or "none"
// for a clean pattern) and an engine the finding must name.
#include "engine/PatternLint.h"

#include "TestSupport.h"

#include <QTest>

#include <algorithm>

using namespace std::string_literals;

namespace {

std::string codes(const std::vector<pc::PatternFinding>& findings)
{
    std::string out;
    for (const auto& f : findings) {
        out += (out.empty() ? "" : ", ") + f.code;
    }
    return out.empty() ? "none" : out;
}

const pc::PatternFinding* find(const std::vector<pc::PatternFinding>& findings, const std::string& code)
{
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.code == code; });
    return it == findings.end() ? nullptr : &*it;
}

} // namespace

class TestPatternLint final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<std::string>("pattern");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("engine");
        QTest::addColumn<std::string>("fragment");
        // §5.3 #1 nested unbounded quantifiers
        QTest::newRow("(a+)+") << "^(a+)+$"s
                               << "nested-quantifier"s
                               << "python-re"s
                               << "(a+)+"s;
        QTest::newRow("(a*)*") << "(a*)*b"s
                               << "nested-quantifier"s
                               << "pcre2"s
                               << "(a*)*"s;
        QTest::newRow("nested through a group") << "^((ab)*c)+$"s
                                                << "nested-quantifier"s
                                                << "ecmascript"s
                                                << "((ab)*c)+"s;
        // §5.3 #2 overlapping alternation under a quantifier
        QTest::newRow("(a|a)*") << "^(a|a)*$"s
                                << "overlapping-alternation"s
                                << "python-re"s
                                << "(a|a)*"s;
        QTest::newRow("(\\w|\\d)+") << "(\\w|\\d)+$"s
                                    << "overlapping-alternation"s
                                    << "pcre2"s
                                    << "(\\w|\\d)+"s;
        QTest::newRow("(a|aa)+") << "^(a|aa)+$"s
                                 << "overlapping-alternation"s
                                 << "ecmascript"s
                                 << "(a|aa)+"s;
        // §5.3 #3 adjacent unbounded quantifiers over overlapping classes
        QTest::newRow("\\w*_\\w*_\\w*") << "v\\w*_\\w*_\\w*$"s
                                        << "adjacent-quantifiers"s
                                        << "python-re"s
                                        << "\\w*_\\w*"s;
        QTest::newRow("[a-b]*[a-c]*") << "^([a-b]*)([a-c]*)$"s
                                      << "adjacent-quantifiers"s
                                      << "pcre2"s
                                      << "([a-b]*)([a-c]*)"s;
        QTest::newRow("the tutorial email pattern is polynomial") << "^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$"s
                                                                  << "adjacent-quantifiers"s
                                                                  << "python-re"s
                                                                  << "[\\w\\.-]+\\.\\w+"s;
        // §5.3 #4 backreference or look-around
        QTest::newRow("look-ahead") << "^(?=.*\\d).{8,}$"s
                                    << "look-around"s
                                    << "re2"s
                                    << "(?="s;
        QTest::newRow("look-behind") << "(?<!x)y"s
                                     << "look-around"s
                                     << "rust-regex"s
                                     << "(?<!"s;
        QTest::newRow("backreference") << "(a)\\1"s
                                       << "backreference"s
                                       << "re2"s
                                       << "\\1"s;
        QTest::newRow("named backreference") << "(?P<q>['\"]).*(?P=q)"s
                                             << "backreference"s
                                             << "rust-regex"s
                                             << "(?P=q)"s;
        // RE2 refusal, with RE2's own message
        QTest::newRow("RE2 refuses look-around") << "(?=x)"s
                                                 << "re2-refused"s
                                                 << "re2"s
                                                 << "(?=x)"s;
        QTest::newRow("RE2 refuses big repeats") << "a{1001}"s
                                                 << "re2-refused"s
                                                 << "re2"s
                                                 << "a{1001}"s;
        // §3.1 / §3.2 portability
        QTest::newRow("\\w is Unicode in some engines only") << "^\\w+$"s
                                                             << "unicode-classes"s
                                                             << "ecmascript"s
                                                             << "\\w"s;
        QTest::newRow("$ before a final newline") << "^[a-z]+$"s
                                                  << "dollar-newline"s
                                                  << "python-re"s
                                                  << "$"s;
        QTest::newRow("\\Z") << "abc\\Z"s
                             << "non-portable"s
                             << "rust-regex"s
                             << "\\Z"s;
        QTest::newRow("\\z") << "abc\\z"s
                             << "non-portable"s
                             << "python-re"s
                             << "\\z"s;
        QTest::newRow("(?<name>)") << "(?<year>[0-9]{4})"s
                                   << "non-portable"s
                                   << "python-re"s
                                   << "(?<year>"s;
        QTest::newRow("(?P<name>)") << "(?P<year>[0-9]{4})"s
                                    << "non-portable"s
                                    << "ecmascript"s
                                    << "(?P<year>"s;
        QTest::newRow("possessive") << "a++b"s
                                    << "non-portable"s
                                    << "re2"s
                                    << "++"s;
        QTest::newRow("atomic group") << "(?>a+)b"s
                                      << "non-portable"s
                                      << "ecmascript"s
                                      << "(?>"s;
        QTest::newRow("\\Q...\\E") << "\\Qa.b\\E"s
                                   << "non-portable"s
                                   << "python-re"s
                                   << "\\Qa.b\\E"s;
        QTest::newRow("\\pL") << "^\\pL+$"s
                              << "non-portable"s
                              << "python-re"s
                              << "\\pL"s;
        QTest::newRow("POSIX class") << "^[[:alpha:]]+$"s
                                     << "non-portable"s
                                     << "python-re"s
                                     << "[:alpha:]"s;
        QTest::newRow("inline flags") << "(?i)abc"s
                                      << "non-portable"s
                                      << "ecmascript"s
                                      << "(?i)"s;
        QTest::newRow("PCRE-only escape") << "a\\Kb"s
                                          << "non-portable"s
                                          << "re2"s
                                          << "\\K"s;
        // clean patterns
        // (clean rows have no end anchor: every end anchor differs somewhere, see the $ and \\z rows)
        QTest::newRow("literal class with a count") << "^[A-Za-z0-9_]{3,50}"s
                                                    << "none"s
                                                    << ""s
                                                    << ""s;
        QTest::newRow("separated quantifiers") << "^[a-z]+@[a-z]+"s
                                               << "none"s
                                               << ""s
                                               << ""s;
        QTest::newRow("distinct alternatives") << "^(foo|bar)+"s
                                               << "none"s
                                               << ""s
                                               << ""s;
        QTest::newRow("alternatives that differ later") << "^(ab|ac)*"s
                                                        << "none"s
                                                        << ""s
                                                        << ""s;
    }
    void findings()
    {
        QFETCH(std::string, pattern);
        QFETCH(std::string, code);
        QFETCH(std::string, engine);
        QFETCH(std::string, fragment);
        const auto findings = pc::PatternLint::lint(pattern);
        if (code == "none") {
            QCOMPARE(codes(findings), "none"s);
            return;
        }
        const pc::PatternFinding* f = find(findings, code);
        QVERIFY2(f != nullptr, ("got: " + codes(findings)).c_str());
        QVERIFY2(std::find(f->engines.begin(), f->engines.end(), engine) != f->engines.end(), f->message.c_str());
        QCOMPARE(f->fragment, fragment);
        QVERIFY(!f->message.empty());
        QCOMPARE(pattern.substr(f->offset, f->fragment.size()), f->fragment);
    }

    void re2MessageIsRe2s()
    {
        const auto findings = pc::PatternLint::lint("(?=x)");
        const pc::PatternFinding* f = find(findings, "re2-refused");
        QVERIFY(f != nullptr);
        QCOMPARE(int(f->severity), int(pc::PatternFinding::Severity::Error));
        QVERIFY2(f->message.find("invalid perl operator: (?=") != std::string::npos, f->message.c_str());
    }

    // The engine rewrites Rust's (?<name>…) for RE2, so the lint must not call it refused.
    void namedGroupsCompile()
    {
        const auto findings = pc::PatternLint::lint("^(?<year>[0-9]{4})$");
        QVERIFY2(find(findings, "re2-refused") == nullptr, codes(findings).c_str());
    }

    void fieldWithoutLengthCap()
    {
        pc::Field field;
        field.pattern = "^[a-z]+\\z";
        QVERIFY(find(pc::PatternLint::lintField(field), "unbounded-input") != nullptr);
        field.maxLength = 50;
        QVERIFY(find(pc::PatternLint::lintField(field), "unbounded-input") == nullptr);
        field.pattern.clear();
        QVERIFY(pc::PatternLint::lintField(field).empty());
    }

    void garbageDoesNotCrash_data()
    {
        QTest::addColumn<std::string>("pattern");
        for (const char* p : {"(",  ")",   "[",   "[]",  "[^]", "\\", "a{",  "a{2,", "(?",  "(?P<", "*",
                              "+?", "[[:", "(((", ")))", "a|",  "|",  "[a-", "\\p{", "\\Q", "(?#",  "{1}"}) {
            QTest::newRow(p) << std::string(p);
        }
    }
    void garbageDoesNotCrash()
    {
        QFETCH(std::string, pattern);
        (void)pc::PatternLint::lint(pattern);
    }
};

QTEST_GUILESS_MAIN(TestPatternLint)
#include "TestPatternLint.moc"
