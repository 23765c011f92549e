#!/usr/bin/env bash
# Review look-ups at scale (issue 15): records $SCREENINGS screenings of one clinic through the batch endpoint of the
# packaged service, a fifth of them referred and waiting for review, then times the three look-ups a clinic makes
# all day, each request alone on one kept-alive connection (curl's time_total, request to last byte):
#   queue    GET /api/v1/reviews?limit=50 (the first page, $REQUESTS times) and every page after it by its cursor
#   status   GET /api/v1/screenings/{id}/status for $REQUESTS recorded screenings picked at random
#   clearance GET /api/v1/clearances?patientReference=... for $REQUESTS patients picked at random
# and the start-up with that history: launch to the first screening answered (requests are answered before readiness,
# while the warm-up runs), launch to ready, and launch to the first answered clearance (the view of
# screenings and reviews is read on a thread of its own; until then these look-ups answer 503). On the embedded
# journal, then on PostgreSQL. docs/performance.md, "Review look-ups", has the numbers.
#
#   ./mvnw package -DskipTests && bench/review.sh
#   STORES=journal SCREENINGS=20000 bench/review.sh
#
# Environment: SCREENINGS (100000), CHUNK (1000 per batch), REQUESTS (1000), HEAP (512m), STORES ("journal pg"),
# PORT (18096). PostgreSQL: AUDIT_TEST_PG_URL when set (source .ci/postgres.sh), otherwise a throw-away cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SCREENINGS=${SCREENINGS:-100000}
CHUNK=${CHUNK:-1000}
REQUESTS=${REQUESTS:-1000}
HEAP=${HEAP:-512m}
STORES=${STORES:-journal pg}
PORT=${PORT:-18096}
WORK=$(mktemp -d /tmp/screening-review.XXXXXX)
URL=http://127.0.0.1:$PORT
CLINIC=review-bench
KEY=$(new_key review)
key_line review-bench screening,provider "$KEY" "$CLINIC" >"$WORK/api-keys"
STARTED_PG=
PID=

log() {
    echo "[review $(date +%H:%M:%S)] $*" >&2
}

cleanup() {
    local status=$?
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    [[ -n $STARTED_PG ]] && audit_test_pg_stop
    ((status == 0)) && rm -rf "$WORK" || log "failed; the service's log is kept in $WORK"
}
trap cleanup EXIT

