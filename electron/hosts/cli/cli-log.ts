import fs from 'node:fs';
import path from 'node:path';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import type { Logger } from '../../services/ports';

/** The CLI's log file, in the data folder. */
export const CLI_LOG_FILE = 'lightdock-cli.log';
/** Past this size the log is moved to `<file>.1` (replacing the previous one) before the next line. */
export const CLI_LOG_MAX_BYTES = 1024 * 1024;

/** What the dispatcher and the services say when they leave the detail to the log. */
const LOG_PROMISE = /[;,]? the log has the details\.$/;

/** Reasons for the file-system errors a data folder can cause, in words. */
const ERRNO_REASONS: Record<string, string> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder is where a file should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'a folder on the way does not exist',
};

/** A file-system error in one clause ("permission denied (/x/y, EACCES)"), or null for any other error. */
export function describeFsError(error: unknown): string | null {
  const errno = error as NodeJS.ErrnoException | null;
  const code = typeof errno?.code === 'string' ? errno.code : undefined;
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return null;
  const where = typeof errno?.path === 'string' ? `${errno.path}, ` : '';
  return `${ERRNO_REASONS[code] ?? 'the file system refused'} (${where}${code})`;
}

/** Longest part of a problem a failure sentence carries (the log line keeps up to `MAX_LINE_CHARS`). */
const MAX_DETAIL_CHARS = 300;
const MAX_LINE_CHARS = 64 * 1024;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}…` : flat;
}

function detailOf(error: unknown): string {
  if (error === undefined) return '';
  return describeFsError(error) ?? (error instanceof Error ? error.message : JSON.stringify(error));
}

/**
 * The CLI's logger: appends one timestamped line per message to `<data folder>/lightdock-cli.log` (created on
 * the first line, rotated at `CLI_LOG_MAX_BYTES`), never throws, and remembers whether the last problem reached
 * the file, so a failure sentence promises the log only when the log really has it.
 */
export class CliLog implements Logger {
  private lastProblem: { text: string; written: boolean } | null = null;
  private writeFailure: string | null = null;

  constructor(
    readonly filePath: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  info(message: string, meta?: unknown): void {
    this.append('info', message, meta);
  }

  warn(message: string, meta?: unknown): void {
    this.append('warn', message, meta);
  }

  error(message: string, error?: unknown): void {
    this.append('error', message, error);
  }

  /**
   * Rewrites a failure that leaves its detail to the log: it names the log's path when the detail was
   * written there, and otherwise carries the detail itself and says the log could not be written.
   */
  explain(payload: IpcErrorPayload): IpcErrorPayload {
    if (!LOG_PROMISE.test(payload.message)) return payload;
    const base = payload.message.replace(LOG_PROMISE, '');
    const problem = this.lastProblem;
    const message =
      problem === null
        ? `${base}; no detail was logged (the log is ${this.filePath}).`
        : problem.written
          ? `${base}; the log at ${this.filePath} has the details.`
          : `${base}: ${oneLine(problem.text)}; the log at ${this.filePath} could not be written${this.writeFailure === null ? '' : ` (${this.writeFailure})`}.`;
    return { ...payload, message };
  }

  private append(level: string, message: string, extra: unknown): void {
    const detail = detailOf(extra);
    const stack = extra instanceof Error && extra.stack ? `\n${extra.stack}` : '';
    const line = `${`${this.now().toISOString()} ${level} ${message}${detail === '' ? '' : `: ${detail}`}${stack}`.slice(0, MAX_LINE_CHARS)}\n`;
    let written = false;
    try {
      fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
      if ((fs.statSync(this.filePath, { throwIfNoEntry: false })?.size ?? 0) > CLI_LOG_MAX_BYTES) fs.renameSync(this.filePath, `${this.filePath}.1`);
      fs.appendFileSync(this.filePath, line);
      written = true;
    } catch (error) {
      this.writeFailure = (error as NodeJS.ErrnoException).code ?? String(error);
    }
    if (level !== 'info') this.lastProblem = { text: detail === '' ? message : detail, written };
  }
}
