#!/usr/bin/env bash
# The whole performance table of docs/performance.md, in one command:
#
#   bench/run.sh                 # builds the service and the floor, then measures everything
#   bench/run.sh --no-build      # measures the jars already under target/
#
# What it measures (all on this machine, load generator included):
#   1. start-up: process launch -> first 200 on POST /api/v1/screenings (new data folder, then restart)
#   1b. the first 10 s: a fresh defaults service, from the moment /q/health/ready answers 200, $FIRST_SECONDS under
#      $CONNECTIONS connections (wrk --latency): req/s and p99, $FIRST_RUNS launches (median) of each variant of
#      $FIRST_WARM_UP (the shipped warm-up before readiness "on", and "off"), alternating, set against the
#      steady-state req/s of section 2
#   2. wrk -t$THREADS at $CONNECTIONS connections, $ROUNDS rounds, alternating in every round:
#        floor    bench/floor: the same Quarkus stack, binds the JSON body, returns a constant
#        peer     bench/zen: the core rules as a GoRules ZEN decision graph, Node 20, a cluster of 2 workers,
#                 node:http, the body checked by a JSON Schema (ajv); no authentication, no audit. Before measuring,
#                 bench/zen/check.js posts its vignettes to the peer and to the defaults service and stops the run
#                 when any outcome or reason code differs
#        audit-off the service with audit.enabled=false (benchmark only: never a production setting)
#        defaults the service as shipped: API key authentication, the embedded append-only journal synced on every commit
#        two-clinics the same defaults service, wrk alternating per request the keys of two clinics (north, south)
#        pg       the service with its audit on PostgreSQL (fsync=on, synchronous_commit=on)
#      req/s, p50, p99, errors; ratio = the round's req/s over the same round's floor req/s (median over rounds),
#      and over the same round's peer req/s;
#      two-clinics also over the same round's defaults (the two run back to back, in turns first)
#   3. peak resident memory of each service process while under load
#   4. a batch of 1,000 questionnaires through HTTP (median and worst of $BATCH_RUNS)
#
# Every JVM runs with docker/jvm.options, the options the container image uses, plus -XX:MaxRAM set to the
# container memory limit ($CONTAINER_MEMORY), so the heap is sized exactly as in the container. Every JVM runs on
# $SERVICE_JAVA, the container's JDK 25, and the service starts as the container does, from an AOT cache that
# docker/cds-training.sh writes here first (the image writes its own at build time: a cache only serves the JVM build
# that wrote it).
#
# Environment: DURATION (20s), WARMUP (20s per target before the first round), ROUNDS (3), THREADS (2: wrk -t),
# CONNECTIONS (32), CONTAINER_MEMORY (384m), PORT_BASE (18080: the services listen on it and the next ports),
# BATCH_RUNS (15; 0 skips the batch), STARTS (5; 0 skips the start-up), FIRST_RUNS (3; 0 skips the first 10 s),
# FIRST_SECONDS (10s), FIRST_WARM_UP ("on off"), SERVICE_JAVA (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; a JDK
# before 25 gets a class-data archive instead of an AOT cache), SKIP_PG (1 to skip PostgreSQL), LOAD_TARGETS (the
# runs under load, of "floor peer audit-off defaults two-clinics"; the defaults service always starts), API_KEY (sent
# as X-API-Key),
# API_KEYS_FILE (given to the service as SCREENING_AUTH_API_KEYS_FILE; without both, a key is made for the run),
# RESULTS (where the table goes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source bench/lib.sh

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
THREADS=${THREADS:-2}
FIRST_RUNS=${FIRST_RUNS:-3}
FIRST_SECONDS=${FIRST_SECONDS:-10s}
read -ra FIRST_WARM_UP <<<"${FIRST_WARM_UP:-on off}"
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
CONTAINER_MEMORY=${CONTAINER_MEMORY:-384m}
BATCH_RUNS=${BATCH_RUNS:-15}
STARTS=${STARTS:-5}
SKIP_PG=${SKIP_PG:-}
API_KEY=${API_KEY:-}
API_KEYS_FILE=${API_KEYS_FILE:-}
RESULTS=${RESULTS:-$ROOT/target/bench/results.md}

