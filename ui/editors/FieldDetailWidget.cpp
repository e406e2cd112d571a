// SPDX-License-Identifier: Apache-2.0
#include "editors/FieldDetailWidget.h"

#include "common/JsonPointer.h"
#include "editors/EditorKit.h"
#include "engine/PatternLint.h"
#include "policy/PolicyEnums.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QVBoxLayout>

namespace pc {
namespace {

std::string fieldPath(Locus at)
{
    return "/schemas/" + std::to_string(at.outer) + "/fields/" + std::to_string(at.row);
}

template <class P> auto locateField(P& p, Locus at)
{
    using FieldPtr = decltype(&p.schemas[0].fields[0]);
    if (at.outer < 0 || at.row < 0 || static_cast<size_t>(at.outer) >= p.schemas.size()) {
        return FieldPtr{nullptr};
    }
    auto& fields = p.schemas[static_cast<size_t>(at.outer)].fields;
    return static_cast<size_t>(at.row) < fields.size() ? &fields[static_cast<size_t>(at.row)] : FieldPtr{nullptr};
}

// The items of an array field, nullptr while the field declares none.
template <class P> auto locateItems(P& p, Locus at)
{
    auto* field = locateField(p, at);
    return field != nullptr && field->items ? &*field->items : decltype(field){nullptr};
}

std::string itemsPath(Locus at)
{
    return fieldPath(at) + "/items";
}

} // namespace

FieldDetailWidget::FieldDetailWidget(PolicyDocument* document, QWidget* parent)
    : FieldDetailWidget(document, Target::SchemaField, parent)
{
}

FieldDetailWidget::FieldDetailWidget(PolicyDocument* document, Target target, QWidget* parent)
    : QWidget(parent), m_target(target), m_document(document),
      m_binder(std::make_unique<FormBinder<Field>>(
          document, this, target == Target::ArrayItems ? itemsPath : fieldPath, [target](auto& p, Locus at) {
              return target == Target::ArrayItems ? locateItems(p, at) : locateField(p, at);
          }))
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildGeneral(), 0, 0, 2, 1);
    layout->addWidget(buildString(), 0, 1);
    layout->addWidget(buildNumber(), 1, 1);
    layout->addWidget(buildEnum(), 2, 1);
    layout->addWidget(buildArray(), 2, 0);
    layout->addWidget(buildObject(), 3, 0);
    layout->setRowStretch(4, 1);
    if (target == Target::ArrayItems) {
        // The list's own settings (name, required, default) do not apply to its items, and the nested
        // widgets get distinct object names so that lookups by name find the field's own editors.
        for (QObject* child : findChildren<QObject*>()) {
            if (!child->objectName().isEmpty()) {
                child->setObjectName(QStringLiteral("items_") + child->objectName());
            }
        }
    }

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/schemas")) {
            refreshGroups();
        }
    });
    setField(-1, -1);
}

FieldDetailWidget::~FieldDetailWidget() = default;

QGroupBox* FieldDetailWidget::buildGeneral()
{
    auto* group = makeGroup(tr("Field"), QStringLiteral("fieldGeneralGroupBox"), this);
    auto* form = new QFormLayout(group);
    auto* name = new QLineEdit(group);
    name->setObjectName(QStringLiteral("fieldNameLineEdit"));
    m_binder->text(name, "name", &Field::name);
    const bool ownField = m_target == Target::SchemaField;
    if (ownField) {
        form->addRow(makeFieldLabel(tr("Name"), "/schemas/*/fields/*/name", group), name);
    } else {
        name->hide();
    }
    auto* type = new QComboBox(group);
    type->setObjectName(QStringLiteral("fieldTypeComboBox"));
    m_binder->choice<FieldType>(type, "type", &Field::type);
    form->addRow(makeFieldLabel(tr("Type"), "/schemas/*/fields/*/type", group), type);
    auto* description = new QLineEdit(group);
    description->setObjectName(QStringLiteral("fieldDescriptionLineEdit"));
    m_binder->text(description, "description", &Field::description);
    form->addRow(makeFieldLabel(tr("Description"), "/schemas/*/fields/*/description", group), description);
    auto* required = new QCheckBox(tr("Required"), group);
    required->setObjectName(QStringLiteral("fieldRequiredCheckBox"));
    m_binder->flag(required, "required", &Field::required);
    if (ownField) {
        form->addRow(required);
    } else {
        required->hide();
    }
    auto* nullable = new QCheckBox(tr("Nullable"), group);
    nullable->setObjectName(QStringLiteral("fieldNullableCheckBox"));
    m_binder->flag(nullable, "nullable", &Field::nullable);
    form->addRow(nullable);
    auto* strict = new QComboBox(group);
    strict->setObjectName(QStringLiteral("fieldStrictComboBox"));
    strict->addItem(tr("as the schema"), 0);
    strict->addItem(tr("strict"), 1);
    strict->addItem(tr("lax"), 2);
    m_binder->custom(strict, "strict", &Field::strict,
                     [strict](const std::optional<bool>& v) { strict->setCurrentIndex(!v ? 0 : (*v ? 1 : 2)); });
    connect(strict, &QComboBox::activated, this, [this, strict](int index) {
        const std::optional<bool> value = index == 0 ? std::nullopt : std::optional<bool>(index == 1);
        m_binder->apply<std::optional<bool>>("strict", &Field::strict, value);
        m_document->closeMergeSession();
    });
    form->addRow(makeFieldLabel(tr("Strictness"), "/schemas/*/fields/*/strict", group), strict);
    auto* defaultValue = new QLineEdit(group);
    defaultValue->setObjectName(QStringLiteral("fieldDefaultLineEdit"));
    defaultValue->setPlaceholderText(tr("no default (JSON)"));
    auto* defaultMessage = new MessageLabel(group);
    m_binder->json(defaultValue, defaultMessage, "default", &Field::defaultValue);
    if (ownField) {
        form->addRow(makeFieldLabel(tr("Default"), "/schemas/*/fields/*/default", group), defaultValue);
        form->addRow(QString(), defaultMessage);
    } else {
        defaultValue->hide();
        defaultMessage->hide();
    }
    return group;
}

