import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The harness script that starts and stops a private dockerd with --tlsverify on 127.0.0.1. */
export const TLS_DOCKERD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'tls-dockerd.sh');

/** What tests/helpers/tls-dockerd.sh start prints: the TLS endpoint, the same engine's unix socket, and the certificate folders. */
export interface TlsEngine {
  /** `tcp://127.0.0.1:<port>`, answering only TLS with a client certificate its CA signed. */
  host: string;
  /** The same engine without TLS, for the docker CLI to set up containers. */
  unixHost: string;
  /** ca.pem, cert.pem, key.pem that the engine accepts (a DOCKER_CERT_PATH). */
  clientCerts: string;
  /** A wrong CA's ca.pem with that CA's client cert.pem and key.pem. */
  wrongCaCerts: string;
  /** The right ca.pem and no client certificate. */
  caOnlyCerts: string;
  /** A server cert.pem and key.pem for other.invalid only, signed by the right CA (with its ca.pem). */
  otherNameCerts: string;
}

function run(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [TLS_DOCKERD_SCRIPT, ...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`tls-dockerd.sh ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Makes the certificates and starts the TLS dockerd in `dir` (busybox imported); resolves with its endpoints and folders. */
export async function startTlsEngine(dir: string): Promise<TlsEngine> {
  const printed = new Map<string, string>();
  for (const line of (await run(['start', dir], 120_000)).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) printed.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const get = (key: string): string => {
    const value = printed.get(key);
    if (value === undefined || value === '') throw new Error(`tls-dockerd.sh start did not print ${key}`);
    return value;
  };
  return {
    host: get('DOCKER_HOST'),
    unixHost: get('UNIX_HOST'),
    clientCerts: get('CLIENT_CERTS'),
    wrongCaCerts: get('WRONG_CA_CERTS'),
    caOnlyCerts: get('CA_ONLY_CERTS'),
    otherNameCerts: get('OTHER_NAME_CERTS'),
  };
}

/** Stops the TLS dockerd started in `dir` and waits for it to exit. */
export async function stopTlsEngine(dir: string): Promise<void> {
  await run(['stop', dir], 60_000);
}
