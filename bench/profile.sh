#!/usr/bin/env bash
# Where the CPU goes under load: runs the packaged service with JDK Flight Recorder, drives it with wrk,
# and summarises the execution samples (self time by method, and inclusive time of the service's packages), then
# prints the largest classes on the heap after the load.
#
#   bench/profile.sh                         # embedded audit (the shipped defaults)
#   bench/profile.sh -Daudit.enabled=false   # any extra JVM arguments go to the service
#
# Authentication is on, as shipped, with a key made for the run.
# Environment: DURATION (20s), CONNECTIONS (32), TOP (25), SERVICE_JAVA
# (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java, the container's JDK). Build first
# (./mvnw package -DskipTests). The recording stays in target/bench/profile.jfr for `jfr print` or JMC.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
TOP=${TOP:-25}
PORT=18085
OUT=target/bench
mkdir -p "$OUT"
DATA=$(mktemp -d /tmp/screening-profile.XXXXXX)
load_jvm_options
SERVICE_JAVA=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JDK_BIN=$(dirname "$SERVICE_JAVA")

KEY=$(new_key profile)
key_line profile screening "$KEY" >"$DATA/api-keys"
chmod 600 "$DATA/api-keys"
SCREENING_AUTH_API_KEYS_FILE=$DATA/api-keys "$SERVICE_JAVA" "${JVM_OPTIONS[@]}" -XX:MaxRAM=384m -Dquarkus.http.port=$PORT -Daudit.data-dir="$DATA" "$@" \
    -jar target/quarkus-app/quarkus-run.jar >"$OUT/profile-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

URL=http://127.0.0.1:$PORT/api/v1/screenings
await_200 "$PID" "$URL" "$KEY" "$SCREENING_BODY" || { cat "$OUT/profile-service.log" >&2; exit 1; }
export BODY_FILE=bench/screening.json API_KEY=$KEY
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s bench/post.lua "$URL" >/dev/null
"$JDK_BIN/jcmd" $PID JFR.start name=load settings=profile >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s bench/post.lua "$URL" | grep '^RESULT'
"$JDK_BIN/jcmd" $PID JFR.dump name=load filename="$PWD/$OUT/profile.jfr" >/dev/null
# What stays in memory after the load (a full collection first): a request kept alive shows here by the thousand.
echo "Heap after the load (largest classes):"
"$JDK_BIN/jcmd" $PID GC.class_histogram | sed -n '3,14p'

"$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$OUT/profile.jfr" >"$OUT/profile-samples.txt"
awk -v top="$TOP" '
    /jdk.ExecutionSample/ { samples++; first = 1; delete seen; next }
    /^[[:space:]]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(.*\)/ {
        frame = $1; sub(/\(.*/, "", frame)
        if (first) { self[frame]++; first = 0 }
        if (frame ~ /^org\.microneedling\./ && !(frame in seen)) { inclusive[frame]++; seen[frame] = 1 }
    }
    END {
        printf "%d samples\n\nSelf time (top of stack):\n", samples
        for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / samples, f | "sort -rn | head -n " top
        close("sort -rn | head -n " top)
        printf "\nInclusive time of the service'"'"'s own methods:\n"
        for (f in inclusive) printf "%6.1f%%  %s\n", 100 * inclusive[f] / samples, f | "sort -rn | head -n " top
    }' "$OUT/profile-samples.txt"