QGroupBox* FieldDetailWidget::buildString()
{
    m_string = makeGroup(tr("String constraints"), QStringLiteral("fieldStringGroupBox"), this);
    auto* form = new QFormLayout(m_string);
    for (const auto& [key, label, name] :
         {std::tuple{"min_length", tr("Minimum length"), QStringLiteral("fieldMinLengthLineEdit")},
          std::tuple{"max_length", tr("Maximum length"), QStringLiteral("fieldMaxLengthLineEdit")}}) {
        auto* edit = new QLineEdit(m_string);
        edit->setObjectName(name);
        edit->setPlaceholderText(tr("no bound"));
        auto* message = new MessageLabel(m_string);
        if (std::string_view(key) == "min_length") {
            m_binder->optionalCount(edit, message, key, &Field::minLength);
        } else {
            m_binder->optionalCount(edit, message, key, &Field::maxLength);
        }
        form->addRow(makeFieldLabel(label, "/schemas/*/fields/*/" + std::string(key), m_string), edit);
        form->addRow(QString(), message);
    }
    auto* pattern = new QLineEdit(m_string);
    pattern->setObjectName(QStringLiteral("fieldPatternLineEdit"));
    pattern->setPlaceholderText(QStringLiteral("^[a-zA-Z0-9_]+$"));
    m_binder->text(pattern, "pattern", &Field::pattern);
    form->addRow(makeFieldLabel(tr("Pattern"), "/schemas/*/fields/*/pattern", m_string), pattern);
    m_patternFlags = new MessageLabel(m_string);
    m_patternFlags->setObjectName(QStringLiteral("patternFlagsLabel"));
    m_patternFlags->setToolTip(tr("RE2, which Portcullis runs, never backtracks. Exports hand the pattern to other "
                                  "engines: Python re (Pydantic's python-re mode), PCRE2 (nginx, HAProxy) and "
                                  "ECMAScript (Express) backtrack, so nested or overlapping quantifiers can take "
                                  "exponential time on crafted input (ReDoS)."));
    form->addRow(QString(), m_patternFlags);
    auto* format = new QComboBox(m_string);
    format->setObjectName(QStringLiteral("fieldFormatComboBox"));
    m_binder->choice<StringFormat>(format, "format", &Field::format);
    form->addRow(makeFieldLabel(tr("Format"), "/schemas/*/fields/*/format", m_string), format);
    auto* transforms = new QHBoxLayout;
    for (const auto& [key, label] :
         {std::pair{"strip_whitespace", tr("Strip whitespace")}, std::pair{"to_lower", tr("Lower-case")},
          std::pair{"to_upper", tr("Upper-case")}}) {
        auto* box = new QCheckBox(label, m_string);
        box->setObjectName(QString::fromLatin1(key) + QStringLiteral("CheckBox"));
        const std::string_view k(key);
        if (k == "strip_whitespace") {
            m_binder->flag(box, k, &Field::stripWhitespace);
        } else if (k == "to_lower") {
            m_binder->flag(box, k, &Field::toLower);
        } else {
            m_binder->flag(box, k, &Field::toUpper);
        }
        transforms->addWidget(box);
    }
    form->addRow(transforms);
    m_denyModel = new StringListModel(m_document, tr("denied substring"), this);
    auto* deny = new TableEditor(m_denyModel, TableEditor::Options{false, true, tr("--")}, m_string);
    deny->setObjectName(QStringLiteral("denySubstringListWidget"));
    deny->setProperty("policyPath", QStringLiteral("/schemas/*/fields/*/deny_substrings"));
    deny->setToolTip(SettingHelp::tooltip("/schemas/*/fields/*/deny_substrings"));
    deny->setInserter([this](int row, const QString& text) { return m_denyModel->insertValue(row, toStd(text)); });
    deny->setMaximumHeight(160);
    form->addRow(makeFieldLabel(tr("Denied substrings"), "/schemas/*/fields/*/deny_substrings", m_string), deny);
    return m_string;
}

