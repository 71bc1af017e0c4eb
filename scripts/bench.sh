#!/usr/bin/env bash
# Measures `integrate apply --dry-run` and `integrate check` on a workspace: median wall time of
# five runs and the peak resident memory, with a release build. With no argument it measures the
# bundled sample platform (with a `testcloud` provider applied); pass the directory of an
# integrate.toml to measure your own checkouts, e.g. cloudpods + cloudmux with discovered
# descriptors. It only runs integrate: it does not fetch or build the platforms.
#
#   bash scripts/bench.sh                    # the bundled sample
#   bash scripts/bench.sh ~/work/ws          # a workspace of real checkouts
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p integrate
bin="$root/target/release/integrate"

ws="${1:-}"
if [ -z "$ws" ]; then
    ws="$(mktemp -d)"
    trap 'rm -rf "$ws"' EXIT
    cp -r "$root/examples/sample-platform/." "$ws/"
    (cd "$ws" && "$bin" new testcloud --brand TestCloud --env private --vms --metrics >/dev/null)
fi
cd "$ws"
descriptors=$(find "${DESCRIPTORS:-descriptors}" -name '*.toml' 2>/dev/null | wc -l)
echo "workspace: $ws ($descriptors descriptors)"

measure() {
    local name="$1"; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        local out
        /usr/bin/time -o /tmp/integrate-bench-time -f '%e %M' "$bin" "$@" >/dev/null 2>&1 || true
        out=$(tail -1 /tmp/integrate-bench-time)
        times+=("${out% *}")
        local rss="${out#* }"
        [ "$rss" -gt "$peak" ] && peak="$rss"
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-18s median %6.3f s over %d runs   peak RSS %7.1f MiB\n' "$name" "$median" "$runs" "$(awk -v k="$peak" 'BEGIN {print k / 1024}')"
    echo "$median"  > "/tmp/integrate-bench-$name"
}

measure "apply --dry-run" apply --dry-run
measure "check" check
apply=$(cat "/tmp/integrate-bench-apply --dry-run"); check=$(cat /tmp/integrate-bench-check)
awk -v c="$check" -v a="$apply" 'BEGIN { if (a > 0) printf "ratio check / apply --dry-run: %.2f\n", c / a }'
