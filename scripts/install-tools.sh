#!/usr/bin/env bash
# Installs the deployment checkers the test suite runs into <repo>/.tools, idempotently:
#
#   .tools/bin/helm        helm v3, built from its Go module (go install; the first build takes minutes)
#   .tools/bin/promtool    promtool and prometheus from Debian's `prometheus` package, unpacked with
#   .tools/bin/prometheus  dpkg-deb -x so no system service is installed or started
#   podman, buildah, runc  Debian's packages (apt-get, as root), and debootstrap for the local base
#   debootstrap            image; the container test (tests/deploy/test_compose_up.py) uses them
#   .tools/bin/podman-compose  in its own virtual environment (.tools/podman-compose), pinned
#   PostgreSQL             Debian's `postgresql` package (apt-get, as root) when no initdb is found;
#                          the event store's tests start their own server from its binaries
#
# kubernetes-validate (Kubernetes' JSON schemas) is a Python package pinned in pyproject.toml's `dev`
# extra; this script only checks that the Python it is given can import it.
#
# Why here and not in a Dockerfile or a CI action: CI runs this repository's own setup on a bare
# machine, so every tool a test needs must be installable by a script in the repository.
#
# Usage: scripts/install-tools.sh            (PYTHON=path/to/python to check another interpreter)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
HELM_VERSION="${HELM_VERSION:-v3.22.0}"
# Served by the Go module proxy too; tried in order if the pinned one cannot be built.
HELM_FALLBACKS="${HELM_FALLBACKS:-v3.21.4 v3.20.2}"
mkdir -p "$BIN"

log() { printf '[install-tools] %s\n' "$*" >&2; }

install_helm() {
  # `go install` builds without the release ldflags, so `helm version` says only "v3.22": a stamp
  # file records which module version was built.
  if [[ -x "$BIN/helm" && "$(cat "$TOOLS/helm.version" 2>/dev/null)" == "$HELM_VERSION" ]]; then
    log "helm ${HELM_VERSION} already in $BIN"
    return
  fi
  local go_bin
  go_bin="$(command -v go || true)"
  [[ -z "$go_bin" && -x /usr/local/go/bin/go ]] && go_bin=/usr/local/go/bin/go
  if [[ -z "$go_bin" ]]; then
    log "error: helm is built with Go and no go toolchain was found"
    return 1
  fi
  local version started=$SECONDS
  for version in "$HELM_VERSION" $HELM_FALLBACKS; do
    log "building helm ${version} with $("$go_bin" version)"
    if GOBIN="$BIN" "$go_bin" install "helm.sh/helm/v3/cmd/helm@${version}"; then
      log "helm ${version} built in $((SECONDS - started))s"
      echo "$version" >"$TOOLS/helm.version"
      return
    fi
    log "helm ${version} did not build; trying the next version"
  done
  return 1
}

install_prometheus() {
  local dest="$TOOLS/prometheus"
  if [[ -x "$dest/usr/bin/promtool" && -x "$dest/usr/bin/prometheus" ]]; then
    log "prometheus $(cat "$dest/VERSION" 2>/dev/null || echo '?') already in $dest"
  else
    if ! apt-cache show prometheus >/dev/null 2>&1; then
      log "apt lists do not know prometheus yet: apt-get update"
      apt-get update -qq
    fi
    local tmp
    tmp="$(mktemp -d)"
    # apt's sandbox user must be able to write the download directory.
    chmod 0777 "$tmp"
    (cd "$tmp" && apt-get download -q prometheus >&2)
    rm -rf "$dest"
    mkdir -p "$dest"
    dpkg-deb -x "$tmp"/prometheus_*.deb "$dest"
    dpkg-deb -f "$tmp"/prometheus_*.deb Version >"$dest/VERSION"
    rm -rf "$tmp"
    log "prometheus $(cat "$dest/VERSION") unpacked into $dest"
  fi
  ln -sfn "$dest/usr/bin/promtool" "$BIN/promtool"
  ln -sfn "$dest/usr/bin/prometheus" "$BIN/prometheus"
}

