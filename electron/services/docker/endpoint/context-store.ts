import { randomBytes, createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CreateContextRequest, DockerContext } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import { contextDirName, DEFAULT_CONTEXT, dockerConfigDir } from './docker-config';
import { currentContextName, type EndpointEnvironment } from './resolve-endpoint';

/** The largest TLS file a context takes: a PEM certificate or key is a few kilobytes. */
export const MAX_PEM_BYTES = 64 * 1024;

/** The docker CLI's own grammar for a new context's name (at least two characters). */
const CLI_CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

type PemKind = 'ca' | 'cert' | 'key';

const PEM_LABEL: Record<PemKind, string> = { ca: 'CA certificate', cert: 'client certificate', key: 'client key' };

/** Where one context lives in the docker CLI's store. */
function contextPaths(configDir: string, name: string): { contexts: string; meta: string; tls: string } {
  const contexts = path.join(configDir, 'contexts');
  const id = contextDirName(name);
  return { contexts, meta: path.join(contexts, 'meta', id), tls: path.join(contexts, 'tls', id) };
}

/** Reads at most MAX_PEM_BYTES + 1 bytes of a regular file without blocking on a FIFO or a device. */
function readBounded(file: string, label: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (process.platform === 'win32' ? 0 : fs.constants.O_NONBLOCK));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ServiceError('VALIDATION', `The ${label} file ${file} could not be read (${code}).`);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new ServiceError('VALIDATION', `The ${label} file ${file} is not a regular file.`);
    const buffer = Buffer.alloc(MAX_PEM_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_PEM_BYTES) throw new ServiceError('VALIDATION', `The ${label} file ${file} is larger than ${MAX_PEM_BYTES / 1024} KB; a PEM file is a few kilobytes.`);
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** A TLS file's bytes once they read as what the docker CLI expects there: a PEM certificate, or an unencrypted PEM private key. */
function readPem(file: string, kind: PemKind): Buffer {
  const label = PEM_LABEL[kind];
  const bytes = readBounded(file, label);
  const notPem = new ServiceError('VALIDATION', `The ${label} file ${file} is not a PEM ${kind === 'key' ? 'private key (unencrypted)' : 'certificate'}.`);
  if (!bytes.includes('-----BEGIN')) throw notPem;
  try {
    if (kind === 'key') createPrivateKey({ key: bytes, format: 'pem' });
    else new X509Certificate(bytes);
  } catch {
    throw notPem;
  }
  return bytes;
}

/** The request's TLS files read and checked, or null when it has none (every refusal happens before anything is written). */
function readTlsMaterial(request: CreateContextRequest): { files: Partial<Record<PemKind, Buffer>>; skipVerify: boolean } {
  const tls = request.tls;
  const given = tls === undefined ? [] : (['ca', 'cert', 'key'] as const).filter((kind) => tls[kind] !== null);
  const skipVerify = tls?.skipVerify === true;
  if (given.length === 0 && !skipVerify) return { files: {}, skipVerify: false };
  if (!request.host.startsWith('tcp://')) {
    throw new ServiceError('VALIDATION', `TLS files and skip-verify apply only to tcp:// endpoints, not to ${request.host}.`);
  }
  if ((tls?.cert === null) !== (tls?.key === null)) {
    throw new ServiceError('VALIDATION', 'A client certificate needs its key and a key needs its certificate: give both or neither.');
  }
  const files: Partial<Record<PemKind, Buffer>> = {};
  for (const kind of given) files[kind] = readPem(tls?.[kind] as string, kind);
  return { files, skipVerify };
}

/** meta.json as `docker context create` writes it (one line, no trailing newline; Metadata empty without a description). */
function metaJson(request: CreateContextRequest, skipVerify: boolean): string {
  const description = request.description?.trim() ?? '';
  return JSON.stringify({
    Name: request.name,
    Metadata: description === '' ? {} : { Description: description },
    Endpoints: { docker: { Host: request.host, SkipTLSVerify: skipVerify } },
  });
}

/** Creates `dir` (and missing parents) and answers the first directory it created, to undo exactly that. */
function makeDirs(dir: string, mode: number): string | undefined {
  return fs.mkdirSync(dir, { recursive: true, mode });
}

/**
 * `docker context create <name> --docker host=…[,ca=…,cert=…,key=…,skip-tls-verify=…]`: writes
 * `contexts/meta/<sha256(name)>/meta.json` (0644) and copies the TLS files to `contexts/tls/<sha256(name)>/docker/`
 * (0700 folders, 0600 files) under DOCKER_CONFIG or ~/.docker, so the docker CLI sees the context. Everything is
 * checked first (name, CONFLICT for `default` or an existing name, TLS only for tcp://, each file a bounded readable
 * PEM) and refused with nothing written; the files are staged and renamed into place, and any failure undoes it all.
 */
