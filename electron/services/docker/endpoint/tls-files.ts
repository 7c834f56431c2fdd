import fs from 'node:fs';
import { ServiceError } from '../../errors';
import type { EndpointTls } from './resolve-endpoint';

/** The PEM contents of an endpoint's TLS files; undefined where a file is absent and may be. */
export interface TlsMaterial {
  ca: Buffer | undefined;
  cert: Buffer | undefined;
  key: Buffer | undefined;
}

/** A PEM certificate or key is a few kilobytes; anything past this is not one. */
const MAX_PEM_BYTES = 1024 * 1024;

type Read = { state: 'read'; pem: Buffer } | { state: 'absent' };

function why(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return typeof code === 'string' ? code : 'it cannot be read';
}

function readPem(file: string | null, what: string): Read {
  if (file === null) return { state: 'absent' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT' || (error as { code?: unknown }).code === 'ENOTDIR') return { state: 'absent' };
    throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: ${why(error)}.`);
  }
  if (stat.isDirectory()) throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: it is a directory.`);
  if (stat.size > MAX_PEM_BYTES) throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: it is larger than 1 MiB, so not a PEM file.`);
  let pem: Buffer;
  try {
    pem = fs.readFileSync(file);
  } catch (error) {
    throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: ${why(error)}.`);
  }
  if (pem.length > MAX_PEM_BYTES) throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: it is larger than 1 MiB, so not a PEM file.`);
  if (!pem.includes('-----BEGIN ')) throw new ServiceError('VALIDATION', `Could not read the TLS ${what} ${file}: it is not a PEM file (no -----BEGIN line).`);
  return { state: 'read', pem };
}

/**
 * Reads an endpoint's TLS files as the docker CLI does, refusing with one sentence naming the file rather than
 * dropping it: a file that exists but cannot be read or is not PEM; the CA certificate when it is missing and
 * `caRequired` (DOCKER_TLS_VERIFY with DOCKER_CERT_PATH: the CLI refuses too; a context may omit it and use the
 * system's roots); a client certificate without its key or a key without its certificate. Both absent is no
 * client certificate, which a --tlsverify engine refuses in the handshake.
 */
export function readTlsMaterial(tls: EndpointTls, caRequired: boolean): TlsMaterial {
  const ca = readPem(tls.caFile, 'CA certificate');
  const cert = readPem(tls.certFile, 'client certificate');
  const key = readPem(tls.keyFile, 'client key');
  if (ca.state === 'absent' && caRequired && tls.caFile !== null) {
    throw new ServiceError('VALIDATION', `Could not read the TLS CA certificate ${tls.caFile}: no such file; DOCKER_TLS_VERIFY needs DOCKER_CERT_PATH to hold ca.pem, cert.pem and key.pem.`);
  }
  if (cert.state === 'read' && key.state === 'absent') {
    throw new ServiceError('VALIDATION', `Could not read the TLS client key ${tls.keyFile ?? 'key.pem'}: no such file, and the client certificate ${tls.certFile ?? ''} needs it.`);
  }
  if (key.state === 'read' && cert.state === 'absent') {
    throw new ServiceError('VALIDATION', `Could not read the TLS client certificate ${tls.certFile ?? 'cert.pem'}: no such file, and the client key ${tls.keyFile ?? ''} needs it.`);
  }
  return {
    ca: ca.state === 'read' ? ca.pem : undefined,
    cert: cert.state === 'read' ? cert.pem : undefined,
    key: key.state === 'read' ? key.pem : undefined,
  };
}
