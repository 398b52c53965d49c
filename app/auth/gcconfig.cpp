#include "auth/gcconfig.h"

#include "api/region.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct GcConfigText
{
    Q_DECLARE_TR_FUNCTIONS(bd::GcConfig)
};

/// One [table] of the file: its keys in order of appearance.
struct Table
{
    QString name;
    QList<std::pair<QString, QVariant>> values;

    QString string(std::initializer_list<QString> keys) const
    {
        for (const QString& key : keys) {
            for (const auto& [k, v] : values) {
                if (k.compare(key, Qt::CaseInsensitive) == 0) // viper, which writes the file, folds case
                    return v.toString();
            }
        }
        return {};
    }
};

/// Reads a TOML subset line by line; the first error stops it.
class TomlReader
{
public:
    explicit TomlReader(const QString& text)
        : m_text(text)
    { }

    std::optional<QList<Table>> read(QString* error)
    {
        QList<Table> tables;
        const QStringList lines = m_text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = int(i + 1);
            m_s = lines.at(i);
            if (m_s.endsWith(u'\r'))
                m_s.chop(1);
            m_pos = 0;
            skipSpace();
            if (atEnd() || peek() == u'#')
                continue;
            if (peek() == u'[') {
                ++m_pos;
                if (!atEnd() && peek() == u'[')
                    return fail(error, GcConfigText::tr("arrays of tables ([[…]]) are not supported"));
                skipSpace();
                auto name = key();
                if (!name)
                    return fail(error, m_why);
                skipSpace();
                if (atEnd() || peek() != u']')
                    return fail(error, GcConfigText::tr("expected ] after the table name"));
                ++m_pos;
                if (!restIsComment())
                    return fail(error, GcConfigText::tr("unexpected text after the table name"));
                tables.append(Table { *name, {} });
                continue;
            }
            auto name = key();
            if (!name)
                return fail(error, m_why);
            skipSpace();
            if (atEnd() || peek() != u'=')
                return fail(error, GcConfigText::tr("expected = after the key “%1”").arg(*name));
            ++m_pos;
            skipSpace();
            auto v = value();
            if (!v)
                return fail(error, m_why);
            if (!restIsComment())
                return fail(error, GcConfigText::tr("unexpected text after the value of “%1”").arg(*name));
            if (tables.isEmpty())
                tables.append(Table {}); // keys before any table: the root table (unnamed)
            tables.last().values.append({ *name, *v });
        }
        return tables;
    }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek() const { return m_s.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == u' ' || peek() == u'\t'))
            ++m_pos;
    }
    bool restIsComment()
    {
        skipSpace();
        return atEnd() || peek() == u'#';
    }
    std::nullopt_t fail(QString* error, const QString& why) const
    {
        if (error)
            *error = GcConfigText::tr("line %1: %2").arg(m_line).arg(why);
        return std::nullopt;
    }

    std::optional<QString> key()
    {
        if (atEnd()) {
            m_why = GcConfigText::tr("expected a key");
            return std::nullopt;
        }
        if (peek() == u'"' || peek() == u'\'')
            return quoted();
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_' || peek() == u'-'))
            ++m_pos;
        if (m_pos == start) {
            m_why = GcConfigText::tr("expected a key, found “%1”").arg(peek());
            return std::nullopt;
        }
        if (!atEnd() && peek() == u'.') {
            m_why = GcConfigText::tr("dotted keys are not supported");
            return std::nullopt;
        }
        return m_s.mid(start, m_pos - start);
    }

    std::optional<QString> quoted()
    {
        const QChar quote = peek();
        ++m_pos;
        QString out;
        while (!atEnd()) {
            const QChar c = peek();
            ++m_pos;
            if (c == quote)
                return out;
            if (c == u'\\' && quote == u'"') {
                if (atEnd())
                    break;
                const QChar e = peek();
                ++m_pos;
                switch (e.unicode()) {
                case 'n':
                    out += u'\n';
                    break;
                case 't':
                    out += u'\t';
                    break;
                case 'r':
                    out += u'\r';
                    break;
                case 'b':
                    out += u'\b';
                    break;
                case 'f':
                    out += u'\f';
                    break;
                case '"':
                    out += u'"';
                    break;
                case '\\':
                    out += u'\\';
                    break;
                case 'u':
                case 'U': {
                    const int digits = e == u'u' ? 4 : 8;
                    bool ok = false;
                    const uint code = m_s.mid(m_pos, digits).toUInt(&ok, 16);
                    if (!ok || m_pos + digits > m_s.size()) {
                        m_why = GcConfigText::tr("bad \\%1 escape").arg(e);
                        return std::nullopt;
                    }
                    m_pos += digits;
                    const char32_t c32 = char32_t(code);
                    out += QString::fromUcs4(&c32, 1);
                    break;
                }
                default:
                    m_why = GcConfigText::tr("unknown escape \\%1").arg(e);
                    return std::nullopt;
                }
                continue;
            }
            out += c;
        }
        m_why = GcConfigText::tr("unterminated string");
        return std::nullopt;
    }

    std::optional<QVariant> value()
    {
        if (atEnd()) {
            m_why = GcConfigText::tr("expected a value");
            return std::nullopt;
        }
        if (peek() == u'"' || peek() == u'\'') {
            if (m_s.mid(m_pos, 3) == u"\"\"\""_s || m_s.mid(m_pos, 3) == u"'''"_s) {
                m_why = GcConfigText::tr("multi-line strings are not supported");
                return std::nullopt;
            }
            auto s = quoted();
            if (!s)
                return std::nullopt;
            return QVariant(*s);
        }
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != u'#' && peek() != u' ' && peek() != u'\t')
            ++m_pos;
        const QString word = m_s.mid(start, m_pos - start);
        if (word == u"true"_s)
            return QVariant(true);
        if (word == u"false"_s)
            return QVariant(false);
        bool ok = false;
        const qlonglong number = QString(word).remove(u'_').toLongLong(&ok);
        if (ok)
            return QVariant(number);
        m_why
            = GcConfigText::tr("unsupported value “%1” (strings, integers and booleans are read)").arg(word);
        return std::nullopt;
    }

    QString m_text;
    QString m_s;
    qsizetype m_pos = 0;
    int m_line = 0;
    QString m_why;
};