# mix N: a JSON array of N questionnaires, in tenths: 2 with a cold-sore history (referred, as bench/screening.json),
# 5 eligible, 3 with active acne (INELIGIBLE); each with patientReference pt-BATCH-<i>, BATCH replaced per batch.
mix() {
    local base eligible variants=() i
    base=$(tr -d '\n' <bench/screening.json)
    eligible=${base/\"coldSoreHistory\":\"YES\"/\"coldSoreHistory\":\"NO\"}
    variants+=("$base" "$base" "$eligible" "$eligible" "$eligible" "$eligible" "$eligible")
    variants+=("${eligible/\"activeAcne\":\"NO\"/\"activeAcne\":\"YES\"}")
    variants+=("${variants[7]}" "${variants[7]}")
    printf '['
    for ((i = 0; i < $1; i++)); do
        ((i > 0)) && printf ','
        printf '%s' "${variants[i % 10]/\"asOf\"/\"patientReference\":\"pt-BATCH-$i\",\"asOf\"}"
    done
    printf ']'
}
mix "$CHUNK" >"$WORK/batch.json"
load_jvm_options
JVM_OPTIONS+=(-Xmx"$HEAP")
# The container runs on JDK 25 from an AOT cache of the request path; so does every launch here (written afresh: a
# cache of an earlier build of the jars would be refused). -XX:SharedArchiveFile names either kind of cache.
SERVICE_JAVA=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
STARTUP_CACHE=$WORK/app.aot
log "start-up cache: a training run of the service on $SERVICE_JAVA"
train_aot_cache "$PWD/target/quarkus-app/quarkus-run.jar" "$STARTUP_CACHE" $((PORT + 1)) "${JVM_OPTIONS[@]}"
JVM_OPTIONS+=(-XX:SharedArchiveFile="$STARTUP_CACHE")

# launch STORE [java args...]: the packaged service with the bench key file and -Xmx$HEAP; sets LAUNCHED (date +%s%N).
launch() {
    local store=$1
    shift
    LAUNCHED=$(date +%s%N)
    "$SERVICE_JAVA" "${JVM_OPTIONS[@]}" -Dquarkus.http.port="$PORT" -Dscreening.auth.api-keys-file="$WORK/api-keys" \
        "$@" -jar "$PWD/target/quarkus-app/quarkus-run.jar" >>"$WORK/service-$store.log" 2>&1 &
    PID=$!
}

# start STORE [java args...]: launch, then wait for ready; sets READY_MS, the milliseconds from launch to ready.
start() {
    launch "$@"
    await_ready "$1"
}

await_ready() {
    local store=$1
    await_200 "$PID" "$URL/q/health/ready" || { cat "$WORK/service-$store.log" >&2; return 1; }
    READY_MS=$(millis_since "$LAUNCHED")
}

# Milliseconds from $1 (date +%s%N at launch) to the first 200 on POST /api/v1/screenings (answered before ready).
until_first_screening() {
    await_200 "$PID" "$URL/api/v1/screenings" "$KEY" "$SCREENING_BODY" && millis_since "$1"
}

# Milliseconds from $1 (date +%s%N at launch) to the first clearance answered 404 or 200 (not 503).
until_lookups() {
    local deadline=$((SECONDS + 60))
    while http_status "$URL/api/v1/clearances?patientReference=pt-0-0" "$KEY"; [[ $STATUS != 200 && $STATUS != 404 ]]; do
        ((SECONDS < deadline)) || return 1
        pause 0.02
    done
    millis_since "$1"
}

stop() {
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
}

# p50 and p99 in ms of the time_total values (seconds, one a line) in file $1: "p50 · p99".
percentiles() {
    sort -n "$1" | awk '{ v[NR] = $1 } END {
        p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
        printf "%.2f · **%.2f**", p50 * 1000, p99 * 1000 }'
}

# timed FILE URL...: each URL once, in order, on one connection; time_total of each appended to FILE.
timed() {
    local file=$1
    shift
    local config=$WORK/curl.config
    : >"$config"
    for url in "$@"; do
        printf 'url = "%s"\noutput = /dev/null\n' "$url" >>"$config"
    done
    curl -s -H "X-API-Key: $KEY" -w '%{http_code} %{time_total}\n' -K "$config" \
        | awk '$1 != 200 { bad++ } { print $2 } END { if (bad) { print bad " answers not 200" > "/dev/stderr"; exit 1 } }' \
        >>"$file"
}

