import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A self-signed certificate and its unencrypted key made by openssl in `dir` (ca.pem is the same certificate), as absolute paths. */
export function makeTlsFiles(dir: string): { ca: string; cert: string; key: string } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=lightdock-test'], {
    stdio: 'ignore',
    timeout: 30_000,
  });
  const ca = path.join(dir, 'ca.pem');
  fs.copyFileSync(cert, ca);
  return { ca, cert, key };
}
