// SPDX-License-Identifier: Apache-2.0
#include "document/PolicyDocument.h"
#include "undo/ChangeValue.h"
#include "undo/ListCommands.h"

#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::string_literals;

namespace {

pc::ChangeValue<std::string>* renameCommand(pc::PolicyDocument& doc, std::string name)
{
    return new pc::ChangeValue<std::string>(
        &doc, QStringLiteral("Rename"), "/name", [](pc::Policy& p) -> std::string& { return p.name; }, std::move(name));
}

} // namespace

class TestPolicyDocument final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editsAreUndoableAndDriveTheModifiedFlag()
    {
        pc::PolicyDocument doc;
        QSignalSpy modified(&doc, &pc::PolicyDocument::modifiedChanged);
        QVERIFY(!doc.isModified());
        doc.push(renameCommand(doc, "Orders API"));
        QCOMPARE(doc.policy().name, "Orders API"s);
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last().at(0).toBool(), true);
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().name, ""s);
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.last().at(0).toBool(), false);
        doc.undoStack()->redo();
        QCOMPARE(doc.policy().name, "Orders API"s);
    }

    void typingMergesWithinOneSession()
    {
        pc::PolicyDocument doc;
        doc.push(renameCommand(doc, "O"));
        doc.push(renameCommand(doc, "Or"));
        doc.push(renameCommand(doc, "Ord"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.closeMergeSession();
        doc.push(renameCommand(doc, "Orders"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().name, "Ord"s);
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().name, ""s);
    }

    void anEditTypedBackToTheStartDisappears()
    {
        pc::PolicyDocument doc;
        doc.push(renameCommand(doc, "x"));
        doc.push(renameCommand(doc, ""));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
    }

    void changesAreAnnouncedBeforeAndAfter()
    {
        pc::PolicyDocument doc;
        std::vector<std::string> seen;
        connect(&doc, &pc::PolicyDocument::aboutToChange, this,
                [&](const pc::PolicyChange& c) { seen.push_back("before " + c.path + " " + doc.policy().name); });
        connect(&doc, &pc::PolicyDocument::changed, this,
                [&](const pc::PolicyChange& c) { seen.push_back("after " + c.path + " " + doc.policy().name); });
        doc.push(renameCommand(doc, "A"));
        QCOMPARE(seen, (std::vector<std::string>{"before /name ", "after /name A"}));
    }

    void rowCommandsInsertRemoveAndMove()
    {
        pc::PolicyDocument doc;
        pc::ListAccessor<std::string> secrets = [](pc::Policy& p) -> std::vector<std::string>& {
            return p.limits.contentTypes;
        };
        doc.push(new pc::InsertRow<std::string>(&doc, QStringLiteral("Add"), "/limits/content_types", secrets, 1,
                                                "text/plain"));
        doc.push(new pc::MoveRow<std::string>(&doc, QStringLiteral("Move"), "/limits/content_types", secrets, 1, 0));
        QCOMPARE(doc.policy().limits.contentTypes, (std::vector<std::string>{"text/plain", "application/json"}));
        doc.push(new pc::RemoveRow<std::string>(&doc, QStringLiteral("Remove"), "/limits/content_types", secrets, 1));
        QCOMPARE(doc.policy().limits.contentTypes, (std::vector<std::string>{"text/plain"}));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().limits.contentTypes, (std::vector<std::string>{"application/json", "text/plain"}));
        doc.undoStack()->undo();
        QCOMPARE(doc.policy().limits.contentTypes, (std::vector<std::string>{"application/json"}));
    }

    void restoredWorkStaysModifiedUntilSaved()
    {
        pc::PolicyDocument doc;
        pc::Policy recovered;
        recovered.name = "recovered";
        doc.restore(recovered, QStringLiteral("/tmp/api.json"));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.filePath(), QStringLiteral("/tmp/api.json"));
        doc.push(renameCommand(doc, "changed"));
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        QSignalSpy modified(&doc, &pc::PolicyDocument::modifiedChanged);
        doc.markSaved(QStringLiteral("/tmp/api.json"));
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 1);
    }

    void resetClearsHistory()
    {
        pc::PolicyDocument doc;
        doc.push(renameCommand(doc, "A"));
        pc::Policy fresh;
        fresh.name = "B";
        doc.reset(fresh, QStringLiteral("/tmp/b.json"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.displayName(), QStringLiteral("b.json"));
    }
};

QTEST_MAIN(TestPolicyDocument)
#include "TestPolicyDocument.moc"
