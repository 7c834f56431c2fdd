#!/usr/bin/env bash
# A private OpenSSH server in front of a private dockerd, for the ssh:// engine tests.
#   sshd.sh start <dir> <DOCKER_HOST> [--no-docker]
#                           starts Debian's /usr/sbin/sshd on 127.0.0.1 at a free port with its own host key and one
#                           authorized client key; sessions get `SetEnv DOCKER_HOST=<DOCKER_HOST>`, so the remote
#                           `docker system dial-stdio` reaches that engine. --no-docker sets the sessions' PATH to a
#                           folder without docker (a remote host where docker is missing). It writes the client side
#                           in <dir>: ssh_config (Host lightdock-test: HostName, Port, User root, IdentityFile,
#                           UserKnownHostsFile, IdentitiesOnly), client_key, known_hosts, and prints KEY=value lines:
#                           SSH_PORT, SSH_CONFIG, SSH_ALIAS, SSH_CLIENT_KEY, SSH_KNOWN_HOSTS.
#   sshd.sh stop <dir>      stops that sshd (and the sessions it forked) and waits for it to exit.
# It installs nothing: tests/run-all.sh installs openssh-server and openssh-client where they are missing.
set -euo pipefail

usage() {
  echo "usage: $0 start <dir> <DOCKER_HOST> [--no-docker] | stop <dir>" >&2
  exit 2
}

[ $# -ge 2 ] || usage
action="$1"
dir="$2"
case "$dir" in
  /*) ;;
  *) dir="$PWD/$dir" ;;
esac
pidfile="$dir/sshd.pid"
alias_name="lightdock-test"

sshd_pid() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && cat "$pidfile"
}

start() {
  [ $# -ge 1 ] || usage
  local docker_host="$1"
  local no_docker="${2:-}"
  case "$docker_host" in
    unix:///*|tcp://127.0.0.1:*) ;;
    *) echo "DOCKER_HOST must be unix:///… or tcp://127.0.0.1:… (got '$docker_host')" >&2; exit 2 ;;
  esac
  [ -x /usr/sbin/sshd ] || { echo "/usr/sbin/sshd is missing (apt-get install openssh-server)" >&2; exit 1; }
  command -v ssh >/dev/null || { echo "ssh is missing (apt-get install openssh-client)" >&2; exit 1; }
  [ -z "$(sshd_pid || true)" ] || { echo "an sshd already runs for $dir; stop it first" >&2; exit 1; }
  mkdir -p "$dir" /run/sshd
  chmod 700 "$dir"
  rm -f "$dir/host_key" "$dir/host_key.pub" "$dir/client_key" "$dir/client_key.pub"
  ssh-keygen -q -t ed25519 -N '' -C lightdock-test-host -f "$dir/host_key" >/dev/null
  ssh-keygen -q -t ed25519 -N '' -C lightdock-test-client -f "$dir/client_key" >/dev/null
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  local path_line="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  if [ "$no_docker" = "--no-docker" ]; then
    mkdir -p "$dir/empty-bin"
    path_line="$dir/empty-bin"
  elif [ -n "$no_docker" ]; then
    usage
  fi
  local port=""
  for _ in $(seq 1 30); do
    local candidate=$((20000 + RANDOM % 40000))
    if ss -Htln "sport = :$candidate" | grep -q .; then continue; fi
    cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $candidate
HostKey $dir/host_key
PidFile $pidfile
AuthorizedKeysFile $dir/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AllowAgentForwarding no
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
SetEnv DOCKER_HOST=$docker_host PATH=$path_line
LogLevel VERBOSE
EOF
    # sshd binds before it detaches: a port taken meanwhile makes it exit non-zero, and the next one is tried.
    if /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"; then
      port="$candidate"
      break
    fi
  done
  [ -n "$port" ] || { echo "sshd did not start on any free port; its log:" >&2; tail -n 20 "$dir/sshd.log" >&2 || true; exit 1; }
  for _ in $(seq 1 50); do
    [ -n "$(sshd_pid || true)" ] && break
    sleep 0.1
  done
  echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
  cat >"$dir/ssh_config" <<EOF
Host $alias_name
  HostName 127.0.0.1
  Port $port
  User root
  IdentityFile $dir/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  UpdateHostKeys no
EOF
  echo "SSH_PORT=$port"
  echo "SSH_CONFIG=$dir/ssh_config"
  echo "SSH_ALIAS=$alias_name"
  echo "SSH_CLIENT_KEY=$dir/client_key"
  echo "SSH_KNOWN_HOSTS=$dir/known_hosts"
}

stop() {
  local pid
  pid="$(sshd_pid || true)"
  if [ -n "$pid" ]; then
    # The listener and every session it forked (each session's sshd is a child of the listener).
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "$action" in
  start) shift 2; start "$@" ;;
  stop) stop ;;
  *) usage ;;
esac
