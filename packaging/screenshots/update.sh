#!/usr/bin/env bash
# Renders the screenshots in this folder again from demo data (offscreen; 1280×800 unless a name gives a size).
# Run after a build:
#   packaging/screenshots/update.sh [build folder]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-"$here/../../build"}
export QT_QPA_PLATFORM=offscreen BD_SCREENSHOT_DIR="$here" BD_SIGNIN_SCREENSHOTS="$here"
"$build/tests/ui/tst_screenshots"
"$build/tests/ui/tst_partnerpage" screenshots_demoWalk_everyTabShowsItsContent \
    periodTable_atEachWindowSize_showsWholeChargeNamesAndTotals trend_simOnFirstOfDecember_activePeriodIsPartialAndNoClosedOneIs
"$build/tests/ui/tst_portfolioview" screenshots
"$build/tests/ui/tst_signindialog"
"$build/tests/ui/tst_usagepage" mainWindow_alerts_areListedAndOpenTheirLicence
