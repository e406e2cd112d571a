// SPDX-License-Identifier: Apache-2.0
// Every item model of the workbench under QAbstractItemModelTester, driven
// through inserts, edits, moves, removals, undo, redo and document resets.
#include "document/FilePolicyStore.h"
#include "document/PolicyChecker.h"
#include "document/PolicyDocument.h"
#include "models/CspDirectiveModel.h"
#include "models/FieldTableModel.h"
#include "models/HeaderTableModel.h"
#include "models/JwtKeyTableModel.h"
#include "models/ModelRoles.h"
#include "models/PermissionsFeatureModel.h"
#include "models/RateLimitTableModel.h"
#include "models/RouteTableModel.h"
#include "models/SchemaListModel.h"
#include "models/SecretTableModel.h"
#include "models/StringListModel.h"
#include "undo/ChangeValue.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <functional>
#include <memory>

using namespace std::string_literals;

namespace {

using ModelFactory = std::function<std::unique_ptr<pc::PolicyTableModel>(pc::PolicyDocument*)>;
using RowCount = std::function<int(const pc::Policy&)>;

struct ModelCase {
    ModelFactory make;
    RowCount rows;
};

template <class M> ModelFactory simple()
{
    return [](pc::PolicyDocument* doc) { return std::make_unique<M>(doc); };
}

int rows(const auto& v)
{
    return static_cast<int>(v.size());
}

} // namespace

Q_DECLARE_METATYPE(ModelCase)

