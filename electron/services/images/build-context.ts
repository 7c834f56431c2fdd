import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import dockerignore from '@balena/dockerignore';
import tarFs from 'tar-fs';
import { ServiceError } from '../errors';

/** Largest build context sent to the engine. */
export const BUILD_CONTEXT_MAX_BYTES = 4 * 1024 ** 3;
/** Largest .dockerignore or Dockerfile read by Lightdock itself (the engine reads the Dockerfile from the tar). */
const SMALL_FILE_MAX_BYTES = 1024 * 1024;

/** A checked build context: the folder and the Dockerfile's path inside it with '/' separators. */
export interface BuildContext {
  folder: string;
  dockerfile: string;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * Checks a build request's folder and Dockerfile before anything starts: the folder is an absolute path to an
 * existing directory, and the Dockerfile (relative to it, never climbing out) exists in it and is a regular file.
 * VALIDATION with the reason otherwise.
 */
export function checkBuildContext(contextPath: string, dockerfile: string): BuildContext {
  if (!path.isAbsolute(contextPath)) throw new ServiceError('VALIDATION', `The build folder must be an absolute path: ${contextPath}`);
  const folder = path.resolve(contextPath);
  const stat = fs.existsSync(folder) ? fs.statSync(folder) : null;
  if (stat === null) throw new ServiceError('VALIDATION', `The build folder does not exist: ${folder}`);
  if (!stat.isDirectory()) throw new ServiceError('VALIDATION', `The build folder is not a folder: ${folder}`);
  const relative = dockerfile.replace(/\\/g, '/');
  const file = path.resolve(folder, relative);
  if (path.isAbsolute(relative) || relative.split('/').includes('..') || !file.startsWith(folder + path.sep)) {
    throw new ServiceError('VALIDATION', `The Dockerfile must be inside the build folder: ${dockerfile}`);
  }
  const fileStat = statOrNull(file);
  if (fileStat === null) throw new ServiceError('VALIDATION', `There is no ${relative} in ${folder}.`);
  if (!fileStat.isFile()) throw new ServiceError('VALIDATION', `${relative} in ${folder} is not a regular file.`);
  return { folder, dockerfile: path.relative(folder, file).split(path.sep).join('/') };
}

/** A small text file's content (the first SMALL_FILE_MAX_BYTES), or '' when it cannot be read. */
export function readSmallFile(file: string): string {
  let handle: number | null = null;
  try {
    handle = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(SMALL_FILE_MAX_BYTES);
    const read = fs.readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, read);
  } catch {
    return '';
  } finally {
    if (handle !== null) fs.closeSync(handle);
  }
}

/** The images a Dockerfile's FROM lines name (stage names and ARG-substituted names left out), at most 16. */
export function dockerfileBaseImages(text: string): string[] {
  const stages = new Set<string>();
  const images = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
    if (match === null) continue;
    const image = match[1] ?? '';
    if (!stages.has(image.toLowerCase()) && !image.includes('$') && image.toLowerCase() !== 'scratch') images.add(image);
    if (match[2] !== undefined) stages.add(match[2].toLowerCase());
  }
  return [...images].slice(0, 16);
}

/** A byte counter that fails the stream once more than `max` bytes went through it. */
class Bounded extends Transform {
  private bytes = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      callback(new ServiceError('VALIDATION', `The build context is larger than ${formatLimit(this.max)}; add a .dockerignore for what the build does not need.`));
      return;
    }
    callback(null, chunk);
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB` : `${Math.round(bytes / 1024)} KiB`;
}

/**
 * The context as a tar stream, as the docker CLI sends it: paths relative to the folder, owner root, files and
 * folders matched by .dockerignore left out (the Dockerfile and .dockerignore always in), symbolic links packed as
 * links and never followed, sockets and other special files skipped. The stream fails with VALIDATION once it passes
 * `maxBytes` (4 GiB by default), counted as it streams; destroying it stops the packing.
 */
export function packBuildContext(context: BuildContext, maxBytes = BUILD_CONTEXT_MAX_BYTES): NodeJS.ReadableStream {
  const rules = readSmallFile(path.join(context.folder, '.dockerignore'));
  const ignorer = dockerignore({ ignorecase: false }).add(rules);
  const hasExceptions = rules.split(/\r?\n/).some((line) => line.trim().startsWith('!'));
  const kept = new Set(['.dockerignore', context.dockerfile]);
  const ignore = (name: string): boolean => {
    const relative = path.relative(context.folder, name).split(path.sep).join('/');
    if (relative === '' || kept.has(relative)) return false;
    if ([...kept].some((file) => file.startsWith(`${relative}/`))) return false;
    let isDirectory = false;
    try {
      isDirectory = fs.lstatSync(name).isDirectory();
    } catch {
      return false;
    }
    if (isDirectory && hasExceptions) return false;
    return ignorer.ignores(isDirectory ? `${relative}/` : relative) || ignorer.ignores(relative);
  };
  const pack = tarFs.pack(context.folder, {
    ignore,
    dereference: false,
    strict: false,
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
  });
  const bounded = new Bounded(maxBytes);
  pack.on('error', (error: Error) => bounded.destroy(error));
  bounded.on('close', () => pack.destroy());
  pack.pipe(bounded);
  return bounded;
}
