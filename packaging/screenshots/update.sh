#!/usr/bin/env bash
# Renders the screenshots in this folder again from demo data (offscreen, 1280×800). Run after a build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-"$here/../../build"}
export QT_QPA_PLATFORM=offscreen BD_SCREENSHOT_DIR="$here"
for test in "$build"/tests/ui/tst_screenshots "$build"/tests/ui/tst_partnerscreenshots; do
    [ -x "$test" ] && "$test"
done
