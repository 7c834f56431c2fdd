import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { ServiceError } from '../../errors';
import { requireContainer } from './container-rules';
import type { SimulatedContainer } from './engine-state';
import type { SimulatedAccess } from './simulated-access';
import { lookup, place, simulatedFilesystem, type SimFolder, type SimNode } from './simulated-filesystem';

/** The largest file an upload may put into a simulated container (it is kept in memory). */
export const SIMULATED_UPLOAD_MAX_BYTES = 16 * 1024 * 1024;
/** Bytes of uploads this process keeps across every simulated container. */
const OVERLAY_MAX_BYTES = 64 * 1024 * 1024;
/** Entries one uploaded archive may hold. */
const UPLOAD_MAX_ENTRIES = 1_000;

/**
 * Uploads into simulated containers, by container (id and creation time, so a container made again under the
 * same name starts clean): absolute path → node, in upload order. They live in this process's memory only (not in
 * the engine's state file): another process (the CLI beside the app) does not see them, and they end with it.
 */
const overlays = new Map<string, Map<string, SimNode>>();
let overlayBytes = 0;

const overlayKey = (c: SimulatedContainer): string => `${c.id}:${c.created}`;

/** Forgets the uploads of containers that no longer exist. */
function forgetRemoved(containers: SimulatedContainer[]): void {
  const live = new Set(containers.map(overlayKey));
  for (const [key, files] of overlays) {
    if (live.has(key)) continue;
    for (const node of files.values()) if (node.kind === 'file') overlayBytes -= node.size;
    overlays.delete(key);
  }
}

/** The container's filesystem with what was uploaded into it. */
function filesystemOf(c: SimulatedContainer): SimFolder {
  const root = simulatedFilesystem(c);
  for (const [path, node] of overlays.get(overlayKey(c)) ?? []) place(root, path, node);
  return root;
}

function missing(ref: string, path: string): ServiceError {
  return new ServiceError('NOT_FOUND', `No such file or folder in ${ref}: ${path}`);
}

function notAFolder(ref: string, path: string): ServiceError {
  return new ServiceError('CONFLICT', `Not a folder in ${ref}: ${path}`);
}

/** The tar header of a node under `name`. */
function headerOf(name: string, node: SimNode): Partial<tar.Header> & { name: string } {
  const common = { name, mode: node.mode, mtime: new Date(node.mtime), uid: 0, gid: 0 };
  switch (node.kind) {
    case 'directory':
      return { ...common, type: 'directory' };
    case 'symlink':
      return { ...common, type: 'symlink', linkname: node.target };
    case 'character-device':
      return { ...common, type: 'character-device', devmajor: 1, devminor: 3 };
    case 'file':
      return { ...common, type: 'file', size: node.size };
  }
}

/** Writes `node` (and, for a folder, everything below it) into `pack`, one entry after the other (the pack's backpressure holds bodies back). */
async function packNode(pack: tar.Pack, name: string, node: SimNode, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw new ServiceError('INTERNAL', 'The archive was cancelled.');
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error | null): void => (error ? reject(error) : resolve());
    const entry = node.kind === 'file' ? pack.entry(headerOf(name, node), node.content(), done) : pack.entry(headerOf(name, node), done);
    // A pack torn down mid-entry destroys the entry's sink with its error; `done` has it, the process need not.
    entry.on('error', () => undefined);
  });
  if (node.kind !== 'directory') return;
  const prefix = name.endsWith('/') ? name : `${name}/`;
  for (const [child, childNode] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await packNode(pack, childNode.kind === 'directory' ? `${prefix}${child}/` : `${prefix}${child}`, childNode, signal);
  }
}

/**
 * A tar stream of a path in a simulated container, named as the engine names them (a folder's entries start with
 * its base name, `/` for the root; a trailing `/` follows a last symlink); stopped containers too. NOT_FOUND for a
 * missing path or container, CONFLICT for a path through a file.
 */