class TestItemModels final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void survivesEveryEdit_data()
    {
        QTest::addColumn<ModelCase>("model");
        QTest::newRow("routes") << ModelCase{simple<pc::RouteTableModel>(),
                                             [](const pc::Policy& p) { return rows(p.routes); }};
        QTest::newRow("schemas") << ModelCase{simple<pc::SchemaListModel>(),
                                              [](const pc::Policy& p) { return rows(p.schemas); }};
        QTest::newRow("fields of the first schema")
            << ModelCase{[](pc::PolicyDocument* doc) {
                             auto m = std::make_unique<pc::FieldTableModel>(doc);
                             m->setSchema(0);
                             return std::unique_ptr<pc::PolicyTableModel>(std::move(m));
                         },
                         [](const pc::Policy& p) { return p.schemas.empty() ? 0 : rows(p.schemas[0].fields); }};
        QTest::newRow("rate limits") << ModelCase{simple<pc::RateLimitTableModel>(),
                                                  [](const pc::Policy& p) { return rows(p.rateLimits); }};
        QTest::newRow("raw headers") << ModelCase{simple<pc::HeaderTableModel>(),
                                                  [](const pc::Policy& p) { return rows(p.headers.set); }};
        QTest::newRow("csp directives") << ModelCase{simple<pc::CspDirectiveModel>(), [](const pc::Policy& p) {
                                                         return p.headers.csp ? rows(p.headers.csp->directives) : 0;
                                                     }};
        QTest::newRow("permissions features")
            << ModelCase{simple<pc::PermissionsFeatureModel>(), [](const pc::Policy& p) {
                             return p.headers.permissionsPolicy ? rows(p.headers.permissionsPolicy->features) : 0;
                         }};
        QTest::newRow("secrets") << ModelCase{simple<pc::SecretTableModel>(),
                                              [](const pc::Policy& p) { return rows(p.secrets); }};
        QTest::newRow("jwt keys") << ModelCase{simple<pc::JwtKeyTableModel>(), [](const pc::Policy& p) {
                                                   return p.auth.jwt ? rows(p.auth.jwt->keys) : 0;
                                               }};
        QTest::newRow("cors origins") << ModelCase{
            [](pc::PolicyDocument* doc) {
                auto m = std::make_unique<pc::StringListModel>(doc, QStringLiteral("origin"));
                m->setSource("/cors/allow_origins", [](auto& p) { return p.cors ? &p.cors->allowOrigins : nullptr; });
                return std::unique_ptr<pc::PolicyTableModel>(std::move(m));
            },
            [](const pc::Policy& p) { return p.cors ? rows(p.cors->allowOrigins) : 0; }};
    }

    void survivesEveryEdit()
    {
        QFETCH(ModelCase, model);
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        std::unique_ptr<pc::PolicyTableModel> m = model.make(&doc);
        QAbstractItemModelTester tester(m.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto agrees = [&] { return m->rowCount() == model.rows(doc.policy()); };
        QVERIFY(agrees());
        QVERIFY(m->rowCount() > 0);

        QVERIFY(m->insertItem(0));
        QVERIFY(agrees());
        QVERIFY(m->insertItem(m->rowCount()));
        QVERIFY(agrees());
        // Edit every editable cell with the text it already shows, changed.
        for (int column = 0; column < m->columnCount(); ++column) {
            const QModelIndex index = m->index(1, column);
            if (m->flags(index) & Qt::ItemIsEditable) {
                const QStringList choices = index.data(pc::ChoicesRole).toStringList();
                const QVariant value =
                    choices.isEmpty() ? QVariant(index.data(Qt::EditRole).toString() + u'x') : QVariant(choices.last());
                m->setData(index, value, Qt::EditRole);
            }
            if (m->flags(index) & Qt::ItemIsUserCheckable) {
                const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
                QVERIFY(m->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
            }
            QVERIFY(agrees());
        }
        QVERIFY(m->moveItem(0, m->rowCount() - 1));
        QVERIFY(m->moveItem(m->rowCount() - 1, 0));
        QVERIFY(m->moveItem(0, 1));
        QVERIFY(agrees());
        QVERIFY(m->removeItem(1));
        QVERIFY(agrees());

        const int steps = doc.undoStack()->count();
        QVERIFY(steps >= 6);
        while (doc.undoStack()->canUndo()) {
            doc.undoStack()->undo();
            QVERIFY(agrees());
        }
        QCOMPARE(doc.policy(), pc::test::samplePolicy());
        while (doc.undoStack()->canRedo()) {
            doc.undoStack()->redo();
            QVERIFY(agrees());
        }
        doc.reset(pc::Policy{}, {});
        QVERIFY(agrees());
        doc.reset(pc::test::samplePolicy(), {});
        QVERIFY(agrees());
    }

    void switchingASectionOffEmptiesItsModels()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::CspDirectiveModel csp(&doc);
        QAbstractItemModelTester tester(&csp, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(csp.rowCount(), 2);
        doc.push(new pc::ChangeValue<std::optional<pc::CspPolicy>>(
            &doc, QStringLiteral("CSP off"), "/headers/csp",
            [](pc::Policy& p) -> std::optional<pc::CspPolicy>& { return p.headers.csp; }, std::nullopt));
        QCOMPARE(csp.rowCount(), 0);
        QVERIFY(!csp.isAvailable());
        QVERIFY(!csp.insertItem(0));
        doc.undoStack()->undo();
        QCOMPARE(csp.rowCount(), 2);
    }

    void renamingASchemaKeepsReferences()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::SchemaListModel schemas(&doc);
        QVERIFY(schemas.setData(schemas.index(0, pc::SchemaListModel::NameColumn), QStringLiteral("NewUser"),
                                Qt::EditRole));
        QCOMPARE(doc.policy().routes[1].request.body, "NewUser"s);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().routes[1].request.body, "UserInput"s);
    }

    void renamingOntoAnExistingNameIsRefused()
    {
        pc::PolicyDocument doc;
        pc::Policy policy = pc::test::samplePolicy();
        pc::RateLimit second;
        second.name = "burst";
        second.limit = "5/second";
        policy.rateLimits.push_back(second);
        doc.reset(policy, {});
        pc::RateLimitTableModel limits(&doc);
        limits.setData(limits.index(1, pc::RateLimitTableModel::NameColumn), QStringLiteral("per-client"),
                       Qt::EditRole);
        QCOMPARE(doc.policy().rateLimits[1].name, "burst"s);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void renamingARateLimitKeepsReferences()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::RateLimitTableModel limits(&doc);
        QVERIFY(limits.setData(limits.index(0, pc::RateLimitTableModel::NameColumn), QStringLiteral("per-ip"),
                               Qt::EditRole));
        QCOMPARE(doc.policy().routes[0].rateLimits, std::vector<std::string>{"per-ip"});
    }

    void limitStringsAreCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("limit");
        QTest::addColumn<bool>("fine");
        QTest::newRow("slowapi's example") << QStringLiteral("10/minute") << true;
        QTest::newRow("per and a multiple") << QStringLiteral("5 per 10 seconds") << true;
        QTest::newRow("unknown period") << QStringLiteral("10/fortnight") << false;
        QTest::newRow("no count") << QStringLiteral("/minute") << false;
    }
    void limitStringsAreCheckedAsTyped()
    {
        QFETCH(QString, limit);
        QFETCH(bool, fine);
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        const pc::FilePolicyStore store;
        pc::PolicyChecker checker(&doc, store);
        pc::RateLimitTableModel limits(&doc);
        QAbstractItemModelTester tester(&limits, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex cell = limits.index(0, pc::RateLimitTableModel::LimitColumn);
        QVERIFY(limits.setData(cell, limit, Qt::EditRole));
        QCOMPARE(doc.policy().rateLimits[0].limit, limit.toStdString());
        checker.checkNow();
        QCOMPARE(cell.data(pc::MessageRole).toString().isEmpty(), fine);
        QCOMPARE(limits.index(0, 0).data(Qt::DecorationRole).isNull(), fine);
        if (!fine) {
            // The loader's own words, as `portcullis-cli check` prints them.
            QVERIFY(cell.data(pc::MessageRole).toString().startsWith(QStringLiteral("The rate \"") + limit));
        }
    }

    void cspRowsCarryTheBuildersMessages()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        const pc::FilePolicyStore store;
        pc::PolicyChecker checker(&doc, store);
        pc::CspDirectiveModel csp(&doc);
        QVERIFY(csp.setData(csp.index(1, pc::CspDirectiveModel::SourcesColumn), QStringLiteral("none"), Qt::EditRole));
        checker.checkNow();
        QVERIFY(csp.index(1, 0).data(pc::MessageRole).toString().contains(QStringLiteral("single quotes")));
        QVERIFY(csp.index(0, 0).data(pc::MessageRole).toString().isEmpty());
        QVERIFY(
            csp.setData(csp.index(1, pc::CspDirectiveModel::SourcesColumn), QStringLiteral("'none'"), Qt::EditRole));
        checker.checkNow();
        QVERIFY(csp.index(1, 0).data(pc::MessageRole).toString().isEmpty());
    }
};

QTEST_MAIN(TestItemModels)
#include "TestItemModels.moc"