QGroupBox* FieldDetailWidget::buildNumber()
{
    m_number = makeGroup(tr("Number constraints"), QStringLiteral("fieldNumberGroupBox"), this);
    auto* form = new QFormLayout(m_number);
    const std::array<std::tuple<const char*, QString, std::optional<nlohmann::json> Field::*>, 5> bounds{
        {{"gt", tr("Greater than"), &Field::gt},
         {"ge", tr("At least"), &Field::ge},
         {"lt", tr("Less than"), &Field::lt},
         {"le", tr("At most"), &Field::le},
         {"multiple_of", tr("Multiple of"), &Field::multipleOf}}};
    for (const auto& [key, label, member] : bounds) {
        auto* edit = new QLineEdit(m_number);
        edit->setObjectName(QStringLiteral("field_") + QString::fromLatin1(key) + QStringLiteral("LineEdit"));
        edit->setPlaceholderText(tr("no bound"));
        auto* message = new MessageLabel(m_number);
        m_binder->optionalNumber(edit, message, key, member);
        form->addRow(makeFieldLabel(label, "/schemas/*/fields/*/" + std::string(key), m_number), edit);
        form->addRow(QString(), message);
    }
    auto* infNan = new QCheckBox(tr("Allow inf and NaN"), m_number);
    infNan->setObjectName(QStringLiteral("fieldAllowInfNanCheckBox"));
    m_binder->flag(infNan, "allow_inf_nan", &Field::allowInfNan);
    form->addRow(infNan);
    return m_number;
}

QGroupBox* FieldDetailWidget::buildEnum()
{
    m_enum = makeGroup(tr("Enumeration"), QStringLiteral("fieldEnumGroupBox"), this);
    auto* form = new QFormLayout(m_enum);
    auto* values = new QLineEdit(m_enum);
    values->setObjectName(QStringLiteral("fieldValuesLineEdit"));
    values->setPlaceholderText(QStringLiteral("[\"admin\", \"user\"]"));
    auto* message = new MessageLabel(m_enum);
    m_binder->json(values, message, "values", &Field::values);
    form->addRow(makeFieldLabel(tr("Allowed values"), "/schemas/*/fields/*/values", m_enum), values);
    form->addRow(QString(), message);
    return m_enum;
}

QGroupBox* FieldDetailWidget::buildArray()
{
    m_array = makeGroup(tr("Array constraints"), QStringLiteral("fieldArrayGroupBox"), this);
    auto* form = new QFormLayout(m_array);
    auto* items = new QComboBox(m_array);
    items->setObjectName(QStringLiteral("fieldItemsComboBox"));
    items->addItem(tr("(any)"), QString());
    for (const QString& type : enumTexts<FieldType>()) {
        items->addItem(type, type);
    }
    m_binder->custom(items, "items", &Field::items, [items](const Box<Field>& box) {
        items->setCurrentIndex(items->findData(box ? enumText(box->type) : QString()));
    });
    connect(items, &QComboBox::activated, this, [this, items] {
        const Field* field = m_binder->current();
        if (field == nullptr) {
            return;
        }
        Box<Field> next;
        if (auto type = enumFromText<FieldType>(items->currentData().toString())) {
            Field item = field->items ? *field->items : Field{};
            item.type = *type;
            next = Box<Field>(item);
        }
        m_binder->apply<Box<Field>>("items", &Field::items, next);
        m_document->closeMergeSession();
    });
    form->addRow(makeFieldLabel(tr("Item type"), "/schemas/*/fields/*/items", m_array), items);
    for (const auto& [key, label] :
         {std::pair{"min_items", tr("Minimum items")}, std::pair{"max_items", tr("Maximum items")}}) {
        auto* edit = new QLineEdit(m_array);
        edit->setObjectName(QString::fromLatin1(key) + QStringLiteral("LineEdit"));
        edit->setPlaceholderText(tr("no bound"));
        auto* message = new MessageLabel(m_array);
        if (std::string_view(key) == "min_items") {
            m_binder->optionalCount(edit, message, key, &Field::minItems);
        } else {
            m_binder->optionalCount(edit, message, key, &Field::maxItems);
        }
        form->addRow(makeFieldLabel(label, "/schemas/*/fields/*/" + std::string(key), m_array), edit);
        form->addRow(QString(), message);
    }
    auto* unique = new QCheckBox(tr("Unique items"), m_array);
    unique->setObjectName(QStringLiteral("fieldUniqueItemsCheckBox"));
    m_binder->flag(unique, "unique_items", &Field::uniqueItems);
    form->addRow(unique);
    if (m_target == Target::SchemaField) {
        m_itemsGroup = makeGroup(tr("Each item"), QStringLiteral("fieldItemConstraintsGroupBox"), m_array);
        auto* itemsLayout = new QVBoxLayout(m_itemsGroup);
        m_items = new FieldDetailWidget(m_document, Target::ArrayItems, m_itemsGroup);
        itemsLayout->addWidget(m_items);
        form->addRow(m_itemsGroup);
    }
    return m_array;
}

