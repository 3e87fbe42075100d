#!/bin/sh
# Starts hsmgate in the foreground, building the distribution first when it is missing or older than
# the sources. Arguments go to bin/hsmgate (e.g. --shell). Environment: see README.md.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
dist=$root/distribution/target/hsmgate

needs_build() {
    [ ! -x "$dist/bin/hsmgate" ] && return 0
    [ -n "$(find "$root/pom.xml" "$root/bundles" "$root/distribution/src" "$root/distribution/pom.xml" \
        -newer "$dist/bin/hsmgate" -type f ! -path '*/target/*' 2>/dev/null | head -n 1)" ]
}

if needs_build; then
    echo "hsmgate: building the distribution (mvn install, tests skipped)..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -DskipITs)
    touch "$dist/bin/hsmgate"
fi
exec "$dist/bin/hsmgate" "$@"
