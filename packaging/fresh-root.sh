#!/usr/bin/env bash
# Runs the README's two set-up commands where a new user starts: a brand-new minimal Debian 12 root
# (debootstrap --variant=minbase bookworm) that holds one clone of a commit and nothing beside it.
#
#   packaging/fresh-root.sh [--commit REV] [--steps test,run,deb] [--keep] [--[no-]sanitizers]
#
# Each step gets its own copy of the cached minimal root:
#   test  packaging/setup.sh test: installs everything, builds, runs the whole suite; then cpack -G DEB; then,
#         with --sanitizers (the default when CI=true), the whole suite again built with the asan preset
#   run   packaging/setup.sh run --screenshot …: offscreen, until the window is up and rendered to a PNG
#   deb   apt-get install ./billing-dashboard_*.deb (from the test step) in a root with nothing else installed,
#         then billing-dashboard --help, --version and export usage --demo there
#
# The root gets this machine's Debian mirror (from its own apt sources), its apt Acquire settings, CA
# certificates and npm settings, as every machine here has. The minimal root, downloaded packages and the
# compiler cache are kept under $BD_ROOT_CACHE (default /var/tmp/billing-dashboard-roots) between runs; none of
# them can stand in for an install step. Needs root (debootstrap, mount, chroot). CI=true is passed on.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${BD_ROOT_CACHE:-/var/tmp/billing-dashboard-roots}
suite=bookworm
commit=HEAD
steps=test,run,deb
keep=false
sanitizers=${CI:-false}

fail() {
    echo "fresh-root: $*" >&2
    exit 1
}
say() { echo "fresh-root: $*"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --commit) commit=$2; shift 2 ;;
        --steps) steps=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --sanitizers) sanitizers=true; shift ;;
        --no-sanitizers) sanitizers=false; shift ;;
        *) fail "unknown option $1 (usage: $0 [--commit REV] [--steps test,run,deb] [--keep] [--[no-]sanitizers])" ;;
    esac
done

[ "$(id -u)" -eq 0 ] || fail "cannot make a fresh Debian root: this needs root (debootstrap, mount, chroot)"
revision=$(git -C "$here" rev-parse --verify "$commit^{commit}" 2>/dev/null) || fail "no commit $commit in $here"

# ---- this machine's Debian mirror and apt settings ----------------------------------------------------------

# The URI of the first enabled apt source (one-line or deb822) that carries the given suite.
source_uri() {
    local wanted=$1 file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        awk -v s="$wanted" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                                          if ($(i + 1) == s) { print $i; exit } }' "$file"
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        awk -v s="$wanted" 'function flush() { if (!done && deb && uri != "" && hit) { print uri; done = 1; exit } deb = 0; uri = ""; hit = 0 }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/ { deb = ($0 ~ /[[:space:]]deb([[:space:]]|$)/) }
            /^URIs:/ { uri = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) hit = 1 }
            /^Enabled:[[:space:]]*no/ { deb = 0 }
            END { flush() }' "$file"
    done
}

mirror=$(source_uri "$suite" | head -n 1)
[ -n "$mirror" ] || fail "cannot make a fresh Debian root: no apt source of this machine carries $suite"