QGroupBox* FieldDetailWidget::buildObject()
{
    m_object = makeGroup(tr("Nested object"), QStringLiteral("fieldObjectGroupBox"), this);
    auto* form = new QFormLayout(m_object);
    m_objectSchema = new QComboBox(m_object);
    m_objectSchema->setObjectName(QStringLiteral("fieldSchemaComboBox"));
    m_binder->custom(m_objectSchema, "schema", &Field::schema, [this](const std::string& name) {
        refreshSchemaChoices();
        int index = m_objectSchema->findData(toQ(name));
        if (index < 0) {
            m_objectSchema->addItem(tr("%1 (missing)").arg(toQ(name)), toQ(name));
            index = m_objectSchema->count() - 1;
        }
        m_objectSchema->setCurrentIndex(index);
    });
    connect(m_objectSchema, &QComboBox::activated, this, [this] {
        m_binder->apply<std::string>("schema", &Field::schema, toStd(m_objectSchema->currentData().toString()));
        m_document->closeMergeSession();
    });
    form->addRow(makeFieldLabel(tr("Schema"), "/schemas/*/fields/*/schema", m_object), m_objectSchema);
    return m_object;
}

void FieldDetailWidget::refreshSchemaChoices()
{
    const QSignalBlocker blocker(m_objectSchema);
    m_objectSchema->clear();
    m_objectSchema->addItem(tr("(none)"), QString());
    for (const Schema& s : m_document->policy().schemas) {
        m_objectSchema->addItem(toQ(s.name), toQ(s.name));
    }
}

void FieldDetailWidget::setField(int schema, int field)
{
    const Locus at{field, schema};
    m_binder->setLocus(at);
    const bool items = m_target == Target::ArrayItems;
    const Field* owner = locateField(m_document->policy(), at);
    const Field* shown = m_binder->current();
    m_denyModel->setSource(
        m_binder->path("deny_substrings"),
        [at, items](auto& p) {
            auto* f = items ? locateItems(p, at) : locateField(p, at);
            return f != nullptr ? &f->denySubstrings : nullptr;
        },
        shown != nullptr
            ? "/schemas/" + JsonPointer::escape(m_document->policy().schemas[static_cast<size_t>(schema)].name) +
                  "/fields/" + JsonPointer::escape(owner->name) + (items ? "/items" : "") + "/deny_substrings"
            : std::string());
    if (m_items != nullptr) {
        m_items->setField(schema, field);
    }
    refreshGroups();
}

void FieldDetailWidget::refreshPatternFlags()
{
    const Field* field = m_binder->current();
    if (field == nullptr || field->pattern.empty()) {
        m_patternFlags->clearMessage();
        return;
    }
    QStringList lines;
    Severity worst = Severity::Info;
    for (const PatternFinding& finding : PatternLint::lintField(*field)) {
        QStringList engines;
        for (const std::string& engine : finding.engines) {
            engines << toQ(engine);
        }
        lines << toQ(finding.message) +
                     (engines.isEmpty() ? QString() : tr(" (affects %1)").arg(engines.join(QStringLiteral(", "))));
        if (finding.severity == PatternFinding::Severity::Error) {
            worst = Severity::Error;
        } else if (finding.severity == PatternFinding::Severity::Warning && worst != Severity::Error) {
            worst = Severity::Warning;
        }
    }
    m_patternFlags->setMessage(lines.join(u'\n'), worst);
}

void FieldDetailWidget::refreshGroups()
{
    const Field* field = m_binder->current();
    setEnabled(field != nullptr);
    const FieldType type = field != nullptr ? field->type : FieldType::String;
    m_string->setVisible(type == FieldType::String);
    m_number->setVisible(type == FieldType::Integer || type == FieldType::Number);
    m_enum->setVisible(type == FieldType::Enum);
    m_array->setVisible(type == FieldType::Array);
    m_object->setVisible(type == FieldType::Object);
    if (m_itemsGroup != nullptr) {
        m_itemsGroup->setVisible(field != nullptr && field->items);
    }
    refreshPatternFlags();
}

} // namespace pc
