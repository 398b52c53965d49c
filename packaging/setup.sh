#!/usr/bin/env bash
# Set-up for a new machine (Debian 12): installs what the build needs, builds, then either starts the
# dashboard on demo data (run) or runs every test (test).
#   packaging/setup.sh run [options]   build and start the dashboard on billing-sim's demo data; options go to
#                                      the dashboard (e.g. --screenshot window.png)
#   packaging/setup.sh test            build and run the whole test suite through ctest
# packaging/fresh-root.sh runs both in a brand-new Debian 12 root, as CI does.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# What the build and the dashboard need. libqt6opengl6-dev is only a Recommends of qt6-base-dev, but Qt Charts'
# CMake package needs it.
build_packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-networkauth-dev qt6-httpserver-dev
    qt6-websockets-dev qtkeychain-qt6-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools libxkbcommon-dev
    libgl-dev fonts-dejavu-core
)
# What the tests need beside: the desktop metadata validators, cpack's DEB dependencies (shlibdeps) and
# Python and LibreOffice Calc (two other CSV readers), and clang-format (the layout check).
test_packages=(desktop-file-utils appstream file dpkg-dev python3 clang-format libreoffice-calc-nogui)

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

# The official SDK's conformance test needs Node.js and npm; any installed ones will do.
install_node() {
    command -v node >/dev/null && command -v npm >/dev/null && return 0
    install_packages nodejs npm
}

preset=default
[ "${CI:-}" = "true" ] && preset=ci

build() {
    cmake --preset "$preset"
    cmake --build --preset "$preset" "$@"
}

case "${1:-}" in
    run)
        shift
        install_packages "${build_packages[@]}"
        build --target billing-dashboard
        exec "build$([ "$preset" = ci ] && echo -ci)/app/billing-dashboard" --demo "$@"
        ;;
    test)
        install_packages "${build_packages[@]}" "${test_packages[@]}"
        install_node
        build
        ctest --preset "$preset"
        ;;
    *)
        echo "usage: $0 run [dashboard options] | test" >&2
        exit 2
        ;;
esac
