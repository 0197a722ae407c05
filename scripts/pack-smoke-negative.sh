#!/usr/bin/env bash
# Proves that scripts/pack-smoke.sh catches a broken package: on a copy of the repository it
# leaves each `files` entry out of package.json, skips the build, and moves a runtime
# dependency to devDependencies, and expects the pack smoke test to fail every time; then, in
# one good install, it removes each runtime dependency from node_modules in turn and expects
# the installed checks to fail (except the ones bundled into the CLI, which must not matter).
# Usage: scripts/pack-smoke-negative.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Dependencies that esbuild bundles into dist/bundle/ and the library in dist/ never imports:
# the installed package must work without them (checked below), so they are allowed to be
# missing. Everything else in `dependencies` must be needed.
bundled_only=(commander ora)

# The repository's files as committed or added (not ignored), built once; node_modules linked.
copy="$work/repo"
mkdir "$copy"
(
  cd "$root"
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar --null -T - -cf -
) | tar -xf - -C "$copy"
ln -s "$root/node_modules" "$copy/node_modules"
(cd "$copy" && npm run build --silent)
cp "$copy/package.json" "$work/package.json"

failures=0
# The first line of the failure in the log: the error, not Node's trailer.
reason() {
  grep -m 1 -E '^(touchpoint: |npm error|[A-Za-z]*Error)' "$work/log" | cut -c 1-160 || tail -n 1 "$work/log"
}
# Runs the pack smoke test of the copy (packed as it is: no build) and expects it to fail.
expect_failure() {
  local what="$1"
  if (cd "$copy" && PACK_SMOKE_PACK_ARGS=--ignore-scripts scripts/pack-smoke.sh node) \
    >"$work/log" 2>&1; then
    echo "NOT CAUGHT: pack smoke test passed with $what" >&2
    failures=$((failures + 1))
  else
    echo "caught: $what — $(reason)"
  fi
}

# Rewrites the copy's package.json with a change to the original: $1 is a function body
# taking `pkg`.
edit_package() {
  node -e "
    const fs = require('fs');
    const pkg = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
    (function (pkg) { $1 })(pkg);
    fs.writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + '\n');
  " "$work/package.json" "$copy/package.json"
}

mapfile -t entries < <(node -p "require('$work/package.json').files.join('\n')")
packed_files() {
  (cd "$copy" && npm pack --dry-run --json --ignore-scripts) |
    node -e 'for (const f of JSON.parse(require("fs").readFileSync(0, "utf8"))[0].files) console.log(f.path)' |
    sort
}
all_files="$(packed_files)"
for entry in "${entries[@]}"; do
  edit_package "pkg.files = pkg.files.filter((f) => f !== '$entry');"
  if [ "$(packed_files)" = "$all_files" ]; then
    # npm packs what package.json's `bin` names whatever `files` says: nothing can go missing.
    echo "npm packs '$entry' even when it is left out of files (package.json names it)"
  else
    expect_failure "'$entry' left out of files"
  fi
done
cp "$work/package.json" "$copy/package.json"

mv "$copy/dist" "$work/dist"
expect_failure "the build skipped (no dist/)"
mv "$work/dist" "$copy/dist"

edit_package "pkg.devDependencies.yaml = pkg.dependencies.yaml; delete pkg.dependencies.yaml;"
expect_failure "yaml moved to devDependencies"
cp "$work/package.json" "$copy/package.json"

# One good install, kept, then each runtime dependency taken out of its node_modules in turn.
good="$work/good"
(cd "$copy" && PACK_SMOKE_KEEP="$good" PACK_SMOKE_PACK_ARGS=--ignore-scripts scripts/pack-smoke.sh node) \
  >"$work/log" 2>&1 || {
  cat "$work/log" >&2
  echo "the unchanged package failed its pack smoke test" >&2
  exit 1
}
mapfile -t dependencies < <(node -p "Object.keys(require('$work/package.json').dependencies).join('\n')")
for dependency in "${dependencies[@]}"; do
  mv "$good/node_modules/$dependency" "$work/hidden"
  if "$copy/scripts/pack-smoke.sh" --check "$good" node >"$work/log" 2>&1; then
    if [[ " ${bundled_only[*]} " == *" $dependency "* ]]; then
      echo "bundled: the package works without $dependency, as expected"
    else
      echo "NOT CAUGHT: the installed package works without its dependency $dependency" >&2
      failures=$((failures + 1))
    fi
  elif [[ " ${bundled_only[*]} " == *" $dependency "* ]]; then
    echo "$dependency is listed as bundled, but the package fails without it:" >&2
    tail -n 5 "$work/log" >&2
    failures=$((failures + 1))
  else
    echo "caught: $dependency missing — $(reason)"
  fi
  mv "$work/hidden" "$good/node_modules/$dependency"
done

if [ "$failures" -gt 0 ]; then
  echo "pack smoke negative checks: $failures not caught" >&2
  exit 1
fi
echo "pack smoke negative checks passed: every broken package was caught"