# The alerts tests post to a real Alertmanager (v2 API) when one is here; same unpack-only route.
install_alertmanager() {
  local dest="$TOOLS/alertmanager"
  if [[ ! -x "$dest/usr/bin/prometheus-alertmanager" ]]; then
    local tmp
    tmp="$(mktemp -d)"
    chmod 0777 "$tmp"
    (cd "$tmp" && apt-get download -q prometheus-alertmanager >&2)
    rm -rf "$dest"
    mkdir -p "$dest"
    dpkg-deb -x "$tmp"/prometheus-alertmanager_*.deb "$dest"
    rm -rf "$tmp"
    log "alertmanager unpacked into $dest"
  fi
  # Debian's build reads its default notification template from a fixed path, not from the binary,
  # and will not become ready without it.
  local templates=/usr/share/prometheus/alertmanager
  if [[ ! -f "$templates/default.tmpl" ]]; then
    if mkdir -p "$templates" 2>/dev/null && cp "$dest$templates"/*.tmpl "$templates"/ 2>/dev/null; then
      log "alertmanager templates copied to $templates"
    else
      log "cannot write $templates: no Alertmanager here (its test is skipped)"
      rm -f "$BIN/alertmanager"
      return 0
    fi
  fi
  ln -sfn "$dest/usr/bin/prometheus-alertmanager" "$BIN/alertmanager"
}

PODMAN_COMPOSE_VERSION="${PODMAN_COMPOSE_VERSION:-1.6.0}"

# Without them the container test is skipped and says why; the rest of the suite does not need them.
install_containers() {
  local missing=() cmd
  for cmd in podman buildah runc debootstrap; do
    command -v "$cmd" >/dev/null || missing+=("$cmd")
  done
  if ((${#missing[@]})); then
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
      log "cannot install ${missing[*]} (needs apt-get as root): the container test will be skipped"
      return 0
    fi
    local started=$SECONDS
    apt-cache show podman >/dev/null 2>&1 || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap >/dev/null
    log "podman, buildah, runc, debootstrap installed in $((SECONDS - started))s"
  fi
  # Its own environment: podman-compose's dependencies must not move the project's pins.
  local venv="$TOOLS/podman-compose"
  if [[ "$("$venv/bin/podman-compose" --version 2>/dev/null | sed -n 's/^podman-compose version //p')" != "$PODMAN_COMPOSE_VERSION" ]]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "podman-compose==$PODMAN_COMPOSE_VERSION"
    log "podman-compose $PODMAN_COMPOSE_VERSION installed in $venv"
  fi
  ln -sfn "$venv/bin/podman-compose" "$BIN/podman-compose"
}

# The store's tests run initdb and postgres from Debian's package into a temporary directory.
install_postgresql() {
  if command -v initdb >/dev/null || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    log "postgresql binaries present"
    return
  fi
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
    log "cannot install postgresql (needs apt-get as root): the store's PostgreSQL tests will be skipped"
    return 0
  fi
  local started=$SECONDS
  apt-cache show postgresql >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  log "postgresql installed in $((SECONDS - started))s"
}

check_kubernetes_validate() {
  local python="${PYTHON:-}"
  if [[ -z "$python" ]]; then
    if [[ -x "$ROOT/.venv/bin/python" ]]; then python="$ROOT/.venv/bin/python"; else python=python3; fi
  fi
  if "$python" -c 'import kubernetes_validate' 2>/dev/null; then
    log "kubernetes-validate importable from $python"
  else
    log "error: $python cannot import kubernetes_validate; install the project's dev extra (pip install -e '.[dev]')"
    return 1
  fi
}

install_helm
install_prometheus
install_alertmanager
install_containers
install_postgresql
check_kubernetes_validate
log "helm $(cat "$TOOLS/helm.version") ($("$BIN/helm" version --short))"
"$BIN/promtool" --version 2>&1 | head -n 1 >&2
