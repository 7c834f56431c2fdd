#!/usr/bin/env bash
# A private Docker engine for the integration tests.
#   dockerd.sh start <dir> [dockerd flags...]
#                           starts dockerd on unix://<dir>/docker.sock with its own data and exec roots,
#                           waits until it answers, and imports lightdock-test/busybox:latest from
#                           Debian's busybox-static (nothing is pulled). Prints the DOCKER_HOST to use.
#   dockerd.sh stop <dir>   stops that dockerd (it stops its containers, which are kept) and waits for it to exit.
# It installs nothing: tests/run-all.sh installs docker.io and busybox-static where they are missing.
set -euo pipefail

usage() {
  echo "usage: $0 start <dir> [dockerd flags...] | stop <dir>" >&2
  exit 2
}

[ $# -ge 2 ] || usage
action="$1"
dir="$2"
shift 2
extra=("$@")
case "$dir" in
  /*) ;;
  *) dir="$PWD/$dir" ;;
esac
sock="$dir/docker.sock"
pidfile="$dir/dockerd.pid"
docker_cli="$(command -v /usr/local/bin/docker docker 2>/dev/null | head -n 1 || true)"
image="lightdock-test/busybox:latest"

dockerd_pid() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && cat "$pidfile"
}

start() {
  for flag in "${extra[@]}"; do
    case "$flag" in
      --bridge=none|-b=none) echo "--bridge=none deletes the docker0 bridge every other dockerd on this machine uses; not allowed" >&2; exit 2 ;;
    esac
  done
  command -v dockerd >/dev/null || { echo "dockerd is not installed (apt-get install docker.io)" >&2; exit 1; }
  [ -n "$docker_cli" ] || { echo "the docker CLI is not installed (apt-get install docker.io)" >&2; exit 1; }
  [ -x /usr/bin/busybox ] || { echo "/usr/bin/busybox is missing (apt-get install busybox-static)" >&2; exit 1; }
  mkdir -p "$dir/data" "$dir/exec"
  if [ -z "$(dockerd_pid || true)" ]; then
    rm -f "$sock" "$pidfile"
    # setsid: dockerd gets its own session, so a Ctrl-C in the calling terminal does not reach it.
    setsid dockerd --host "unix://$sock" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$pidfile" "${extra[@]}" \
      >"$dir/dockerd.log" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 150); do
    if "$docker_cli" -H "unix://$sock" version >/dev/null 2>&1; then break; fi
    sleep 0.2
  done
  if ! "$docker_cli" -H "unix://$sock" version >/dev/null 2>&1; then
    echo "dockerd did not answer on unix://$sock within 30 s; its log:" >&2
    tail -n 30 "$dir/dockerd.log" >&2 || true
    exit 1
  fi
  if ! "$docker_cli" -H "unix://$sock" image inspect "$image" >/dev/null 2>&1; then
    local rootfs="$dir/rootfs"
    rm -rf "$rootfs"
    mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev" "$rootfs/etc"
    cp /usr/bin/busybox "$rootfs/bin/busybox"
    for applet in $("$rootfs/bin/busybox" --list); do
      [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
    done
    tar -C "$rootfs" -c . | "$docker_cli" -H "unix://$sock" import --change 'CMD ["/bin/sh"]' - "$image" >/dev/null
    rm -rf "$rootfs"
  fi
  echo "unix://$sock"
}

stop() {
  local pid
  pid="$(dockerd_pid || true)"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$sock" "$pidfile"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
