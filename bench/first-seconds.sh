#!/usr/bin/env bash
# The start and the first seconds after readiness, slice by slice (a second each by default), for JVM variants launched in turn (issue 17,
# points 3 and 5). Each argument is one variant: extra JVM options, word-split ("" is the service as shipped). Every
# launch starts the packaged service as the container does (docker/jvm.options, -XX:MaxRAM=384m, an AOT cache written
# for the run by docker/cds-training.sh, authentication on, a new data folder) and records:
#   first    launch to the first 200 on POST /api/v1/screenings (polled every 5 ms, before readiness as well)
#   ready    launch to the first 200 on /q/health/ready (the warm-up included)
#   slices   req/s and p99 of each second (SLICE) after readiness under wrk -t2 -c32 (one wrk per slice, so each
#            slice opens its 32 connections again)
# A 10 s wrk over the same seconds has its p99 set by its slowest 1 % of requests, most of them in the first seconds:
# this shows which.
#
#   ./mvnw package -DskipTests && bench/first-seconds.sh "" "-XX:TieredStopAtLevel=1"
#
# Environment: ROUNDS (3 launches of each variant, alternating), SECONDS_AFTER (10), SLICE (1: seconds per wrk; SLICE=10
# gives the 10 s of issue 17 as one wrk, as bench/run.sh measures them), PORT (18088), SERVICE_JAVA
# (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), HISTORY (a data folder copied into each launch's, e.g. one that
# bench/review.sh left; none by default). Options that change what a cache holds (e.g. -XX:+AOTAdapterCaching) need a
# cache of their own: TRAINING_OPTIONS are given to the training run as well.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROUNDS=${ROUNDS:-3}
SECONDS_AFTER=${SECONDS_AFTER:-10}
SLICE=${SLICE:-1}
PORT=${PORT:-18088}
SERVICE_JAVA=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=$PWD/target/quarkus-app/quarkus-run.jar
(($# > 0)) || set -- ""
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f $JAR ]] || { echo "no $JAR: ./mvnw package -DskipTests first" >&2; exit 1; }

WORK=$(mktemp -d /tmp/screening-first-seconds.XXXXXX)
PID=
cleanup() {
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

load_jvm_options
JVM_OPTIONS+=(-XX:MaxRAM=384m)
read -r -a TRAINING_EXTRA <<<"${TRAINING_OPTIONS:-}"
train_aot_cache "$JAR" "$WORK/app.aot" $((PORT + 1)) "${JVM_OPTIONS[@]}" "${TRAINING_EXTRA[@]}"

KEY=$(new_key first-seconds)
key_line first-seconds screening "$KEY" >"$WORK/api-keys"
chmod 600 "$WORK/api-keys"
URL=http://127.0.0.1:$PORT

# launch VARIANT: one start, then one wrk per slice; prints "first ready rps1 p99_1 rps2 p99_2 ..."
launch() {
    local variant=$1 data=$WORK/data launched first ready line extra
    read -r -a extra <<<"$variant"
    rm -rf "$data" && mkdir -p "$data"
    [[ -n ${HISTORY:-} ]] && cp -r "$HISTORY/." "$data/"
    launched=$(date +%s%N)
    SCREENING_AUTH_API_KEYS_FILE=$WORK/api-keys "$SERVICE_JAVA" "${JVM_OPTIONS[@]}" "${extra[@]}" \
        -XX:SharedArchiveFile="$WORK/app.aot" -Dquarkus.http.port="$PORT" -Daudit.data-dir="$data" -jar "$JAR" \
        >"$WORK/service.log" 2>&1 &
    PID=$!
    await_200 "$PID" "$URL/api/v1/screenings" "$KEY" "$SCREENING_BODY" || { cat "$WORK/service.log" >&2; exit 1; }
    first=$(millis_since "$launched")
    await_200 "$PID" "$URL/q/health/ready" || { cat "$WORK/service.log" >&2; exit 1; }
    ready=$(millis_since "$launched")
    line="$first $ready"
    for ((s = SLICE; s <= SECONDS_AFTER; s += SLICE)); do
        line+=" $(API_KEY=$KEY wrk -t2 -c32 -d"$SLICE"s --latency -s bench/post.lua "$URL/api/v1/screenings" 2>&1 |
            awk '/Requests\/sec/ {r = $2}
                / 99%/ {p = $2; f = 1; if (p ~ /us$/) f = 0.001; else if (p ~ /[0-9]s$/) f = 1000; sub(/[um]?s$/, "", p); p *= f}
                END {printf "%.0f %.1f", r, p}')"
    done
    kill "$PID" && wait "$PID" 2>/dev/null || true
    PID=
    echo "$line"
}

echo "# The start and the first $SECONDS_AFTER s after readiness, $(date -u +%Y-%m-%dT%H:%M:%SZ), $ROUNDS launches per variant"
echo "Load averages at start: $(awk '{print $1" "$2" "$3}' /proc/loadavg); $("$SERVICE_JAVA" -version 2>&1 | head -n 1)"
for ((round = 1; round <= ROUNDS; round++)); do
    for ((v = 1; v <= $#; v++)); do
        echo "$v $(launch "${!v}")" >>"$WORK/launches.txt"
        echo "[first-seconds $(date +%H:%M:%S)] round $round, variant $v: $(tail -n 1 "$WORK/launches.txt" | cut -d' ' -f2-3)" >&2
    done
done

header="| Variant | Launch | First answer, ms | Ready, ms |"
rule="|---|---|---|---|"
for ((s = SLICE; s <= SECONDS_AFTER; s += SLICE)); do
    header+=" $((s - SLICE))–$s s: req/s · p99 ms |"
    rule+="---|"
done
echo
echo "$header"
echo "$rule"
for ((v = 1; v <= $#; v++)); do
    label=${!v}
    awk -v v="$v" -v label="${label:-as shipped}" '$1 == v {
        n++; row = "| `" label "` | " n " | " $2 " | " $3 " |"
        for (i = 4; i < NF; i += 2) row = row " " $i " · " $(i + 1) " |"
        print row
    }' "$WORK/launches.txt"
done
