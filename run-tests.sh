#!/bin/sh
# Runs every test of hsmgate: unit tests, SoftHSM2-backed PKCS#11 tests, Pax Exam integration tests and
# the process-level test of the real distribution and the console browser tests. Installs the native tools the
# tests need (softhsm2, opensc, chromium, chromium-driver) with apt-get when they are missing and that is
# possible; otherwise says what to install.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)

missing=
command -v softhsm2-util >/dev/null 2>&1 || missing="$missing softhsm2"
command -v pkcs11-tool >/dev/null 2>&1 || missing="$missing opensc"
command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
if [ -n "$missing" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        echo "hsmgate tests: installing$missing" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
        echo "hsmgate tests: installing$missing with sudo" >&2
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    else
        echo "hsmgate tests need:$missing (apt-get install$missing)" >&2
        exit 1
    fi
fi

cd "$root"
exec mvn -B verify "$@"
