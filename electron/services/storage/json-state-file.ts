import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Clock, Logger } from '../ports';
import { backUpCorruptFile } from './corrupt-file';

/** Writes the whole text to a new file and flushes it to disk before returning, so a rename after it never exposes a short file. */
function writeFlushed(filePath: string, text: string): void {
  const fd = fs.openSync(filePath, 'w');
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a temp file a failed write left; one that cannot be removed is harmless (never read, replaced by the next write). */
function removeLeftover(filePath: string): void {
  try {
    fs.rmSync(filePath, { force: true });
  } catch {
    return;
  }
}

/** Freezes a parsed JSON value and everything in it, so a caller given it to read cannot change it for the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * How old a file's last change must be before its stamp alone is trusted, in ms: a file system may stamp times as
 * coarsely as every few ms (2 s on FAT), so two writes of the same size within one stamp, the second given the freed
 * inode of the first, would otherwise look alike (the racy-git problem). Younger files are read and compared.
 */
const SETTLED_AFTER_MS = 2_000;

/**
 * What identifies one version of a file without reading it (its inode, size, and change and modification times in
 * nanoseconds; every write here replaces the file, a write in place changes its ctime), or null while the file
 * changed too recently for that to be sure.
 */
function settledStamp(filePath: string): string | null {
  const stat = fs.statSync(filePath, { bigint: true });
  if (Date.now() - Number(stat.ctimeMs) < SETTLED_AFTER_MS) return null;
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.ctimeNs}:${stat.mtimeNs}`;
}

/**
 * One JSON document on disk, shared between processes: every read validates against the schema,
 * a corrupt file is backed up and replaced by the seed, writes are atomic (temp file + rename), and
 * `watch` reports writes made by other processes only.
 */
export class JsonStateFile<T> {
  private lastWritten: string | null = null;
  /**
   * The last text read, what it parsed to (deeply frozen) and the file's stamp then: an unchanged stamp is not read
   * again, the same text again is not parsed and validated again.
   */
  private lastRead: { text: string; value: T; stamp: string | null } | null = null;

  constructor(
    readonly filePath: string,
    private readonly schema: z.ZodType<T>,
    private readonly seed: () => T,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * The current document (a copy the caller may change); seeds the file when it is missing and recovers it when it
   * is corrupt. Text identical to the last read is not parsed and validated again.
   */
  read(): T {
    return structuredClone(this.current());
  }

  /**
   * The current document to read only, as `read` finds it but not copied: deeply frozen, so a change throws rather
   * than reaching the next reader. A large unchanged document then costs a stat of the file (a read and a text
   * compare while its last change is under 2 s old).
   */
  view(): Readonly<T> {
    return this.current();
  }

  private current(): T {
    let stamp: string | null;
    let text: string;
    try {
      stamp = settledStamp(this.filePath);
      if (stamp !== null && this.lastRead?.stamp === stamp) return this.lastRead.value;
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return this.reseed();
    }
    if (this.lastRead?.text === text) {
      this.lastRead.stamp = stamp;
      return this.lastRead.value;
    }
    const parsed = this.parse(text);
    if (parsed.ok) {
      this.lastRead = { text, value: deepFreeze(parsed.value), stamp };
      return this.lastRead.value;
    }
    const backup = backUpCorruptFile(this.filePath, this.clock.now());
    this.logger.warn(`${path.basename(this.filePath)} was unreadable (${parsed.reason}); it was moved to ${backup} and reset.`);
    return this.reseed();
  }

  /**
   * Replaces the document atomically: the whole text goes to a temp file that is flushed to disk, then
   * renamed over the file. When any step fails (a full disk, a read-only folder) the temp file is
   * removed, the file keeps its previous content, and the file-system error is thrown as it came.
   */
  write(value: T): void {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    try {
      writeFlushed(temp, text);
      fs.renameSync(temp, this.filePath);
    } catch (error) {
      removeLeftover(temp);
      throw error;
    }
    this.lastWritten = text;
  }

  /** Read, change, write in one step. */
  update(change: (current: T) => T): T {
    const next = change(this.read());
    this.write(next);
    return next;
  }

  /** Calls the listener (debounced) when another process rewrites the file; returns the stop function. */
  watch(listener: () => void): () => void {
    const dir = path.dirname(this.filePath);
    const base = path.basename(this.filePath);
    fs.mkdirSync(dir, { recursive: true });
    let timer: NodeJS.Timeout | undefined;
    const watcher = fs.watch(dir, (_event, filename) => {
      if (filename !== base) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        let text: string;
        try {
          text = fs.readFileSync(this.filePath, 'utf8');
        } catch {
          return;
        }
        if (text === this.lastWritten) return;
        this.lastWritten = text;
        listener();
      }, 30);
    });
    watcher.on('error', (error) => this.logger.warn(`Stopped watching ${base}`, error));
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  private reseed(): T {
    const value = this.seed();
    this.write(value);
    return value;
  }

  private parse(text: string): { ok: true; value: T } | { ok: false; reason: string } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
    const result = this.schema.safeParse(json);
    return result.success ? { ok: true, value: result.data } : { ok: false, reason: result.error.issues[0]?.message ?? 'invalid' };
  }
}
