# shellcheck shell=bash
# Starts a throw-away Keycloak for the sign-in tests and exports where to find it:
#
#   source .ci/keycloak.sh      # returns at once; Keycloak boots while Maven builds
#   ./mvnw test                 # the sign-in tests wait for it (KeycloakRealm)
#   keycloak_test_stop          # stops it and deletes its folder
#
# The server is Keycloak's own distribution (org.keycloak:keycloak-quarkus-dist, a zip on Maven Central) in
# development mode on the machine's Temurin 25 JDK, with the realm of src/test/resources/keycloak imported.
# Exports KEYCLOAK_TEST_URL (the realm's issuer), KEYCLOAK_TEST_BASE, KEYCLOAK_TEST_LOG.

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.4.7}"

_keycloak_java_home() {
    local jdk
    for jdk in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[1-9]-jdk-*; do
        if [ -x "$jdk/bin/java" ]; then
            echo "$jdk"
            return 0
        fi
    done
    return 1
}

_keycloak_free_port() {
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

_keycloak_start() {
    local repo root zip java_home port management_port
    repo="$(pwd)"
    java_home=$(_keycloak_java_home) || { echo "keycloak.sh: no JDK 21+ under /usr/lib/jvm" >&2; return 1; }
    zip="${HOME}/.m2/repository/org/keycloak/keycloak-quarkus-dist/${KEYCLOAK_VERSION}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
    if [ ! -s "$zip" ]; then
        mkdir -p "$(dirname "$zip")"
        curl -fsSL --retry 3 -o "$zip.part" \
            "https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/${KEYCLOAK_VERSION}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip" \
            && mv "$zip.part" "$zip" || { echo "keycloak.sh: download failed" >&2; return 1; }
    fi
    root=$(mktemp -d /tmp/keycloak-test.XXXXXX)
    unzip -q "$zip" -d "$root" || return 1
    KEYCLOAK_TEST_HOME="$root/keycloak-${KEYCLOAK_VERSION}"
    mkdir -p "$KEYCLOAK_TEST_HOME/data/import"
    cp "$repo/src/test/resources/keycloak/microneedling-realm.json" "$KEYCLOAK_TEST_HOME/data/import/"
    port=$(_keycloak_free_port) || return 1
    management_port=$(_keycloak_free_port) || return 1
    KEYCLOAK_TEST_LOG="$root/keycloak.log"
    # Java 24+ closes java.lang to the thread-local reset of Keycloak's thread pool unless it is opened.
    (
        cd "$KEYCLOAK_TEST_HOME" || exit 1
        JAVA_HOME="$java_home" JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED" \
            KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
            exec bin/kc.sh start-dev --import-realm --http-port="$port" --http-management-port="$management_port" \
            --hostname-strict=false
    ) >"$KEYCLOAK_TEST_LOG" 2>&1 &
    KEYCLOAK_TEST_PID=$!
    export KEYCLOAK_TEST_BASE="http://localhost:$port"
    export KEYCLOAK_TEST_URL="$KEYCLOAK_TEST_BASE/realms/microneedling"
    export KEYCLOAK_TEST_LOG KEYCLOAK_TEST_PID KEYCLOAK_TEST_HOME
    echo "keycloak.sh: Keycloak ${KEYCLOAK_VERSION} starting at $KEYCLOAK_TEST_BASE (log: $KEYCLOAK_TEST_LOG)"
}

keycloak_test_stop() {
    if [ -n "${KEYCLOAK_TEST_PID:-}" ]; then
        kill "$KEYCLOAK_TEST_PID" 2>/dev/null
        wait "$KEYCLOAK_TEST_PID" 2>/dev/null
    fi
    if [ -n "${KEYCLOAK_TEST_HOME:-}" ]; then
        rm -rf "$(dirname "$KEYCLOAK_TEST_HOME")"
    fi
    unset KEYCLOAK_TEST_URL KEYCLOAK_TEST_BASE KEYCLOAK_TEST_PID KEYCLOAK_TEST_HOME
}

if [ -z "${KEYCLOAK_TEST_URL:-}" ]; then
    for _keycloak_tool in unzip curl; do
        if ! command -v "$_keycloak_tool" >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$_keycloak_tool" >/dev/null
        fi
    done
    _keycloak_start
fi
