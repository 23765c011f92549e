#!/usr/bin/env bash
# Replay at scale (contract section 2, "Replay"): records $SCREENINGS screenings of one clinic through the batch
# endpoint of the packaged service, then times POST /api/v1/policies/{version}/replay over all of them, with the
# heap limited to $HEAP, on the embedded journal and on PostgreSQL. docs/performance.md, "Replay", has the numbers.
#
#   ./mvnw package -DskipTests && bench/replay.sh
#   STORES=journal SCREENINGS=20000 bench/replay.sh
#
# The questionnaires are a fixed mix (mix below) of bench/screening.json and variants of it: eligible, referred,
# ineligible, and radiation therapy that ended 8 months before asOf, which the replayed draft (radiationWindowMonths
# 6) moves from INELIGIBLE to ELIGIBLE. Each replay's time is curl's, request to last byte, beside the service's
# CPU time during it (/proc/<pid>/stat), which other work on the machine affects less. Heap is the largest heap in
# use before a collection (the JVM's GC log) and RSS the peak of `ps -o rss` every 100 ms, both during the replays.
#
# Extra JVM arguments for the service (a flight recording, say) go in SERVICE_ARGS.
# Environment: SCREENINGS (100000), CHUNK (1000 per batch), REPLAYS (3), HEAP (256m), STORES ("journal pg"),
# PORT (18095). PostgreSQL: AUDIT_TEST_PG_URL when set (source .ci/postgres.sh), otherwise a throw-away cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SCREENINGS=${SCREENINGS:-100000}
CHUNK=${CHUNK:-1000}
REPLAYS=${REPLAYS:-3}
HEAP=${HEAP:-256m}
STORES=${STORES:-journal pg}
PORT=${PORT:-18095}
WORK=$(mktemp -d /tmp/screening-replay.XXXXXX)
URL=http://127.0.0.1:$PORT
CLINIC=replay-bench
KEY=$(new_key replay)
key_line replay-bench screening,medical-director "$KEY" "$CLINIC" >"$WORK/api-keys"
STARTED_PG=
PID=

log() {
    echo "[replay $(date +%H:%M:%S)] $*" >&2
}

cleanup() {
    local status=$?
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    [[ -n $STARTED_PG ]] && audit_test_pg_stop
    ((status == 0)) && rm -rf "$WORK" || log "failed; the service's log is kept in $WORK"
}
trap cleanup EXIT

api() {
    # api METHOD PATH [BODY]: prints the body; fails on a status other than 2xx
    curl -sf -X "$1" -H 'Content-Type: application/json' -H "X-API-Key: $KEY" ${3:+--data-binary "$3"} "$URL$2"
}

# mix N: a JSON array of N questionnaires, in tenths: 3 eligible, 1 with a cold-sore history (as shipped in
# bench/screening.json), 2 with radiation therapy ended 8 months before asOf, 2 with active acne, 1 with eczema
# unknown, 1 taking blood thinners.
mix() {
    local base variants=() i
    base=$(tr -d '\n' <bench/screening.json)
    variants+=("${base/\"coldSoreHistory\":\"YES\"/\"coldSoreHistory\":\"NO\"}")
    variants+=("${variants[0]}" "${variants[0]}" "$base")
    variants+=("${variants[0]/\"radiationTherapy\":\"NO\"/\"radiationTherapy\":\"YES\",\"radiationTherapyEndDate\":\"2026-03-25\"}")
    variants+=("${variants[4]}")
    variants+=("${base/\"activeAcne\":\"NO\"/\"activeAcne\":\"YES\"}")
    variants+=("${variants[6]}")
    variants+=("${base/\"eczema\":\"NO\"/\"eczema\":\"UNKNOWN\"}")
    variants+=("${base/\"takesBloodThinners\":\"NO\"/\"takesBloodThinners\":\"YES\"}")
    printf '['
    for ((i = 0; i < $1; i++)); do
        ((i > 0)) && printf ','
        printf '%s' "${variants[i % 10]}"
    done
    printf ']'
}
mix "$CHUNK" >"$WORK/batch.json"
load_jvm_options

