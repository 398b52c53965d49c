#include "auth/pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace bd {

namespace {
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString Pkce::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // The system generator: a verifier or state guessed by another program would defeat their purpose.
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(Base64Url));
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomToken(32); // 32 bytes → 43 characters, the shortest verifier RFC 7636 allows
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QString Pkce::challengeFor(const QString& verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256).toBase64(Base64Url));
}

bool Pkce::isValidVerifier(const QString& verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.cbegin(), verifier.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'.' || c == u'_' || c == u'~';
    });
}

} // namespace bd