SERVICE_JAR=$ROOT/target/quarkus-app/quarkus-run.jar
SERVICE_JAVA=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
STARTUP_CACHE=$ROOT/target/quarkus-app/app.aot
FLOOR_JAR=$ROOT/bench/floor/target/quarkus-app/quarkus-run.jar
PORT_BASE=${PORT_BASE:-18080}
FLOOR_PORT=$((PORT_BASE + 10))
DEFAULTS_PORT=$PORT_BASE
PG_PORT=$((PORT_BASE + 1))
AUDIT_OFF_PORT=$((PORT_BASE + 2))
FIRST_PORT=$((PORT_BASE + 3))
PEER_PORT=$((PORT_BASE + 11))
WORK=$(mktemp -d /tmp/screening-bench.XXXXXX)
# Authentication is part of the shipped defaults: without a key given, measure with a fresh one.
if [[ -z $API_KEY ]]; then
    API_KEY=$(new_key bench)
    key_line bench screening,audit,admin "$API_KEY" >"$WORK/api-keys-given"
else
    cp "${API_KEYS_FILE:?API_KEY needs API_KEYS_FILE, the key file that holds its hash}" "$WORK/api-keys-given"
fi
# Every service accepts, beside that key, one screening key for each of two clinics (the two-clinics run).
NORTH_KEY=$(new_key north)
SOUTH_KEY=$(new_key south)
API_KEYS_FILE=$WORK/api-keys
{
    cat "$WORK/api-keys-given"
    key_line bench-north screening "$NORTH_KEY" north
    key_line bench-south screening "$SOUTH_KEY" south
} >"$API_KEYS_FILE"
mkdir -p "$(dirname "$RESULTS")"

load_jvm_options
JVM_OPTIONS+=("-XX:MaxRAM=$CONTAINER_MEMORY")

declare -A PIDS=()

cleanup() {
    local status=$?
    for name in "${!PIDS[@]}"; do
        kill "${PIDS[$name]}" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if declare -F audit_test_pg_stop >/dev/null; then
        audit_test_pg_stop
    fi
    if ((status == 0)); then
        rm -rf "$WORK"
    else
        log "failed; the services' logs are kept in $WORK"
    fi
}
trap cleanup EXIT

log() {
    echo "[bench $(date +%H:%M:%S)] $*" >&2
}

if [[ ${1:-} != --no-build ]]; then
    log "building the service and the floor"
    ./mvnw -q -B package -DskipTests
    ./mvnw -q -B -f bench/floor/pom.xml package -DskipTests
    log "installing the ZEN peer (npm ci)"
    (cd bench/zen && npm ci --no-audit --no-fund --loglevel=error >&2)
elif [[ ! -d bench/zen/node_modules ]]; then
    (cd bench/zen && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -x $SERVICE_JAVA ]] || { echo "no JDK at $SERVICE_JAVA: set SERVICE_JAVA" >&2; exit 1; }
# Written for every run: a cache from an earlier build of the jars would be refused (the JVM checks them).
log "start-up cache: a training run of the service on $SERVICE_JAVA"
train_aot_cache "$SERVICE_JAR" "$STARTUP_CACHE" $((PORT_BASE + 19)) "${JVM_OPTIONS[@]}"
# -XX:SharedArchiveFile names an AOT cache too, and a class-data archive on a JDK before 25.
SERVICE=(-XX:SharedArchiveFile="$STARTUP_CACHE" -jar "$SERVICE_JAR")

# start NAME PORT [java args...]: launches a JVM in the background; its pid lands in PIDS[NAME].
start() {
    local name=$1 port=$2
    shift 2
    local env_args=()
    [[ -n $API_KEYS_FILE ]] && env_args=("SCREENING_AUTH_API_KEYS_FILE=$API_KEYS_FILE")
    env "${env_args[@]}" "$SERVICE_JAVA" "${JVM_OPTIONS[@]}" -Dquarkus.http.port="$port" "$@" \
        >"$WORK/$name.log" 2>&1 &
    PIDS[$name]=$!
}