# start STORE [java args...]: the packaged service with the bench key file, a GC log and -Xmx$HEAP.
start() {
    local store=$1
    shift
    # shellcheck disable=SC2086
    java "${JVM_OPTIONS[@]}" -Xmx"$HEAP" ${SERVICE_ARGS:-} -Xlog:gc:file="$WORK/gc-$store.log" -Dquarkus.http.port="$PORT" \
        -Dscreening.auth.api-keys-file="$WORK/api-keys" "$@" -jar target/quarkus-app/quarkus-run.jar \
        >"$WORK/service-$store.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "$URL/q/health/ready" && return 0
        kill -0 "$PID" 2>/dev/null || { cat "$WORK/service-$store.log" >&2; return 1; }
        sleep 0.1
    done
    return 1
}

# The service's CPU time so far (user + system), in clock ticks.
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$PID/stat"
}

peak_rss_until() {
    local stop_file=$1 peak=0 rss
    while [[ ! -e $stop_file ]]; do
        rss=$(ps -o rss= -p "$PID" 2>/dev/null | tr -d ' ')
        [[ -n $rss ]] && ((rss > peak)) && peak=$rss
        sleep 0.1
    done
    echo $((peak / 1024))
}

measure() {
    local store=$1
    shift
    log "$store: starting the service (-Xmx$HEAP)"
    start "$store" "$@"
    log "$store: recording $SCREENINGS screenings of clinic $CLINIC in batches of $CHUNK"
    local started=$SECONDS retries=0 status
    for _ in $(seq 1 $((SCREENINGS / CHUNK))); do
        # A 503 is a commit slower than audit.commit-timeout on a busy machine: send it again. The replay report
        # counts what was recorded (a batch answered 503 has been seen recorded all the same).
        while status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
            -H "X-API-Key: $KEY" --data-binary "@$WORK/batch.json" "$URL/api/v1/screenings/batch") \
            && [[ $status == 503 ]] && ((retries < 20)); do
            retries=$((retries + 1))
            sleep 1
        done
        [[ $status == 200 ]] || { echo "a batch was answered $status" >&2; return 1; }
    done
    log "$store: recorded in $((SECONDS - started)) s ($retries batches sent again after a 503)"
    local version today
    version=$(api POST /api/v1/policies '{"parameters": {"radiationWindowMonths": 6}, "note": "replay benchmark"}' \
        | jq .version)
    today=$(date -u +%F)
    local range
    range="{\"from\": \"$(date -u -d "$today - 1 day" +%F)\", \"to\": \"$(date -u -d "$today + 1 day" +%F)\"}"
    local gc_lines stop_file=$WORK/rss-stop-$store
    gc_lines=$(wc -l <"$WORK/gc-$store.log")
    rm -f "$stop_file"
    peak_rss_until "$stop_file" >"$WORK/rss-$store" &
    local sampler=$! times=() cpu=()
    for i in $(seq 1 "$REPLAYS"); do
        local out ticks
        ticks=$(cpu_ticks)
        out=$(curl -sf -o "$WORK/report-$store.json" -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
            -H "X-API-Key: $KEY" --data-binary "$range" "$URL/api/v1/policies/$version/replay")
        times+=("$(printf '%.2f' "$out")")
        cpu+=("$(awk -v t="$(($(cpu_ticks) - ticks))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')")
        log "$store: replay $i: ${times[-1]} s (service CPU ${cpu[-1]} s), $(jq -c '{screenings, changed, transitions}' "$WORK/report-$store.json")"
    done
    touch "$stop_file"
    wait "$sampler"
    local heap
    heap=$(tail -n +"$((gc_lines + 1))" "$WORK/gc-$store.log" \
        | sed -nE 's/.* ([0-9]+)M->[0-9]+M\([0-9]+M\).*/\1/p' | sort -n | tail -n 1)
    echo "| $store | $(jq .screenings "$WORK/report-$store.json") | $(jq .changed "$WORK/report-$store.json") | ${times[*]} | ${cpu[*]} | ${heap:-?} MB of $HEAP | $(cat "$WORK/rss-$store") MB |"
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
}

{
    echo "Replay of $SCREENINGS screenings, $(nproc) cores, load averages $(cut -d' ' -f1-3 /proc/loadavg) at start"
    echo
    echo "| Store | Screenings replayed | Changed | Seconds per replay | Service CPU seconds per replay | Peak heap in use | Peak RSS |"
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
        database=replay_$(date +%s)
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
