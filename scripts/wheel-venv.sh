#!/usr/bin/env bash
# Builds Herald's wheel (sdist, then the wheel from the sdist, as an installer would) and installs it,
# not editable, with its nlp and postgres extras (as the image has them), into a fresh virtual environment: the artifact `make test` runs
# `herald analyze` and the end-to-end test from. Prints the seconds each step takes. Skipped when the
# install is already built from exactly these sources.
#   scripts/wheel-venv.sh [DIST_DIR] [VENV_DIR]    (default .build/dist .build/wheel-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-.build/dist}
venv=${2:-.build/wheel-venv}
PY=${PY:-.venv/bin/python}

stamp="$venv/.herald-sources"
want=$(find pyproject.toml README.md scripts/wheel-venv.sh services/herald -type f -not -path '*/__pycache__/*' -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && ls "$dist"/herald-*.whl > /dev/null 2>&1; then
  echo "==> $venv holds the wheel of these sources already"
  exit 0
fi

SECONDS=0
rm -rf "$dist" "$venv"
mkdir -p "$dist"
"$PY" -m build --outdir "$dist" . > "$dist/build.log" 2>&1 || { cat "$dist/build.log"; exit 1; }
wheel=$(ls "$dist"/herald-*.whl)
built=$SECONDS
"$PY" -m venv "$venv"
# pip's cache holds every dependency after `make setup`, so this downloads nothing new.
"$venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel[nlp,postgres]"
echo "$want" > "$stamp"
echo "==> $(basename "$wheel") built in ${built}s, installed into $venv in $((SECONDS - built))s"