measure() {
    local store=$1
    shift
    log "$store: starting the service (-Xmx$HEAP)"
    start "$store" "$@"
    log "$store: recording $SCREENINGS screenings of clinic $CLINIC in batches of $CHUNK"
    local started=$SECONDS b status
    : >"$WORK/ids"
    for ((b = 0; b < SCREENINGS / CHUNK; b++)); do
        sed "s/pt-BATCH-/pt-$b-/g" "$WORK/batch.json" >"$WORK/batch-now.json"
        while status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
            -H "X-API-Key: $KEY" --data-binary "@$WORK/batch-now.json" "$URL/api/v1/screenings/batch") \
            && [[ $status == 503 ]]; do
            sleep 1
        done
        [[ $status == 200 ]] || { echo "a batch was answered $status" >&2; return 1; }
        jq -r '.[].screeningId' "$WORK/answer.json" | shuf -n 20 >>"$WORK/ids"
    done
    log "$store: recorded in $((SECONDS - started)) s"

    local queue=$WORK/queue-$store status_times=$WORK/status-$store clearance=$WORK/clearance-$store pages=0
    : >"$queue"
    : >"$status_times"
    : >"$clearance"
    local urls=() i
    for ((i = 0; i < REQUESTS; i++)); do urls+=("$URL/api/v1/reviews?limit=50"); done
    timed "$queue" "${urls[@]}"
    # Every page after the first, by its cursor: one request at a time, as a provider pages.
    local cursor
    cursor=$(curl -sf -H "X-API-Key: $KEY" "$URL/api/v1/reviews?limit=50" | jq -r .nextCursor)
    while [[ $cursor != null ]]; do
        local out
        out=$(curl -s -H "X-API-Key: $KEY" -w '\n%{time_total}' --get --data-urlencode "cursor=$cursor" \
            "$URL/api/v1/reviews?limit=50")
        echo "${out##*$'\n'}" >>"$queue"
        cursor=$(jq -r .nextCursor <<<"${out%$'\n'*}")
        pages=$((pages + 1))
    done
    urls=()
    while read -r id; do urls+=("$URL/api/v1/screenings/$id/status"); done < <(shuf -n "$REQUESTS" -r "$WORK/ids")
    timed "$status_times" "${urls[@]}"
    urls=()
    for ((i = 0; i < REQUESTS; i++)); do
        urls+=("$URL/api/v1/clearances?patientReference=pt-$((RANDOM % (SCREENINGS / CHUNK)))-$((RANDOM % CHUNK))")
    done
    timed "$clearance" "${urls[@]}"
    stop

    log "$store: restarting on the same history"
    local lookups first
    launch "$store" "$@"
    first=$(until_first_screening "$LAUNCHED")
    await_ready "$store"
    lookups=$(until_lookups "$LAUNCHED")
    local loaded
    loaded=$(grep -o 'read for the review queue in [0-9]* ms ([0-9]* ms CPU)' "$WORK/service-$store.log" \
        | tail -n 1 | sed -E 's/.* in //; s/[()]//g')
    stop
    # Where the restart's time went, from the service's own lines (the log keeps both starts: the second's are last).
    grep -E 'Audit trail on|Clinic policies loaded|read for the review queue|Warm-up|started in' \
        "$WORK/service-$store.log" | tail -n 5 | sed "s/^/[review] $store restart: /" | cut -c1-220 >&2
    echo "| $store | $(percentiles "$queue") ($((REQUESTS + pages)) pages) | $(percentiles "$status_times") | $(percentiles "$clearance") | $first ms | $READY_MS ms | $lookups ms ($loaded) |"
}

{
    echo "Review look-ups over $SCREENINGS screenings ($((SCREENINGS / 5)) waiting for review), $(nproc) cores, load averages $(cut -d' ' -f1-3 /proc/loadavg) at start"
    echo
    echo "| Store | Queue page of 50, ms p50 · p99 | Status, ms p50 · p99 | Clearance, ms p50 · p99 | Start-up to first screening answered | Start-up to ready | Start-up to look-ups (view read in) |"
    echo "|---|---|---|---|---|---|---|"
} >"$WORK/results.md"
for store in $STORES; do
    case $store in
    journal)
        measure journal -Daudit.data-dir="$WORK/journal" >>"$WORK/results.md"
        ;;
    pg)
        if [[ -z ${AUDIT_TEST_PG_URL:-} ]]; then
            # shellcheck source=/dev/null
            source .ci/postgres.sh >&2
            STARTED_PG=yes
        fi
        host_port=${AUDIT_TEST_PG_URL#jdbc:postgresql://}
        host_port=${host_port%%/*}
        database=review_$(date +%s)
        "${AUDIT_TEST_PG_BIN:-/usr/bin}/psql" -h "${host_port%:*}" -p "${host_port#*:}" \
            -U "${AUDIT_TEST_PG_USER:-postgres}" -qtA -d postgres -c "CREATE DATABASE $database"
        measure pg -Daudit.db.url="jdbc:postgresql://$host_port/$database" \
            -Daudit.db.username="${AUDIT_TEST_PG_USER:-postgres}" -Daudit.data-dir="$WORK/pg-unused" \
            >>"$WORK/results.md"
        ;;
    *)
        echo "unknown store $store (journal or pg)" >&2
        exit 1
        ;;
    esac
done
echo "Load averages at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/results.md"
cat "$WORK/results.md"
