#!/usr/bin/env bash
# Proves the package installs and runs as a user gets it: `npm pack`, install the tarball into
# an empty project (dependencies from the registry only), then run the installed CLI's
# --version, init, validate and audit on the scaffold. Fails when a runtime file is missing
# from `files`, the build did not run, or a runtime dependency is only a devDependency.
# Usage: scripts/pack-smoke.sh [node command…]   e.g. scripts/pack-smoke.sh npx -y -p node@24 node
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$#" -eq 0 ]; then set -- node; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/project"
cd "$work/project"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work/$tarball"

cli=(node_modules/touchpoint-audit/bin/touchpoint.js)
echo "installed $tarball; running it with $("$@" --version)"
"$@" "${cli[@]}" --version
"$@" "${cli[@]}" init
"$@" "${cli[@]}" validate
"$@" "${cli[@]}" audit --fail-on warning
echo "pack smoke test passed"
