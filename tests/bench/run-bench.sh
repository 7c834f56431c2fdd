#!/usr/bin/env bash
# npm run bench: builds, starts a private dockerd (tests/helpers/dockerd.sh), runs every bench against it,
# prints a summary with each figure, its same-run reference, its goal and PASS/MISS, and writes
# tests/bench/last-results.md for the README. Exits non-zero only when a bench could not run, never
# because a goal was missed. The dockerd, its containers and all temporary state are removed on exit.
set -uo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d /tmp/lightdock-bench-XXXXXX)"
engine_dir="$work/engine"
results="$work/results"

cleanup() {
  bash tests/helpers/dockerd.sh stop "$engine_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== build"
if ! npm run --silent build; then
  echo "bench: the build failed, nothing was measured" >&2
  exit 1
fi

echo "== private dockerd in $engine_dir"
if ! DOCKER_HOST="$(bash tests/helpers/dockerd.sh start "$engine_dir" | tail -n 1)"; then
  echo "bench: the private dockerd did not start, nothing was measured" >&2
  exit 1
fi
export DOCKER_HOST
export LIGHTDOCK_BENCH_RESULTS="$results"
export LIGHTDOCK_BENCH_TMP="$work"
export LIGHTDOCK_BENCH_DOCKERD_PIDFILE="$engine_dir/dockerd.pid"
echo "DOCKER_HOST=$DOCKER_HOST"

failed=()
for bench in list event-to-ui stats-cpu render-rows; do
  echo "== bench: $bench"
  if ! timeout --kill-after=10 300 npx tsx "tests/bench/$bench.bench.ts"; then
    echo "bench: $bench could not run" >&2
    failed+=("$bench")
  fi
done

# A local registry, a 20-layer image and three rounds of pulls and builds: more time than the others.
echo "== bench: image-jobs"
if ! timeout --kill-after=10 600 npx tsx tests/bench/image-jobs.bench.ts; then
  echo "bench: image-jobs could not run" >&2
  failed+=(image-jobs)
fi

# Two idle minutes (a window open, then none) on top of the counted actions: about 3 minutes.
# Cold loads and page switches with 10 and 1,000 rows, eight rounds of ten page loads: more time than the others.
echo "== bench: first-paint"
if ! timeout --kill-after=10 600 npx tsx tests/bench/first-paint.bench.ts; then
  echo "bench: first-paint could not run" >&2
  failed+=(first-paint)
fi

echo "== bench: wsl-calls"
if ! timeout --kill-after=10 300 npx tsx tests/bench/wsl-calls.bench.ts; then
  echo "bench: wsl-calls could not run" >&2
  failed+=(wsl-calls)
fi

echo "== bench: memory-sampling"
if ! timeout --kill-after=10 300 npx tsx tests/bench/memory-sampling.bench.ts; then
  echo "bench: memory-sampling could not run" >&2
  failed+=(memory-sampling)
fi

# The soak runs LIGHTDOCK_SOAK_MINUTES (default 10) on its own, with that much more time.
soak_minutes="${LIGHTDOCK_SOAK_MINUTES:-10}"
echo "== bench: soak ($soak_minutes min)"
if ! LIGHTDOCK_SOAK_MINUTES="$soak_minutes" timeout --kill-after=10 "$(awk -v m="$soak_minutes" 'BEGIN { printf "%d", m * 60 + 300 }')" npx tsx tests/bench/soak.bench.ts; then
  echo "bench: soak could not run" >&2
  failed+=(soak)
fi

npx tsx tests/bench/summarize.ts "$results" tests/bench/last-results.md "${failed[@]}" || failed+=(summary)

if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: could not run: ${failed[*]}" >&2
  exit 1
fi