stop() {
    local name=$1
    kill "${PIDS[$name]}" 2>/dev/null || true
    wait "${PIDS[$name]}" 2>/dev/null || true
    unset "PIDS[$name]"
}

# await_first_answer NAME URL: polls until the process NAME answers 200 to bench/screening.json on URL; prints the
# milliseconds since START_NANOS.
await_first_answer() {
    await_200 "${PIDS[$1]}" "$2" "$API_KEY" "$SCREENING_BODY" && millis_since "$START_NANOS"
}

median() {
    sort -n | awk '{a[NR]=$1} END {if (NR == 0) {print "n/a"} else if (NR % 2) {print a[(NR+1)/2]} else {printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}}'
}

load_averages() {
    awk '{print $1" "$2" "$3}' /proc/loadavg
}

{
    echo "# Performance run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$SERVICE_JAVA" -version 2>&1 | head -n 1)."
    echo "JVM options (docker/jvm.options + container limit): \`${JVM_OPTIONS[*]}\`"
    echo "Load averages at start (1/5/15 min): $(load_averages)"
    echo
} >"$RESULTS"

# --- 1. Start-up -------------------------------------------------------------------------------
log "start-up: $STARTS launches on a new data folder, $STARTS restarts on existing data"
start_times() {
    local label=$1 fresh=$2 times=()
    for i in $(seq 1 "$STARTS"); do
        local data=$WORK/startup-data
        [[ $fresh == yes ]] && rm -rf "$data"
        START_NANOS=$(date +%s%N)
        start startup "$DEFAULTS_PORT" -Daudit.data-dir="$data" "${SERVICE[@]}"
        times+=("$(await_first_answer startup "http://127.0.0.1:$DEFAULTS_PORT/api/v1/screenings")")
        stop startup
    done
    local started
    started=$(grep -o 'started in [0-9.]*s' "$WORK/startup.log" | head -n 1 || true)
    echo "| $label | $(printf '%s\n' "${times[@]}" | median) ms | $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1) ms | ${times[*]} | ${started:-?} |" >>"$RESULTS"
}
{
    echo "## Start-up: launch to first 200 on POST /api/v1/screenings"
    echo
    echo "| Case | Median | Worst | All runs (ms) | Quarkus log (last run) |"
    echo "|---|---|---|---|---|"
} >>"$RESULTS"
if ((STARTS > 0)); then
    start_times "new data folder (schema migrated)" yes
    start_times "restart on existing data" no
fi
echo >>"$RESULTS"

# --- 1b. The first 10 s after readiness ------------------------------------------------------
log "first $FIRST_SECONDS after readiness: $FIRST_RUNS launches of the defaults service per variant (${FIRST_WARM_UP[*]})"
for i in $(seq 1 "$FIRST_RUNS"); do
    for variant in "${FIRST_WARM_UP[@]}"; do
        rm -rf "$WORK/first-data"
        START_NANOS=$(date +%s%N)
        start first "$FIRST_PORT" -Daudit.data-dir="$WORK/first-data" \
            -Dscreening.warm-up.enabled="$([[ $variant == off ]] && echo false || echo true)" "${SERVICE[@]}"
        ready_ms=$(await_200 "${PIDS[first]}" "http://127.0.0.1:$FIRST_PORT/q/health/ready" && millis_since "$START_NANOS")
        line=$(API_KEY=$API_KEY BODY_FILE=$ROOT/bench/screening.json wrk -t"$THREADS" -c"$CONNECTIONS" \
            -d"$FIRST_SECONDS" --latency --timeout 5s -s bench/post.lua \
            "http://127.0.0.1:$FIRST_PORT/api/v1/screenings" | grep '^RESULT')
        stop first
        echo "$i $variant ready_ms=$ready_ms ${line#RESULT }" >>"$WORK/first.txt"
        log "  launch $i, warm-up $variant: ready after $ready_ms ms; $line"
    done
done

# --- 2. Servers under load ---------------------------------------------------------------------
read -ra TARGETS <<<"${LOAD_TARGETS:-floor peer audit-off defaults two-clinics}"
declare -A URLS=(
    [floor]="http://127.0.0.1:$FLOOR_PORT/bench/floor"
    [peer]="http://127.0.0.1:$PEER_PORT/screenings"
    [audit-off]="http://127.0.0.1:$AUDIT_OFF_PORT/api/v1/screenings"
    [defaults]="http://127.0.0.1:$DEFAULTS_PORT/api/v1/screenings"
    [two-clinics]="http://127.0.0.1:$DEFAULTS_PORT/api/v1/screenings"
)
# The service process each target measures (for its RSS); two-clinics is the defaults service with other keys.
declare -A SERVICE_OF=([peer]=peer [audit-off]=audit-off [defaults]=defaults [two-clinics]=defaults [pg]=pg)
# The keys wrk alternates per request (bench/post.lua, API_KEYS); empty: API_KEY on every request.
declare -A ROTATING_KEYS=([two-clinics]="$NORTH_KEY $SOUTH_KEY")
measured() {
    [[ " ${TARGETS[*]} " == *" $1 "* ]]
}
measured floor && start floor "$FLOOR_PORT" -jar "$FLOOR_JAR"
if measured peer; then
    PORT=$PEER_PORT WORKERS=2 node bench/zen/server.js >"$WORK/peer.log" 2>&1 &
    PIDS[peer]=$!
fi
# The same service with audit.enabled=false: what durability costs, measured against the defaults in one run.
measured audit-off && start audit-off "$AUDIT_OFF_PORT" -Daudit.enabled=false -Daudit.data-dir="$WORK/audit-off-data" \
    "${SERVICE[@]}"
start defaults "$DEFAULTS_PORT" -Daudit.data-dir="$WORK/defaults-data" "${SERVICE[@]}"
if [[ -z $SKIP_PG ]]; then
    # shellcheck source=/dev/null
    source .ci/postgres.sh >&2
    TARGETS+=(pg)
    URLS[pg]="http://127.0.0.1:$PG_PORT/api/v1/screenings"
    start pg "$PG_PORT" -Daudit.db.url="$AUDIT_TEST_PG_URL" -Daudit.db.username="$AUDIT_TEST_PG_USER" \
        -Daudit.data-dir="$WORK/pg-unused" "${SERVICE[@]}"
fi
for target in "${TARGETS[@]}"; do
    START_NANOS=$(date +%s%N)
    await_first_answer "${SERVICE_OF[$target]:-$target}" "${URLS[$target]}" >/dev/null
done
if measured peer; then
    log "the peer and the service decide the vignettes alike"
    API_KEY=$API_KEY node bench/zen/check.js "${URLS[defaults]}" "${URLS[peer]}" | tee "$WORK/peer-check.txt" >&2
fi

export BODY_FILE=$ROOT/bench/screening.json API_KEY
# run_wrk DURATION TARGET
run_wrk() {
    API_KEYS=${ROTATING_KEYS[$2]:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 5s -s bench/post.lua "${URLS[$2]}" \
        | grep '^RESULT'
}

# CPU time (user + system) a pid has used so far, in clock ticks: a cost per request that other work on the machine
# disturbs less than req/s.
# The peer's workers are children of its cluster primary: a process counts with its children.
cpu_ticks() {
    local total=0 pid
    for pid in $1 $(pgrep -P "$1" || true); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Peak RSS (MB) of a pid, sampled every 250 ms until the file $2 appears.
sample_rss() {
    local pid=$1 stop_file=$2 peak=0 rss
    while [[ ! -e $stop_file ]]; do
        rss=$(ps -o rss= --pid "$pid" --ppid "$pid" 2>/dev/null | awk '{s += $1} END {print s + 0}')
        [[ -n $rss ]] && ((rss > peak)) && peak=$rss
        sleep 0.25
    done
    echo $((peak / 1024))
}

log "warm-up: $WARMUP per target"
for target in "${TARGETS[@]}"; do
    run_wrk "$WARMUP" "$target" >/dev/null
done

declare -A PEAK_RSS=()
for round in $(seq 1 "$ROUNDS"); do
    log "round $round of $ROUNDS (load $(load_averages))"
    # defaults and two-clinics take turns at going first, so that neither always meets the other's leftovers.
    round_targets=()
    for target in "${TARGETS[@]}"; do
        if ((round % 2 == 0)) && [[ $target == defaults || $target == two-clinics ]]; then
            target=$([[ $target == defaults ]] && echo two-clinics || echo defaults)
        fi
        round_targets+=("$target")
    done
    for target in "${round_targets[@]}"; do
        stop_file=$WORK/rss-stop
        rm -f "$stop_file"
        if [[ $target != floor ]]; then
            sample_rss "${PIDS[${SERVICE_OF[$target]}]}" "$stop_file" >"$WORK/rss-$target-$round" &
            sampler=$!
        fi
        [[ $target != floor ]] && ticks=$(cpu_ticks "${PIDS[${SERVICE_OF[$target]}]}")
        line=$(run_wrk "$DURATION" "$target")
        touch "$stop_file"
        if [[ $target != floor ]]; then
            wait "$sampler"
            rss=$(cat "$WORK/rss-$target-$round")
            ((rss > ${PEAK_RSS[$target]:-0})) && PEAK_RSS[$target]=$rss
            ticks=$(($(cpu_ticks "${PIDS[${SERVICE_OF[$target]}]}") - ticks))
            line+=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v r="${line##*requests=}" \
                'BEGIN { printf " cpu_us_per_request=%.1f", t / hz * 1e6 / (r + 0) }')
        fi
        echo "$round $target $(load_averages | awk '{print $1}') $line" >>"$WORK/wrk.txt"
        log "  $target: $line"
    done
done

field() {
    # field TARGET NAME: every round's value of NAME for TARGET
    awk -v t="$1" -v f="$2" '$2 == t { for (i = 5; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' \
        "$WORK/wrk.txt"
}
ratios() {
    # ratios TARGET [BASE]: every round's req/s of TARGET over the same round's BASE (floor)
    awk -v t="$1" -v b="${2:-floor}" '
        { for (i = 5; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "rps") rps[$1, $2] = kv[2] } rounds[$1] = 1 }
        END { for (r in rounds) if (rps[r, b] > 0) printf "%.3f\n", rps[r, t] / rps[r, b] }' "$WORK/wrk.txt"
}
{
    echo "## Throughput and latency: wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of $DURATION after a $WARMUP warm-up, alternating"
    echo
    echo "| Target | req/s (median) | Ratio to peer (median of rounds) | Ratio to floor (median of rounds) | p50 ms | p99 ms | Worst p99 ms | Errors (non-2xx + socket + timeouts) | Peak RSS MB | Service CPU µs per request | req/s per round |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for target in "${TARGETS[@]}"; do
        errors=$(awk -v t="$target" '$2 == t { for (i = 5; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "non_2xx" || kv[1] == "socket_errors" || kv[1] == "timeouts") s += kv[2] } } END { print s + 0 }' "$WORK/wrk.txt")
        ratio=$( [[ $target == floor ]] && echo 1.00 || ratios "$target" | median)
        peer_ratio=n/a
        measured peer && peer_ratio=$( [[ $target == peer ]] && echo 1.00 || ratios "$target" peer | median)
        echo "| $target | $(field "$target" rps | median) | $peer_ratio | $ratio | $(field "$target" p50_ms | median) | $(field "$target" p99_ms | median) | $(field "$target" p99_ms | sort -n | tail -n 1) | $errors | ${PEAK_RSS[$target]:-n/a} | $(field "$target" cpu_us_per_request | median) | $(field "$target" rps | tr '\n' ' ')|"
    done
    if measured peer; then
        echo
        echo "Vignettes: $(tail -n 1 "$WORK/peer-check.txt") (bench/zen/check.js)."
    fi
    if [[ -s $WORK/first.txt ]]; then
        steady=$(field defaults rps | median)
        echo
        echo "## The first $FIRST_SECONDS after readiness: defaults, wrk -t$THREADS -c$CONNECTIONS --latency from the first 200 of /q/health/ready"
        echo
        echo "| Launch | Warm-up | Launch to ready ms | req/s | Share of steady defaults req/s ($steady) | p50 ms | p99 ms | max ms | Errors |"
        echo "|---|---|---|---|---|---|---|---|---|"
        awk -v steady="$steady" '{
            for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
            share = steady > 0 ? sprintf("%.2f", v["rps"] / steady) : "n/a"
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", $1, $2, v["ready_ms"], v["rps"], share, v["p50_ms"],
                v["p99_ms"], v["max_ms"], v["non_2xx"] + v["socket_errors"] + v["timeouts"]
        }' "$WORK/first.txt"
        # first_value VARIANT NAME: every launch's value of NAME for the variant
        first_value() {
            awk -v w="$1" -v f="$2" '$2 == w { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' \
                "$WORK/first.txt"
        }
        for variant in "${FIRST_WARM_UP[@]}"; do
            first_rps=$(first_value "$variant" rps | median)
            echo "| **median** | $variant | $(first_value "$variant" ready_ms | median) | $first_rps | $(awk -v f="$first_rps" -v s="$steady" 'BEGIN { if (s > 0) printf "%.2f", f / s; else print "n/a" }') | $(first_value "$variant" p50_ms | median) | $(first_value "$variant" p99_ms | median) | | |"
        done
    fi
    echo
    echo "Load averages per run (1 min): $(awk '{printf "%s:%s ", $2, $3}' "$WORK/wrk.txt")"
    echo
    if measured two-clinics; then
        echo "## Two clinics against one: the defaults service, wrk alternating two clinics' keys per request"
        echo
        echo "| Run | req/s (median) | p99 ms (median) | Ratio to defaults (median of rounds) | Ratio per round | Service CPU µs per request (median) | per round |"
        echo "|---|---|---|---|---|---|---|"
        for target in defaults two-clinics; do
            echo "| $target | $(field "$target" rps | median) | $(field "$target" p99_ms | median) | $( [[ $target == defaults ]] && echo 1.000 || ratios "$target" defaults | median) | $( [[ $target == defaults ]] || ratios "$target" defaults | tr '\n' ' ')| $(field "$target" cpu_us_per_request | median) | $(field "$target" cpu_us_per_request | tr '\n' ' ')|"
        done
        echo
    fi
} >>"$RESULTS"

