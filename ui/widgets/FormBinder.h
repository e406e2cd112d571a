// SPDX-License-Identifier: Apache-2.0
// FormBinder<B>: ties form widgets to members of one part B of the policy
// (the CORS settings, the selected route ...). A widget edit becomes a
// ChangeValue on the document's undo stack; a document change (an edit,
// undo, redo, a new file) refreshes exactly the widgets whose path it
// touches. Each widget gets the setting's explanation as its tooltip and its
// generic path as the "policyPath" property. Text that does not parse (a
// duration, a size, JSON) stays in the widget with an inline message and is
// not pushed, so nothing typed is lost. GUI thread only.
#pragma once

#include "common/ByteSize.h"
#include "common/Duration.h"
#include "document/PolicyDocument.h"
#include "support/SettingHelp.h"
#include "support/Text.h"
#include "undo/ChangeValue.h"
#include "widgets/MessageLabel.h"
#include "widgets/TokenChecklist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace pc {

class FormBinderBase {
public:
    FormBinderBase(PolicyDocument* document, QObject* context);
    virtual ~FormBinderBase();
    FormBinderBase(const FormBinderBase&) = delete;
    FormBinderBase& operator=(const FormBinderBase&) = delete;

    [[nodiscard]] PolicyDocument* document() const { return m_document; }
    void refreshAll();

protected:
    using PathFn = std::function<std::string()>;
    void addBinding(PathFn path, std::function<void()> refresh);
    static void describe(QWidget* widget, const std::string& genericPath);
    [[nodiscard]] static QString undoText(const std::string& path);

    PolicyDocument* m_document;

private:
    struct Binding {
        PathFn path;
        std::function<void()> refresh;
    };
    void onChanged(const PolicyChange& change);

    std::vector<Binding> m_bindings;
    QMetaObject::Connection m_connection;
};

// Which instance of a repeated part a binder shows: the row of a list, and
// the row of the list that holds it (a field `row` of schema `outer`).
struct Locus {
    int row = 0;
    int outer = 0;
};

