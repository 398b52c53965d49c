#include "domain/servertext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::ServerText {

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
}

} // namespace

QString clean(const QString& text, qsizetype maxLength)
{
    QString out;
    out.reserve(std::min(text.size(), maxLength + 1));
    bool space = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0x1b) {
            // ESC [ parameters… final byte (CSI), or ESC and one more character.
            if (i + 1 < text.size() && text.at(i + 1) == u'[') {
                i += 2;
                while (i < text.size() && !(text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e))
                    ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (c == u'\t' || c == u'\n' || c == u'\r' || c == u' ' || c == 0xa0) {
            space = !out.isEmpty();
            continue;
        }
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || isBidiControl(c))
            continue;
        if (space) {
            out += u' ';
            space = false;
        }
        out += QChar(c);
        if (out.size() > maxLength)
            break;
    }
    if (out.size() > maxLength) {
        out.truncate(maxLength - 1);
        out += u'…';
    }
    return out;
}

} // namespace bd::ServerText
