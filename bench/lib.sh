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

# screening_status URL [KEY]: POSTs bench/screening.json to URL (with X-API-Key when KEY is given) and prints the status
# code, 000 when nothing answered.
screening_status() {
    local key_header=()
    [[ -n ${2:-} ]] && key_header=(-H "X-API-Key: $2")
    curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${key_header[@]}" \
        --data-binary @bench/screening.json "$1" 2>/dev/null || true
}

# millis_since NANOS: the milliseconds since NANOS (date +%s%N).
millis_since() {
    echo $((($(date +%s%N) - $1) / 1000000))
}
