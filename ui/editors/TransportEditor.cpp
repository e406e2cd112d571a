// SPDX-License-Identifier: Apache-2.0
#include "editors/TransportEditor.h"

#include "editors/EditorKit.h"
#include "policy/PolicyEnums.h"
#include "widgets/IssuesLabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace pc {

TransportEditor::TransportEditor(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_transport(std::make_unique<FormBinder<TransportPolicy>>(
                           document, this, [](Locus) { return std::string("/transport"); },
                           [](auto& p, Locus) { return &p.transport; })),
      m_limits(std::make_unique<FormBinder<SizeLimits>>(
          document, this, [](Locus) { return std::string("/limits"); }, [](auto& p, Locus) { return &p.limits; }))
{
    auto* content = new QWidget(this);
    auto* columns = new QHBoxLayout(content);

    auto* transport = makeGroup(tr("Transport"), QStringLiteral("transportGroupBox"), content);
    auto* tForm = new QFormLayout(transport);
    auto* https = new QCheckBox(tr("HTTPS only"), transport);
    https->setObjectName(QStringLiteral("httpsOnlyCheckBox"));
    m_transport->flag(https, "https_only", &TransportPolicy::httpsOnly);
    tForm->addRow(https);
    auto* tls = new QComboBox(transport);
    tls->setObjectName(QStringLiteral("minTlsComboBox"));
    m_transport->choice<TlsVersion>(tls, "min_tls", &TransportPolicy::minTls);
    tForm->addRow(makeFieldLabel(tr("Minimum TLS"), "/transport/min_tls", transport), tls);
    auto* ipHeader = new QComboBox(transport);
    ipHeader->setObjectName(QStringLiteral("clientIpHeaderComboBox"));
    m_transport->choice<ClientIpHeader>(ipHeader, "client_ip_header", &TransportPolicy::clientIpHeader);
    tForm->addRow(makeFieldLabel(tr("Client address from"), "/transport/client_ip_header", transport), ipHeader);
    auto* proxies = makeStringListEditor(
        document, transport, tr("trusted proxy"), "/transport/trusted_proxies",
        [](auto& p) { return &p.transport.trustedProxies; }, tr("10.0.0.0/8"),
        QStringLiteral("trustedProxyListWidget"));
    proxies->setMaximumHeight(160);
    tForm->addRow(makeFieldLabel(tr("Trusted proxies"), "/transport/trusted_proxies", transport), proxies);
    auto* upstream = new QLineEdit(transport);
    upstream->setObjectName(QStringLiteral("upstreamLineEdit"));
    upstream->setPlaceholderText(QStringLiteral("http://127.0.0.1:8000"));
    m_transport->text(upstream, "upstream", &TransportPolicy::upstream);
    tForm->addRow(makeFieldLabel(tr("Upstream"), "/transport/upstream", transport), upstream);
    for (const auto& [key, label, member, name] :
         {std::tuple{"header_timeout", tr("Header timeout"), &TransportPolicy::headerTimeout,
                     QStringLiteral("headerTimeoutLineEdit")},
          std::tuple{"idle_timeout", tr("Idle timeout"), &TransportPolicy::idleTimeout,
                     QStringLiteral("idleTimeoutLineEdit")}}) {
        auto* edit = new QLineEdit(transport);
        edit->setObjectName(name);
        auto* message = new MessageLabel(transport);
        m_transport->duration(edit, message, key, member);
        tForm->addRow(makeFieldLabel(label, "/transport/" + std::string(key), transport), edit);
        tForm->addRow(QString(), message);
    }
    auto* connections = new QSpinBox(transport);
    connections->setObjectName(QStringLiteral("maxConnectionsSpinBox"));
    connections->setRange(1, 1'000'000);
    m_transport->number(connections, "max_connections", &TransportPolicy::maxConnections);
    tForm->addRow(makeFieldLabel(tr("Maximum connections"), "/transport/max_connections", transport), connections);
    columns->addWidget(transport, 1, Qt::AlignTop); // rows keep their natural spacing

    auto* limits = makeGroup(tr("Request limits"), QStringLiteral("limitsGroupBox"), content);
    auto* lForm = new QFormLayout(limits);
    for (const auto& [key, label, member, name] :
         {std::tuple{"max_body_bytes", tr("Body"), &SizeLimits::maxBodyBytes, QStringLiteral("maxBodyLineEdit")},
          std::tuple{"max_header_bytes", tr("Headers"), &SizeLimits::maxHeaderBytes,
                     QStringLiteral("maxHeaderLineEdit")},
          std::tuple{"max_url_bytes", tr("URL"), &SizeLimits::maxUrlBytes, QStringLiteral("maxUrlLineEdit")}}) {
        auto* edit = new QLineEdit(limits);
        edit->setObjectName(name);
        auto* message = new MessageLabel(limits);
        m_limits->byteSize(edit, message, key, member);
        lForm->addRow(makeFieldLabel(label, "/limits/" + std::string(key), limits), edit);
        lForm->addRow(QString(), message);
    }
    auto* headerCount = new QSpinBox(limits);
    headerCount->setObjectName(QStringLiteral("maxHeadersSpinBox"));
    headerCount->setRange(1, 10'000);
    m_limits->number(headerCount, "max_headers", &SizeLimits::maxHeaders);
    lForm->addRow(makeFieldLabel(tr("Header lines"), "/limits/max_headers", limits), headerCount);
    auto* depth = new QSpinBox(limits);
    depth->setObjectName(QStringLiteral("maxJsonDepthSpinBox"));
    depth->setRange(1, 1000);
    m_limits->number(depth, "max_json_depth", &SizeLimits::maxJsonDepth);
    lForm->addRow(makeFieldLabel(tr("JSON depth"), "/limits/max_json_depth", limits), depth);
    auto* types = makeStringListEditor(
        document, limits, tr("content type"), "/limits/content_types", [](auto& p) { return &p.limits.contentTypes; },
        QStringLiteral("application/json"), QStringLiteral("contentTypeListWidget"));
    types->setMaximumHeight(160);
    lForm->addRow(makeFieldLabel(tr("Content types"), "/limits/content_types", limits), types);
    columns->addWidget(limits, 1, Qt::AlignTop);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(makeScrollPage(content, this));
    outer->addWidget(new IssuesLabel(document, {"/transport", "/limits"}, this));
}

TransportEditor::~TransportEditor() = default;

} // namespace pc
