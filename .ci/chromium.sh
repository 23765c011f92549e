# Headless Chromium for the front-desk browser tests: Debian's chromium and chromium-driver
# (/usr/bin/chromium, /usr/bin/chromedriver). Test tools cannot download a browser of their own here.
# Source it (`source .ci/chromium.sh`) from .ci/run or a shell; it installs only what is missing.

frontdesk_install_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "chromium.sh: Chromium is missing and installing it needs root" >&2
            return 1
        fi
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine has no package lists yet; update only then, or when the install cannot find the packages.
    if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        $sudo apt-get update -qq || return 1
    fi
    $sudo apt-get install -y -qq chromium chromium-driver >/dev/null || {
        $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
    } || return 1
    echo "chromium.sh: installed $(/usr/bin/chromium --version 2>/dev/null)"
}

frontdesk_install_chromium
