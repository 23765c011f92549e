# The steps every bench script takes to launch the service as the container does. Sourced from the repository's root
# (the scripts cd there first), never run on its own.

# new_key PREFIX: a fresh API key for one run.
new_key() {
    echo "$1-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
}

# key_line CLIENT ROLES KEY [CLINIC]: one line of the service's key file, which holds only the key's SHA-256.
key_line() {
    echo "$1 $2 $(printf '%s' "$3" | sha256sum | cut -d' ' -f1)${4:+ $4}"
}

# load_jvm_options: JVM_OPTIONS, the options the container image starts the service with.
load_jvm_options() {
    mapfile -t JVM_OPTIONS < <(grep -v -e '^[[:space:]]*$' -e '^#' docker/jvm.options)
}

# train_aot_cache JAR CACHE PORT [JVM options...]: writes the AOT cache the image writes at build time, for this run's
# jar on $SERVICE_JAVA (a cache written by another build of the jars is refused), training on port PORT.
train_aot_cache() {
    local jar=$1 cache=$2 port=$3
    shift 3
    CDS_TRAINING_PORT=$port JAVA=$SERVICE_JAVA docker/cds-training.sh "$jar" "$cache" bench/screening.json "$@" >&2
}

# The polls that time a start run on the same two cores as the service. A curl costs about 19 ms of CPU (a fork, an exec,
# its libraries), so a curl every 5-10 ms took most of a core from the start it measured: the first answer came
# 0.5-0.7 s later than with the polls below, which fork nothing (bash's own /dev/tcp for the request, a timed read on a
# pipe that never delivers for the pause). docs/performance.md, "How the start is timed".
SCREENING_BODY=$(<bench/screening.json)
exec {POLL_PAUSE}<> <(:)

# pause SECONDS: sleeps without starting a process.
pause() {
    read -r -t "$1" -u "$POLL_PAUSE" _ || true
}

# http_status URL [KEY [BODY]]: one HTTP/1.1 request to URL (http://127.0.0.1:PORT/path), a POST of BODY as JSON when
# BODY is given, otherwise a GET; sets STATUS to its status code, 000 when nothing answered within 5 s.
http_status() {
    local url=${1#http://} key=${2:-} body=${3-} host port path connection headers LC_ALL=C
    host=${url%%/*}
    port=${host#*:}
    host=${host%%:*}
    path=/${url#*/}
    STATUS=000
    { exec {connection}<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 0
    # Headers go in as arguments, never into printf's format, so a key given by the caller is sent as it is.
    headers="Host: $host"$'\r\n'"Connection: close"$'\r\n'
    [[ -n $key ]] && headers+="X-API-Key: $key"$'\r\n'
    if [[ -n ${3+given} ]]; then
        printf 'POST %s HTTP/1.1\r\n%sContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
            "$path" "$headers" "${#body}" "$body" >&"$connection" 2>/dev/null || true
    else
        printf 'GET %s HTTP/1.1\r\n%s\r\n' "$path" "$headers" >&"$connection" 2>/dev/null || true
    fi
    read -r -t 5 -u "$connection" _ STATUS _ 2>/dev/null || true
    exec {connection}<&-
    [[ $STATUS =~ ^[0-9]{3}$ ]] || STATUS=000
}

# await_200 PID URL [KEY [BODY]]: repeats the request every 5 ms until it answers 200; fails when the process PID ends
# or after 60 s.
await_200() {
    local pid=$1 deadline=$((SECONDS + 60))
    shift
    while http_status "$@"; [[ $STATUS != 200 ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "the service ended before $1 answered 200" >&2; return 1; }
        ((SECONDS < deadline)) || { echo "no 200 from $1 within 60 s" >&2; return 1; }
        pause 0.005
    done
}

# millis_since NANOS: the milliseconds since NANOS (date +%s%N).
millis_since() {
    echo $((($(date +%s%N) - $1) / 1000000))
}