export function createDockerContext(where: EndpointEnvironment, request: CreateContextRequest): DockerContext {
  const configDir = dockerConfigDir(where.env, where.homeDir);
  const { name } = request;
  if (name === DEFAULT_CONTEXT) throw new ServiceError('CONFLICT', 'The "default" context always exists and cannot be created; pick another name.');
  if (!CLI_CONTEXT_NAME.test(name)) {
    throw new ServiceError('VALIDATION', `"${name}" is not a context name the docker CLI accepts: at least two characters, letters, digits, "_", ".", "+" or "-".`);
  }
  const paths = contextPaths(configDir, name);
  if (fs.existsSync(path.join(paths.meta, 'meta.json'))) throw new ServiceError('CONFLICT', `A Docker context named "${name}" already exists in ${configDir}; remove it first or pick another name.`);
  const { files, skipVerify } = readTlsMaterial(request);
  const hasTls = Object.keys(files).length > 0;

  const undo: (() => void)[] = [];
  try {
    const createdContexts = makeDirs(paths.contexts, 0o755);
    if (createdContexts !== undefined) undo.push(() => fs.rmSync(createdContexts, { recursive: true, force: true }));
    const staging = path.join(paths.contexts, `.lightdock-create-${randomBytes(6).toString('hex')}`);
    fs.mkdirSync(staging, { mode: 0o700 });
    undo.push(() => fs.rmSync(staging, { recursive: true, force: true }));
    const stagedMeta = path.join(staging, 'meta');
    fs.mkdirSync(stagedMeta, { mode: 0o755 });
    fs.writeFileSync(path.join(stagedMeta, 'meta.json'), metaJson(request, skipVerify), { mode: 0o644, flag: 'wx' });
    if (hasTls) {
      const stagedTls = path.join(staging, 'tls');
      fs.mkdirSync(path.join(stagedTls, 'docker'), { recursive: true, mode: 0o700 });
      for (const [kind, bytes] of Object.entries(files)) fs.writeFileSync(path.join(stagedTls, 'docker', `${kind}.pem`), bytes, { mode: 0o600, flag: 'wx' });
      const createdTlsRoot = makeDirs(path.dirname(paths.tls), 0o700);
      if (createdTlsRoot !== undefined) undo.push(() => fs.rmSync(createdTlsRoot, { recursive: true, force: true }));
      // A TLS folder without its meta.json is an orphan of an earlier failed removal: the new context replaces it.
      fs.rmSync(paths.tls, { recursive: true, force: true });
      fs.renameSync(stagedTls, paths.tls);
      undo.push(() => fs.rmSync(paths.tls, { recursive: true, force: true }));
    }
    const createdMetaRoot = makeDirs(path.dirname(paths.meta), 0o755);
    if (createdMetaRoot !== undefined) undo.push(() => fs.rmSync(createdMetaRoot, { recursive: true, force: true }));
    try {
      fs.renameSync(stagedMeta, paths.meta);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ServiceError('CONFLICT', `A Docker context named "${name}" was just created by another program; pick another name.`);
      throw error;
    }
    fs.rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Undoing is best effort: the first failure is the one reported.
      }
    }
    if (error instanceof ServiceError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'an unknown error';
    throw new ServiceError('INTERNAL', `Could not write the Docker context "${name}" in ${configDir} (${code}); nothing was created.`);
  }
  const description = request.description?.trim() ?? '';
  return { name, endpoint: request.host, description: description === '' ? null : description, current: false };
}

/**
 * `docker context rm <name>`: deletes `contexts/meta/<sha256(name)>` and `contexts/tls/<sha256(name)>`. CONFLICT for
 * `default` and for the context in use (DOCKER_CONTEXT or config.json's currentContext: switch first), NOT_FOUND for
 * an unknown name; the meta folder goes first, so a failure part-way leaves no half context the CLI would list.
 */
export function removeDockerContext(where: EndpointEnvironment, name: string): { removed: string } {
  const configDir = dockerConfigDir(where.env, where.homeDir);
  if (name === DEFAULT_CONTEXT) throw new ServiceError('CONFLICT', 'The "default" context cannot be removed.');
  const paths = contextPaths(configDir, name);
  if (!fs.existsSync(path.join(paths.meta, 'meta.json'))) {
    throw new ServiceError('NOT_FOUND', `Docker context "${name}" was not found in ${configDir}; run "docker context ls" to see the contexts.`);
  }
  if (currentContextName(where) === name) {
    throw new ServiceError('CONFLICT', `Docker context "${name}" is in use; switch to another context first (lightdock engine use default).`);
  }
  try {
    fs.rmSync(paths.meta, { recursive: true, force: true });
    fs.rmSync(paths.tls, { recursive: true, force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an unknown error';
    throw new ServiceError('INTERNAL', `Could not remove the Docker context "${name}" from ${configDir} (${code}).`);
  }
  return { removed: name };
}
