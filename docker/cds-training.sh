#!/usr/bin/env bash
# Writes the start-up cache the service starts from (docs/performance.md, "Start-up"; ADR 0012): starts the packaged
# service once, sends it the requests of a working day (screenings, a batch, the catalogue, a refused key, an invalid
# body), so that the classes of the request path are cached with those of the start, and stops it.
#
#   docker/cds-training.sh JAR CACHE QUESTIONNAIRE [java options...]
#
# $JAVA (default: java) decides the kind: on JDK 25 or later an AOT cache (-XX:AOTCacheOutput, JEP 483/514/515: the
# classes loaded and linked, and the method profiles of the training, so the JIT starts from them), started with
# -XX:AOTCache; on older JDKs a class-data archive (-XX:ArchiveClassesAtExit), started with -XX:SharedArchiveFile.
# A cache only serves the JVM build that wrote it, started with the same -jar path (the jars' paths, sizes and times
# are checked): the image writes it at build time with its own java, bench/run.sh before it measures. A JVM given a
# cache that does not fit warns and starts without it. Plain bash: the runtime image has no curl.
set -euo pipefail

JAR=$1 CACHE=$2 QUESTIONNAIRE=$3
shift 3
JAVA=${JAVA:-java}
PORT=${CDS_TRAINING_PORT:-18099}
SCREENINGS=${CDS_TRAINING_SCREENINGS:-50}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cds-training.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

KEY="training-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "cds-training screening,audit,admin $(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)" >"$WORK/api-keys"
{
    printf '['
    for i in 1 2 3 4 5 6 7 8 9 10; do
        ((i > 1)) && printf ','
        tr -d '\n' <"$QUESTIONNAIRE"
    done
    printf ']'
} >"$WORK/batch.json"
printf '{"patient":' >"$WORK/invalid.json"

# request METHOD PATH [BODY_FILE [KEY]]: prints the status code, nothing when the port does not answer yet.
request() {
    local method=$1 path=$2 body=${3:-} key=${4-$KEY} status
    { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 0
    {
        printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' "$method" "$path"
        [[ -n $key ]] && printf 'X-API-Key: %s\r\n' "$key"
        if [[ -n $body ]]; then
            printf 'Content-Type: application/json\r\nContent-Length: %s\r\n\r\n' "$(wc -c <"$body")"
            cat "$body"
        else
            printf '\r\n'
        fi
    } >&3
    read -r _ status _ <&3 || true
    cat <&3 >/dev/null || true
    exec 3<&-
    echo "$status"
}

# The major version: "25" from java.specification.version = 25, "1.8" stays below 25.
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if ((${version%%.*} >= 25)); then
    write_cache=(-XX:AOTCacheOutput="$CACHE")
else
    write_cache=(-XX:ArchiveClassesAtExit="$CACHE")
fi
rm -f "$CACHE"

SCREENING_AUTH_API_KEYS_FILE=$WORK/api-keys "$JAVA" "$@" "${write_cache[@]}" \
    -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.shutdown.delay=0s \
    -Daudit.data-dir="$WORK/data" -jar "$JAR" >"$WORK/service.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 120))
until [[ $(request POST /api/v1/screenings "$QUESTIONNAIRE") == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
        cat "$WORK/service.log" >&2
        echo "cds-training: the service did not answer" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done
for _ in $(seq 1 "$SCREENINGS"); do
    request POST /api/v1/screenings "$QUESTIONNAIRE" >/dev/null
done
request POST /api/v1/screenings/batch "$WORK/batch.json" >/dev/null
request POST /api/v1/screenings "$WORK/invalid.json" >/dev/null
request POST /api/v1/screenings "$QUESTIONNAIRE" wrong-key >/dev/null
request GET /api/v1/questionnaire >/dev/null
request GET /api/v1/rules >/dev/null
request GET /q/health/ready "" "" >/dev/null
kill -TERM "$pid"
# An AOT cache is assembled after the service stops, by a JVM the training JVM starts and waits for.
wait "$pid" || true
if [[ ! -s $CACHE ]]; then
    cat "$WORK/service.log" >&2
    echo "cds-training: no cache written to $CACHE" >&2
    exit 1
fi
echo "cds-training: $(wc -c <"$CACHE") bytes written to $CACHE"
