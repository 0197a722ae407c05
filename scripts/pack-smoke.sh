#!/usr/bin/env bash
# Proves the package installs and runs as a user gets it: `npm pack`, install the tarball into
# an empty project (dependencies from the registry only), then run the installed CLI's
# --version, init, validate, audit and schema on the scaffold, use it as a library (every
# report format), and run the pre-commit hook's entry the way pre-commit does (the tarball
# installed globally into an environment of its own). Fails when a runtime file is missing
# from `files`, the build did not run, or a runtime dependency is only a devDependency
# (scripts/pack-smoke-negative.sh proves each of those).
#
# Usage: scripts/pack-smoke.sh [node command…]   e.g. scripts/pack-smoke.sh npx -y -p node@24 node
#        scripts/pack-smoke.sh --check DIR [node command…]   rerun the checks in DIR, a project
#          this script installed into and kept (PACK_SMOKE_KEEP=DIR)
# PACK_SMOKE_PACK_ARGS: extra arguments for `npm pack` (the negative checks pass --ignore-scripts).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# The installed CLI, library and files, used from the project directory $1.
check_installed() {
  local project="$1"
  shift
  local cli="$project/node_modules/touchpoint-audit/bin/touchpoint.js"
  local scaffold
  scaffold="$(mktemp -d)"
  cd "$scaffold"
  local version
  version="$("$@" "$cli" --version)"
  echo "$version"
  [[ "$version" =~ ^touchpoint-audit\ [0-9][^\ ]*\ \(Node\ v[0-9.]+\)$ ]] || {
    echo "unexpected --version output: $version" >&2
    return 1
  }
  "$@" "$cli" init
  "$@" "$cli" validate
  "$@" "$cli" audit --fail-on warning
  # An event log with the built-in streaming engine; --engine duckdb without the optional
  # @duckdb/node-api (not a dependency, so never installed with the package) says how to add it.
  printf 'account_id,touchpoint_id,timestamp\na-1,welcome-email,2026-01-05\n' >events.csv
  "$@" "$cli" audit --events events.csv --fail-on never >/dev/null
  local duck_err duck_status=0
  duck_err="$("$@" "$cli" audit --events events.csv --engine duckdb 2>&1 >/dev/null)" || duck_status=$?
  local duck_expected='touchpoint: --engine duckdb needs the @duckdb/node-api package, which is not installed; add it with: npm install @duckdb/node-api (or drop --engine duckdb to use the built-in streaming engine)'
  if [ "$duck_status" != 2 ] || [ "$duck_err" != "$duck_expected" ]; then
    echo "--engine duckdb without @duckdb/node-api: exit $duck_status, stderr: $duck_err" >&2
    return 1
  fi
  "$@" "$cli" schema inventory | "$@" -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))'
  # The library resolves from the project's node_modules, as a user's script would.
  cp "$root/scripts/smoke-library.mjs" "$project/smoke-library.mjs"
  (cd "$scaffold" && "$@" "$project/smoke-library.mjs")
  cd "$project"
  rm -rf "$scaffold"
}

if [ "${1-}" = --check ]; then
  project="$2"
  shift 2
  if [ "$#" -eq 0 ]; then set -- node; fi
  check_installed "$project" "$@"
  exit 0
fi

if [ "$#" -eq 0 ]; then set -- node; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="${PACK_SMOKE_KEEP:-$work/project}"

# shellcheck disable=SC2086 # PACK_SMOKE_PACK_ARGS is a list of words
tarball="$(cd "$root" && npm pack --silent ${PACK_SMOKE_PACK_ARGS-} --pack-destination "$work" | tail -n 1)"
mkdir -p "$project"
cd "$project"
npm init -y >/dev/null
npm install --prefer-offline --no-audit --no-fund --loglevel=error "$work/$tarball"
echo "installed $tarball; running it with $("$@" --version)"
check_installed "$project" "$@"

# pre-commit installs a `language: node` hook by packing the repository and installing the
# tarball globally into the hook's own environment, then runs `entry` with that environment's
# bin first on PATH (pre-commit's languages/node.py). Same here, with the node of "$@".
hook_env="$work/hook-env"
npm install --global --prefix "$hook_env" --prefer-offline --no-audit --no-fund --loglevel=error "$work/$tarball"
entry="$("$@" -e '
  const { parse } = require(process.argv[1]);
  const hooks = parse(require("fs").readFileSync(process.argv[2], "utf8"));
  process.stdout.write(hooks.find((hook) => hook.id === "touchpoint-validate").entry);
' "$root/node_modules/yaml" "$root/.pre-commit-hooks.yaml")"
node_dir="$(dirname "$("$@" -p process.execPath)")"
hook_path="$hook_env/bin:$node_dir:$PATH"
mkdir "$work/hooked"
cd "$work/hooked"
PATH="$hook_path" touchpoint init >/dev/null 2>&1
# shellcheck disable=SC2086 # the entry is a command line: words, as pre-commit splits it
PATH="$hook_path" $entry touchpoints.yaml
echo "pre-commit hook entry '$entry' passes a clean scaffold"
printf 'version: 1\ntouchpoints:\n  - id: x\n' >touchpoints.yaml
status=0
# shellcheck disable=SC2086
PATH="$hook_path" $entry touchpoints.yaml || status=$?
if [ "$status" -ne 1 ]; then
  echo "pre-commit hook entry '$entry' exited $status on an invalid inventory (expected 1)" >&2
  exit 1
fi
echo "pre-commit hook entry fails an invalid inventory (exit 1)"
echo "pack smoke test passed"
