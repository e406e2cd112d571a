// SPDX-License-Identifier: Apache-2.0
// CorsPreflightWidget: the live preflight simulator — an origin, a method and
// request headers become the OPTIONS request a browser sends; the engine
// (CompiledPolicy::evaluate) answers it exactly as the test server would; the
// Fetch rules (BrowserCorsCheck) then say whether the browser lets the actual
// request go, and why.
#pragma once

#include "engine/CompiledPolicy.h"
#include "simulation/BrowserCorsCheck.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace pc {

class MessageLabel;
class PolicyDocument;

class CorsPreflightWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorsPreflightWidget)

public:
    explicit CorsPreflightWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~CorsPreflightWidget() override;

    void setRequest(const QString& origin, const QString& method, const QString& headers, bool credentials,
                    const QString& path = {});
    // Evaluates now (otherwise shortly after a change).
    void simulate();

    [[nodiscard]] const Decision& decision() const { return m_decision; }
    [[nodiscard]] const BrowserVerdict& verdict() const { return m_verdict; }
    [[nodiscard]] HttpRequest preflightRequest() const;
    [[nodiscard]] QString responseText() const;
    // A concrete path for a route template: /users/{id:int} -> /users/1.
    [[nodiscard]] static QString samplePath(const std::string& templatePath);

private:
    void recompile();
    void refreshChoices();
    [[nodiscard]] BrowserRequest browserRequest() const;

    PolicyDocument* m_document;
    std::shared_ptr<const CompiledPolicy> m_engine;
    QString m_compileProblem;
    QTimer m_quiet;
    QComboBox* m_origin;
    QComboBox* m_method;
    QLineEdit* m_headers;
    QCheckBox* m_credentials;
    QComboBox* m_path;
    QPlainTextEdit* m_request;
    QPlainTextEdit* m_response;
    MessageLabel* m_verdictLabel;
    Decision m_decision;
    BrowserVerdict m_verdict;
};

} // namespace pc
