#!/usr/bin/env bash
# Sets up everything Herald needs on this machine, idempotently:
#   .venv/ with Herald (editable, with its extras) and herald-dev (the development tools), the Kafka broker's jars (Maven), and the deployment checkers.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi

stamp=.venv/.herald-installed
want=$(cat pyproject.toml services/herald-dev/pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> installing Herald, herald-dev and their dependencies into .venv"
  # One command: herald-dev requires herald[nlp], which must resolve to this checkout.
  .venv/bin/python -m pip install -q -e '.[nlp,postgres,dev]' -e services/herald-dev
  echo "$want" > "$stamp"
fi

echo "==> resolving the Kafka broker's jars with Maven"
.venv/bin/herald kafka install

if [ -x scripts/install-tools.sh ]; then
  echo "==> installing deployment checkers (helm, promtool)"
  scripts/install-tools.sh
fi
echo "==> setup done"
