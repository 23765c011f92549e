#!/usr/bin/env bash
# Two builds of the service side by side, alternating, as shipped (API key, synced journal): did a change cost
# throughput? Builds the given commit in a temporary clone, uses the working tree's jar for the other side.
#
#   bench/compare.sh <commit>        # e.g. bench/compare.sh HEAD~5; run ./mvnw package -DskipTests first
#
# Each round prints wrk's RESULT line and the service's CPU time per request, which varies less than req/s
# on a shared machine.
# Environment: ROUNDS (3), DURATION (15s), WARMUP (20s: each side, before the first round), CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROOT=$(pwd)
BASE=${1:?usage: bench/compare.sh <commit>}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
WORK=$(mktemp -d)
stop_all() {
    # Wait for each service to exit before its jar is deleted: a stopping JVM still loads classes from it.
    for pid_file in "$WORK"/pid-*; do
        [[ -f $pid_file ]] || continue
        kill "$(cat "$pid_file")" 2>/dev/null || true
        while kill -0 "$(cat "$pid_file")" 2>/dev/null; do sleep 0.2; done
    done
    rm -rf "$WORK"
}
trap stop_all EXIT

NEW_JAR=$ROOT/target/quarkus-app/quarkus-run.jar
[[ -f $NEW_JAR ]] || { echo "no $NEW_JAR: run ./mvnw package -DskipTests first" >&2; exit 1; }
git clone -q "$ROOT" "$WORK/base" && git -C "$WORK/base" checkout -q "$BASE"
(cd "$WORK/base" && ./mvnw -B -q package -DskipTests >/dev/null)
OLD_JAR=$WORK/base/target/quarkus-app/quarkus-run.jar

KEY=$(new_key bench)
key_line bench screening,audit,admin "$KEY" >"$WORK/api-keys"
load_jvm_options

start() { # jar port
    mkdir -p "$WORK/data-$2"
    SCREENING_AUTH_API_KEYS_FILE=$WORK/api-keys java -XX:MaxRAM=384m "${JVM_OPTIONS[@]}" -Dquarkus.http.port="$2" \
        -Daudit.data-dir="$WORK/data-$2" -jar "$1" >"$WORK/log-$2" 2>&1 &
    echo $! >"$WORK/pid-$2"
    for _ in $(seq 1 100); do curl -sf "localhost:$2/q/health/ready" >/dev/null && return 0; sleep 0.3; done
    echo "$1 did not become ready; its log: $WORK/log-$2" >&2
    exit 1
}
cpu_ticks() { # port: the service's user + system CPU time so far, in clock ticks
    awk '{print $14 + $15}' "/proc/$(cat "$WORK/pid-$1")/stat"
}
load() { # port duration: wrk's summary and the service's CPU time per request (less noisy than req/s)
    local before result requests
    before=$(cpu_ticks "$1")
    result=$(API_KEY=$KEY wrk -t2 -c"$CONNECTIONS" -d"$2" -s bench/post.lua "http://localhost:$1/api/v1/screenings" \
        | grep RESULT)
    requests=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$result")
    echo "$result cpu_us_per_request=$(( ($(cpu_ticks "$1") - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
}

start "$OLD_JAR" 19181
start "$NEW_JAR" 19182
load 19181 "$WARMUP" >/dev/null
load 19182 "$WARMUP" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round $BASE $(load 19181 "$DURATION")"
    echo "round $round working-tree $(load 19182 "$DURATION")"
done
