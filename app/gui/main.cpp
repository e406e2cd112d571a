// SPDX-License-Identifier: Apache-2.0
// portcullis: the desktop workbench. `portcullis [FILE]` opens a policy;
// `portcullis --screenshot DIR [FILE]` renders every section to DIR/<section>.png
// offscreen and exits (for the README and for tests).
#include "document/FilePolicyStore.h"
#include "document/RecoveryStore.h"
#include "shell/DocumentController.h"
#include "shell/MainWindow.h"
#include "shell/SectionRenderer.h"
#include "support/Settings.h"
#include "support/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstring>

namespace {

bool wantsScreenshot(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    // Screenshots need no display: pick the offscreen platform before Qt starts.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Portcullis"));
    QApplication::setApplicationName(QStringLiteral("Portcullis"));
    QApplication::setApplicationDisplayName(QStringLiteral("Portcullis"));
    QApplication::setApplicationVersion(QStringLiteral(PORTCULLIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("portcullis"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Security-policy workbench for HTTP APIs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "The policy file to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render every section to DIR/<section>.png offscreen, then exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("main", "Window size for screenshots (default 1280x820)."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x820"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QApplication::translate("main", "system, light or dark (overrides preferences)."),
                                   QStringLiteral("THEME"));
    parser.addOptions({screenshot, size, theme});
    parser.process(app);

    const bool rendering = parser.isSet(screenshot);
    // Screenshots must not depend on, or change, the user's own settings and recovery files.
    QTemporaryDir scratch;
    pc::Settings settings(rendering ? scratch.filePath(QStringLiteral("settings.ini")) : QString());
    if (parser.isSet(theme)) {
        const QString name = parser.value(theme);
        settings.setTheme(name == QLatin1String("dark")    ? pc::Settings::Theme::Dark
                          : name == QLatin1String("light") ? pc::Settings::Theme::Light
                                                           : pc::Settings::Theme::System);
    }
    pc::Theme::apply(app, settings.theme());

    const QString recoveryDir = rendering ? scratch.filePath(QStringLiteral("recovery"))
                                          : QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                                                .filePath(QStringLiteral("recovery"));
    pc::FilePolicyStore store;
    pc::RecoveryStore recovery(recoveryDir);
    pc::MainWindow window(store, settings, recovery);
    const QStringList files = parser.positionalArguments();

    if (rendering) {
        const QStringList dims = parser.value(size).split(u'x');
        if (dims.size() == 2) {
            window.resize(dims[0].toInt(), dims[1].toInt());
        }
        window.show();
        if (!files.isEmpty() && !window.controller()->open(files.first())) {
            QTextStream(stderr) << QApplication::translate("main", "%1 did not load.").arg(files.first()) << '\n';
            return 1;
        }
        QString error;
        const auto written = pc::SectionRenderer::render(window, parser.value(screenshot), &error);
        if (!written) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        QTextStream out(stdout);
        for (const QString& file : *written) {
            out << file << '\n';
        }
        return 0;
    }

    window.show();
    // Work lost in a crash comes first; a file named on the command line
    // opens when nothing was restored.
    if (!window.controller()->offerRecovery() && !files.isEmpty()) {
        window.controller()->open(files.first());
    }
    return QApplication::exec();
}
