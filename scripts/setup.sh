#!/usr/bin/env bash
# Sets up everything Herald needs on this machine, idempotently:
#   .venv/ with Herald and its extras, the Kafka broker's jars (Maven), and the deployment checkers.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi

stamp=.venv/.herald-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> installing Herald and its dependencies into .venv"
  .venv/bin/python -m pip install -q -e '.[nlp,bench,dev]'
  echo "$want" > "$stamp"
fi

echo "==> resolving the Kafka broker's jars with Maven"
.venv/bin/herald kafka install

if [ -x scripts/install-tools.sh ]; then
  echo "==> installing deployment checkers (helm, promtool)"
  scripts/install-tools.sh
fi
echo "==> setup done"
