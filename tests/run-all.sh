#!/usr/bin/env bash
# The one test command (README, CI): installs what it needs on a fresh Debian machine as root, the npm packages
# exactly as the README's run command does (plain `npm install`, no extra environment), builds, type-checks,
# lints, and runs every suite. It ends with one "N passed, N failed" line that counts a step or suite that
# exited non-zero as a failure, with the reason on the line before it, and exits non-zero exactly then.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$PWD/test-results"
mkdir -p "$results"
rm -f "$results"/*.json

steps=()
# step NAME CMD...: runs a step and records "NAME=exit code" for the closing summary.
step() {
  local name="$1"
  shift
  "$@"
  local code=$?
  steps+=("$name=$code")
  return "$code"
}

summarize() {
  node tests/summarize-results.mjs "$results" "${steps[@]}"
}

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
[ -x /usr/bin/busybox ] || need_apt+=(busybox-static)
# The Engine API's push and pull go to a local registry (tests/helpers/registry.sh); Compose runs Debian's docker-compose.
command -v docker-registry >/dev/null 2>&1 || need_apt+=(docker-registry)
command -v docker-compose >/dev/null 2>&1 || need_apt+=(docker-compose)
# ssh:// engines are tested through Debian's sshd on 127.0.0.1 (tests/helpers/sshd.sh) and the user's own ssh client.
[ -x /usr/sbin/sshd ] || need_apt+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need_apt+=(openssh-client)
# tcp+TLS tests: tests/helpers/tls-dockerd.sh makes its CA and certificates with openssl.
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  step apt bash -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null' apt "${need_apt[@]}" || { summarize; exit 1; }
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm install, as the README's run command does)"
  step install npm install || { summarize; exit 1; }
fi

echo "== build"
step build npm run --silent build || { summarize; exit 1; }
echo "== typecheck"
step typecheck npm run --silent typecheck
echo "== lint"
step lint npm run --silent lint

echo "== private Docker engine for the integration tests (tests/helpers/dockerd.sh)"
dockerd_dir="$(mktemp -d /tmp/lightdock-dockerd.XXXXXX)"
trap 'bash tests/helpers/dockerd.sh stop "$dockerd_dir" || true; rm -rf "$dockerd_dir" || true' EXIT
if ! LIGHTDOCK_TEST_DOCKER_HOST="$(bash tests/helpers/dockerd.sh start "$dockerd_dir")"; then
  steps+=("dockerd=1")
  summarize
  exit 1
fi
export LIGHTDOCK_TEST_DOCKER_HOST

echo "== unit, renderer and CLI tests (vitest)"
step vitest npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/vitest.json"

echo "== end-to-end tests (Playwright in Debian's Chromium, against the browser host)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" step e2e npx playwright test --config tests/e2e/playwright.config.ts --reporter=list,json

echo "== desktop suite (Playwright _electron)"
if node -e "process.exit(require('fs').existsSync(require('electron')) ? 0 : 1)" 2>/dev/null; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/electron.json" step electron npx playwright test --config tests/electron/playwright.config.ts --reporter=list,json
else
  echo "The Electron binary is not present on this machine, so the desktop suite was not run."
fi

summarize
