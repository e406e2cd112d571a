#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian 12 package that Portcullis needs to build, to run its
# tests (unit, GUI, integration against real nginx/HAProxy/Caddy/uvicorn/
# Chromium) and its benchmarks. Idempotent and non-interactive; prints nothing
# when everything is already present.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # libraries the build links
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-qpa-plugins libqt6opengl6-dev libqt6svg6 libxkbcommon-dev nlohmann-json3-dev libre2-dev libssl-dev libcrypt-dev
    libargon2-dev libhttp-parser-dev libbenchmark-dev
    # GUI tests and screenshots render offscreen or under a virtual display
    xvfb xauth fonts-dejavu-core
    # integration tests: real clients, peers, proxies and a browser
    curl openssl python3 python3-jsonschema python3-jwt python3-cryptography python3-passlib python3-bcrypt
    python3-argon2 python3-fastapi python3-httpx python3-uvicorn python3-limits nginx-light haproxy caddy
    chromium chromium-driver nodejs npm
    # benchmarks
    wrk
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
# Node and npm may come from outside Debian (e.g. NodeSource); accept any on PATH.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    filtered=()
    for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]}")
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts nginx and HAProxy as services on install; the tests start their
# own instances on loopback ports, so the system ones are not needed.
for svc in nginx haproxy caddy; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
        $sudo systemctl stop "$svc" || true
    fi
done
echo "install-deps: done"
