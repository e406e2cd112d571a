// SPDX-License-Identifier: Apache-2.0
// TransportEditor: "Transport & limits" — HTTPS, TLS floor, trusted proxies
// and the client address header, the upstream, timeouts, and the request
// size limits behind 413, 414, 415 and 431.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class TransportEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransportEditor)

public:
    explicit TransportEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~TransportEditor() override;

private:
    std::unique_ptr<FormBinder<TransportPolicy>> m_transport;
    std::unique_ptr<FormBinder<SizeLimits>> m_limits;
};

} // namespace pc
