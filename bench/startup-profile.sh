#!/usr/bin/env bash
# Where the start's CPU goes: launches the packaged service (on $SERVICE_JAVA from its AOT cache, as shipped) under async-profiler
# (Maven Central: tools.profiler:async-profiler, linux-x64) from the first instruction to the first 200 on
# POST /api/v1/screenings, then prints the CPU of each thread and the start-up steps of the main thread by inclusive
# time. The JIT compilers show as threads of their own.
#
#   ./mvnw package -DskipTests && bench/startup-profile.sh
#   bench/startup-profile.sh -Dscreening.warm-up.enabled=false   # any extra JVM arguments go to the service
#
# Environment: TOP (30), INTERVAL (1ms), EVENT (cpu; itimer where perf events are not allowed), SERVICE_JAVA
# (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java, the container's JDK). Authentication is on,
# as shipped, with a key made for the run. The collapsed stacks stay in
# target/bench/startup-profile.txt (one line per stack, "[thread];frame;frame... samples").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
TOP=${TOP:-30}
INTERVAL=${INTERVAL:-1ms}
EVENT=${EVENT:-cpu}
PORT=18087
OUT=target/bench
PROFILER_VERSION=4.1
PROFILER_DIR=$OUT/async-profiler-$PROFILER_VERSION
JAR=target/quarkus-app/quarkus-run.jar
SERVICE_JAVA=${SERVICE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CACHE=$OUT/startup-profile.aot
mkdir -p "$OUT"
if [[ ! -f $PROFILER_DIR/linux-x64/libasyncProfiler.so ]]; then
    mkdir -p "$PROFILER_DIR"
    curl -sSf -o "$PROFILER_DIR/profiler.jar" \
        "https://repo1.maven.org/maven2/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION-linux-x64.jar"
    (cd "$PROFILER_DIR" && unzip -q -o profiler.jar linux-x64/libasyncProfiler.so)
fi
DATA=$(mktemp -d /tmp/screening-startup-profile.XXXXXX)
load_jvm_options
JVM_OPTIONS+=(-XX:MaxRAM=384m)
train_aot_cache "$JAR" "$CACHE" $((PORT + 1)) "${JVM_OPTIONS[@]}"

# As shipped: authentication on, with a key of the run's own.
KEY=$(new_key profile)
key_line startup-profile screening "$KEY" >"$DATA/api-keys"
chmod 600 "$DATA/api-keys"
PROFILE=$PWD/$OUT/startup-profile.txt
rm -f "$PROFILE"
launched=$(date +%s%N)
SCREENING_AUTH_API_KEYS_FILE=$DATA/api-keys "$SERVICE_JAVA" "${JVM_OPTIONS[@]}" -XX:SharedArchiveFile="$CACHE" \
    -agentpath:"$PWD/$PROFILER_DIR/linux-x64/libasyncProfiler.so=start,event=$EVENT,interval=$INTERVAL,threads,collapsed,file=$PROFILE" \
    -Dquarkus.http.port=$PORT -Daudit.data-dir="$DATA" "$@" -jar "$JAR" >"$OUT/startup-profile.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
await_200 "$PID" "http://127.0.0.1:$PORT/api/v1/screenings" "$KEY" "$SCREENING_BODY" \
    || { cat "$OUT/startup-profile.log" >&2; exit 1; }
answered=$(date +%s%N)
cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' /proc/$PID/stat)
echo "Launch to the first 200: $(((answered - launched) / 1000000)) ms; process CPU by then: $cpu_ms ms (with the profiler)"
# The profile is written when the JVM exits; its shutdown adds a few samples (thread "Shutdown thread").
kill $PID
wait $PID 2>/dev/null || true
[[ -s $PROFILE ]] || { echo "no profile written ($OUT/startup-profile.log)" >&2; exit 1; }

echo
echo "CPU samples by thread ($INTERVAL each):"
awk '{ n = $NF; split($0, f, ";"); t = f[1]; gsub(/ tid=[0-9]+/, "", t); s[t] += n; total += n }
    END { for (t in s) if (s[t] * 200 >= total) printf "%7d  %5.1f%%  %s\n", s[t], 100 * s[t] / total, t | "sort -rn"
          close("sort -rn"); printf "%7d  total\n", total }' "$PROFILE"

echo
echo "Main thread, inclusive samples of its start-up steps and class loading (top $TOP):"
awk -v top="$TOP" '
    index($0, "[main") == 1 {
        n = $NF; sub(/ [0-9]+$/, ""); k = split($0, f, ";"); delete seen
        for (i = 2; i <= k; i++) {
            if ((f[i] ~ /recorded\/.*\.deploy$/ || f[i] ~ /<clinit>$/ || f[i] ~ /Bean\.create$/ \
                    || f[i] ~ /RunnerClassLoader\.loadClass$/ || f[i] ~ /ApplicationImpl\.doStart$/) && !(f[i] in seen)) {
                inclusive[f[i]] += n; seen[f[i]] = 1
            }
        }
    }
    END { for (x in inclusive) printf "%7d  %s\n", inclusive[x], x | "sort -rn | head -n " top }' "$PROFILE"
