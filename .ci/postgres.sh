# shellcheck shell=bash
# Starts a throw-away PostgreSQL for the audit tests and exports where to find it:
#
#   source .ci/postgres.sh      # then: ./mvnw test
#   audit_test_pg_stop          # stops it and deletes its folder
#
# Runs as root on a fresh Debian bookworm (installs the server if missing) or as any user who already
# has the binaries. Never touches the system's own cluster or service: the cluster lives in a new
# temporary folder, listens on 127.0.0.1 on a free port, and trusts local connections.
# Exports AUDIT_TEST_PG_URL, AUDIT_TEST_PG_USER, AUDIT_TEST_PG_BIN, AUDIT_TEST_PG_CTL,
# AUDIT_TEST_PG_DATA, AUDIT_TEST_PG_LOG and AUDIT_TEST_PG_OS_USER (the owner the server must run as).

_audit_pg_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

_audit_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_audit_pg_free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

_audit_pg_start() {
    local bindir base port
    bindir=$(_audit_pg_bindir)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres.sh: PostgreSQL binaries missing and not root to install them" >&2
            return 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null 2>&1 \
            || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null; } \
            || { echo "postgres.sh: apt-get install postgresql failed" >&2; return 1; }
        bindir=$(_audit_pg_bindir)
    fi
    base=$(mktemp -d /tmp/audit-pg.XXXXXX) || return 1
    # initdb refuses to run as root, so the cluster belongs to the postgres OS user.
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$base"
    fi
    port=$(_audit_pg_free_port) || { echo "postgres.sh: no free port" >&2; return 1; }
    _audit_pg_as_owner "$bindir/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --no-sync \
        >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; return 1; }
    cat >>"$base/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$base'
fsync = on
synchronous_commit = on
CONF
    _audit_pg_as_owner "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 30 start >/dev/null \
        || { cat "$base/server.log" >&2; return 1; }
    "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE audit_test" \
        || return 1
    export AUDIT_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/audit_test"
    export AUDIT_TEST_PG_USER=postgres
    export AUDIT_TEST_PG_BIN="$bindir"
    export AUDIT_TEST_PG_CTL="$bindir/pg_ctl"
    export AUDIT_TEST_PG_DATA="$base/data"
    export AUDIT_TEST_PG_LOG="$base/server.log"
    if [ "$(id -u)" = 0 ]; then
        export AUDIT_TEST_PG_OS_USER=postgres
    else
        unset AUDIT_TEST_PG_OS_USER
    fi
    echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $AUDIT_TEST_PG_URL"
}

audit_test_pg_stop() {
    [ -n "${AUDIT_TEST_PG_DATA:-}" ] || return 0
    _audit_pg_as_owner "$AUDIT_TEST_PG_CTL" -D "$AUDIT_TEST_PG_DATA" -m fast -w stop >/dev/null 2>&1
    rm -rf "$(dirname "$AUDIT_TEST_PG_DATA")"
    unset AUDIT_TEST_PG_URL AUDIT_TEST_PG_USER AUDIT_TEST_PG_BIN AUDIT_TEST_PG_CTL AUDIT_TEST_PG_DATA \
        AUDIT_TEST_PG_LOG AUDIT_TEST_PG_OS_USER
}

_audit_pg_start