write_root_sources() {
    local root=$1 uri
    : > "$root/etc/apt/sources.list"
    for s in "$suite" "$suite-updates" "$suite-security"; do
        uri=$(source_uri "$s" | head -n 1)
        [ -n "$uri" ] && echo "deb $uri $s main" >> "$root/etc/apt/sources.list"
    done
    # Acquire settings this machine needs to reach its mirror (proxies, validity of snapshot indexes).
    local conf
    for conf in /etc/apt/apt.conf.d/*; do
        [ -f "$conf" ] && grep -q '^Acquire::' "$conf" && cp "$conf" "$root/etc/apt/apt.conf.d/"
    done
    return 0
}

# ---- the cached minimal root ---------------------------------------------------------------------------------

base=$cache/base-$suite-minbase
ensure_base() {
    local started=$SECONDS
    if [ -f "$base/.fresh-root" ] && [ "$(cat "$base/.fresh-root")" = "$mirror" ]; then
        say "minimal $suite root cached in $base"
        return 0
    fi
    if ! command -v debootstrap >/dev/null; then
        say "installing debootstrap on this machine"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 \
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap \
                        >/dev/null 2>&1; } \
            || fail "cannot make a fresh Debian root: debootstrap is not installed and apt-get cannot install it"
    fi
    mkdir -p "$cache"
    remove_tree "$base.tmp"
    say "building a minimal $suite root from $mirror"
    debootstrap --variant=minbase "$suite" "$base.tmp" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || fail "cannot make a fresh Debian root: debootstrap failed (see $cache/debootstrap.log)"
    write_root_sources "$base.tmp"
    rm -rf "$base.tmp/var/cache/apt/archives/"*.deb "$base.tmp/var/lib/apt/lists/"*
    echo "$mirror" > "$base.tmp/.fresh-root"
    remove_tree "$base"
    mv "$base.tmp" "$base"
    say "minimal $suite root built in $((SECONDS - started)) s"
}

# ---- one root per step ---------------------------------------------------------------------------------------

mounts=()
roots=()

unmount_all() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -R "${mounts[$i]}" 2>/dev/null || umount -R -l "${mounts[$i]}" 2>/dev/null || true
    done
    mounts=()
}

# Deletes a tree only when nothing is mounted below it, and never crosses into another file system.
remove_tree() {
    local tree=$1
    [ -e "$tree" ] || return 0
    if awk -v t="$(realpath "$tree")/" 'index($2 "/", t) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
        fail "not removing $tree: something is still mounted below it"
    fi
    rm -rf --one-file-system "$tree"
}

cleanup() {
    unmount_all
    if [ "$keep" = false ]; then
        local root
        for root in "${roots[@]}"; do remove_tree "$root" || true; done
    fi
}
trap cleanup EXIT

bind() {
    mkdir -p "$2"
    mount --rbind "$1" "$2"
    mount --make-rslave "$2"
    mounts+=("$2")
}

# new_root NAME: sets $root to a copy of the minimal root with this machine's certificates, npm settings and
# resolver, the caches bound in, and /proc, /sys, /dev bound. (Not in a subshell: the mounts must be recorded.)
new_root() {
    root=$cache/root-$1
    local file
    remove_tree "$root"
    cp -a "$base" "$root"
    roots+=("$root")
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
        mkdir -p "$root/etc/ssl/certs"
        cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
    fi
    if [ -d /usr/local/share/ca-certificates ]; then
        mkdir -p "$root/usr/local/share/ca-certificates"
        cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
    fi
    for file in /etc/npmrc /usr/etc/npmrc; do
        [ -f "$file" ] && mkdir -p "$root$(dirname "$file")" && cp "$file" "$root$file"
    done
    [ -f "${HOME:-/root}/.npmrc" ] && cp "${HOME:-/root}/.npmrc" "$root/root/.npmrc"
    mkdir -p "$cache/apt-archives/partial" "$cache/ccache" "$cache/npm"
    bind /proc "$root/proc"
    bind /sys "$root/sys"
    bind /dev "$root/dev"
    bind "$cache/apt-archives" "$root/var/cache/apt/archives"
    bind "$cache/ccache" "$root/var/cache/ccache"
    bind "$cache/npm" "$root/root/.npm"
}

# in_root ROOT COMMAND…: runs a shell command in the root with a clean environment.
in_root() {
    local root=$1
    shift
    local env=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
               TERM=dumb CCACHE_DIR=/var/cache/ccache CI="${CI:-}")
    local name
    for name in NODE_EXTRA_CA_CERTS http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY; do
        [ -n "${!name:-}" ] && env+=("$name=${!name}")
    done
    chroot "$root" /usr/bin/env -i "${env[@]}" /bin/bash -c "$*"
}

clone_into() {
    local root=$1
    mkdir -p "$root/src"
    git clone --quiet --no-hardlinks "$here" "$root/src/billing-dashboard"
    git -C "$root/src/billing-dashboard" checkout --quiet --detach "$revision"
    git -C "$root/src/billing-dashboard" remote remove origin
}

artifacts=$cache/artifacts
rm -rf "$artifacts"
mkdir -p "$artifacts"
build_dir=build
[ "${CI:-}" = true ] && build_dir=build-ci

step_test() {
    local started=$SECONDS
    new_root test
    clone_into "$root"
    say "test: packaging/setup.sh test in a fresh root, commit ${revision:0:12}"
    in_root "$root" "cd /src/billing-dashboard && packaging/setup.sh test" \
        || fail "packaging/setup.sh test failed in a fresh Debian root"
    say "test: passed in $((SECONDS - started)) s"
    in_root "$root" "cd /src/billing-dashboard/$build_dir && cpack -G DEB > cpack.log 2>&1" \
        || fail "cpack -G DEB failed in a fresh Debian root (see $root/src/billing-dashboard/$build_dir/cpack.log)"
    cp "$root/src/billing-dashboard/$build_dir/"billing-dashboard_*.deb "$artifacts/"
    say "test: built $(basename "$artifacts"/billing-dashboard_*.deb)"
    if [ "$sanitizers" = true ]; then
        started=$SECONDS
        say "test: the whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer (preset asan)"
        in_root "$root" "cd /src/billing-dashboard && cmake --preset asan > /dev/null && cmake --build --preset asan \
                         && ctest --preset asan" \
            || fail "the test suite failed under the sanitizers (preset asan) in a fresh Debian root"
        say "test: passed under the sanitizers in $((SECONDS - started)) s"
    fi
    unmount_all
}

step_run() {
    local started=$SECONDS
    new_root run
    clone_into "$root"
    say "run: packaging/setup.sh run, offscreen, until the window is up"
    in_root "$root" "cd /src/billing-dashboard && QT_QPA_PLATFORM=offscreen timeout 900 packaging/setup.sh run \
                     --screenshot /tmp/window.png" \
        || fail "packaging/setup.sh run did not bring the window up in a fresh Debian root"
    local png=$root/tmp/window.png
    [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
        || fail "packaging/setup.sh run exited but rendered no window"
    cp "$png" "$artifacts/window.png"
    say "run: the window came up and was rendered ($(stat -c %s "$png") bytes) in $((SECONDS - started)) s"
    unmount_all
}

step_deb() {
    local started=$SECONDS deb
    deb=$(ls "$artifacts"/billing-dashboard_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || fail "deb: no package to install (the test step builds it)"
    new_root deb
    cp "$deb" "$root/tmp/"
    say "deb: apt-get install ./$(basename "$deb") in a fresh root"
    in_root "$root" "apt-get update -q > /tmp/apt.log 2>&1 \
                     && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename "$deb") >> /tmp/apt.log 2>&1" \
        || fail "the package does not install in a fresh Debian root (see $root/tmp/apt.log)"
    in_root "$root" 'set -e
        billing-dashboard --help | grep -q "Usage: billing-dashboard"
        billing-dashboard --version
        billing-dashboard export usage --demo --start 2026-01-01 --end 2026-03-31 --granularity month --out /tmp/demo.csv
        test "$(wc -l < /tmp/demo.csv)" -gt 3
        head -n 2 /tmp/demo.csv' \
        || fail "the installed package does not run in a fresh Debian root"
    say "deb: installed and ran in $((SECONDS - started)) s"
    unmount_all
}

total=$SECONDS
ensure_base
for step in ${steps//,/ }; do
    case "$step" in
        test) step_test ;;
        run) step_run ;;
        deb) step_deb ;;
        *) fail "unknown step $step" ;;
    esac
done
say "all steps passed in $((SECONDS - total)) s (artifacts in $artifacts)"
