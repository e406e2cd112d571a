// SPDX-License-Identifier: Apache-2.0
#include "support/Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace pc {

void Theme::apply(QApplication& app, Settings::Theme theme)
{
    // The style and palette the platform gave us, kept on the application so
    // that switching back to "System" restores them.
    static const char* const kSystemStyle = "pc_systemStyle";
    if (!app.property(kSystemStyle).isValid()) {
        app.setProperty(kSystemStyle, app.style()->name());
    }
    switch (theme) {
    case Settings::Theme::System:
        app.setStyle(app.property(kSystemStyle).toString());
        app.setPalette(app.style()->standardPalette());
        break;
    case Settings::Theme::Light:
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(lightPalette());
        break;
    case Settings::Theme::Dark:
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(darkPalette());
        break;
    }
}

bool Theme::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor Theme::messageColor(const QPalette& palette, Severity severity)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case Severity::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Severity::Warning:
        return dark ? QColor(0xff, 0xd1, 0x66) : QColor(0x8a, 0x5a, 0x00);
    case Severity::Success:
        return dark ? QColor(0x7c, 0xd9, 0x92) : QColor(0x1e, 0x7a, 0x35);
    case Severity::Info:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x35, 0x74, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

QPalette Theme::lightPalette()
{
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion->standardPalette();
    delete fusion;
    return p;
}

} // namespace pc