# --- 3. Batch of 1,000 -------------------------------------------------------------------------
((BATCH_RUNS > 0)) || { cat "$RESULTS"; exit 0; }
log "batch of 1,000 questionnaires, $BATCH_RUNS runs per service"
{
    printf '['
    for i in $(seq 1 1000); do
        ((i > 1)) && printf ','
        tr -d '\n' <bench/screening.json
    done
    printf ']'
} >"$WORK/batch-1000.json"
{
    echo "## Batch of 1,000 questionnaires through HTTP (POST /api/v1/screenings/batch, $(wc -c <"$WORK/batch-1000.json") bytes)"
    echo
    echo "| Target | Median ms | Worst ms | Status |"
    echo "|---|---|---|---|"
} >>"$RESULTS"
for target in "${TARGETS[@]}"; do
    [[ $target == floor || $target == peer || $target == two-clinics ]] && continue
    times=() statuses=()
    key_header=()
    [[ -n $API_KEY ]] && key_header=(-H "X-API-Key: $API_KEY")
    for i in $(seq 1 $((BATCH_RUNS + 3))); do
        out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H 'Content-Type: application/json' \
            "${key_header[@]}" --data-binary "@$WORK/batch-1000.json" "${URLS[$target]}/batch")
        ((i <= 3)) && continue
        statuses+=("${out% *}")
        times+=("$(awk -v s="${out#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
    done
    echo "| $target | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1) | $(printf '%s\n' "${statuses[@]}" | sort | uniq -c | awk '{printf "%s x%s ", $2, $1}')|" >>"$RESULTS"
done
{
    echo
    echo "Load averages at end (1/5/15 min): $(load_averages)"
} >>"$RESULTS"

cat "$RESULTS"