/// "mypurecloud.ie", "eu-west-1" or "eu_west_1" → "eu_west_1".
QString regionKeyFor(const QString& environment)
{
    QString wanted = environment.trimmed();
    if (wanted.startsWith(u"https://"_s))
        wanted = QUrl(wanted).host();
    if (wanted.startsWith(u"api."_s) || wanted.startsWith(u"login."_s))
        wanted = wanted.mid(wanted.indexOf(u'.') + 1);
    if (const auto found = Regions::find(wanted))
        return found->key;
    if (const auto found = Regions::find(QString(wanted).replace(u'-', u'_')))
        return found->key;
    return {};
}

} // namespace

Profile GcConfig::Entry::profile() const
{
    Profile p;
    p.name = name;
    p.region = regionKey;
    p.method = method;
    p.clientId = method == Profile::Method::AccessToken ? QString() : clientId;
    p.redirectPort = method == Profile::Method::Browser ? redirectPort : 0;
    return p;
}

Secrets GcConfig::Entry::secrets() const
{
    Secrets s;
    if (method == Profile::Method::ClientCredentials)
        s.clientSecret = clientSecret;
    if (method == Profile::Method::AccessToken)
        s.accessToken = accessToken;
    return s;
}

std::optional<QList<GcConfig::Entry>> GcConfig::parse(const QString& text, QString* error)
{
    TomlReader reader(text);
    const auto tables = reader.read(error);
    if (!tables)
        return std::nullopt;
    QList<Entry> entries;
    for (const Table& table : *tables) {
        if (table.name.isEmpty())
            continue; // root keys are not a profile
        Entry e;
        e.name = table.name;
        e.environment = table.string({ u"environment"_s, u"region"_s });
        e.clientId = table.string({ u"client_credentials"_s, u"client_id"_s }).trimmed();
        e.clientSecret = table.string({ u"client_secret"_s });
        e.accessToken = table.string({ u"access_token"_s }).trimmed();
        e.grantType = table.string({ u"grant_type"_s }).trimmed();
        const QUrl redirect(table.string({ u"redirect_uri"_s }));
        if (redirect.isValid() && redirect.port() > 0)
            e.redirectPort = quint16(redirect.port());
        // The gc CLI's default environment when none is written.
        e.regionKey = regionKeyFor(e.environment.isEmpty() ? u"mypurecloud.com"_s : e.environment);

        // As in gc: an access token takes precedence over any grant type.
        if (!e.accessToken.isEmpty())
            e.method = Profile::Method::AccessToken;
        else if (e.grantType == u"2"_s || e.grantType == u"3"_s)
            e.method
                = Profile::Method::Browser; // implicit is a legacy browser flow: sign in with PKCE instead
        else
            e.method = Profile::Method::ClientCredentials;

        if (e.regionKey.isEmpty())
            e.problem = GcConfigText::tr("unknown environment “%1”").arg(e.environment);
        else if (e.method == Profile::Method::ClientCredentials
            && (e.clientId.isEmpty() || e.clientSecret.isEmpty()))
            e.problem = GcConfigText::tr("no access token, and no client id and secret");
        else if (e.method == Profile::Method::Browser && e.clientId.isEmpty())
            e.problem = GcConfigText::tr("a browser sign-in profile without a client id");
        entries.append(e);
    }
    return entries;
}

std::optional<QList<GcConfig::Entry>> GcConfig::readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = GcConfigText::tr("Cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QString why;
    auto entries = parse(QString::fromUtf8(file.readAll()), &why);
    if (!entries && error)
        *error = u"%1, %2"_s.arg(QDir::toNativeSeparators(path), why);
    return entries;
}

QString GcConfig::defaultPath()
{
    return QDir::homePath() + u"/.gc/config.toml"_s;
}

} // namespace bd
