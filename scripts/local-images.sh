#!/usr/bin/env bash
# Builds, without a container registry, the base images CI passes to services/Dockerfile in place of the
# public python image (deploy/ci/compose.override.yml names them), idempotently:
#
#   localhost/herald-python:3.11-bookworm   Debian bookworm made with debootstrap, Python 3.11 in a
#                                           virtual environment at /usr/local (the layout of the public
#                                           python image: python and pip on PATH, nothing else)
#   localhost/herald-build:3.11-bookworm    the same plus every wheel Herald needs, and pip told to use
#                                           only those (PIP_NO_INDEX, PIP_FIND_LINKS)
#
# Why wheels from the host: inside a build, pip cannot verify the package index's certificate on
# these machines (the host's HTTPS goes through a certificate authority only the host trusts), while
# the host's pip can. The wheels are made once per pyproject.toml under .herald/wheelhouse.
#
# The Debian mirror is the one this machine's apt uses (read from its sources at run time), or
# DEBIAN_MIRROR. Podman runs with CONTAINERS_CONF (default deploy/ci/containers.conf).
#
# Usage: scripts/local-images.sh        (PYTHON=path/to/python builds the wheels with another pip)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$ROOT/deploy/ci/containers.conf}"
SUITE=bookworm
PYTHON_IMAGE=localhost/herald-python:3.11-bookworm
BUILD_IMAGE=localhost/herald-build:3.11-bookworm
PACKAGES=ca-certificates,python3,python3-venv
WORK="$ROOT/.herald/local-images"
WHEELHOUSE="$ROOT/.herald/wheelhouse"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PYTHON" ]] || PYTHON=python3

log() { printf '[local-images] %s\n' "$*" >&2; }

label_of() { podman image inspect --format "{{index .Labels \"$2\"}}" "$1" 2>/dev/null || true; }

# The first mirror apt's sources list for the suite itself (not -updates or -security), in either the
# one-line or the deb822 format.
apt_mirror() {
  local files=()
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  files+=(/etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
  local f
  for f in "${files[@]}"; do
    [[ -f "$f" ]] || continue
    if [[ "$f" == *.sources ]]; then
      awk -v suite="$SUITE" 'BEGIN { RS = "" }
        { uri = ""; ok = 0
          n = split($0, lines, "\n")
          for (i = 1; i <= n; i++) {
            if (lines[i] ~ /^URIs:/) { split(lines[i], w, " "); uri = w[2] }
            if (lines[i] ~ /^Suites:/) { m = split(lines[i], s, " "); for (j = 2; j <= m; j++) if (s[j] == suite) ok = 1 }
          }
          if (ok && uri != "") { print uri; exit } }' "$f"
    else
      awk -v suite="$SUITE" '$1 == "deb" { for (i = 2; i < NF; i++) if ($i ~ /^[a-z]+:\/\// && $(i + 1) == suite) { print $i; exit } }' "$f"
    fi
  done | head -n 1
}

python_base() {
  local key="$SUITE:$PACKAGES:venv-at-usr-local"
  if [[ "$(label_of "$PYTHON_IMAGE" herald.base)" == "$key" ]]; then
    log "$PYTHON_IMAGE is up to date"
    return
  fi
  local mirror="${DEBIAN_MIRROR:-$(apt_mirror)}"
  if [[ -z "$mirror" ]]; then
    log "error: no Debian mirror for $SUITE in apt's sources; set DEBIAN_MIRROR"
    return 1
  fi
  local rootfs="$WORK/rootfs" started=$SECONDS
  rm -rf "$rootfs"
  mkdir -p "$WORK"
  log "debootstrap $SUITE from apt's mirror"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log" >&2; return 1; }
  # /usr/local becomes a virtual environment: `python` and `pip` are there as in the public image, and
  # pip installs into it rather than into Debian's own (externally managed) Python.
  chroot "$rootfs" python3 -m venv /usr/local
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin
  tar -C "$rootfs" -c . | podman import -q --change "LABEL herald.base=$key" --change 'CMD ["python"]' \
    - "$PYTHON_IMAGE" >/dev/null
  rm -rf "$rootfs"
  log "$PYTHON_IMAGE built in $((SECONDS - started))s"
}

wheelhouse() {
  local key
  key="$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
  if [[ "$(cat "$WHEELHOUSE/.key" 2>/dev/null)" == "$key" ]]; then
    log "wheelhouse is up to date"
  else
    local started=$SECONDS
    rm -rf "$WHEELHOUSE"
    # setuptools too: the image's build stage builds Herald's own wheel from source.
    "$PYTHON" -m pip wheel -q --wheel-dir "$WHEELHOUSE" "$ROOT[nlp,postgres]" "setuptools>=69" wheel 2>"$WORK/pip.log" \
      || { tail -n 20 "$WORK/pip.log" >&2; return 1; }
    rm -f "$WHEELHOUSE"/herald-*.whl
    echo "$key" >"$WHEELHOUSE/.key"
    log "wheelhouse built in $((SECONDS - started))s"
  fi
  if [[ "$(label_of "$BUILD_IMAGE" herald.wheelhouse)" == "$key" \
    && "$(label_of "$BUILD_IMAGE" herald.base)" == "$(label_of "$PYTHON_IMAGE" herald.base)" ]]; then
    log "$BUILD_IMAGE is up to date"
    return
  fi
  printf '%s\n' "FROM $PYTHON_IMAGE" "COPY . /wheelhouse" \
    "ENV PIP_NO_INDEX=1 PIP_FIND_LINKS=/wheelhouse" \
    "LABEL herald.wheelhouse=$key herald.base=$(label_of "$PYTHON_IMAGE" herald.base)" >"$WORK/build.Containerfile"
  podman build -q -f "$WORK/build.Containerfile" -t "$BUILD_IMAGE" "$WHEELHOUSE" >/dev/null
  log "$BUILD_IMAGE built"
}

mkdir -p "$WORK"
python_base
wheelhouse
