#!/bin/sh
# Refreshes the English plural catalogue from the sources: every tr() text with %n gets its English singular
# and plural forms, "(s)" read as "" and "s". Run after adding or changing a %n string; the translations ctest
# fails until the catalogue matches the sources.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || echo lupdate)}
ts=${1:-$here/billing-dashboard_en.ts}
"$lupdate" -silent -pluralonly -no-obsolete -locations none -extensions cpp,h -I "$root/app" -I "$root" \
    "$root/app" "$root/ui" -ts "$ts"
python3 - "$ts" <<'PY'
import re, sys, html
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
def fill(match):
    source = html.unescape(match.group(1))
    one, many = source.replace("(s)", ""), source.replace("(s)", "s")
    forms = "".join(f"\n            <numerusform>{html.escape(f, quote=False)}</numerusform>" for f in (one, many))
    return f"<source>{match.group(1)}</source>\n        <translation>{forms}\n        </translation>"
text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
