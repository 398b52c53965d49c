// billing-sim: serve the Genesys Cloud billing wire contract on localhost for demos, tests and benchmarks.
#include "sim/billingsimserver.h"
#include "sim/wiredate.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"billing-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BD_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s) || args.contains(u"-?"_s)) {
        std::fputs(qUtf8Printable(bd::sim::SimOptions::helpText()), stdout);
        return 0;
    }
    QString error;
    const auto options = bd::sim::SimOptions::fromArguments(args, &error);
    if (!options) {
        std::fprintf(stderr, "billing-sim: %s\nTry 'billing-sim --help'.\n", qUtf8Printable(error));
        return 2;
    }

    bd::sim::BillingSimServer server(*options);
    const quint16 port = server.listen(QHostAddress::LocalHost, options->port);
    if (port == 0) {
        std::fprintf(stderr, "billing-sim: cannot listen on 127.0.0.1:%u\n", unsigned(options->port));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(port));
    std::fflush(stdout);
    std::fprintf(stderr, "billing-sim: seed %u, data as of %s, client id '%s', %lld trustor orgs\n",
        unsigned(options->seed), qUtf8Printable(bd::sim::WireDate::format(server.data().now())),
        qUtf8Printable(options->clientId), static_cast<long long>(server.data().trustorIds().size()));

    QObject::connect(
        &server, &bd::sim::BillingSimServer::requestHandled, &server, [](const bd::sim::RequestRecord& r) {
            const QString query = r.query.isEmpty() ? QString() : u"?"_s + r.query.toString();
            std::fprintf(stderr, "%s %s%s -> %d (%lld ms)\n", r.method.constData(), qUtf8Printable(r.path),
                qUtf8Printable(query), r.status, static_cast<long long>(r.answeredMs - r.receivedMs));
        });
    return app.exec();
}