template <class B> class FormBinder final : public FormBinderBase {
public:
    // `basePath(locus)` is the index path of the bound part; `locate` is a
    // generic lambda (auto& policy, Locus) returning a pointer to it, or
    // nullptr while it is absent.
    template <class Locate>
    FormBinder(PolicyDocument* document, QObject* context, std::function<std::string(Locus)> basePath, Locate locate)
        : FormBinderBase(document, context), m_basePath(std::move(basePath)),
          m_read([locate](const Policy& p, Locus at) -> const B* { return locate(p, at); }),
          m_write([locate](Policy& p, Locus at) -> B* { return locate(p, at); })
    {
    }

    void setLocus(Locus at)
    {
        m_row = at;
        refreshAll();
    }
    void setRow(int row) { setLocus({row, m_row.outer}); }
    [[nodiscard]] Locus locus() const { return m_row; }
    [[nodiscard]] const B* current() const { return m_read(m_document->policy(), m_row); }
    [[nodiscard]] std::string path(std::string_view key) const { return join(m_basePath(m_row), key); }

    // One undo step setting `field` of the bound part to `value`.
    template <class V, class F> void apply(std::string_view key, F field, V value)
    {
        const B* b = current();
        if (b == nullptr || std::invoke(field, *b) == value) {
            return;
        }
        auto write = m_write;
        const Locus at = m_row;
        auto access = [write, at, field](Policy& p) -> V& { return std::invoke(field, *write(p, at)); };
        const std::string where = path(key);
        m_document->push(new ChangeValue<V>(m_document, undoText(where), where, access, std::move(value)));
    }

    // Calls `show` with the field's value on every refresh, or disables `widget` while the part is absent.
    template <class F, class Show> void custom(QWidget* widget, std::string_view key, F field, Show show)
    {
        describe(widget, genericPath(key));
        const std::string k(key);
        addBinding([this, k] { return path(k); },
                   [this, widget, field, show] {
                       const B* b = current();
                       widget->setEnabled(b != nullptr);
                       if (b != nullptr) {
                           const QSignalBlocker blocker(widget);
                           show(std::invoke(field, *b));
                       }
                   });
    }

    template <class F> void text(QLineEdit* edit, std::string_view key, F field)
    {
        custom(edit, key, field, [edit](const std::string& v) { setText(edit, toQ(v)); });
        QObject::connect(edit, &QLineEdit::textChanged, edit, [this, k = std::string(key), field](const QString& t) {
            apply<std::string>(k, field, toStd(t));
        });
        closeSessionOnFinish(edit);
    }

    template <class F> void multiline(QPlainTextEdit* edit, std::string_view key, F field)
    {
        custom(edit, key, field, [edit](const std::string& v) {
            if (edit->toPlainText() != toQ(v)) {
                edit->setPlainText(toQ(v));
            }
        });
        QObject::connect(edit, &QPlainTextEdit::textChanged, edit, [this, edit, k = std::string(key), field] {
            apply<std::string>(k, field, toStd(edit->toPlainText()));
        });
    }

    template <class F> void flag(QCheckBox* box, std::string_view key, F field)
    {
        custom(box, key, field, [box](bool v) { box->setChecked(v); });
        QObject::connect(box, &QCheckBox::toggled, box, [this, k = std::string(key), field](bool on) {
            apply<bool>(k, field, on);
            m_document->closeMergeSession();
        });
    }

    template <class F> void number(QSpinBox* spin, std::string_view key, F field)
    {
        using V = ValueOf<F>;
        static_assert(std::is_integral_v<V>);
        custom(spin, key, field, [spin](V v) { spin->setValue(static_cast<int>(v)); });
        QObject::connect(spin, &QSpinBox::valueChanged, spin,
                         [this, k = std::string(key), field](int v) { apply<V>(k, field, static_cast<V>(v)); });
        QObject::connect(spin, &QSpinBox::editingFinished, spin, [this] { m_document->closeMergeSession(); });
    }

    template <class E, class F> void choice(QComboBox* combo, std::string_view key, F field)
    {
        combo->clear();
        for (const QString& name : enumTexts<E>()) {
            combo->addItem(name, name);
        }
        custom(combo, key, field, [combo](E v) { combo->setCurrentIndex(combo->findData(enumText(v))); });
        QObject::connect(combo, &QComboBox::currentIndexChanged, combo, [this, combo, k = std::string(key), field] {
            if (auto v = enumFromText<E>(combo->currentData().toString())) {
                apply<E>(k, field, *v);
                m_document->closeMergeSession();
            }
        });
    }

    template <class F> void checklist(TokenChecklist* list, std::string_view key, F field)
    {
        custom(list, key, field, [list](const std::vector<std::string>& v) { list->setTokens(v); });
        QObject::connect(list, &TokenChecklist::edited, list,
                         [this, k = std::string(key), field](const std::vector<std::string>& v) {
                             apply<std::vector<std::string>>(k, field, v);
                             m_document->closeMergeSession();
                         });
    }

    // A list of tokens typed on one line, separated by spaces or commas.
    template <class F> void tokens(QLineEdit* edit, std::string_view key, F field)
    {
        custom(edit, key, field, [edit](const std::vector<std::string>& v) {
            if (splitTokens(edit->text()) != v) {
                setText(edit, joinTokens(v));
            }
        });
        QObject::connect(edit, &QLineEdit::textChanged, edit, [this, k = std::string(key), field](const QString& t) {
            apply<std::vector<std::string>>(k, field, splitTokens(t));
        });
        closeSessionOnFinish(edit);
    }

    // Text parsed into a value; `parse` returns nullopt and fills `message` when the text is not valid.
    template <class F, class Parse, class Render>
    void parsed(QLineEdit* edit, MessageLabel* message, std::string_view key, F field, Parse parse, Render render)
    {
        using V = ValueOf<F>;
        custom(edit, key, field, [edit, message, parse, render](const V& v) {
            QString ignored;
            const auto shown = parse(edit->text(), ignored);
            if (!shown || !(*shown == v)) {
                setText(edit, render(v));
            }
            message->clearMessage();
        });
        QObject::connect(edit, &QLineEdit::textChanged, edit,
                         [this, message, k = std::string(key), field, parse](const QString& t) {
                             QString problem;
                             if (const auto v = parse(t, problem)) {
                                 message->clearMessage();
                                 apply<V>(k, field, *v);
                             } else {
                                 message->setMessage(problem);
                             }
                         });
        closeSessionOnFinish(edit);
    }

    template <class F> void duration(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        parsed(edit, message, key, field, parseDuration, [](const Duration& d) { return toQ(d.toString()); });
    }

    template <class F> void optionalDuration(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        parsed(edit, message, key, field, optionally(parseDuration),
               [](const std::optional<Duration>& d) { return d ? toQ(d->toString()) : QString(); });
    }

    template <class F> void byteSize(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        parsed(edit, message, key, field, parseByteSize, [](const ByteSize& s) { return toQ(s.toString()); });
    }

    template <class F> void optionalByteSize(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        parsed(edit, message, key, field, optionally(parseByteSize),
               [](const std::optional<ByteSize>& s) { return s ? toQ(s->toString()) : QString(); });
    }

    // std::optional<unsigned integer>: empty text is "not set".
    template <class F> void optionalCount(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        using V = typename ValueOf<F>::value_type;
        auto parse = [](const QString& t, QString& problem) -> std::optional<V> {
            bool ok = false;
            const qulonglong n = t.trimmed().toULongLong(&ok);
            if (!ok || n > static_cast<qulonglong>(std::numeric_limits<V>::max())) {
                problem = QObject::tr("\"%1\" is not a whole number of at most %2.")
                              .arg(t.trimmed())
                              .arg(static_cast<qulonglong>(std::numeric_limits<V>::max()));
                return std::nullopt;
            }
            return static_cast<V>(n);
        };
        parsed(edit, message, key, field, optionally(parse),
               [](const std::optional<V>& v) { return v ? QString::number(*v) : QString(); });
    }

    // std::optional<nlohmann::json> holding a number: empty text is "not set".
    template <class F> void optionalNumber(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        auto parse = [](const QString& t, QString& problem) -> std::optional<nlohmann::json> {
            const nlohmann::json j = nlohmann::json::parse(toStd(t.trimmed()), nullptr, false);
            if (!j.is_number()) {
                problem = QObject::tr("\"%1\" is not a JSON number.").arg(t.trimmed());
                return std::nullopt;
            }
            return j;
        };
        parsed(edit, message, key, field, optionally(parse),
               [](const std::optional<nlohmann::json>& v) { return v ? toQ(v->dump()) : QString(); });
    }

    // Any JSON value on one line; empty text is "not set" (std::optional) or null.
    template <class F> void json(QLineEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        using V = ValueOf<F>;
        if constexpr (std::is_same_v<V, std::optional<nlohmann::json>>) {
            parsed(edit, message, key, field, optionally(parseJson),
                   [](const V& v) { return v ? toQ(v->dump()) : QString(); });
        } else {
            parsed(edit, message, key, field, parseJsonList,
                   [](const V& v) { return v.empty() ? QString() : toQ(nlohmann::json(v).dump()); });
        }
    }

    // A JSON document in a multi-line editor; empty text is null.
    template <class F> void jsonDocument(QPlainTextEdit* edit, MessageLabel* message, std::string_view key, F field)
    {
        custom(edit, key, field, [edit, message](const nlohmann::json& v) {
            QString ignored;
            const auto shown = parseJson(edit->toPlainText(), ignored);
            if (!(shown && *shown == v) && !(v.is_null() && edit->toPlainText().trimmed().isEmpty())) {
                edit->setPlainText(v.is_null() ? QString() : toQ(v.dump(2)));
            }
            message->clearMessage();
        });
        QObject::connect(edit, &QPlainTextEdit::textChanged, edit, [this, edit, message, k = std::string(key), field] {
            const QString t = edit->toPlainText();
            QString problem;
            if (t.trimmed().isEmpty()) {
                message->clearMessage();
                apply<nlohmann::json>(k, field, nlohmann::json());
            } else if (auto v = parseJson(t, problem)) {
                message->clearMessage();
                apply<nlohmann::json>(k, field, *v);
            } else {
                message->setMessage(problem);
            }
        });
    }

    // An optional section switched on and off by a check box; switching it
    // back on restores what it held, else `fresh`.
    template <class F, class X> void section(QCheckBox* box, std::string_view key, F field, X fresh)
    {
        auto remembered = std::make_shared<std::optional<X>>();
        custom(box, key, field, [box](const std::optional<X>& v) { box->setChecked(v.has_value()); });
        QObject::connect(box, &QCheckBox::toggled, box,
                         [this, remembered, fresh, k = std::string(key), field](bool on) {
                             const B* b = current();
                             if (b == nullptr) {
                                 return;
                             }
                             const std::optional<X>& now = std::invoke(field, *b);
                             if (!on && now) {
                                 *remembered = *now;
                             }
                             apply<std::optional<X>>(
                                 k, field, on ? std::optional<X>(remembered->value_or(fresh)) : std::optional<X>());
                             m_document->closeMergeSession();
                         });
    }

private:
    template <class F> using ValueOf = std::remove_cvref_t<std::invoke_result_t<F, B&>>;

    std::string genericPath(std::string_view key) const { return policypath::generic(join(m_basePath({}), key)); }
    static std::string join(const std::string& base, std::string_view key)
    {
        return key.empty() ? base : policypath::join(base, key);
    }
    static void setText(QLineEdit* edit, const QString& text)
    {
        if (edit->text() != text) {
            edit->setText(text);
        }
    }
    void closeSessionOnFinish(QLineEdit* edit)
    {
        QObject::connect(edit, &QLineEdit::editingFinished, edit, [this] { m_document->closeMergeSession(); });
    }

    // A parse result that may hold an "empty" value: std::optional<std::optional<V>>
    // would say the same, but GCC 12 at -O3 warns falsely about it.
    template <class V> struct Parsed {
        bool ok = false;
        V value{};
        explicit operator bool() const { return ok; }
        const V& operator*() const { return value; }
    };

    // Empty text is "not set"; anything else goes through `parse`.
    template <class Parse> static auto optionally(Parse parse)
    {
        using V = typename std::invoke_result_t<Parse, const QString&, QString&>::value_type;
        return [parse](const QString& t, QString& problem) {
            Parsed<std::optional<V>> out;
            if (t.trimmed().isEmpty()) {
                out.ok = true;
                return out;
            }
            if (auto v = parse(t, problem)) {
                out.ok = true;
                out.value = *v;
            }
            return out;
        };
    }

    static std::optional<Duration> parseDuration(const QString& t, QString& problem)
    {
        if (auto d = Duration::parse(toStd(t.trimmed()))) {
            return d;
        }
        problem = QObject::tr("\"%1\" is not a duration: %2").arg(t.trimmed(), toQ(Duration::grammarHint));
        return std::nullopt;
    }
    static std::optional<ByteSize> parseByteSize(const QString& t, QString& problem)
    {
        if (auto s = ByteSize::parse(toStd(t.trimmed()))) {
            return s;
        }
        problem = QObject::tr("\"%1\" is not a size: %2").arg(t.trimmed(), toQ(ByteSize::grammarHint));
        return std::nullopt;
    }
    static std::optional<nlohmann::json> parseJson(const QString& t, QString& problem)
    {
        nlohmann::json j = nlohmann::json::parse(toStd(t), nullptr, false);
        if (j.is_discarded()) {
            problem = QObject::tr("This is not valid JSON (RFC 8259).");
            return std::nullopt;
        }
        return j;
    }
    static std::optional<std::vector<nlohmann::json>> parseJsonList(const QString& t, QString& problem)
    {
        if (t.trimmed().isEmpty()) {
            return std::vector<nlohmann::json>{};
        }
        const nlohmann::json j = nlohmann::json::parse(toStd(t), nullptr, false);
        if (!j.is_array()) {
            problem = QObject::tr("Write a JSON array, for example [\"a\", \"b\"].");
            return std::nullopt;
        }
        return j.get<std::vector<nlohmann::json>>();
    }

    std::function<std::string(Locus)> m_basePath;
    std::function<const B*(const Policy&, Locus)> m_read;
    std::function<B*(Policy&, Locus)> m_write;
    Locus m_row;
};

} // namespace pc
