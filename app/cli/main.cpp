// SPDX-License-Identifier: Apache-2.0
// portcullis-cli: the command line for CI pipelines. Links pc_net, never Widgets.
#include "CliApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portcullis-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTCULLIS_VERSION));
    pc::cli::CliContext io;
    pc::cli::CliApplication cli;
    return cli.run(QCoreApplication::arguments().mid(1), io);
}
