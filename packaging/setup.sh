#!/usr/bin/env bash
# Set-up for a new machine (Debian 12): installs what the build needs, builds, then either starts the
# dashboard on demo data (run) or runs every test (test).
#   packaging/setup.sh run     build and start the dashboard on billing-sim's demo data
#   packaging/setup.sh test    build and run the whole test suite through ctest
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools libxkbcommon-dev
    libgl-dev fonts-dejavu-core desktop-file-utils
)

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

# The SDK conformance test runs the official Genesys JavaScript SDK against billing-sim.
install_sdk() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends nodejs npm
    fi
    (cd tests/sdk && npm ci --no-audit --no-fund --loglevel=error)
}

preset=default
[ "${CI:-}" = "true" ] && preset=ci

build() {
    cmake --preset "$preset"
    cmake --build --preset "$preset" "$@"
}

case "${1:-}" in
    run)
        install_packages
        build --target billing-dashboard
        exec "build$([ "$preset" = ci ] && echo -ci)/app/billing-dashboard" --demo
        ;;
    test)
        install_packages
        install_sdk
        build
        ctest --preset "$preset"
        ;;
    *)
        echo "usage: $0 run|test" >&2
        exit 2
        ;;
esac
