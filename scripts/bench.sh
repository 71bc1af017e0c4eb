#!/usr/bin/env bash
# Measures `integrate apply --dry-run` and `integrate check` on a workspace: median wall time of
# five runs and the peak resident memory of the release binary, and the ratio apply / check
# (apply plans from the same partial parse as check, so it should stay within a small factor);
# then check's floor, the time
# merely to read the files check reads, with codegen/benches/check.rs: it asks the engine for
# those files (engine::Run::files_read after a check, the record of a real check run: the points' files,
# the files present_if globs search, the files of the profile's checks), times reading them
# (median) and a full check in process (median), and prints both, the ratio check / floor and
# its peak resident memory, and apply's plan in process with the ratio apply / check. With no argument it measures the bundled sample platform (with a
# `testcloud` provider applied); pass the directory of an integrate.toml to measure your own
# checkouts, e.g. cloudpods + cloudmux with discovered descriptors. It only runs integrate: it
# does not fetch or build the platforms. RUNS=9 takes the median of nine runs instead of five.
#
#   bash scripts/bench.sh                    # the bundled sample
#   bash scripts/bench.sh ~/work/ws          # a workspace of real checkouts
#   cargo bench -p integrate-codegen --bench check -- ~/work/ws    # the floor part alone
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p integrate
bin="$root/target/release/integrate"

timing="$(mktemp)"
cleanup=("$timing")
trap 'rm -rf "${cleanup[@]}"' EXIT

ws="${1:-}"
if [ -z "$ws" ]; then
    ws="$(mktemp -d)"
    cleanup+=("$ws")
    cp -r "$root/examples/sample-platform/." "$ws/"
    (cd "$ws" && "$bin" new testcloud --brand TestCloud --env private --vms --metrics >/dev/null)
fi
ws="$(cd "$ws" && pwd)"
cd "$ws"
descriptors=$(find "${DESCRIPTORS:-descriptors}" -name '*.toml' 2>/dev/null | wc -l)
echo "workspace: $ws ($descriptors descriptors)"

declare -A median
# Median wall time (ms, from the clock around each run) and largest peak RSS (from
# /usr/bin/time) over $runs runs of the binary with the given arguments.
measure() {
    local name="$1"; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        local start end rss
        start=$(date +%s%N)
        /usr/bin/time -o "$timing" -f '%M' "$bin" "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000 ))")
        rss=$(tail -1 "$timing")
        [ "$rss" -gt "$peak" ] && peak="$rss"
    done
    median[$name]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-19s median %8.2f ms over %d runs   peak RSS %7.1f MiB\n' "$name" "$(awk -v us="${median[$name]}" 'BEGIN {print us / 1000}')" "$runs" "$(awk -v k="$peak" 'BEGIN {print k / 1024}')"
}

measure "apply --dry-run" apply --dry-run
measure "check" check
awk -v c="${median[check]}" -v a="${median[apply --dry-run]}" 'BEGIN { if (c > 0) printf "ratio apply --dry-run / check: %.2f\n", a / c }'
echo
RUNS="$runs" cargo bench --quiet --manifest-path "$root/Cargo.toml" -p integrate-codegen --bench check -- "$ws"
