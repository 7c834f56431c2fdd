#!/usr/bin/env bash
# The one test command (README, CI): installs what it needs on a fresh Debian machine as root, builds,
# type-checks, lints, and runs every suite; ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
results="$PWD/test-results"
mkdir -p "$results"
rm -f "$results"/*.json

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
[ -x /usr/bin/busybox ] || need_apt+=(busybox-static)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

echo "== build";      npm run --silent build
echo "== typecheck";  npm run --silent typecheck
echo "== lint";       npm run --silent lint

echo "== private Docker engine for the integration tests (tests/helpers/dockerd.sh)"
dockerd_dir="$(mktemp -d /tmp/lightdock-dockerd.XXXXXX)"
trap 'bash tests/helpers/dockerd.sh stop "$dockerd_dir" || true; rm -rf "$dockerd_dir" || true' EXIT
LIGHTDOCK_TEST_DOCKER_HOST="$(bash tests/helpers/dockerd.sh start "$dockerd_dir")"
export LIGHTDOCK_TEST_DOCKER_HOST

status=0
echo "== unit, renderer and CLI tests (vitest)"
npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || status=1

echo "== end-to-end tests (Playwright in Debian's Chromium, against the browser host)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --config tests/e2e/playwright.config.ts --reporter=list,json || status=1

echo "== desktop suite (Playwright _electron)"
if node -e "process.exit(require('fs').existsSync(require('electron')) ? 0 : 1)" 2>/dev/null; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/electron.json" npx playwright test --config tests/electron/playwright.config.ts --reporter=list,json || status=1
else
  echo "The Electron binary is not present on this machine, so the desktop suite was not run."
fi

node tests/summarize-results.mjs "$results" || status=1
exit $status
