#!/usr/bin/env bash
# Network-HSM concurrency benchmark: 2 ms added to every C_Sign by the fault shim, 64 signing threads, session
# pools of 1, 8, 32 and 128, in replay mode (no local CPU spent signing, as with a network HSM) and in real mode
# (SoftHSM signs every call on this machine's CPU). ROUNDS rounds; results on stdout.
#   benchmarks/network-hsm/run.sh            (ROUNDS=3 SECONDS_PER_CASE=5 THREADS=64 DELAY_US=2000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ROUNDS=${ROUNDS:-3}; SECONDS_PER_CASE=${SECONDS_PER_CASE:-5}; THREADS=${THREADS:-64}; DELAY_US=${DELAY_US:-2000}
work=${WORK:-/tmp/hsmgate-network-bench}
mkdir -p "$work/tokens"
export SOFTHSM2_CONF=$work/softhsm2.conf
cat > "$SOFTHSM2_CONF" <<CONF
directories.tokendir = $work/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
if ! softhsm2-util --show-slots | grep -q "Label: *network *$"; then
  softhsm2-util --init-token --free --label network --pin 1234 --so-pin 5678 >/dev/null
  pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label network --login --pin 1234 \
    --keypairgen --key-type EC:prime256v1 --label ec256 --id 02 --usage-sign >/dev/null
fi
(cd "$root" && mvn -B -q install -DskipTests -DskipITs -pl bundles/pkcs11 -am && mvn -B -q -f benchmarks/network-hsm/pom.xml package)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
shim="$here/target/faultshim/libhsmgate-faultshim.so"
export FAULTSHIM_CONTROL=$work/control
for round in $(seq 1 "$ROUNDS"); do
  for mode in replay real; do
    echo "# round $round, mode $mode, $THREADS threads, C_Sign + ${DELAY_US} us"
    java -Djna.tmpdir="$work/jna" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
      io.hsmgate.benchmarks.network.NetworkHsmBenchmark "$shim" "$FAULTSHIM_CONTROL" network 1234 ec256 \
      "$THREADS" "$SECONDS_PER_CASE" "$DELAY_US" "$mode" 1 8 32 128
  done
done
