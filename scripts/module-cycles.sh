#!/usr/bin/env bash
# Shows that no top-level module of `codegen` depends on one that depends on it.
# cargo-modules (`cargo install --locked cargo-modules`) writes the crate's `use` graph between
# modules; its own `--acyclic` also counts an item and its methods as a cycle, and it does not
# see a path used without a `use` (`crate::commit::write_all(..)`), so those paths are added
# from the source with grep. The edges are folded to top-level modules (`engine::plan ->
# commit::journal` becomes `engine -> commit`) and handed to coreutils' `tsort`, which prints an
# order or names a loop and fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
graph="$(mktemp)"
trap 'rm -f "$graph"' EXIT
cargo modules dependencies --lib -p integrate-codegen \
    --no-owns --no-fns --no-types --no-traits --no-externs --no-sysroot >"$graph"
grep '"uses"' "$graph" \
    | sed -E 's/^ *"([^"]+)" -> "([^"]+)".*/\1 \2/' \
    | awk '{split($1, a, "::"); split($2, b, "::"); if (a[2] != "" && b[2] != "" && a[2] != b[2]) print a[2], b[2]}' \
    >"$graph.edges"
# `crate::<module>` written out in a file of another top-level module.
# Comments are left out: an intra-doc link names a module without depending on it.
(cd codegen/src && grep -rE 'crate::[a-z_]+' --include='*.rs' . | grep -vE '^[^:]+:[[:space:]]*//') \
    | sed -E 's#^\./([a-z_]+)(/[^:]*|\.rs):.*#\1 &#' \
    | while read -r module line; do grep -oE 'crate::[a-z_]+' <<<"$line" | sed "s#^crate::#$module #"; done \
    | awk 'NF == 2 && $1 != $2 && $1 != "lib"' >>"$graph.edges"
sort -u -o "$graph.edges" "$graph.edges"
trap 'rm -f "$graph" "$graph.edges"' EXIT
echo "$(wc -l <"$graph.edges") dependencies between top-level modules of integrate-codegen"
order="$(tsort "$graph.edges")"
echo "acyclic; from the modules that depend on others down to those that depend on none:"
echo "$order" | tr '\n' ' '
echo
