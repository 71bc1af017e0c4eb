#!/usr/bin/env bash
# Installs the test servers the validation tests need into a Python venv:
# moto[server], the AWS API emulator that codegen/tests/validation_aws.rs
# runs with signature checks enforced. The venv is .venv-test/ at the
# repository root unless INTEGRATE_TEST_VENV names another one.
#
# Idempotent and quiet: when moto_server is already installed and importable
# it does nothing and prints nothing.
#
#   bash scripts/test-servers.sh          # install if needed
#   bash scripts/test-servers.sh --env    # ... then print `export INTEGRATE_TEST_VENV=...`
#   . scripts/test-servers.sh             # ... and export INTEGRATE_TEST_VENV in this shell
#
# The tests find .venv-test/ at the repository root by themselves; the
# variable is only needed for a venv elsewhere.

integrate_test_servers() {
    local root venv
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
    venv="${INTEGRATE_TEST_VENV:-$root/.venv-test}"

    if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c 'import moto.server' 2>/dev/null; then
        INTEGRATE_TEST_VENV="$venv"
        return 0
    fi
    if [ ! -x "$venv/bin/python" ]; then
        if ! python3 -m venv "$venv" >/dev/null; then
            echo "test-servers.sh: 'python3 -m venv' failed; install Python 3 with its venv module (Debian: apt-get install python3-venv)" >&2
            return 1
        fi
    fi
    if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'moto[server]' >&2; then
        echo "test-servers.sh: 'pip install moto[server]' into $venv failed" >&2
        return 1
    fi
    if [ ! -x "$venv/bin/moto_server" ]; then
        echo "test-servers.sh: moto_server is missing from $venv/bin after installing moto[server]" >&2
        return 1
    fi
    INTEGRATE_TEST_VENV="$venv"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: export the variable into the caller's shell, leave its options alone.
    integrate_test_servers && export INTEGRATE_TEST_VENV
else
    set -euo pipefail
    integrate_test_servers
    if [ "${1:-}" = "--env" ]; then
        printf 'export INTEGRATE_TEST_VENV=%q\n' "$INTEGRATE_TEST_VENV"
    fi
fi