export async function getSimulatedArchive(engine: SimulatedAccess, ref: string, path: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  const state = engine.read();
  forgetRemoved(state.containers);
  const container = requireContainer(state, ref);
  const trailing = path.length > 1 && path.endsWith('/');
  const found = lookup(filesystemOf(container), path, trailing);
  if (!found.found) throw found.reason === 'missing' ? missing(ref, path) : notAFolder(ref, path);
  if (trailing && found.node.kind !== 'directory') throw notAFolder(ref, path);
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  const base = parts.at(-1) ?? '/';
  const pack = tar.pack();
  // A pack torn down mid-entry (the reader went away) fails its entries; the reader already knows, the process need not.
  pack.on('error', () => undefined);
  const node = found.node;
  packNode(pack, node.kind === 'directory' && base !== '/' ? `${base}/` : base, node, signal).then(
    () => pack.finalize(),
    (error: unknown) => pack.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  const stream = Readable.from(pack);
  const abort = (): void => {
    stream.destroy();
  };
  signal.addEventListener('abort', abort, { once: true });
  stream.on('close', () => signal.removeEventListener('abort', abort));
  stream.on('error', () => undefined);
  return stream;
}

/** One entry of an uploaded archive, read and checked, before anything is kept. */
interface Staged {
  path: string;
  node: SimNode;
}

/** The entry's name below the extraction folder; VALIDATION for one that climbs out. */
function relativeName(name: string): string[] {
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new ServiceError('VALIDATION', `The archive names a path outside the folder: ${JSON.stringify(name.slice(0, 200))}`);
  return parts;
}

/** Reads an uploaded tar (bounded: entries, bytes per file) into staged nodes below `folder`. */
function stageArchive(input: NodeJS.ReadableStream, folder: string, signal: AbortSignal): Promise<Staged[]> {
  return new Promise<Staged[]>((resolve, reject) => {
    const staged: Staged[] = [];
    const extract = tar.extract();
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      extract.destroy();
      (input as Readable).destroy?.();
      reject(error);
    };
    const onAbort = (): void => fail(new ServiceError('INTERNAL', 'The upload was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    extract.on('entry', (header, body, next) => {
      try {
        if (staged.length >= UPLOAD_MAX_ENTRIES) throw new ServiceError('VALIDATION', `An upload holds at most ${UPLOAD_MAX_ENTRIES} entries.`);
        const parts = relativeName(header.name);
        const path = `${folder === '/' ? '' : folder}/${parts.join('/')}`;
        const mtime = (header.mtime ?? new Date()).getTime();
        const mode = (header.mode ?? 0o644) & 0o7777;
        if (parts.length > 0 && header.type === 'directory') staged.push({ path, node: { kind: 'directory', mode, mtime, children: new Map() } });
        if (parts.length > 0 && header.type === 'symlink') staged.push({ path, node: { kind: 'symlink', mode: 0o777, mtime, target: header.linkname ?? '' } });
        if (parts.length > 0 && (header.type === 'file' || header.type === 'contiguous-file')) {
          const size = header.size ?? 0;
          if (size > SIMULATED_UPLOAD_MAX_BYTES) throw new ServiceError('VALIDATION', `The simulated engine keeps uploaded files up to ${SIMULATED_UPLOAD_MAX_BYTES / 1024 / 1024} MiB.`);
          const chunks: Buffer[] = [];
          let got = 0;
          body.on('data', (data: unknown) => {
            const chunk = data as Buffer;
            got += chunk.length;
            if (got <= size) chunks.push(chunk);
          });
          body.on('end', () => {
            const bytes = Buffer.concat(chunks);
            staged.push({ path, node: { kind: 'file', mode, mtime, size: bytes.length, content: () => Buffer.from(bytes) } });
            next();
          });
          body.on('error', fail);
          return;
        }
        body.on('end', () => next());
        body.on('error', fail);
        body.resume();
      } catch (error) {
        fail(error);
      }
    });
    extract.on('finish', () => {
      signal.removeEventListener('abort', onAbort);
      if (!failed) resolve(staged);
    });
    extract.on('error', (error: Error) => fail(new ServiceError('VALIDATION', `The upload is not a valid tar archive: ${error.message}`)));
    input.on('error', fail);
    input.pipe(extract);
  });
}

/**
 * Extracts a tar into a folder of a simulated container, as `PUT /archive` does: the folder must exist (NOT_FOUND,
 * CONFLICT for a file), a same-named file is replaced, names that climb out are refused. Nothing is kept unless the
 * whole archive was read; uploads stay in this process's memory (see `overlays`), bounded to 64 MiB.
 */
export async function putSimulatedArchive(engine: SimulatedAccess, ref: string, folder: string, tarStream: NodeJS.ReadableStream, signal: AbortSignal): Promise<void> {
  const state = engine.read();
  forgetRemoved(state.containers);
  const container = requireContainer(state, ref);
  const found = lookup(filesystemOf(container), folder, true);
  if (!found.found) throw found.reason === 'missing' ? missing(ref, folder) : notAFolder(ref, folder);
  if (found.node.kind !== 'directory') throw notAFolder(ref, folder);
  const staged = await stageArchive(tarStream, found.path, signal);
  const files = overlays.get(overlayKey(container)) ?? new Map<string, SimNode>();
  const sizeOf = (node: SimNode | undefined): number => (node?.kind === 'file' ? node.size : 0);
  const added = staged.reduce((sum, { path, node }) => sum + sizeOf(node) - sizeOf(files.get(path)), 0);
  if (overlayBytes + added > OVERLAY_MAX_BYTES) {
    throw new ServiceError('CONFLICT', `The simulated engine keeps ${OVERLAY_MAX_BYTES / 1024 / 1024} MiB of uploads at most; this one does not fit.`);
  }
  for (const { path, node } of staged) {
    files.delete(path);
    files.set(path, node);
  }
  overlayBytes += added;
  overlays.set(overlayKey(container), files);
  engine.logger.info('Simulated upload kept in memory', { container: container.name, folder: found.path, entries: staged.length });
}
