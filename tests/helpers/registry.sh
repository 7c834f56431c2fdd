#!/usr/bin/env bash
# A private Docker registry (Debian's docker-registry, distribution 2.8) for the image tests, on 127.0.0.1 only.
#   registry.sh start <dir>  writes <dir>/config.yml (storage in <dir>/data, a free port on 127.0.0.1, delete enabled,
#                            log level warn), starts `docker-registry serve` in its own session, waits until GET /v2/
#                            answers, and prints the registry's address (127.0.0.1:<port>). Plain HTTP: the engine
#                            treats 127.0.0.0/8 registries as insecure, so no TLS is needed.
#   registry.sh stop <dir>   stops that registry and waits for it to exit.
set -euo pipefail

usage() {
  echo "usage: $0 start <dir> | stop <dir>" >&2
  exit 2
}

[ $# -eq 2 ] || usage
action="$1"
dir="$2"
case "$dir" in
  /*) ;;
  *) dir="$PWD/$dir" ;;
esac
pidfile="$dir/registry.pid"
addrfile="$dir/registry.addr"

registry_pid() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && cat "$pidfile"
}

# True when something accepts connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when GET /v2/ on 127.0.0.1:$1 answers with an HTTP status line.
answers() {
  local reply
  reply="$( { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && timeout 2 head -n 1 <&3; } 2>/dev/null)" || return 1
  [[ "$reply" == HTTP/1.?\ 200* ]]
}

start() {
  command -v docker-registry >/dev/null || { echo "docker-registry is not installed (apt-get install docker-registry)" >&2; exit 1; }
  mkdir -p "$dir/data"
  if [ -n "$(registry_pid || true)" ] && [ -f "$addrfile" ]; then
    cat "$addrfile"
    return
  fi
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_open "$port" && continue
    cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: lightdock-test-$RANDOM$RANDOM
YAML
    rm -f "$pidfile"
    # setsid: the registry gets its own session, so a Ctrl-C in the calling terminal does not reach it.
    setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
      if answers "$port"; then
        echo "127.0.0.1:$port" >"$addrfile"
        echo "127.0.0.1:$port"
        return
      fi
      [ -n "$(registry_pid || true)" ] || break
      sleep 0.1
    done
    stop
    echo "registry attempt $attempt on port $port failed; its log:" >&2
    tail -n 10 "$dir/registry.log" >&2 || true
  done
  echo "docker-registry did not start on 127.0.0.1" >&2
  exit 1
}

stop() {
  local pid
  pid="$(registry_pid || true)"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile" "$addrfile"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
