#!/usr/bin/env bash
# Scale-out on real parts: two instances of the packaged service on different ports, one PostgreSQL, wrk
# against both at once. Then checks that no audit record was lost or duplicated and that the audit
# verification passes. Each instance keeps its own hash chain (audit.chain-id=instance-a / instance-b):
# one chain per writer, so the two never contend for a chain head (docs/performance.md, "Scale-out").
#
#   bench/scale-out.sh                  # builds nothing; run ./mvnw package -DskipTests first
#
# Uses AUDIT_TEST_PG_URL when set (source .ci/postgres.sh), otherwise starts a throw-away cluster the same
# way. Authentication is on, as shipped, with a key made for the run. Environment: DURATION (20s), CONNECTIONS (16 per
# instance).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
WORK=$(mktemp -d /tmp/screening-scale-out.XXXXXX)
STARTED_PG=
declare -A PIDS=()

cleanup() {
    for name in "${!PIDS[@]}"; do
        kill "${PIDS[$name]}" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    [[ -n $STARTED_PG ]] && audit_test_pg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z ${AUDIT_TEST_PG_URL:-} ]]; then
    # shellcheck source=/dev/null
    source .ci/postgres.sh
    STARTED_PG=yes
fi
PG_HOST_PORT=${AUDIT_TEST_PG_URL#jdbc:postgresql://}
PG_HOST_PORT=${PG_HOST_PORT%%/*}
PSQL=("${AUDIT_TEST_PG_BIN:-/usr/bin}/psql" -h "${PG_HOST_PORT%:*}" -p "${PG_HOST_PORT#*:}" -U "${AUDIT_TEST_PG_USER:-postgres}" -qtA)
DATABASE=scale_out_$(date +%s)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DATABASE"
URL=jdbc:postgresql://$PG_HOST_PORT/$DATABASE

KEY=$(new_key scale-out)
key_line scale-out screening,audit "$KEY" >"$WORK/api-keys"
chmod 600 "$WORK/api-keys"
load_jvm_options
declare -A PORTS=([instance-a]=18181 [instance-b]=18182)
for name in instance-a instance-b; do
    SCREENING_AUTH_API_KEYS_FILE=$WORK/api-keys java "${JVM_OPTIONS[@]}" -XX:MaxRAM=384m -Dquarkus.http.port="${PORTS[$name]}" -Daudit.db.url="$URL" \
        -Daudit.db.username="${AUDIT_TEST_PG_USER:-postgres}" -Daudit.chain-id="$name" \
        -Daudit.data-dir="$WORK/unused-$name" -jar target/quarkus-app/quarkus-run.jar >"$WORK/$name.log" 2>&1 &
    PIDS[$name]=$!
done
for name in instance-a instance-b; do
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "http://127.0.0.1:${PORTS[$name]}/q/health/ready" && break
        sleep 0.1
    done
done

export BODY_FILE=bench/screening.json API_KEY=$KEY
echo "wrk: $CONNECTIONS connections per instance for $DURATION, both instances at once"
for name in instance-a instance-b; do
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/post.lua \
        "http://127.0.0.1:${PORTS[$name]}/api/v1/screenings" >"$WORK/wrk-$name.txt" &
done
wait %3 %4 2>/dev/null || wait

status=0
for name in instance-a instance-b; do
    line=$(grep '^RESULT' "$WORK/wrk-$name.txt")
    requests=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$line")
    non_2xx=$(sed -E 's/.* non_2xx=([0-9]+).*/\1/' <<<"$line")
    socket=$(sed -E 's/.* socket_errors=([0-9]+).*/\1/' <<<"$line")
    ok=$((requests - non_2xx))
    rows=$("${PSQL[@]}" -d "$DATABASE" -c "SELECT COUNT(*) FROM audit_record WHERE chain_id = '$name'")
    max_seq=$("${PSQL[@]}" -d "$DATABASE" -c "SELECT COALESCE(MAX(seq), 0) FROM audit_record WHERE chain_id = '$name'")
    # wrk stops with up to one request in flight per connection: the service may have committed those
    # without wrk counting their answers, so rows may exceed the 200s by at most the connection count.
    extra=$((rows - ok))
    verdict=ok
    if ((non_2xx > 0 || socket > 0 || extra < 0 || extra > CONNECTIONS || max_seq != rows)); then
        verdict=FAILED
        status=1
    fi
    echo "$name: $line"
    echo "$name: 200 answers $ok, audit rows $rows (in flight when wrk stopped: $extra), last seq $max_seq -> $verdict"
done
total=$("${PSQL[@]}" -d "$DATABASE" -c "SELECT COUNT(*) FROM audit_record")
distinct=$("${PSQL[@]}" -d "$DATABASE" -c "SELECT COUNT(DISTINCT screening_id) FROM audit_record")
echo "audit rows $total, distinct screening ids $distinct"
((total == distinct)) || { echo "duplicated screening ids" >&2; status=1; }
for name in instance-a instance-b; do
    verification=$(curl -s -H "X-API-Key: $KEY" "http://127.0.0.1:${PORTS[$name]}/api/v1/audit/verification")
    echo "$name verification: $verification"
    grep -q '"intact":true' <<<"$verification" || { echo "verification failed on $name" >&2; status=1; }
done
echo "uptime: $(uptime)"
exit $status
