#!/usr/bin/env bash
# A private Docker engine that listens with --tlsverify on 127.0.0.1, for the tcp+TLS tests.
#   tls-dockerd.sh start <dir>  makes with openssl, in <dir>/certs, a CA, a server certificate for 127.0.0.1
#                               (subjectAltName IP:127.0.0.1, DNS:localhost), a client certificate (clientAuth),
#                               a second, wrong CA with its own client certificate, and a server certificate for
#                               another name (signed by the right CA); then starts tests/helpers/dockerd.sh on
#                               <dir>/engine (no iptables rules) with --tlsverify and -H tcp://127.0.0.1:<free port>, and waits until
#                               the docker CLI answers over TLS. Prints, one per line, KEY=value:
#                                 DOCKER_HOST=tcp://127.0.0.1:<port>    the TLS endpoint
#                                 UNIX_HOST=unix://<dir>/engine/docker.sock   the same engine without TLS (for setup)
#                                 CLIENT_CERTS=<dir>/certs/client       ca.pem, cert.pem, key.pem (DOCKER_CERT_PATH)
#                                 WRONG_CA_CERTS=<dir>/certs/wrong-ca   the wrong CA's ca.pem, cert.pem, key.pem
#                                 CA_ONLY_CERTS=<dir>/certs/ca-only     the right ca.pem and no client certificate
#                                 OTHER_NAME_CERTS=<dir>/certs/other-name  a server cert.pem/key.pem for other.invalid only
#   tls-dockerd.sh stop <dir>   stops that dockerd (through dockerd.sh stop).
# It installs nothing: tests/run-all.sh installs openssl, docker.io and busybox-static where they are missing.
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
here="$(cd "$(dirname "$0")" && pwd)"
certs="$dir/certs"
engine="$dir/engine"
docker_cli="$(command -v /usr/local/bin/docker docker 2>/dev/null | head -n 1 || true)"

# key FILE: a new P-256 private key.
key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# ca NAME DIR: a self-signed CA in DIR/ca.pem with its key in DIR/ca-key.pem.
ca() {
  key "$2/ca-key.pem"
  openssl req -x509 -new -key "$2/ca-key.pem" -out "$2/ca.pem" -days 7 -subj "/CN=$1" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

# leaf CADIR OUTDIR CN EXTENSIONS: OUTDIR/cert.pem and OUTDIR/key.pem, signed by the CA in CADIR.
leaf() {
  local cadir="$1" out="$2" cn="$3" ext="$4"
  key "$out/key.pem"
  openssl req -new -key "$out/key.pem" -out "$out/req.csr" -subj "/CN=$cn" 2>/dev/null
  printf '%s\n' "$ext" >"$out/ext.cnf"
  openssl x509 -req -in "$out/req.csr" -CA "$cadir/ca.pem" -CAkey "$cadir/ca-key.pem" -CAcreateserial \
    -out "$out/cert.pem" -days 7 -extfile "$out/ext.cnf" 2>/dev/null
  rm -f "$out/req.csr" "$out/ext.cnf"
}

make_certs() {
  rm -rf "$certs"
  mkdir -p "$certs/ca" "$certs/server" "$certs/client" "$certs/wrong-authority" "$certs/wrong-ca" "$certs/ca-only" "$certs/other-name"
  ca "Lightdock test CA" "$certs/ca"
  leaf "$certs/ca" "$certs/server" "127.0.0.1" $'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost'
  leaf "$certs/ca" "$certs/client" "lightdock-test-client" $'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth'
  cp "$certs/ca/ca.pem" "$certs/client/ca.pem"
  cp "$certs/ca/ca.pem" "$certs/ca-only/ca.pem"
  leaf "$certs/ca" "$certs/other-name" "other.invalid" $'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:other.invalid'
  cp "$certs/ca/ca.pem" "$certs/other-name/ca.pem"
  ca "Lightdock wrong CA" "$certs/wrong-authority"
  leaf "$certs/wrong-authority" "$certs/wrong-ca" "lightdock-wrong-client" $'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth'
  cp "$certs/wrong-authority/ca.pem" "$certs/wrong-ca/ca.pem"
  chmod 600 "$certs"/*/key.pem "$certs"/*/ca-key.pem 2>/dev/null || true
}

free_port() {
  # process.stdout.write, not console.log: under FORCE_COLOR (Playwright) console.log colours a number.
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port) + "\n"); s.close(); });'
}

start() {
  command -v openssl >/dev/null || { echo "openssl is not installed (apt-get install openssl)" >&2; exit 1; }
  [ -n "$docker_cli" ] || { echo "the docker CLI is not installed (apt-get install docker.io)" >&2; exit 1; }
  mkdir -p "$dir"
  local port
  if [ -f "$dir/port" ] && [ -f "$certs/client/cert.pem" ] && [ -f "$engine/dockerd.pid" ] && kill -0 "$(cat "$engine/dockerd.pid")" 2>/dev/null; then
    port="$(cat "$dir/port")"
  else
    make_certs
    port="$(free_port)"
    echo "$port" >"$dir/port"
    bash "$here/dockerd.sh" stop "$engine" >/dev/null 2>&1 || true
    # --iptables=false --ip-masq=false: this second engine leaves the host firewall to the first one (tests run
    # their containers with --network none).
    bash "$here/dockerd.sh" start "$engine" --iptables=false --ip-masq=false --tlsverify --tlscacert "$certs/ca/ca.pem" --tlscert "$certs/server/cert.pem" \
      --tlskey "$certs/server/key.pem" -H "tcp://127.0.0.1:$port" >/dev/null
  fi
  local host="tcp://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    if DOCKER_CONFIG="$dir/cli-config" "$docker_cli" --tlsverify --tlscacert "$certs/client/ca.pem" --tlscert "$certs/client/cert.pem" \
      --tlskey "$certs/client/key.pem" -H "$host" version >/dev/null 2>&1; then
      break
    fi
    sleep 0.1
  done
  if ! DOCKER_CONFIG="$dir/cli-config" "$docker_cli" --tlsverify --tlscacert "$certs/client/ca.pem" --tlscert "$certs/client/cert.pem" \
    --tlskey "$certs/client/key.pem" -H "$host" version >/dev/null 2>&1; then
    echo "dockerd did not answer over TLS on $host; its log:" >&2
    tail -n 30 "$engine/dockerd.log" >&2 || true
    exit 1
  fi
  echo "DOCKER_HOST=$host"
  echo "UNIX_HOST=unix://$engine/docker.sock"
  echo "CLIENT_CERTS=$certs/client"
  echo "WRONG_CA_CERTS=$certs/wrong-ca"
  echo "CA_ONLY_CERTS=$certs/ca-only"
  echo "OTHER_NAME_CERTS=$certs/other-name"
}

stop() {
  bash "$here/dockerd.sh" stop "$engine"
  rm -f "$dir/port"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
